import CStageResources
import Foundation

/// The data files a stage module embeds in the executable: its trained model,
/// word lists, lexicons.
///
/// A stage's `Resources/` folder is compiled into the binary by a small C
/// target beside it (`Plugins/<Name>/Embedded`, with C23 `#embed`), so a
/// copied `textpipe` — to `/usr/local/bin`, a container or a Spark executor —
/// carries everything it needs; SwiftPM's resource bundles had to sit next to
/// the executable, and the first entities call of a copied binary failed.
/// The bytes stay where the loader mapped them: ``data(_:)`` does not copy.
///
/// ```swift
/// static let embedded = StageResources(stage: "entities", table: textpipe_entities_resources)
/// let model = try resources.data("model.bin")
/// ```
public struct StageResources: Sendable {
    /// The stage the files belong to, for messages.
    public let stage: String
    private let files: [String: Data]

    /// The files of a stage's `Embedded/resources.c`, from its table function
    /// (`textpipe_entities_resources`), which sets the count and returns the
    /// table; the bytes are static storage, so they are used in place.
    public init(stage: String, table: (UnsafeMutablePointer<Int>) -> UnsafePointer<textpipe_resource>?) {
        self.stage = stage
        var count = 0
        let start = table(&count)
        var byName: [String: Data] = [:]
        for file in UnsafeBufferPointer(start: start, count: start == nil ? 0 : count) {
            let bytes = file.bytes.map { UnsafeMutableRawPointer(mutating: $0) }
            byName[String(cString: file.name)] =
                bytes.map { Data(bytesNoCopy: $0, count: file.count, deallocator: .none) } ?? Data()
        }
        self.files = byName
    }

    /// The names of the embedded files, sorted.
    public var names: [String] { files.keys.sorted() }

    /// The bytes of file `name`.
    public func data(_ name: String) throws(StageError) -> Data {
        guard let data = files[name] else {
            throw StageError(
                "the \(stage) resource '\(name)' is not embedded in this binary",
                hint: "add it to the stage's Embedded/resources.c and rebuild")
        }
        return data
    }

    /// The text of file `name`, which must be UTF-8.
    public func text(_ name: String) throws(StageError) -> String {
        let data = try data(name)
        guard let text = String(data: data, encoding: .utf8) else {
            throw StageError(
                "the \(stage) resource '\(name)' is not valid UTF-8", hint: "rebuild from a clean checkout")
        }
        return text
    }
}
