import Textpipe

/// A whole pipeline run in memory, through the same ``PipelineRunner`` that
/// `textpipe run` uses — like swift-nio's `EmbeddedChannel`, the real machinery
/// with the files taken away.
///
/// ```swift
/// let harness = try PipelineHarness(pipeline: "stages: [normalize, dedupe]", catalog: catalog, jobs: 2)
/// let run = harness.run([Document(id: "a", text: "Hello"), Document(id: "b", text: "Hello")])
/// #expect(run.documents.map(\.id) == ["a"])
/// #expect(run.summary.dropped == 1)
/// ```
///
/// Input goes through the runner's batching, worker queues, ordered gates and
/// JSON writer; output is collected by a ``CollectingSink`` and parsed back
/// with the core's decoder, so a test sees exactly the records a run writes.
/// Ordered stages commit their state when the run commits its output, as in
/// a run to stdout.
public struct PipelineHarness: Sendable {
    /// The stages, in pipeline order.
    public let stages: [StageInstance]
    /// Worker threads, as `--jobs`.
    public var jobs: Int
    /// What happens to a record a stage cannot handle, as `on_error:` / `--on-error`.
    public var onError: ErrorPolicy
    /// Records per batch; small values make a few documents span several batches.
    public var batchSize = RunOptions(jobs: 1, onError: .fail, report: { _ in }).batchSize
    /// Largest record in bytes, as `--max-bytes`.
    public var maxBytes = RunOptions(jobs: 1, onError: .fail, report: { _ in }).maxBytes

    /// A run of `stages` built by the caller.
    public init(_ stages: [StageInstance], jobs: Int = 1, onError: ErrorPolicy = .deadLetter) {
        precondition(jobs >= 1, "a run needs at least one job")
        self.stages = stages
        self.jobs = jobs
        self.onError = onError
    }

    /// A run of a pipeline written as YAML (`"stages: [normalize]"`), loaded and
    /// validated as a pipeline file is; its `on_error` is the run's policy.
    public init(pipeline yaml: String, catalog: StageCatalog, jobs: Int = 1) throws(PipelineError) {
        let pipeline = try PipelineLoader.load(yaml: yaml, file: "pipeline.yaml", catalog: catalog)
        self.init(pipeline.stages.map(\.instance), jobs: jobs, onError: pipeline.onError)
    }

    /// Runs `documents` through the pipeline.
    public func run(_ documents: [Document]) -> PipelineRun {
        run(.documents(documents))
    }

    /// Runs JSON Lines records (one JSON object per element) through the pipeline,
    /// parsed as `textpipe run` parses a file's lines; they are named `input:LINE`.
    public func run(jsonLines: [String]) -> PipelineRun {
        run(.lines(jsonLines.map { Array($0.utf8) }, name: "input"))
    }

    private func run(_ input: InputSpec) -> PipelineRun {
        let messages = Locked<[String]>([])
        var options = RunOptions(jobs: jobs, onError: onError) { line in messages.withLock { $0.append(line) } }
        options.batchSize = batchSize
        options.maxBytes = maxBytes
        let deadLetters = CollectingSink()
        if onError == .deadLetter { options.deadLetter = deadLetters }
        let output = CollectingSink()
        let summary: RunSummary
        do throws(ArticleReader.InputError) {
            summary = try PipelineRunner(stages: stages, options: options, output: output).run([input])
        } catch {
            preconditionFailure("in-memory input cannot fail to open: \(error)")
        }
        return PipelineRun(
            output: output.records.map { String(decoding: $0, as: UTF8.self) },
            deadLetters: deadLetters.records.map { String(decoding: $0, as: UTF8.self) },
            messages: messages.withLock { $0 }, summary: summary, committed: output.isCommitted)
    }
}

/// What a ``PipelineHarness`` run wrote and reported.
public struct PipelineRun: Sendable {
    /// The output records, one JSON object each, in the order written.
    public var output: [String]
    /// The dead-letter records (with `on_error: dead-letter`).
    public var deadLetters: [String]
    /// Everything the runner reported, one line each, as `textpipe run` prints on stderr.
    public var messages: [String]
    /// The counts a run prints at the end.
    public var summary: RunSummary
    /// Whether the run committed its output (false when it stopped on an error).
    public var committed: Bool

    /// The output records parsed back into documents.
    ///
    /// A record the core's own writer produced always parses; one that does not
    /// is a bug in the runner, so it stops the test.
    public var documents: [Document] {
        output.enumerated().map { index, line in
            do throws(RecordError) {
                return try DocumentDecoder.decode(Array(line.utf8), defaultID: "output:\(index + 1)", source: nil)
            } catch {
                preconditionFailure("output record \(index + 1) does not parse: \(error): \(line)")
            }
        }
    }
}
