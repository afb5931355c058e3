import Dedupe
import Dispatch
import Foundation
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the dedupe stage over inputs as the pipeline runner does — `prepare`
/// on `jobs` threads, `decide` serially in input order — and keeps only what
/// an evaluation needs: each article's id and its `duplicate_of`.
///
/// The runner cannot be used as is: it keeps no results, it writes JSON.
/// Reading overlaps processing: one batch is read while the previous one runs.
struct OrderedDedupeDriver {
    /// A `duplicate_of` value, as the stage writes it.
    struct Mark: Decodable, Sendable, Equatable {
        var id: String
        var similarity: Double
        var kind: String
    }

    struct Outcome {
        /// Ids of the articles read, in input order.
        var order: [String]
        /// Marks by position in `order`.
        var marks: [Int: Mark]
        /// From the first read to the last decision.
        var seconds: Double
        var statistics: DedupeStage.Statistics
        /// Inputs that were not articles (binary, bad JSON …).
        var unreadable: Int
    }

    let stage: DedupeStage
    let jobs: Int
    let progressEvery: Int?

    private static let batchSize = 512

    private struct Results: Sendable {
        var order: [String] = []
        var marks: [Int: Mark] = [:]
        var unreadable = 0
        var failure: String?
        var lastReport = (articles: 0, seconds: 0.0)
    }

    func run(_ inputs: [InputSpec]) throws -> Outcome {
        let reader = ArticleReader(maxBytes: 100_000_000, notice: Terminal.error)
        try reader.check(inputs)
        let started = ContinuousClock.now
        let results = Locked(Results())
        let queue = DispatchQueue(label: "textpipe.eval.dedupe")
        let window = DispatchSemaphore(value: 2)
        let group = DispatchGroup()
        var batch: [InputRecord] = []
        batch.reserveCapacity(Self.batchSize)
        func submit() {
            guard !batch.isEmpty else { return }
            let records = batch
            batch.removeAll(keepingCapacity: true)
            window.wait()
            group.enter()
            queue.async {
                defer {
                    window.signal()
                    group.leave()
                }
                process(records, into: results, started: started)
            }
        }
        try reader.read(
            inputs,
            emit: { record, _ in
                batch.append(record)
                if batch.count >= Self.batchSize { submit() }
                return true
            },
            idle: submit)
        submit()
        group.wait()
        try stage.finish()
        let seconds = (ContinuousClock.now - started).seconds
        let final = results.withLock { $0 }
        if let failure = final.failure { throw StageError(failure) }
        return Outcome(
            order: final.order, marks: final.marks, seconds: seconds, statistics: stage.statistics(),
            unreadable: final.unreadable)
    }

    /// Parses and prepares a batch in parallel, then decides it in order.
    private func process(_ records: [InputRecord], into results: Locked<Results>, started: ContinuousClock.Instant) {
        let slices = min(jobs, records.count)
        // Each thread fills its own slice and hands it over once: one lock per slice, not per article.
        let done = Locked([[(index: Int, item: Result<(Document, ArticleFingerprint)?, StageError>)]](repeating: [], count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var mine: [(index: Int, item: Result<(Document, ArticleFingerprint)?, StageError>)] = []
            for index in stride(from: slice, to: records.count, by: slices) {
                do {
                    guard let document = try Self.document(records[index]) else {
                        mine.append((index, .success(nil)))
                        continue
                    }
                    mine.append((index, .success((document, try stage.prepare(document)))))
                } catch {
                    mine.append((index, .failure(StageError("\(error)"))))
                }
            }
            done.withLock { $0[slice] = mine }
        }
        var prepared = [(Document, ArticleFingerprint)?](repeating: nil, count: records.count)
        var failures = [String?](repeating: nil, count: records.count)
        for slice in done.withLock({ $0 }) {
            for (index, item) in slice {
                switch item {
                case .success(let value): prepared[index] = value
                case .failure(let error): failures[index] = error.message
                }
            }
        }
        results.withLock { results in
            guard results.failure == nil else { return }
            for (index, item) in prepared.enumerated() {
                guard let (document, fingerprint) = item else {
                    results.unreadable += 1
                    if let failure = failures[index] { Terminal.error("warning: skipped an article: \(failure)") }
                    continue
                }
                var working = document
                do {
                    _ = try stage.decide(&working, prepared: fingerprint)
                    if let mark = try working.value("duplicate_of", as: Mark.self) {
                        results.marks[results.order.count] = mark
                    }
                } catch {
                    results.failure = "\(working.id): \(error)"
                    return
                }
                results.order.append(document.id)
                if let every = progressEvery, results.order.count % every == 0 { report(&results, started: started) }
            }
        }
    }

    /// The document a record holds; `nil` for an input that is not an article.
    private static func document(_ record: InputRecord) throws -> Document? {
        switch record {
        case .document(let document):
            return document
        case .jsonLine(let bytes, let id, let source, _):
            return try DocumentDecoder.decode(bytes, defaultID: id, source: source)
        case .unreadable(let input):
            Terminal.error("warning: \(input.source): \(input.error)")
            return nil
        }
    }

    /// One progress line: articles so far, throughput since the last line, memory.
    private func report(_ results: inout Results, started: ContinuousClock.Instant) {
        let now = (ContinuousClock.now - started).seconds
        let articles = results.order.count
        let rate = Double(articles - results.lastReport.articles) / max(1e-9, now - results.lastReport.seconds)
        results.lastReport = (articles, now)
        let statistics = stage.statistics()
        let perArticle = Double(statistics.indexBytes) / Double(max(1, statistics.indexedArticles))
        Terminal.error(
            "\(articles) articles  \(String(format: "%.0f", rate)) articles/s  index \(String(format: "%.1f", perArticle)) B/article"
                + "  RSS \(Self.residentMegabytes()) MB")
    }

    /// Resident memory of this process, in MB (Linux; 0 elsewhere).
    static func residentMegabytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
    }
}

extension Duration {
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
