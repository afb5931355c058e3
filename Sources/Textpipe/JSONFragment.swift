import Foundation

/// A piece of compact, valid JSON text, kept as UTF-8 bytes.
///
/// Input fields the pipeline does not know travel as fragments: they are
/// validated and stripped of insignificant white space when read, and written
/// back byte for byte.
public struct JSONFragment: Sendable, Hashable, CustomStringConvertible {
    /// The UTF-8 bytes of the JSON text.
    public let bytes: [UInt8]

    /// Wraps bytes that the caller guarantees are compact, valid JSON.
    public init(trustedBytes: [UInt8]) {
        self.bytes = trustedBytes
    }

    /// Encodes `value` with sorted keys, so the same value always gives the same bytes.
    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.bytes = Array(try encoder.encode(value))
    }

    /// A JSON string holding `string`.
    public init(string: String) {
        var out: [UInt8] = []
        JSONWriter.appendString(string, to: &out)
        self.bytes = out
    }

    /// JSON `null`.
    public static let null = JSONFragment(trustedBytes: Array("null".utf8))

    /// Whether this is JSON `null`.
    public var isNull: Bool { bytes == JSONFragment.null.bytes }

    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
