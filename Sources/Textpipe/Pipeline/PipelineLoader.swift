import Foundation
import Yams

/// Loads a pipeline file and checks it against the stages a run has.
///
/// ```
/// YAML text ──► Yams.compose ──► PipelineValidator.spec ──► PipelineValidator.configure ──► Pipeline
///               (syntax)         (top-level keys, shape     (stage names, option keys
///                                 of each stage entry)       and types, requires)
/// ```
///
/// Every problem becomes a ``Diagnostic`` pointing at the offending node.
/// Checking goes on after the first problem, so one ``PipelineError`` lists
/// everything wrong with the file, in order of position; only a YAML syntax
/// error stops it early, since there is no tree to check after one.
public enum PipelineLoader {
    /// Loads a pipeline from YAML text; `file` is how messages name it.
    public static func load(yaml: String, file: String, catalog: StageCatalog) throws(PipelineError) -> Pipeline {
        var validator = PipelineValidator(file: file)
        let spec = self.spec(yaml: yaml, validator: &validator)
        let stages = spec.map { validator.configure($0, catalog: catalog) } ?? []
        guard let spec, validator.diagnostics.isEmpty else {
            throw PipelineError(ordered(validator.diagnostics))
        }
        return Pipeline(
            name: pipelineName(file: file), file: file, description: spec.description, onError: spec.onError,
            stages: stages)
    }

    /// Loads the pipeline file at `path`, named in messages as written.
    ///
    /// A file that cannot be read gives one diagnostic without a location
    /// that says why (missing, a directory, unreadable, not UTF-8).
    public static func load(path: String, catalog: StageCatalog) throws(PipelineError) -> Pipeline {
        let yaml = try PipelineFile.read(path, shownAs: path)
        return try load(yaml: yaml, file: path, catalog: catalog)
    }

    /// The checked shape of `yaml` (what needs no catalog), or `nil` when
    /// there is none; problems go to `validator`.
    static func spec(yaml: String, validator: inout PipelineValidator) -> PipelineSpec? {
        do {
            return validator.spec(from: try Yams.compose(yaml: yaml))
        } catch {
            validator.report(syntaxDiagnostic(for: error, yaml: yaml, file: validator.file))
            return nil
        }
    }

    /// The pipeline name for a file: its last path component without `.yaml` or `.yml`.
    static func pipelineName(file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) && base.count > suffix.count {
            return String(base.dropLast(suffix.count))
        }
        return base
    }

    /// Diagnostics without a location first, then by line and column; duplicates
    /// (the same key reached through two aliases) once.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let keyA = a.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let keyB = b.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return keyA != keyB ? keyA < keyB : a.offset < b.offset
        }.map(\.element)
    }

    /// Turns what Yams throws for malformed YAML into a diagnostic at the parser's position.
    static func syntaxDiagnostic(for error: any Error, yaml: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line, column: mark.column)
        }
        guard let error = error as? YamlError else {
            return Diagnostic("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem == "but found another document" {
                return Diagnostic(
                    "a pipeline file holds one YAML document, found a second one", at: at(mark),
                    hint: "remove the '---' line or split the file")
            }
            // libyaml's context says what it was parsing and where that began:
            // "did not find expected key while parsing a block mapping at line 2, column 3".
            let during = context.map { " \($0.text) at line \($0.mark.line), column \($0.mark.column)" } ?? ""
            return Diagnostic("invalid YAML: \(problem)\(during)", at: at(mark))
        case .reader(let problem, let offset, _, _):
            return Diagnostic(
                "invalid YAML: \(problem)", at: location(ofCharacterOffset: offset ?? 0, in: yaml, file: file))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                "duplicate key \(keys) in a mapping", at: at(context.mark),
                hint: "each key may appear once; this is its first occurrence")
        default:
            return Diagnostic("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The line and column (in Unicode scalars, as libyaml counts) of the `offset`-th character.
    private static func location(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(max(0, offset)) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// Reading a pipeline file, with a message that says why it failed.
enum PipelineFile {
    /// The UTF-8 text of the file at `path`; `shownAs` names it in the message.
    static func read(_ path: String, shownAs name: String) throws(PipelineError) -> String {
        func failure(_ why: String) -> PipelineError {
            PipelineError(Diagnostic("cannot read pipeline file '\(name)': \(why)"))
        }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure("no such file") }
        guard !isDirectory.boolValue else { throw failure("it is a directory") }
        guard files.isReadableFile(atPath: path), let data = files.contents(atPath: path) else {
            throw failure("permission denied")
        }
        guard let text = String(validating: data, as: UTF8.self) else { throw failure("it is not UTF-8 text") }
        return text
    }

    /// Whether `path` is an existing file that is not a directory.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
