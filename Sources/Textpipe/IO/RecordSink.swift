/// Where a run's records go: JSON Lines, written in input order by the runner's
/// one writer.
///
/// ``OutputSink`` writes them to stdout, a file replaced atomically, a device or
/// a FIFO; ``CollectingSink`` keeps them in memory, for evaluations, benchmarks
/// and tests that want the bytes a real run writes.
///
/// ## Implementation requirements
///
/// - ``write(_:delivered:)`` receives whole records (each ends in a newline), one
///   call at a time, in input order. `delivered` counts the bytes that reached
///   their destination, also when the call throws: the runner counts a record
///   as written only when all of its bytes were delivered.
/// - ``commit()`` makes the records final and is called once, at the end of a
///   run that should keep its output; ``abandon()`` discards what can be discarded.
/// - When ``deliversAtCommit`` is true nothing counts as delivered before
///   ``commit()`` succeeds: ordered stages commit their state only after it.
public protocol RecordSink: Sendable {
    func write(_ bytes: [UInt8], delivered: inout Int) throws(RecordSinkError)
    func commit() throws(RecordSinkError)
    func abandon()
    /// Whether the records reach their destination only at ``commit()`` (a temporary file renamed into place).
    var deliversAtCommit: Bool { get }
    /// Whether ``commit()`` succeeded.
    var isCommitted: Bool { get }
}

/// What went wrong when writing records.
public enum RecordSinkError: Error, Equatable {
    /// The reader went away (`| head`): stop quietly.
    case closed
    case failed(String)
}

/// Records kept in memory, in the order the runner wrote them.
///
/// ```swift
/// let sink = CollectingSink()
/// _ = try PipelineRunner(stages: stages, options: options, output: sink).run([.path("articles/")])
/// for line in sink.records { … }
/// ```
public final class CollectingSink: RecordSink {
    private let state = Locked((bytes: [UInt8](), committed: false))

    public init() {}

    public func write(_ bytes: [UInt8], delivered: inout Int) throws(RecordSinkError) {
        state.withLock { $0.bytes += bytes }
        delivered = bytes.count
    }

    public func commit() throws(RecordSinkError) {
        state.withLock { $0.committed = true }
    }

    public func abandon() {}

    public var deliversAtCommit: Bool { false }

    public var isCommitted: Bool { state.withLock { $0.committed } }

    /// Every byte written so far.
    public var bytes: [UInt8] { state.withLock { $0.bytes } }

    /// The records written so far, one JSON object each, without their newlines.
    public var records: [ArraySlice<UInt8>] {
        let bytes = self.bytes
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    }
}
