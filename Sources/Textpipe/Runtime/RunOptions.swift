/// How a run behaves, beyond which stages it has.
public struct RunOptions: Sendable {
    /// Worker threads for the parallel stages.
    public var jobs: Int
    /// What to do with articles that fail.
    public var onError: ErrorPolicy
    /// Where dead-lettered records go, when dead-lettering.
    public var deadLetter: (any RecordSink)?
    /// Largest article accepted, in bytes.
    public var maxBytes = 10_000_000
    /// Records per batch at most.
    public var batchSize = 256
    /// Input bytes per batch at most.
    public var batchBytes = 1 << 20
    /// Batches in flight per job: bounds memory whatever the input size.
    public var windowPerJob = 4
    /// Errors and notices go here (one line each, no newline).
    public var report: @Sendable (String) -> Void
    /// Called about five times a second with the counts so far, for a progress line.
    public var progress: (@Sendable (RunSummary) -> Void)?

    public init(jobs: Int, onError: ErrorPolicy, report: @escaping @Sendable (String) -> Void) {
        self.jobs = max(1, jobs)
        self.onError = onError
        self.report = report
    }
}
