import Dispatch
import Foundation
import Synchronization

/// Streams articles through a pipeline's stages on Dispatch, in bounded memory,
/// writing them in input order.
///
/// ```
/// reader ──► window ──► workers (parallel stages, prepare) ──► gate: ordered decide ──►
///   workers (later stages, JSON encoding) ──► gate: writer (input order) ──► stdout
/// ```
///
/// One reader (the calling thread) splits input into batches; a semaphore
/// bounds the batches in flight to `jobs × windowPerJob`, so memory stays flat
/// on any input size. Batch `k` runs its parallel steps on worker `k % jobs`;
/// an ordered stage's `decide` and the writer run behind ``OrderedGate``s in
/// input order. The output is therefore byte-identical for every `--jobs`.
/// With `--jobs 1` the same steps run on the reader's thread, one batch at a
/// time: one core, no hand-offs.
///
/// Once the writer has delivered a batch, each ordered stage hears how many
/// of the articles it decided are now delivered (``OrderedStage/delivered(_:)``),
/// so a stage commits state that outlives the run only for articles already
/// out: after each write to stdout, device or FIFO, and — when the output or
/// dead-letter file is replaced atomically — only after the rename at the end.
public final class PipelineRunner: Sendable {
    /// A stretch of the pipeline: stages that run in parallel, or one ordered stage's serial half.
    enum Step: Sendable {
        case parallel(stages: [Int], prepareFor: Int?, encode: Bool)
        case serial(stage: Int, gate: OrderedGate)
    }

    private struct Totals: Sendable {
        var summary = RunSummary()
        var stopped = false
        var stageNanoseconds: [Int]
        /// For each ordered stage, in pipeline order: the articles it decided that the writer has delivered.
        var delivered: [Int]
    }

    private let stages: [StageInstance]
    /// The indices of the ordered stages in `stages`, in pipeline order.
    private let orderedStages: [Int]
    /// Whether an output is a file renamed into place at the end: nothing is delivered before that.
    private let deliversAtEnd: Bool
    private let steps: [Step]
    private let options: RunOptions
    private let output: any RecordSink
    private let workers: [DispatchQueue]
    private let writer = OrderedGate(label: "textpipe.writer")
    private let window: DispatchSemaphore
    private let inFlight = DispatchGroup()
    private let totals: Locked<Totals>
    private let stopReading = Atomic<Bool>(false)
    private let readCount = Atomic<Int>(0)
    /// With one job, batches are processed on the reader's thread instead of being handed off.
    private let runsInline: Bool

    /// Prepares a run of `stages`, writing to `output`.
    public init(stages: [StageInstance], options: RunOptions, output: any RecordSink) {
        self.stages = stages
        self.options = options
        self.output = output
        self.workers = (0..<options.jobs).map { DispatchQueue(label: "textpipe.worker.\($0)") }
        self.runsInline = options.jobs == 1
        self.window = DispatchSemaphore(value: options.jobs * options.windowPerJob)
        self.orderedStages = stages.indices.filter { stages[$0].ordered != nil }
        self.deliversAtEnd = output.deliversAtCommit || options.deadLetter?.deliversAtCommit == true
        self.totals = Locked(
            Totals(
                stageNanoseconds: Array(repeating: 0, count: stages.count),
                delivered: Array(repeating: 0, count: orderedStages.count)))

        var steps: [Step] = []
        var pending: [Int] = []
        for (index, stage) in stages.enumerated() {
            if stage.ordered != nil {
                steps.append(.parallel(stages: pending, prepareFor: index, encode: false))
                steps.append(.serial(stage: index, gate: OrderedGate(label: "textpipe.ordered.\(stage.name)")))
                pending = []
            } else {
                pending.append(index)
            }
        }
        steps.append(.parallel(stages: pending, prepareFor: nil, encode: true))
        self.steps = steps
    }

