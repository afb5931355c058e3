import ArgumentParser

/// The dedupe stage's `textpipe eval` task: precision and recall against
/// labelled pairs, and the speed and memory of the real runner over a corpus.
public enum DedupeTasks {
    public static let eval: [any ParsableCommand.Type] = [EvalDedupeCommand.self]
    /// Nothing to train: the stage learns nothing.
    public static let train: [any ParsableCommand.Type] = []
}
