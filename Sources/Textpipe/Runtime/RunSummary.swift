/// What a run did, for the last line on stderr and the exit code.
public struct RunSummary: Sendable, Equatable {
    public var read = 0
    public var written = 0
    public var dropped = 0
    public var deadLettered = 0
    public var failed = 0
    public var seconds = 0.0
    /// Why the run stopped early, if it did.
    public var stop: Stop?
    /// Time spent in each stage, summed over threads, in seconds (for `--stats`).
    public var stageSeconds: [(name: String, seconds: Double)] = []

    /// Why a run ended before its input did.
    public enum Stop: Sendable, Equatable {
        /// An article failed under `on_error: fail` (exit 65).
        case dataError
        /// Output or a dead-letter file could not be written (exit 74).
        case ioError(String)
        /// stdout was closed by the reader (`| head`): not an error.
        case outputClosed
    }

    public init() {}

    public static func == (lhs: RunSummary, rhs: RunSummary) -> Bool {
        lhs.read == rhs.read && lhs.written == rhs.written && lhs.dropped == rhs.dropped
            && lhs.deadLettered == rhs.deadLettered && lhs.failed == rhs.failed && lhs.stop == rhs.stop
    }

    /// The exit code, following sysexits.
    public var exitCode: Int32 {
        switch stop {
        case nil, .outputClosed: return 0
        case .dataError: return 65
        case .ioError: return 74
        }
    }

    /// `read N, written N, dropped N, dead-lettered N, failed N in T s (R articles/s)`.
    public var line: String {
        let rate = seconds > 0 ? Double(read) / seconds : 0
        return "read \(read), written \(written), dropped \(dropped), dead-lettered \(deadLettered), failed \(failed)"
            + " in \(format(seconds, digits: 2)) s (\(format(rate, digits: 0)) articles/s)"
    }
}

func format(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if digits == 0 { return String(Int(rounded)) }
    var text = String(rounded)
    let fraction = text.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
    if !text.contains(".") { text += "." }
    return text + String(repeating: "0", count: max(0, digits - fraction))
}
