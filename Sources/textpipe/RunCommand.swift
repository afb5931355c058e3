import ArgumentParser
import Foundation
import StageRegistry
import Synchronization
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ErrorPolicy: ExpressibleByArgument {}
extension StdinFormat: ExpressibleByArgument {}

/// `textpipe run PIPELINE [INPUT…]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over files, directories or stdin; write JSON Lines.",
        discussion: """
            PIPELINE is a path to a YAML file, or a name looked up in ./Pipelines, then in each \
            directory of $TEXTPIPE_PIPELINES, then among the pipelines built into textpipe.
            INPUT is a file or directory (.txt/.md: one article; .json: object or array; .jsonl: one \
            per line) or '-' for stdin; with no INPUT, stdin is read.
            """
    )

    @Argument(help: "The pipeline: a name (clean, conflict-watch) or a path to a YAML file.")
    var pipeline: String

    @Argument(help: "Files or directories to read; '-' or nothing for stdin.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Worker threads (default: the number of active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .shortAndLong, help: "Write JSON Lines to this file (atomically) instead of stdout.")
    var output: String?

    @Option(name: .customLong("dead-letter"), help: "Write articles that fail to this JSON Lines file.")
    var deadLetter: String?

    @Option(name: .customLong("on-error"), help: "fail | skip | dead-letter (default: the pipeline's on_error).")
    var onError: ErrorPolicy?

    @Option(name: .customLong("input-format"), help: "How to read stdin: jsonl, or text for one plain article.")
    var inputFormat: StdinFormat = .jsonl

    @Option(name: .customLong("max-bytes"), help: "Largest article (file or JSON line) accepted, in bytes.")
    var maxBytes: Int = 10_000_000

    @Flag(help: "Print the time spent in each stage at the end.")
    var stats = false

    @Flag(help: "Show a progress line on stderr even when it is not a terminal.")
    var progress = false

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be positive, got \(maxBytes)") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let catalog = StageRegistry.catalog
        let loaded: Pipeline
        do throws(PipelineError) {
            let found = try PipelineResolver.resolve(
                pipeline, catalog: catalog, currentDirectory: FileManager.default.currentDirectoryPath,
                environment: ProcessInfo.processInfo.environment)
            loaded = try PipelineLoader.load(yaml: found.yaml, file: found.file, catalog: catalog)
        } catch {
            Terminal.report(error)
            throw ExitCode(ExitStatus.usage)
        }

        let output: OutputSink
        var options = RunOptions(jobs: jobs, onError: onError ?? loaded.onError, report: Terminal.error)
        do throws(OutputSink.WriteError) {
            output = try self.output.map(OutputSink.file) ?? .standardOutput
            options.deadLetter = try deadLetter.map(OutputSink.file)
        } catch {
            if case .failed(let message) = error { Terminal.error("error: \(message)") }
            throw ExitCode(ExitStatus.ioError)
        }
        options.maxBytes = maxBytes
        let showProgress = progress || (!quiet && Terminal.stderrIsTerminal)
        if showProgress {
            options.progress = { summary in
                FileHandle.standardError.write(Data("\r\u{1B}[K\(summary.progressLine)".utf8))
            }
        }
        let specs: [InputSpec] =
            inputs.isEmpty ? [.stdin(inputFormat)] : inputs.map { $0 == "-" ? .stdin(inputFormat) : .path($0) }

        let runner = PipelineRunner(stages: loaded.stages.map(\.instance), options: options, output: output)
        let summary: RunSummary
        do {
            summary = try runner.run(specs)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(ExitStatus.ioError)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if summary.stop == .outputClosed { throw ExitCode.success }
        if !quiet {
            if stats {
                for (name, seconds) in summary.stageSeconds {
                    Terminal.error("  \(name): \(String(format: "%.3f", seconds)) s")
                }
            }
            Terminal.error(summary.line)
            if summary.deadLettered > 0 && deadLetter == nil {
                Terminal.error("hint: pass --dead-letter FILE to keep the articles that failed")
            }
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

extension RunSummary {
    /// A short line for the progress display.
    var progressLine: String {
        let rate = seconds > 0 ? Double(read) / seconds : 0
        return
            "read \(read), written \(written), dropped \(dropped), failed \(deadLettered + failed) — \(Int(rate)) articles/s"
    }
}
