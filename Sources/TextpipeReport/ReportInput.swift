/// One input of `textpipe report`: the JSON Lines a run wrote, from a file or stdin.
public enum ReportInput: Sendable, Equatable {
    case standardInput
    case file(String)

    /// The name used in messages: `stdin` or the path as given.
    var name: String {
        switch self {
        case .standardInput: "stdin"
        case .file(let path): path
        }
    }
}
