/// Where something is in a file: 1-based line and column.
///
/// Columns count Unicode scalars, as libyaml does.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file as shown in messages: `Pipelines/news.yaml`, `<bundled>/clean.yaml`.
    public var file: String
    /// Line, from 1.
    public var line: Int
    /// Column, from 1.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the prefix of a compiler-style message.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem, printed on one line like a compiler's.
///
/// ```
/// Pipelines/news.yaml:7:5: error: unknown stage 'dedup'; did you mean 'dedupe'?
/// Pipelines/news.yaml:9:5: error: stage 'intra-party-conflict' requires 'entities' earlier in the pipeline (hint: add '- entities' before it)
/// ```
///
/// A did-you-mean suggestion is part of ``message``; ``hint`` is extra advice,
/// printed in parentheses at the end so that each diagnostic stays one line
/// (one line per problem is what editors and `grep` expect).
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Where the problem is; `nil` when there is no position to point at (an unreadable file).
    public var location: SourceLocation?
    /// What is wrong, quoting the offending text.
    public var message: String
    /// How to fix it, when that is not obvious from the message.
    public var hint: String?

    public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `file:line:column: error: message (hint: …)`.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "error: " + message
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

/// All problems found in one pipeline file, in order of position.
///
/// Validation goes on after the first problem, so one run shows everything to fix.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, ordered by line and column; those without a location come first.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
