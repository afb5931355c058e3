import ArgumentParser

/// The summarize stage's `textpipe eval` task: ROUGE against reference summaries.
public enum SummarizeTasks {
    public static let eval: [any ParsableCommand.Type] = [EvalSummarizeCommand.self]
    /// Nothing to train: the stage learns nothing.
    public static let train: [any ParsableCommand.Type] = []
}
