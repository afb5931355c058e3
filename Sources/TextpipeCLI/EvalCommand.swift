import ArgumentParser
import EvaluationRegistry

/// `textpipe eval TASK …`: score a stage against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a stage against gold data (precision, recall, F1, ROUGE …).",
        subcommands: EvaluationRegistry.eval
    )
}
