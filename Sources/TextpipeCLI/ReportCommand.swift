import ArgumentParser
import Foundation
import Textpipe
import TextpipeEvalKit
import TextpipeReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `textpipe report [INPUT.jsonl…]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn the JSON Lines a run wrote into one self-contained HTML page.",
        discussion: """
            Reads the output of `textpipe run` (and dead-letter files) and writes one HTML file with \
            inline CSS and script and no network access: counts and charts, the articles the \
            intra-party-conflict stage flagged in a sortable, filterable table, and each article \
            with its entities and evidence sentences highlighted. With no INPUT, stdin is read:
              textpipe run conflict-watch news/ | textpipe report > report.html
            """
    )

    @Argument(help: "JSON Lines files a run wrote; '-' or nothing for stdin.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Write the page to this file (atomically) instead of stdout.")
    var output: String?

    @Option(help: "The page's title.")
    var title = "textpipe report"

    @Option(
        name: .customLong("max-articles"),
        help: "Most article views on the page, flagged first; counts and the table cover every article.")
    var maxArticles = ReportOptions.defaultMaxArticles

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors.")
    var quiet = false

    func validate() throws {
        guard maxArticles >= 0 else { throw ValidationError("--max-articles must be 0 or more, got \(maxArticles)") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let raw = Terminal.argumentsThatAreNotUTF8()
        let specs: [ReportInput] =
            inputs.isEmpty
            ? [.standardInput]
            : inputs.map { $0 == "-" ? .standardInput : raw[$0].map { .fileBytes($0) } ?? .file($0) }
        let sink: OutputSink
        do throws(OutputSink.WriteError) {
            sink = try Terminal.output(output)
        } catch {
            if case .failed(let message) = error { Terminal.error("textpipe: error: \(message)") }
            throw ExitCode(ReportError.ioError)
        }
        let options = ReportOptions(
            title: title, maxArticles: maxArticles,
            inputNames: specs.map(\.name))
        do throws(ReportError) {
            let summary = try Report.write(specs, options: options, to: sink)
            do throws(OutputSink.WriteError) {
                try sink.commit()
            } catch {
                if case .failed(let message) = error {
                    throw ReportError(message: "textpipe: error: \(message)", exitCode: ReportError.ioError)
                }
            }
            if !quiet {
                Terminal.error(
                    "report: \(summary.articles) articles, \(summary.flagged) flagged, \(summary.failed) failed records; "
                        + "\(summary.articleViews) article views, \(summary.bytes) bytes\(output.map { " in \($0)" } ?? "")"
                )
            }
        } catch {
            sink.abandon()
            if error == .outputClosed { throw ExitCode.success }
            Terminal.error(error.message)
            throw ExitCode(error.exitCode)
        }
    }
}
