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
/// static let resources = StageResources(stage: "entities", files: embeddedFiles())
/// let model = try resources.data("model.bin")
/// ```
public struct StageResources: Sendable {
    /// The stage the files belong to, for messages.
    public let stage: String
    private let files: [String: Data]

    /// Files as the C target lists them: a name (`model.bin`) and its bytes,
    /// which must live as long as the process (static storage).
    public init(stage: String, files: [(name: String, bytes: UnsafeRawBufferPointer)]) {
        self.stage = stage
        var byName: [String: Data] = [:]
        for file in files {
            guard let base = file.bytes.baseAddress else {
                byName[file.name] = Data()
                continue
            }
            byName[file.name] = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: file.bytes.count, deallocator: .none)
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
