import Textpipe

/// One input of `textpipe report`: the JSON Lines a run wrote, from a file or stdin.
public enum ReportInput: Sendable, Equatable {
    case standardInput
    case file(String)
    /// A path given as the bytes of its command-line argument, for a name that is not
    /// UTF-8 (a `String` would replace the bad bytes, and `open` would not find the file).
    case fileBytes([UInt8])

    /// The name used in messages: `stdin` or the path as given.
    public var name: String {
        switch self {
        case .standardInput: "stdin"
        case .file(let path): path
        case .fileBytes(let path): FileName.display(path)
        }
    }
}
