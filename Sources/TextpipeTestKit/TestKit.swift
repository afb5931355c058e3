import Foundation
import Textpipe

/// Helpers that make a stage test a few lines.
///
/// ```swift
/// let out = try StageHarness(NormalizeStage.self).run(text: "a&amp;b")
/// #expect(out.document.text == "a&b")
/// ```
///
/// The harness is the whole run for the stage: a document it returns counts as
/// delivered, so an ordered stage hears ``OrderedStage/delivered(_:)`` after
/// each `run` (after the last document, for `run(_:)` of an array) and commits
/// its state as it would in a real run.
public struct StageHarness: Sendable {
    public let stage: StageInstance
    /// Documents given to the stage so far: for an ordered stage, the count of `decide` calls.
    private let processed = Locked(0)

    /// Builds stage `S` with options given as YAML (`"{ sentences: 2 }"`), or the defaults.
    public init<S: Stage>(_ type: S.Type, options: String? = nil) throws {
        self.init(try StageHarness.build(StageType(S.self), options: options))
    }

    /// Builds a stage described by `type`.
    public init(_ type: StageType, options: String? = nil) throws {
        self.init(try StageHarness.build(type, options: options))
    }

    init(_ stage: StageInstance) { self.stage = stage }

    private static func build(_ type: StageType, options: String?) throws -> StageInstance {
        guard let options else { return try type.instantiate() }
        return try type.instantiate(yaml: options)
    }

    /// Runs the stage on one document, then reports it delivered.
    public func run(_ document: Document) throws -> (document: Document, disposition: Disposition) {
        let result = try undelivered(document)
        try deliver()
        return result
    }

    /// Runs the stage on one document without reporting it delivered, as when a run dies before writing it.
    public func undelivered(_ document: Document) throws -> (document: Document, disposition: Disposition) {
        var document = document
        processed.withLock { $0 += 1 }
        let disposition = try stage.process(&document)
        return (document, disposition)
    }

    /// Reports every document run so far as delivered (``OrderedStage/delivered(_:)``).
    public func deliver() throws {
        try stage.ordered?.delivered(processed.withLock { $0 })
    }

    /// Runs the stage on a document with this text (id `test`).
    public func run(text: String, title: String? = nil) throws -> (document: Document, disposition: Disposition) {
        try run(Document(id: "test", text: text, title: title))
    }

    /// Runs the stage on a document given as a JSON object.
    public func run(json: String) throws -> (document: Document, disposition: Disposition) {
        try run(TestDocuments.document(json: json))
    }

    /// Runs the stage on several documents in order (for ordered stages) and returns what each became.
    public func run(_ documents: [Document]) throws -> [(document: Document, disposition: Disposition)] {
        let results = try documents.map { try undelivered($0) }
        try deliver()
        return results
    }
}

/// Builds and inspects documents from JSON in tests.
public enum TestDocuments {
    /// A document from a JSON object with at least `text`.
    public static func document(json: String) throws -> Document {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw StageError("test input is not a JSON object: \(json)")
        }
        guard let text = object["text"] as? String else { throw StageError("test input has no text: \(json)") }
        var document = Document(
            id: (object["id"] as? String) ?? "test", text: text, title: object["title"] as? String,
            source: object["source"] as? String)
        for key in object.keys.sorted() where !["id", "text", "title", "source"].contains(key) {
            let data = try JSONSerialization.data(
                withJSONObject: object[key] as Any, options: [.fragmentsAllowed, .sortedKeys])
            document.setField(key, JSONFragment(trustedBytes: Array(data)))
        }
        return document
    }

    /// The mismatches between `document` and the fields of the JSON object `expected`
    /// (`id`, `text`, `title`, `source` or any field), each as a line; empty when all match.
    public static func mismatches(_ document: Document, expected json: String) throws -> [String] {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw StageError("expected output is not a JSON object: \(json)")
        }
        var problems: [String] = []
        for key in object.keys.sorted() {
            let want = try canonical(object[key] as Any)
            let got: String?
            switch key {
            case "id": got = try canonical(document.id)
            case "text": got = try canonical(document.text)
            case "title": got = try document.title.map { try canonical($0) }
            case "source": got = try document.source.map { try canonical($0) }
            default:
                got = try document.field(key).map {
                    try canonical(try JSONSerialization.jsonObject(with: Data($0.bytes), options: .fragmentsAllowed))
                }
            }
            if got != want { problems.append("\(key): expected \(want), got \(got ?? "nothing")") }
        }
        return problems
    }

    private static func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs a stage's own examples; returns one line per failed example.
public func exampleFailures(of type: StageType) -> [String] {
    var failures: [String] = []
    for example in type.examples {
        do {
            let harness = try StageHarness(type, options: example.options)
            let (document, disposition) = try harness.run(json: example.input)
            switch (example.expected, disposition) {
            case (nil, .keep):
                failures.append("\(type.name): '\(example.title)': expected a drop, the document was kept")
            case (nil, .drop):
                break
            case (.some, .drop(let reason)):
                failures.append(
                    "\(type.name): '\(example.title)': expected output, the document was dropped (\(reason))")
            case (.some(let expected), .keep):
                for problem in try TestDocuments.mismatches(document, expected: expected) {
                    failures.append("\(type.name): '\(example.title)': \(problem)")
                }
            }
        } catch {
            failures.append("\(type.name): '\(example.title)': threw \(error)")
        }
    }
    return failures
}

/// Differences between a stage's `Resources/` folder and the files it embeds:
/// empty when every file is embedded byte for byte and nothing else is.
///
/// ```swift
/// #expect(try embeddingDifferences(EntitiesResources.embedded, folder: resourcesFolder) == [])
/// ```
public func embeddingDifferences(_ resources: StageResources, folder: URL) throws -> [String] {
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    var differences: [String] = []
    for name in onDisk where !resources.names.contains(name) {
        differences.append("\(name) is in Resources/ but not embedded (list it in Embedded/resources.c)")
    }
    for name in resources.names {
        guard onDisk.contains(name) else {
            differences.append("\(name) is embedded but not in Resources/")
            continue
        }
        let file = try Data(contentsOf: folder.appending(path: name))
        if try resources.data(name) != file { differences.append("\(name) differs from the file (rebuild)") }
    }
    return differences
}
