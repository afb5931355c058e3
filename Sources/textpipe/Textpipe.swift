import ArgumentParser

/// The `textpipe` command.
@main
struct Textpipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textpipe",
        abstract: "Stream news articles through YAML-defined pipelines of stages.",
        discussion: """
            Reads articles from files, directories or stdin (JSON Lines), runs them through the \
            stages of a pipeline in parallel, and writes JSON Lines in input order.
            """,
        subcommands: [
            RunCommand.self, ListCommand.self, DescribeCommand.self, ValidateCommand.self, NewStageCommand.self,
            EvalCommand.self, TrainCommand.self,
        ]
    )

    /// Makes sure descriptors 0–2 are open before anything else opens a file, then runs the command.
    static func main() {
        Terminal.guardStandardDescriptors()
        main(nil)
    }
}