    /// Reads `inputs`, runs every article through the stages, and writes the results.
    ///
    /// - Throws: ``ArticleReader/InputError`` when a named input cannot be opened at all.
    public func run(_ inputs: [InputSpec]) throws(ArticleReader.InputError) -> RunSummary {
        let started = ContinuousClock.now
        let reader = ArticleReader(maxBytes: options.maxBytes, notice: options.report)
        try reader.check(inputs)
        let ticker = startProgress(since: started)
        var pending: [Item] = []
        var pendingBytes = 0
        var sequence = 0
        func dispatchPending() {
            guard !pending.isEmpty else { return }
            window.wait()
            inFlight.enter()
            let batch = Batch(sequence: sequence, items: pending)
            sequence += 1
            pending = []
            pendingBytes = 0
            advance(batch, from: 0)
        }
        var inputError: ArticleReader.InputError?
        do {
            try reader.read(
                inputs,
                emit: { record, size in
                    guard !stopReading.load(ordering: .relaxed) else { return false }
                    readCount.add(1, ordering: .relaxed)
                    pending.append(Item(record))
                    pendingBytes += size
                    if pending.count >= options.batchSize || pendingBytes >= options.batchBytes { dispatchPending() }
                    return true
                },
                idle: dispatchPending)
        } catch {
            inputError = error
        }
        dispatchPending()
        inFlight.wait()
        ticker?.cancel()
        if let inputError {
            options.report("error: \(inputError)")
            stop(.ioError(inputError.description))
        }
        let delivering = totals.withLock { $0.summary.stop == nil || $0.summary.stop == .outputClosed }
        do throws(RecordSinkError) {
            if delivering {
                try output.commit()
            } else {
                output.abandon()
            }
        } catch {
            if case .failed(let message) = error {
                options.report("error: \(message)")
                totals.withLock { $0.summary.stop = .ioError(message) }
            }
            output.abandon()
        }
        do throws(RecordSinkError) {
            try options.deadLetter?.commit()
        } catch {
            if case .failed(let message) = error {
                options.report("error: \(message)")
                stop(.ioError(message))
            }
        }
        // A temporary file that was not renamed into place delivered nothing.
        let outputLost = output.deliversAtCommit && !output.isCommitted
        let deadLettersLost = options.deadLetter.map { $0.deliversAtCommit && !$0.isCommitted } ?? false
        totals.withLock { totals in
            if outputLost {
                totals.summary.failed += totals.summary.written
                totals.summary.written = 0
            }
            if deadLettersLost {
                totals.summary.failed += totals.summary.deadLettered
                totals.summary.deadLettered = 0
            }
        }
        // Only now is an output file in place; stages commit their state after it, never before.
        if deliversAtEnd, totals.withLock({ $0.summary.stop == nil || $0.summary.stop == .outputClosed }) {
            reportDelivery(totals.withLock { $0.delivered })
        }
        finishStages()
        var summary = totals.withLock { totals in
            var summary = totals.summary
            summary.stageSeconds = zip(stages, totals.stageNanoseconds).map { ($0.name, Double($1) / 1e9) }
            return summary
        }
        summary.seconds = (ContinuousClock.now - started).seconds
        return summary
    }

    /// Records why the run stops, unless it already stopped for another reason.
    private func stop(_ reason: RunSummary.Stop) {
        totals.withLock { $0.summary.stop = $0.summary.stop ?? reason }
    }

    // MARK: - Steps

    private func advance(_ batch: Batch, from step: Int) {
        guard !runsInline else { return runInline(batch) }
        guard step < steps.count else {
            writer.submit(batch) { self.write($0) }
            return
        }
        switch steps[step] {
        case .parallel(let indices, let prepareFor, let encode):
            workers[batch.sequence % workers.count].async {
                var batch = batch
                self.runParallel(&batch, stages: indices, prepareFor: prepareFor, encode: encode)
                self.advance(batch, from: step + 1)
            }
        case .serial(let index, let gate):
            gate.submit(batch) { batch in
                var batch = batch
                self.runSerial(&batch, stage: index)
                self.advance(batch, from: step + 1)
            }
        }
    }

