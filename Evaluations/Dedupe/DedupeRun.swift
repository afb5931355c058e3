import Dedupe
import Foundation
import Textpipe
import TextpipeEvalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dedupe stage run by the pipeline runner itself, as `textpipe run --output`
/// runs it, into a temporary file; what an evaluation needs is read back from the
/// records it wrote: each article's id and its `duplicate_of`.
///
/// A file, not a ``CollectingSink``: the million-article benchmark would hold
/// 1.5 GB of records in memory and report that as the index's memory.
///
/// So the throughput figures of `eval dedupe` and the benchmarks are those of
/// the code users run (reading, parsing, the window and reorder buffer, JSON
/// writing), not of a copy of the runner.
struct DedupeRun {
    /// A `duplicate_of` value, as the stage writes it.
    struct Mark: Decodable, Sendable, Equatable {
        var id: String
        var similarity: Double
        var kind: String
    }

    struct Outcome {
        /// Ids of the articles written, in input order.
        var order: [String]
        /// Marks by position in `order`.
        var marks: [Int: Mark]
        /// The whole run: reading, the stage, writing.
        var seconds: Double
        /// CPU time of the process over the same span, all threads.
        var cpuSeconds: Double
        var statistics: DedupeStage.Statistics
        /// Inputs that were not articles (binary, bad JSON …).
        var unreadable: Int
    }

    let stage: DedupeStage
    let jobs: Int
    let progressEvery: Int?

    func run(_ inputs: [InputSpec]) throws -> Outcome {
        let stage = self.stage
        var options = RunOptions(jobs: jobs, onError: .skip, report: { Terminal.error($0) })
        options.maxBytes = 100_000_000
        if let every = progressEvery, every > 0 {
            let last = Locked((articles: 0, seconds: 0.0))
            options.progress = { summary in
                last.withLock { last in
                    guard summary.read >= last.articles + every else { return }
                    let rate = Double(summary.read - last.articles) / max(1e-9, summary.seconds - last.seconds)
                    last = (summary.read, summary.seconds)
                    let statistics = stage.statistics()
                    let perArticle = Double(statistics.indexBytes) / Double(max(1, statistics.indexedArticles))
                    Terminal.error(
                        "\(summary.read) articles  \(String(format: "%.0f", rate)) articles/s"
                            + "  index \(String(format: "%.1f", perArticle)) B/article  RSS \(Clocks.residentMegabytes()) MB"
                    )
                }
            }
        }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("textpipe-eval-dedupe-\(getpid()).jsonl").path
        defer { unlink(path) }
        let sink = try OutputSink.file(path)
        let cpuStarted = Clocks.processCPUSeconds()
        let summary = try PipelineRunner(stages: [StageInstance(stage)], options: options, output: sink).run(inputs)
        let cpuSeconds = Clocks.processCPUSeconds() - cpuStarted
        if case .ioError(let message) = summary.stop { throw StageError(message) }
        var order: [String] = []
        var marks: [Int: Mark] = [:]
        order.reserveCapacity(summary.written)
        try Self.forEachLine(of: path) { line in
            let document = try DocumentDecoder.decode(line, defaultID: "", source: nil)
            if let mark = try document.value("duplicate_of", as: Mark.self) { marks[order.count] = mark }
            order.append(document.id)
        }
        return Outcome(
            order: order, marks: marks, seconds: summary.seconds, cpuSeconds: cpuSeconds,
            statistics: stage.statistics(), unreadable: summary.failed)
    }

    /// Calls `body` with each line of the file at `path`, reading it a megabyte at a time.
    static func forEachLine(of path: String, _ body: ([UInt8]) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StageError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw StageError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            pending += buffer[0..<count]
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if newline > start { try body(Array(pending[start..<newline])) }
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try body(pending) }
    }
}
