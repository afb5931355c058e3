import ArgumentParser

// `EvaluationRegistry` itself is generated at build time from Package.swift's
// `evaluations` list (see `EvaluationRegistry+Generated.swift`): each module
// `Evaluations/<Name>` exports `<Name>Tasks.eval` and `<Name>Tasks.train`, so a
// stage's evaluation is a folder and one manifest line, as a stage is.

extension EvaluationRegistry {
    /// Every task's command name, `eval` then `train`, for listing and tests.
    public static var commandNames: (eval: [String], train: [String]) {
        (eval.map { $0.configuration.commandName ?? "" }, train.map { $0.configuration.commandName ?? "" })
    }
}
