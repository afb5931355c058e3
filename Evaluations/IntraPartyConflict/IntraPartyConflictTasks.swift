import ArgumentParser
import TextpipeEvalKit

/// The intra-party-conflict stage's `textpipe eval` and `textpipe train` tasks:
/// scoring it on labelled news and fitting the weights it bundles. They live
/// beside the stage, not in it, so the stage ships no training code and the
/// command line names no stage internals.
public enum IntraPartyConflictTasks: StageTasks {
    public static let eval: [any ParsableCommand.Type] = [EvalConflictCommand.self]
    public static let train: [any ParsableCommand.Type] = [TrainConflictCommand.self]
}
