import Foundation
import Textpipe

/// The options of the `exec` stage.
///
/// `command` is required: it is the program, so it has no sensible default.
/// It is checked when the pipeline is loaded — `validate` included — so a
/// typo in a program name is reported at its line and column, not as every
/// record failing at run time.
public struct ExecOptions: StageOptions, Equatable {
    @StageOption(
        "command", help: "The program and its arguments, started without a shell: [python3, stages/sentiment.py]")
    public var commandLine = CommandLine([])
    @StageOption("outputs", help: "The fields the child answers with; an answer with any other field fails that record")
    public var outputs: [String] = []
    @StageOption(
        "timeout",
        help: "How long one record may take (10s, 500ms, 2m); a child that takes longer is killed and restarted")
    public var timeoutOption = Timeout(.seconds(10))
    @StageOption("processes", help: "How many copies of the child answer at once, each one record at a time")
    public var processes = 2

    /// The program and its arguments, run without a shell (`command`).
    public var command: [String] {
        get { commandLine.arguments }
        set { commandLine = CommandLine(newValue) }
    }

    /// How long one record may take, start-up of a new child included (`timeout`).
    public var timeout: Duration {
        get { timeoutOption.duration }
        set { timeoutOption = Timeout(newValue) }
    }

    public init() {}

    /// Decodes the declared options, then checks that the program can be
    /// started, reported at the `command` value's line and column.
    public init(from decoder: any Decoder) throws {
        self = try OptionsPass.decode(try decoder.options()) { Self() }
        if let program = command.first, let problem = Self.problem(withProgram: program) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [OptionKey("command")], debugDescription: problem))
        }
    }

    /// `command`'s value: a list of strings that must not be empty, which its
    /// type in `describe` says (`[string], required`).
    public struct CommandLine: OptionValue, Decodable, Equatable {
        public var arguments: [String]
        public init(_ arguments: [String]) { self.arguments = arguments }
        public init(from decoder: any Decoder) throws {
            arguments = try decoder.singleValueContainer().decode([String].self)
        }
        public static var optionType: String { "[string], required" }
        public var yaml: String { arguments.yaml }
    }

    /// `timeout`'s value: `10s`, `500ms`, `2m`, or a bare number of seconds.
    public struct Timeout: OptionValue, Equatable {
        public var duration: Duration
        public init(_ duration: Duration) { self.duration = duration }
        public static var optionType: String { "duration" }
        public var yaml: String { duration.formatted }

        public static func decodeOption(_ options: KeyedDecodingContainer<OptionKey>, key: String) throws -> Timeout? {
            let name = OptionKey(key)
            guard options.contains(name) else { return nil }
            let text: String
            if let string = try? options.decode(String.self, forKey: name) {
                text = string
            } else {
                text = try options.decode(Double.self, forKey: name).description
            }
            guard let parsed = ExecOptions.duration(text) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: [name], debugDescription: "'\(text)' is not a duration; write e.g. 10s, 500ms or 2m"
                    ))
            }
            return Timeout(parsed)
        }
    }

    /// Fields the core writes itself, which a child must not answer with.
    static let reservedFields: Set<String> = ["id", "text", "title", "source", "drop", "error"]

    /// Checks what the decoder cannot: the values together.
    func validate() throws {
        guard !command.isEmpty else {
            throw StageError(
                "exec: 'command' is required", hint: "write 'exec: { command: [python3, stages/mine.py] }'")
        }
        guard processes >= 1 && processes <= 64 else {
            throw StageError("exec: processes is \(processes); it must be between 1 and 64")
        }
        guard timeout > .zero else { throw StageError("exec: timeout must be more than 0s") }
        if let reserved = outputs.first(where: Self.reservedFields.contains) {
            throw StageError(
                "exec: '\(reserved)' cannot be an output",
                hint: "id, text, title and source belong to the record; drop and error are answers")
        }
    }

    /// `10s`, `1.5s`, `500ms`, `2m`, or a bare number of seconds.
    static func duration(_ text: String) -> Duration? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unit = units.first { trimmed.hasSuffix($0.suffix) } ?? ("", 1)
        guard let value = Double(trimmed.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
            value.isFinite, value > 0
        else { return nil }
        return .milliseconds(Int64((value * unit.seconds * 1000).rounded()))
    }

    /// Why `program` cannot be started, or `nil` when it can: a path must be
    /// an executable file; a bare name must be one on `PATH`, as `posix_spawnp` looks.
    static func problem(withProgram program: String) -> String? {
        if program.isEmpty { return "the program name is empty" }
        if program.contains("/") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: program, isDirectory: &isDirectory) else {
                return "'\(program)' does not exist (relative paths are taken from the current directory)"
            }
            if isDirectory.boolValue { return "'\(program)' is a directory, not a program" }
            guard access(program, X_OK) == 0 else {
                return "'\(program)' is not executable; run 'chmod +x \(program)' or name its interpreter first"
            }
            return nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                access(candidate, X_OK) == 0
            {
                return nil
            }
        }
        return "program '\(program)' was not found on PATH"
    }
}
