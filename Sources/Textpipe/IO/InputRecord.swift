/// What the reader hands the runner: an article, or the reason one could not be read.
public enum InputRecord: Sendable {
    case document(Document)
    /// One JSON Lines record, not yet parsed: the runner parses it on a worker thread
    /// so the reader thread only splits lines.
    case jsonLine(bytes: [UInt8], id: String, source: String?, location: String)
    case unreadable(UnreadableInput)
}

/// An input that never became a document: a bad JSON line, a binary file, an article over `--max-bytes`.
public struct UnreadableInput: Sendable, Equatable {
    /// The id the article would have had (`path`, `path:line`, `stdin:line`).
    public var id: String
    /// Where it came from.
    public var source: String
    /// What is wrong, as one line.
    public var error: String
    /// The input as text (lossy where it was not UTF-8; truncated when huge), for the dead-letter file.
    public var input: String

    public init(id: String, source: String, error: String, input: String) {
        self.id = id
        self.source = source
        self.error = error
        self.input = input
    }
}

/// How stdin is read.
public enum StdinFormat: String, Sendable, CaseIterable {
    /// One JSON object per line.
    case jsonl
    /// The whole of stdin is one plain-text article.
    case text
}

/// One input named on the command line.
public enum InputSpec: Sendable, Equatable {
    case stdin(StdinFormat)
    /// A file or a directory (read recursively).
    case path(String)
    /// A file or directory whose name is not UTF-8, as the bytes given on the command line.
    case rawPath([UInt8])
    /// JSON Lines on stdin that stand for lines `firstLine`… of the file `source`:
    /// records are named as a run over the whole file names them (id `idPrefix:LINE`,
    /// source `source:LINE`), so a slice of a file piped in by a cluster gives the same bytes.
    case stdinPart(source: String, idPrefix: String, firstLine: Int)
    /// Documents already in memory, read as they are (a test harness's or a library caller's input).
    case documents([Document])
    /// JSON Lines held in memory, one record per element, parsed as a file's lines are:
    /// ids and messages name them `name:LINE`.
    case lines([[UInt8]], name: String)
}
