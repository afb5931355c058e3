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
