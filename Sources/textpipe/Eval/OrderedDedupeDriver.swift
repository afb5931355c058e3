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
/// on `jobs` worker threads, `decide` serially in input order — and keeps only
/// what an evaluation needs: each article's id and its `duplicate_of`.
///
/// ```
/// reader ──► batch k ──► worker k % jobs: parse + prepare ──► gate: decide in order ──► results
/// ```
///
/// The runner itself cannot be used: it keeps no results, it writes JSON. Like
/// the runner, a window bounds the batches in flight and batches run on
/// `jobs` serial queues, so the figures measure the same shape of work.
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
        /// CPU time of the process over the same span, all threads.
        var cpuSeconds: Double
        var statistics: DedupeStage.Statistics
        /// Inputs that were not articles (binary, bad JSON …).
        var unreadable: Int
    }

    let stage: DedupeStage
    let jobs: Int
    let progressEvery: Int?

    private static let batchSize = 256

    private struct Results: Sendable {
        var order: [String] = []
        var marks: [Int: Mark] = [:]
        var unreadable = 0
        var failure: String?
        var lastReport = (articles: 0, seconds: 0.0)
        /// Prepared batches that arrived before their turn, by sequence number.
        var waiting: [Int: [Prepared]] = [:]
        var nextToDecide = 0
    }

    /// One record after the parallel part: an article and its fingerprint, or why there is none.
    private enum Prepared: Sendable {
        case article(Document, ArticleFingerprint)
        case skipped(String?)
    }

    func run(_ inputs: [InputSpec]) throws -> Outcome {
        let reader = ArticleReader(maxBytes: 100_000_000, notice: Terminal.error)
        try reader.check(inputs)
        let started = ContinuousClock.now
        let cpuStarted = Self.processCPUSeconds()
        let results = Locked(Results())
        let workers = (0..<jobs).map { DispatchQueue(label: "textpipe.eval.worker.\($0)") }
        let gate = DispatchQueue(label: "textpipe.eval.decide")
        let window = DispatchSemaphore(value: 4 * jobs)
        let group = DispatchGroup()
        var batch: [InputRecord] = []
        var sequence = 0
        func submit() {
            guard !batch.isEmpty else { return }
            let records = batch
            let number = sequence
            batch.removeAll(keepingCapacity: true)
            sequence += 1
            window.wait()
            group.enter()
            workers[number % jobs].async {
                let prepared = records.map(prepare)
                gate.async {
                    decideInOrder(number, prepared, results: results, started: started)
                    window.signal()
                    group.leave()
                }
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
        let cpuSeconds = Self.processCPUSeconds() - cpuStarted
        let final = results.withLock { $0 }
        if let failure = final.failure { throw StageError(failure) }
        return Outcome(
            order: final.order, marks: final.marks, seconds: seconds, cpuSeconds: cpuSeconds,
            statistics: stage.statistics(),
            unreadable: final.unreadable)
    }

    /// The parallel part for one record.
    private func prepare(_ record: InputRecord) -> Prepared {
        do {
            guard let document = try Self.document(record) else { return .skipped(nil) }
            return .article(document, try stage.prepare(document))
        } catch {
            return .skipped("\(error)")
        }
    }

    /// Queues batch `number`; decides every batch whose turn has come, in order. Runs on the gate.
    private func decideInOrder(
        _ number: Int, _ batch: [Prepared], results: Locked<Results>, started: ContinuousClock.Instant
    ) {
        results.withLock { results in
            results.waiting[number] = batch
            while let ready = results.waiting.removeValue(forKey: results.nextToDecide) {
                results.nextToDecide += 1
                for item in ready { decide(item, into: &results, started: started) }
            }
        }
    }

    private func decide(_ item: Prepared, into results: inout Results, started: ContinuousClock.Instant) {
        guard results.failure == nil else { return }
        switch item {
        case .skipped(let reason):
            results.unreadable += 1
            if let reason { Terminal.error("warning: skipped an article: \(reason)") }
        case .article(let document, let fingerprint):
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

    /// CPU time this process has used so far, all threads.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