    /// `--jobs 1`: every step on the reader's thread, in order — one core, as a
    /// Hadoop or Spark task slot expects, and the baseline `--jobs N` is measured against.
    private func runInline(_ batch: Batch) {
        var batch = batch
        for step in steps {
            switch step {
            case .parallel(let indices, let prepareFor, let encode):
                runParallel(&batch, stages: indices, prepareFor: prepareFor, encode: encode)
            case .serial(let index, _):
                runSerial(&batch, stage: index)
            }
        }
        write(batch)
    }

    private func runParallel(_ batch: inout Batch, stages indices: [Int], prepareFor: Int?, encode: Bool) {
        var nanoseconds = [Int](repeating: 0, count: indices.count + 1)
        let clock = ContinuousClock()
        for position in batch.items.indices {
            batch.items[position].parse()
            guard case .live(var document, _) = batch.items[position].state else { continue }
            var outcome: Item.State?
            for (slot, index) in indices.enumerated() {
                let stage = stages[index]
                let before = clock.now
                defer { nanoseconds[slot] += (clock.now - before).nanoseconds }
                do {
                    var working = document
                    if case .drop(let reason) = try stage.process(&working) {
                        outcome = .dropped(stage: stage.name, reason: reason)
                        break
                    }
                    document = working
                } catch {
                    outcome = failure(document: document, stage: stage.name, error: error)
                    break
                }
            }
            if outcome == nil, let prepareFor, let parts = stages[prepareFor].ordered {
                let before = clock.now
                do {
                    outcome = .live(document, prepared: try parts.prepare(document))
                } catch {
                    outcome = failure(document: document, stage: stages[prepareFor].name, error: error)
                }
                nanoseconds[indices.count] += (clock.now - before).nanoseconds
            }
            if outcome == nil, encode { outcome = Item.encode(document) }
            batch.items[position].state = outcome ?? .live(document, prepared: nil)
        }
        totals.withLock { totals in
            for (slot, index) in indices.enumerated() { totals.stageNanoseconds[index] += nanoseconds[slot] }
            if let prepareFor { totals.stageNanoseconds[prepareFor] += nanoseconds[indices.count] }
        }
    }

    private func runSerial(_ batch: inout Batch, stage index: Int) {
        guard let parts = stages[index].ordered else { return }
        let stage = stages[index]
        let started = ContinuousClock.now
        for position in batch.items.indices {
            guard case .live(var document, let prepared?) = batch.items[position].state else { continue }
            batch.items[position].decided += 1
            do {
                var working = document
                switch try parts.decide(&working, prepared) {
                case .keep:
                    document = working
                    batch.items[position].state = .live(document, prepared: nil)
                case .drop(let reason):
                    batch.items[position].state = .dropped(stage: stage.name, reason: reason)
                }
            } catch {
                batch.items[position].state = failure(document: document, stage: stage.name, error: error)
            }
        }
        let elapsed = (ContinuousClock.now - started).nanoseconds
        totals.withLock { $0.stageNanoseconds[index] += elapsed }
    }

    /// The state of an article whose stage threw: a failure under `on_error`,
    /// unless the stage cannot go on at all (a ``StageError`` of kind `io`), which stops the run.
    private func failure(document: Document, stage: String, error: any Error) -> Item.State {
        guard let halt = error as? StageError, halt.kind == .io else {
            return .failed(Failure(document: document, stage: stage, error: error))
        }
        let first = totals.withLock { totals -> Bool in
            guard totals.summary.stop == nil else { return false }
            totals.summary.stop = .ioError("stage '\(stage)': \(halt)")
            totals.stopped = true
            return true
        }
        stopReading.store(true, ordering: .relaxed)
        if first { options.report("error: stage '\(stage)': \(halt)") }
        return .dropped(stage: stage, reason: "stopped")
    }

    // MARK: - Writing

