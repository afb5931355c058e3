import Foundation
public struct RecordError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int?
    public var description: String { message }
}
public enum DocumentDecoder {
    public static func decode(_ bytes: [UInt8], defaultID: String, source: String?) throws(RecordError) -> Document {
        guard let o = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any], let t = o["text"] as? String else { throw RecordError(message: "bad", offset: 0) }
        return Document(id: (o["id"] as? String) ?? defaultID, text: t, title: o["title"] as? String, source: (o["source"] as? String) ?? source)
    }
    public static func decodeFile(_ bytes: [UInt8], idForIndex: (Int) -> String, source: String?) throws(RecordError) -> [Result<Document, RecordError>] { [] }
}
extension JSONWriter {
    public static func appendDocument(_ document: Document, to out: inout [UInt8]) {
        out += Array("{\"id\":".utf8); appendString(document.id, to: &out)
        out += Array(",\"text\":".utf8); appendString(document.text, to: &out); out += Array("}".utf8)
    }
}
public struct SourceLocation: Sendable, Equatable { public var file: String; public var line: Int; public var column: Int }
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation?; public var message: String; public var hint: String?
    public var description: String { message }
}
public struct PipelineError: Error, Sendable, CustomStringConvertible { public var diagnostics: [Diagnostic]; public var description: String { "" } }
public struct Pipeline: Sendable {
    public var name: String; public var file: String; public var description: String?; public var onError: ErrorPolicy; public var stages: [ConfiguredStage]
}
public struct ConfiguredStage: Sendable { public var type: StageType; public var instance: StageInstance; public var location: SourceLocation; public var optionsYAML: String? }
public enum PipelineLoader {
    public static func load(yaml: String, file: String, catalog: StageCatalog) throws(PipelineError) -> Pipeline { throw PipelineError(diagnostics: []) }
    public static func load(path: String, catalog: StageCatalog) throws(PipelineError) -> Pipeline { throw PipelineError(diagnostics: []) }
}
public enum PipelineResolver {
    public static func resolve(_ nameOrPath: String, catalog: StageCatalog, currentDirectory: String, environment: [String: String]) throws(PipelineError) -> (yaml: String, file: String, name: String) { throw PipelineError(diagnostics: []) }
    public static func available(catalog: StageCatalog, currentDirectory: String, environment: [String: String]) -> [(name: String, file: String, yaml: String)] { [] }
}
public enum Suggestions { public static func closest(to word: String, in candidates: [String]) -> String? { nil } }
