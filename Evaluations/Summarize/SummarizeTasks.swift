import ArgumentParser
import TextpipeEvalKit

/// The summarize stage's `textpipe eval` task: ROUGE against reference summaries.
/// Nothing to train: the stage learns nothing.
public enum SummarizeTasks: StageTasks {
    public static let eval: [any ParsableCommand.Type] = [EvalSummarizeCommand.self]
}