    /// Runs on the writer gate, in input order.
    private func write(_ batch: Batch) {
        defer {
            window.signal()
            inFlight.leave()
        }
        var out: [UInt8] = []
        out.reserveCapacity(batch.items.count * 2048)
        var deadLetters: [UInt8] = []
        // Per ordered stage: the articles it decided that this batch delivers, if the write succeeds.
        var passed = [Int](repeating: 0, count: orderedStages.count)
        let stopped = totals.withLock { totals -> Bool in
            guard !totals.stopped else { return true }
            for item in batch.items {
                guard !totals.stopped else { break }
                totals.summary.read += 1
                switch item.state {
                case .encoded(let line):
                    out += line
                    out.append(UInt8(ascii: "\n"))
                    totals.summary.written += 1
                case .dropped:
                    totals.summary.dropped += 1
                case .failed(let failure):
                    record(failure, in: &totals, deadLetters: &deadLetters)
                case .raw, .live:
                    record(
                        Failure(
                            id: "?", source: "?", stage: "textpipe", error: "internal: article was not encoded",
                            location: "textpipe", input: ""),
                        in: &totals, deadLetters: &deadLetters)
                }
                // An article that stopped the run (`on_error: fail`) is not delivered.
                if !totals.stopped { for stage in 0..<item.decided { passed[stage] += 1 } }
            }
            return false
        }
        guard !stopped else { return }
        // Only what reached its file counts as written or dead-lettered; the rest of
        // the batch failed with the write (a full disk used to be reported as written).
        var deliveredOutput = 0
        var deliveredDeadLetters = 0
        do throws(RecordSinkError) {
            if !out.isEmpty { try output.write(out, delivered: &deliveredOutput) }
            if !deadLetters.isEmpty { try options.deadLetter?.write(deadLetters, delivered: &deliveredDeadLetters) }
            let delivered = totals.withLock { totals in
                for stage in passed.indices { totals.delivered[stage] += passed[stage] }
                return totals.delivered
            }
            if !deliversAtEnd, passed.contains(where: { $0 > 0 }) { reportDelivery(delivered) }
        } catch {
            let lostLines = Self.lines(in: out[deliveredOutput...])
            let lostDeadLetters = options.deadLetter == nil ? 0 : Self.lines(in: deadLetters[deliveredDeadLetters...])
            totals.withLock {
                $0.summary.written -= lostLines
                $0.summary.deadLettered -= lostDeadLetters
                $0.summary.failed += lostLines + lostDeadLetters
            }
            let stop: RunSummary.Stop
            switch error {
            case .closed: stop = .outputClosed
            case .failed(let message):
                options.report("error: \(message)")
                stop = .ioError(message)
            }
            totals.withLock {
                $0.stopped = true
                $0.summary.stop = stop
            }
            stopReading.store(true, ordering: .relaxed)
        }
    }

