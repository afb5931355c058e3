import ArgumentParser
import EvaluationRegistry
import TextpipeEvalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `textpipe` command; ``TextpipeCommand/main(stages:pipelines:)`` runs it.
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
            EvalCommand.self, TrainCommand.self, ReportCommand.self,
        ] + EvaluationRegistry.commands
    )

    /// Makes sure descriptors 0–2 are open before anything else opens a file, then runs the command.
    static func main() {
        Terminal.guardStandardDescriptors()
        // `--help`, `eval` and `train` print through stdio, whose buffer is flushed at exit:
        // check that flush (as coreutils' close_stdout does), or `--help >/dev/full` exits 0.
        atexit {
            if fflush(nil) != 0 && errno != EPIPE {
                Terminal.error("textpipe: error: cannot write standard output: \(String(cString: strerror(errno)))")
                _exit(ExitStatus.ioError)
            }
        }
        main(nil)
    }
}
