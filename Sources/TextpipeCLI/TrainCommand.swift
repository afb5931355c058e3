import ArgumentParser
import IntraPartyConflictEvaluation

/// `textpipe train TASK …`: train a stage's model on annotated data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a stage's model on your own annotated data.",
        subcommands: trainTasks
    )
}

/// The training tasks, one per stage with a learned model: in `Train/`, or in the
/// stage's `Evaluations/<Name>` module once it has moved there.
let trainTasks: [any ParsableCommand.Type] =
    [
        TrainEntitiesCommand.self
    ] + IntraPartyConflictTasks.train
