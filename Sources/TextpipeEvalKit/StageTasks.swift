import ArgumentParser

/// What a module under `Evaluations/<Name>` adds to the command line for stage
/// `<Name>`: its `textpipe eval` tasks, its `textpipe train` tasks, and commands
/// of its own at the top level (`textpipe dedupe decide`). The module exports
/// `public enum <Name>Tasks: StageTasks`; the generated evaluation registry
/// collects them, so the command line imports no stage.
public protocol StageTasks {
    /// Subcommands of `textpipe eval`: scoring the stage against gold data.
    static var eval: [any ParsableCommand.Type] { get }
    /// Subcommands of `textpipe train`: fitting what the stage bundles.
    static var train: [any ParsableCommand.Type] { get }
    /// Top-level subcommands of `textpipe` that work with the stage's output.
    static var commands: [any ParsableCommand.Type] { get }
}

extension StageTasks {
    /// Nothing to train: most stages learn nothing.
    public static var train: [any ParsableCommand.Type] { [] }
    public static var commands: [any ParsableCommand.Type] { [] }
}
