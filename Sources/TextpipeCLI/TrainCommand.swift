import ArgumentParser
import EvaluationRegistry

/// `textpipe train TASK …`: train a stage's model on annotated data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a stage's model on your own annotated data.",
        subcommands: EvaluationRegistry.train
    )
}
