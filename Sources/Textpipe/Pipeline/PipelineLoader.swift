import Foundation

/// Loads a pipeline file and checks it against the stages a run has.
///
/// ```
/// YAML text ──► YAMLParser.parse ──► PipelineValidator.spec ──► PipelineValidator.configure ──► Pipeline
///               (libyaml: syntax,   (top-level keys, shape     (stage names, option keys
///                aliases, limits)    of each stage entry)       and types, requires)
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
    /// that says why (missing, a directory, unreadable); one that is not
    /// UTF-8 gives one at the first byte that is not.
    public static func load(path: String, catalog: StageCatalog) throws(PipelineError) -> Pipeline {
        let yaml = try PipelineFile.read(path, shownAs: path)
        return try load(yaml: yaml, file: path, catalog: catalog)
    }

    /// The checked shape of `yaml` (what needs no catalog), or `nil` when
    /// there is none; problems go to `validator`.
    static func spec(yaml: String, validator: inout PipelineValidator) -> PipelineSpec? {
        do throws(YAMLError) {
            return validator.spec(from: try YAMLParser.parse(yaml))
        } catch {
            let location = SourceLocation(file: validator.file, line: error.mark.line, column: error.mark.column)
            validator.report(Diagnostic(error.message, at: location, hint: error.hint))
            return nil
        }
    }

    /// The `description` of a pipeline file, read leniently: `nil` when the
    /// file is not valid YAML or has none (`textpipe list` never fails on a broken file).
    public static func description(yaml: String) -> String? {
        guard let root = try? YAMLParser.parse(yaml), let description = root["description"],
            let scalar = description.scalar, scalar.value != .null
        else { return nil }
        return scalar.text
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
        guard let text = String(validating: data, as: UTF8.self) else { throw notUTF8(Array(data), shownAs: name) }
        return text
    }

    /// The error for bytes that are not UTF-8, at the first byte that is not.
    static func notUTF8(_ bytes: [UInt8], shownAs name: String) -> PipelineError {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return PipelineError(
                Diagnostic(
                    "the file is UTF-16 (it starts with a UTF-16 byte-order mark); a pipeline file is UTF-8",
                    at: SourceLocation(file: name, line: 1, column: 1), hint: "save it as UTF-8"))
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break decoding
            }
        }
        let mark = bytes.withUnsafeBufferPointer { YAMLParser.mark(ofByteOffset: offset, in: $0) }
        let byte = offset < bytes.count ? bytes[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        return PipelineError(
            Diagnostic(
                "the file is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) does not start a character",
                at: SourceLocation(file: name, line: mark.line, column: mark.column), hint: "save it as UTF-8"))
    }

    /// Whether `path` is an existing file that is not a directory.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
