import ArgumentParser
import TextpipeEvalKit

/// The dedupe stage's tasks: `textpipe eval dedupe` (precision and recall against
/// labelled pairs, and the speed and memory of the real runner over a corpus) and
/// `textpipe dedupe decide` (deciding from fingerprints that other machines wrote).
/// Nothing to train: the stage learns nothing.
public enum DedupeTasks: StageTasks {
    public static let eval: [any ParsableCommand.Type] = [EvalDedupeCommand.self]
    public static let commands: [any ParsableCommand.Type] = [DedupeCommand.self]
}
