import Foundation
import Textpipe

/// Seeded random data for the JSON reader and writer tests.
///
/// Deterministic on purpose: a failing case fails the same way on every run
/// and every machine.
struct JSONTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Pieces that stress a JSON string: everything that must be escaped,
    /// things that must not be, multi-byte and astral scalars, combining marks,
    /// and plain runs long enough to cross 8-byte words.
    ///
    /// U+FEFF is left out because Foundation on Linux drops it at the start of
    /// a string or after an escape, so comparisons with Foundation would fail;
    /// the reader tests cover it on their own.
    static let stringPieces: [String] = [
        "a", "Z", " ", "plain text ", "0123456789abcdef", "\"", "\\", "/", "\\u0041", "\n", "\r", "\t", "\u{8}",
        "\u{C}", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "é", "e\u{301}", "£", "€", "中文", "😀",
        "👩‍👩‍👧", "\u{10FFFF}", "\u{FFFF}", "\u{2028}", "\u{2029}", "'", "{", "}", "[", "]", ":", ",",
    ]

    mutating func string(maxPieces: Int = 24) -> String {
        let count = Int.random(in: 0...maxPieces, using: &self)
        var result = ""
        for _ in 0..<count {
            result += JSONTestRandom.stringPieces.randomElement(using: &self) ?? ""
        }
        return result
    }

    /// A random JSON-compatible Foundation value, nested at most `depth` deep.
    mutating func foundationValue(depth: Int = 3) -> Any {
        let choice = Int.random(in: 0..<(depth > 0 ? 9 : 7), using: &self)
        switch choice {
        case 0: return string(maxPieces: 6)
        case 1: return Int.random(in: -1_000_000...1_000_000, using: &self)
        case 2: return [0.5, -2.25, 1e20, 3.0e-5, 0.1, 12345.678].randomElement(using: &self) ?? 0.5
        case 3: return Bool.random(using: &self)
        case 4: return NSNull()
        case 5: return string(maxPieces: 2)
        case 6: return Int.random(in: 0...9, using: &self)
        case 7:
            return (0..<Int.random(in: 0...4, using: &self)).map { _ in foundationValue(depth: depth - 1) }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &self) {
                object[string(maxPieces: 3)] = foundationValue(depth: depth - 1)
            }
            return object
        }
    }

    /// A field name that is none of the keys a record gives meaning to.
    mutating func fieldName() -> String {
        "f_" + string(maxPieces: 4)
    }
}

/// Helpers shared by the JSON tests.
enum JSONTestSupport {
    /// `value` as compact JSON with sorted keys, the form to compare values in.
    static func canonical(_ value: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]))
    }

    /// The value of a JSON fragment, canonicalized.
    static func canonical(fragment: JSONFragment) throws -> [UInt8] {
        try canonical(try JSONSerialization.jsonObject(with: Data(fragment.bytes), options: .fragmentsAllowed))
    }

    /// The error `decode` throws for `bytes`, or `nil` when it succeeds.
    static func decodeError(_ bytes: [UInt8]) -> RecordError? {
        do {
            _ = try DocumentDecoder.decode(bytes, defaultID: "d", source: nil)
            return nil
        } catch {
            return error
        }
    }

    static func decodeError(_ json: String) -> RecordError? {
        decodeError(Array(json.utf8))
    }

    static func decode(_ json: String, defaultID: String = "d", source: String? = nil) throws -> Document {
        try DocumentDecoder.decode(Array(json.utf8), defaultID: defaultID, source: source)
    }

    static func encode(_ document: Document) -> String {
        var out: [UInt8] = []
        JSONWriter.appendDocument(document, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
