import Textpipe

/// Reads the `entities` field straight from its JSON bytes.
///
/// `Document.entities` decodes with `JSONDecoder`, which was a third of this
/// stage's time on BBC articles. The field is an array of flat objects with
/// string, integer and null values, so a small reader over the bytes does;
/// on anything else it returns `nil` and the caller falls back to the decoder.
enum EntityReader {
    /// The entities in `bytes`, or `nil` when the JSON is not the expected shape.
    static func entities(_ bytes: [UInt8]) -> [Entity]? {
        var reader = Reader(bytes: bytes)
        return reader.array()
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
                i += 1
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func array() -> [Entity]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var result: [Entity] = []
            if take(UInt8(ascii: "]")) { return result }
            repeat {
                guard let entity = object() else { return nil }
                result.append(entity)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? result : nil
        }

        mutating func object() -> Entity? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var text: String?
            var label: String?
            var start: Int?
            var end: Int?
            var canonical: String?
            var party: String?
            if !take(UInt8(ascii: "}")) {
                repeat {
                    skipSpace()
                    guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: "\"") {
                        guard let value = string() else { return nil }
                        switch key {
                        case "text": text = value
                        case "label": label = value
                        case "canonical": canonical = value
                        case "party": party = value
                        default: break
                        }
                    } else if bytes[i] == UInt8(ascii: "n") {
                        guard i + 4 <= bytes.count else { return nil }
                        i += 4
                    } else {
                        guard let value = integer() else { return nil }
                        if key == "start" { start = value } else if key == "end" { end = value }
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            guard let text, let label, let start, let end else { return nil }
            return Entity(text: text, label: label, start: start, end: end, canonical: canonical, party: party)
        }

        mutating func integer() -> Int? {
            var value = 0
            var digits = 0
            let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            // A fraction or exponent is not an offset.
            if i < bytes.count,
                bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")
            {
                return nil
            }
            return digits > 0 && digits < 18 ? (negative ? -value : value) : nil
        }

        /// A string without escapes is copied as it is; one with escapes sends the caller to the decoder.
        mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            let start = i + 1
            var j = start
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                if bytes[j] == UInt8(ascii: "\\") { return nil }
                j += 1
            }
            guard j < bytes.count else { return nil }
            i = j + 1
            return String(decoding: bytes[start..<j], as: UTF8.self)
        }
    }
}
