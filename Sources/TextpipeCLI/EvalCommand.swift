import ArgumentParser
import DedupeEvaluation
import IntraPartyConflictEvaluation
import SummarizeEvaluation

/// `textpipe eval TASK …`: score a stage against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a stage against gold data (precision, recall, F1, ROUGE …).",
        subcommands: evalTasks
    )
}

/// The evaluation tasks, one per stage that has gold data: in `Eval/`, or in the
/// stage's `Evaluations/<Name>` module once it has moved there.
let evalTasks: [any ParsableCommand.Type] =
    [
        EvalEntitiesCommand.self
    ] + DedupeTasks.eval + SummarizeTasks.eval + IntraPartyConflictTasks.eval
