import ArgumentParser
import Foundation
import Synchronization
import Textpipe
import TextpipeEvalKit

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

    @Option(
        name: .customLong("stdin-as"),
        help: ArgumentHelp(
            "Name stdin's JSON Lines as lines of this file (id and source FILE:LINE), for a part of a file piped in.",
            valueName: "file"))
    var stdinAs: String?

    @Option(
        name: .customLong("stdin-id"),
        help: "With --stdin-as: the id prefix, when it is not the file (a file inside a directory INPUT).")
    var stdinID: String?

    @Option(
        name: .customLong("first-line"),
        help: ArgumentHelp("With --stdin-as: the line number of stdin's first line in that file.", valueName: "n"))
    var firstLine: Int = 1

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "Run the pipeline from this stage on (included); the stages before it are skipped.", valueName: "stage"))
    var fromStage: String?

    @Option(
        name: .customLong("until"),
        help: ArgumentHelp(
            "Run the pipeline up to this stage (included); the stages after it are skipped.", valueName: "stage"))
    var untilStage: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set a stage's option for this run: STAGE.OPTION=VALUE (a YAML value), e.g. dedupe.mode=fingerprint.",
            valueName: "stage.option=value"))
    var settings: [String] = []

    /// The most worker threads `--jobs` accepts. Each job keeps up to four batches
    /// of at most 1 MiB in flight, so 256 jobs bound the window at 1 GiB;
    /// `--jobs 99999999999` used to abort trying to allocate 800 GB.
    static let maximumJobs = 256

    func validate() throws {
        guard (1...Self.maximumJobs).contains(jobs) else {
            throw ValidationError("--jobs must be between 1 and \(Self.maximumJobs), got \(jobs)")
        }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be positive, got \(maxBytes)") }
        guard output != "", deadLetter != "" else {
            throw ValidationError("--output and --dead-letter need a file name")
        }
        guard stdinAs != nil || (stdinID == nil && firstLine == 1) else {
            throw ValidationError("--stdin-id and --first-line need --stdin-as FILE")
        }
        guard firstLine >= 1 else { throw ValidationError("--first-line must be at least 1, got \(firstLine)") }
        guard stdinAs == nil || inputs.isEmpty || inputs == ["-"] else {
            throw ValidationError("--stdin-as names what stdin stands for; give no other INPUT")
        }
        for setting in settings where Self.split(setting) == nil {
            throw ValidationError("--set expects STAGE.OPTION=VALUE (e.g. dedupe.mode=fingerprint), got '\(setting)'")
        }
    }

    /// `dedupe.mode=fingerprint` as (stage, option, value); `nil` when it is not of that shape.
    static func split(_ setting: String) -> (stage: String, option: String, value: String)? {
        guard let equals = setting.firstIndex(of: "="), let dot = setting[..<equals].firstIndex(of: ".") else {
            return nil
        }
        let stage = String(setting[..<dot])
        let option = String(setting[setting.index(after: dot)..<equals])
        guard !stage.isEmpty, !option.isEmpty else { return nil }
        return (stage, option, String(setting[setting.index(after: equals)...]))
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        // Past `ulimit -f` a write then fails with EFBIG (exit 74, temporary file removed)
        // instead of SIGXFSZ killing the run and leaving the file behind.
        signal(SIGXFSZ, SIG_IGN)
        TemporaryFiles.removeOnSignals()
        let catalog = CommandContext.catalog
        var loaded: Pipeline
        do throws(PipelineError) {
            let found = try PipelineResolver.resolve(
                pipeline, catalog: catalog, currentDirectory: FileManager.default.currentDirectoryPath,
                environment: ProcessInfo.processInfo.environment)
            loaded = try PipelineLoader.load(yaml: found.yaml, file: found.file, catalog: catalog)
            // Options are set before slicing, so `--set` may name any stage of the file.
            for case let (stage, option, value)? in settings.map(Self.split) {
                loaded = try loaded.setting(option, of: stage, to: value)
            }
            loaded = try loaded.sliced(from: fromStage, until: untilStage)
        } catch {
            Terminal.report(error)
            throw ExitCode(ExitStatus.usage)
        }
        let raw = Terminal.argumentsThatAreNotUTF8()
        var specs: [InputSpec] =
            inputs.isEmpty
            ? [.stdin(inputFormat)]
            : inputs.map { $0 == "-" ? .stdin(inputFormat) : raw[$0].map { .rawPath($0) } ?? .path($0) }
        if let stdinAs { specs = [.stdinPart(source: stdinAs, idPrefix: stdinID ?? stdinAs, firstLine: firstLine)] }

        // Everything that can be refused is refused before a file is created.
        if let output, let deadLetter, OutputPaths.nameSameFile(output, deadLetter) {
            Terminal.error(
                "error: --output and --dead-letter both name '\(deadLetter)'; give the dead-letter file another name")
            throw ExitCode(ExitStatus.usage)
        }
        var options = RunOptions(jobs: jobs, onError: onError ?? loaded.onError, report: Terminal.error)
        options.maxBytes = maxBytes
        do throws(ArticleReader.InputError) {
            try ArticleReader(maxBytes: maxBytes, notice: Terminal.error).check(specs)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(ExitStatus.ioError)
        }
        let output: OutputSink
        do throws(OutputSink.WriteError) {
            output = try Terminal.output(self.output)
            do throws(OutputSink.WriteError) {
                if let deadLetter { options.deadLetter = try Terminal.output(deadLetter) }
            } catch {
                output.abandon()
                throw error
            }
        } catch {
            if case .failed(let message) = error { Terminal.error("error: \(message)") }
            throw ExitCode(ExitStatus.ioError)
        }
        let showProgress = progress || (!quiet && Terminal.stderrIsTerminal)
        if showProgress {
            options.progress = { summary in Terminal.errorText("\r\u{1B}[K\(summary.progressLine)") }
        }

        let runner = PipelineRunner(stages: loaded.stages.map(\.instance), options: options, output: output)
        let summary: RunSummary
        do {
            summary = try runner.run(specs)
        } catch {
            output.abandon()
            options.deadLetter?.abandon()
            Terminal.error("error: \(error)")
            throw ExitCode(ExitStatus.ioError)
        }
        if showProgress { Terminal.errorText("\r\u{1B}[K") }
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

/// Facts about the paths given to `--output` and `--dead-letter`.
enum OutputPaths {
    /// Whether two output paths end up in one file (same path after resolving
    /// links, or the same inode); two character devices (`/dev/null` twice) are fine.
    static func nameSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        if stat(first, &a) == 0, stat(second, &b) == 0 {
            return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_mode & S_IFMT != S_IFCHR
        }
        return canonical(first) == canonical(second)
    }

    /// An absolute path with links resolved, for a file that may not exist yet.
    private static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        guard let resolved = realpath(parent, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + url.lastPathComponent
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
