/// A problem that stops a report, as one line a user can act on, with its sysexits code.
///
/// The message already carries its place (`run.jsonl:3:17: error: …`) or the
/// `textpipe: error:` prefix, so the command prints it as it is.
public struct ReportError: Error, Equatable, CustomStringConvertible {
    /// The line to print.
    public var message: String
    /// The process's exit status: 65 for bad data, 66 for a missing input, 74 for I/O.
    public var exitCode: Int32

    /// sysexits `EX_DATAERR`: an input line is not a record.
    public static let dataError: Int32 = 65
    /// sysexits `EX_NOINPUT`: an input file does not exist or cannot be read.
    public static let noInput: Int32 = 66
    /// sysexits `EX_IOERR`: reading or writing failed part way.
    public static let ioError: Int32 = 74

    /// Creates an error.
    public init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
