import ArgumentParser
import EvaluationRegistry

/// `textpipe eval TASK …`: score a stage against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a stage against gold data (precision, recall, F1, ROUGE …).",
        subcommands: evalTasks
    )
}

/// The evaluation tasks, one per stage that has gold data: those of the modules under
/// `Evaluations/` (generated from Package.swift's `evaluations`), and the entities
/// stage's, which are still in `Eval/`.
let evalTasks: [any ParsableCommand.Type] =
    [
        EvalEntitiesCommand.self
    ] + EvaluationRegistry.eval
