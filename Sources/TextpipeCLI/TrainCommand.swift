import ArgumentParser
import EvaluationRegistry

/// `textpipe train TASK …`: train a stage's model on annotated data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a stage's model on your own annotated data.",
        subcommands: trainTasks
    )
}

/// The training tasks, one per stage with a learned model: those of the modules under
/// `Evaluations/` (generated from Package.swift's `evaluations`), and the entities
/// stage's, which are still in `Train/`.
let trainTasks: [any ParsableCommand.Type] =
    [
        TrainEntitiesCommand.self
    ] + EvaluationRegistry.train