    /// Complete JSON lines in `bytes` (each ends in a newline).
    private static func lines(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private func record(_ failure: Failure, in totals: inout Totals, deadLetters: inout [UInt8]) {
        switch options.onError {
        case .fail:
            options.report("\(failure.location): error: \(failure.stageLabel)\(failure.error)")
            totals.summary.failed += 1
            totals.summary.stop = .dataError
            totals.stopped = true
            stopReading.store(true, ordering: .relaxed)
        case .skip:
            options.report("\(failure.location): error: \(failure.stageLabel)\(failure.error) (skipped)")
            totals.summary.failed += 1
        case .deadLetter:
            options.report("\(failure.location): error: \(failure.stageLabel)\(failure.error) (dead-lettered)")
            totals.summary.deadLettered += 1
            if options.deadLetter != nil {
                failure.appendRecord(to: &deadLetters)
                deadLetters.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Tells each ordered stage how many of the articles it decided are delivered.
    ///
    /// Runs on the writer's gate, or after every batch is done: never twice at once.
    private func reportDelivery(_ delivered: [Int]) {
        for (slot, index) in orderedStages.enumerated() {
            guard let parts = stages[index].ordered else { continue }
            do {
                try parts.delivered(delivered[slot])
            } catch {
                let first = totals.withLock { totals -> Bool in
                    defer { totals.stopped = true }
                    guard totals.summary.stop == nil || totals.summary.stop == .outputClosed else { return false }
                    totals.summary.stop = .ioError("stage '\(stages[index].name)': \(error)")
                    return true
                }
                stopReading.store(true, ordering: .relaxed)
                if first { options.report("error: stage '\(stages[index].name)': \(error)") }
                return
            }
        }
    }

    private func finishStages() {
        for stage in stages {
            do {
                try stage.finish()
            } catch {
                options.report("error: stage '\(stage.name)' could not finish: \(error)")
                totals.withLock { $0.summary.stop = $0.summary.stop ?? .ioError("\(error)") }
            }
        }
    }

    private func startProgress(since started: ContinuousClock.Instant) -> DispatchSourceTimer? {
        guard let progress = options.progress else { return nil }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "textpipe.progress"))
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { [self] in
            var summary = totals.withLock { $0.summary }
            summary.read = readCount.load(ordering: .relaxed)
            summary.seconds = (ContinuousClock.now - started).seconds
            progress(summary)
        }
        timer.resume()
        return timer
    }
}

extension Item {
    init(_ record: InputRecord) {
        switch record {
        case .document(let document): state = .live(document, prepared: nil)
        case .jsonLine(let bytes, let id, let source, let location):
            state = .raw(bytes: bytes, id: id, source: source, location: location)
        case .unreadable(let input):
            state = .failed(
                Failure(
                    id: input.id, source: input.source, stage: "read", error: input.error, location: input.source,
                    input: input.input))
        }
    }

    /// Parses a raw JSON line into a document, or a read failure.
    mutating func parse() {
        guard case .raw(let bytes, let id, let source, let location) = state else { return }
        do throws(RecordError) {
            state = .live(try DocumentDecoder.decode(bytes, defaultID: id, source: source), prepared: nil)
        } catch {
            let place = error.offset.map { "\(location):\($0 + 1)" } ?? location
            state = .failed(
                Failure(
                    id: id, source: source ?? location, stage: "read", error: error.message, location: place,
                    input: String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// The document as a JSON line, or a failure when its text was never repaired into UTF-8.
    static func encode(_ document: Document) -> State {
        if let raw = document.undecodedText {
            let offset = firstInvalidUTF8Offset(raw) ?? 0
            return .failed(
                Failure(
                    id: document.id, source: document.source ?? document.id, stage: "read",
                    error:
                        "text is not valid UTF-8 (byte 0x\(String(raw[offset], radix: 16, uppercase: true)) at offset \(offset)); add the 'normalize' stage to decode it as Latin-1/Windows-1252",
                    location: document.source ?? document.id, input: String(decoding: raw, as: UTF8.self)))
        }
        var line: [UInt8] = []
        line.reserveCapacity(document.text.utf8.count + 256)
        JSONWriter.appendDocument(document, to: &line)
        return .encoded(line)
    }
}

/// The offset of the first byte that breaks UTF-8, if any.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput: return nil
        case .error: return min(offset, bytes.count - 1)
        }
    }
}

extension Failure {
    init(document: Document, stage: String, error: any Error) {
        var input: [UInt8] = []
        JSONWriter.appendDocument(document, to: &input)
        self.init(
            id: document.id, source: document.source ?? document.id, stage: stage, error: "\(error)",
            location: document.source ?? document.id, input: String(decoding: input, as: UTF8.self))
    }

    var stageLabel: String { stage == "read" ? "" : "stage '\(stage)': " }

    /// `{"id", "source", "stage", "error", "input"}` as one JSON object.
    func appendRecord(to out: inout [UInt8]) {
        out += Array("{\"id\":".utf8)
        JSONWriter.appendString(id, to: &out)
        for (key, value) in [("source", source), ("stage", stage), ("error", error), ("input", input)] {
            out += Array(",\"\(key)\":".utf8)
            JSONWriter.appendString(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension Duration {
    var nanoseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
    var seconds: Double { Double(nanoseconds) / 1e9 }
}
