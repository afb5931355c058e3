/// Writes documents and strings as compact JSON, straight into a byte buffer.
///
/// Strings are written as raw UTF-8 with only what JSON requires escaped (`"`,
/// `\` and control characters), so output is as short as the input allows and
/// the same on every platform. Runs of plain bytes are copied in one go: an
/// article's text typically needs a handful of escapes in several kilobytes.
public enum JSONWriter {
    /// Appends `string` as a JSON string literal.
    ///
    /// Escapes `"`, `\` and control characters below U+0020 (`\n`, `\r`, `\t`,
    /// `\b`, `\f`, others as `\u00XX`); everything else — `/`, non-ASCII,
    /// U+2028 — is written as raw UTF-8.
    public static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &out) }
        if done == nil {
            // Only bridged strings are not contiguous UTF-8.
            var copy = string
            copy.makeContiguousUTF8()
            _ = copy.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `document` as one compact JSON object, without a newline.
    ///
    /// Keys come in this order: `"id"` (``Document/rawID`` as-is when set, else
    /// ``Document/id`` as a string), `"title"` when set, `"text"`, `"source"`
    /// when set and no field is named `"source"`, then ``Document/fields`` in
    /// order, each value written byte for byte.
    public static func appendDocument(_ document: Document, to out: inout [UInt8]) {
        reserveRoom(for: document, in: &out)
        appendASCII("{\"id\":", to: &out)
        if let rawID = document.rawID {
            out.append(contentsOf: rawID.bytes)
        } else {
            appendString(document.id, to: &out)
        }
        if let title = document.title {
            appendASCII(",\"title\":", to: &out)
            appendString(title, to: &out)
        }
        appendASCII(",\"text\":", to: &out)
        appendString(document.text, to: &out)
        if let source = document.source, !document.fields.contains(where: { $0.name == "source" }) {
            appendASCII(",\"source\":", to: &out)
            appendString(source, to: &out)
        }
        for field in document.fields {
            out.append(UInt8(ascii: ","))
            appendString(field.name, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: field.value.bytes)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Grows `out` once for the whole document rather than several times
    /// along the way; by at least its size, so appending many documents to one
    /// buffer stays linear.
    private static func reserveRoom(for document: Document, in out: inout [UInt8]) {
        var estimate = 40 + document.id.utf8.count + document.text.utf8.count
        estimate += document.title?.utf8.count ?? 0
        estimate += document.source?.utf8.count ?? 0
        for field in document.fields { estimate += 4 + field.name.utf8.count + field.value.bytes.count }
        let needed = out.count + estimate + estimate / 16
        if needed > out.capacity { out.reserveCapacity(max(needed, 2 * out.count)) }
    }

    private static func appendASCII(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while true {
            while index &+ 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if JSONScanner.hasEscapedByte(word) { break }
                index &+= 8
            }
            while index < count {
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                index &+= 1
            }
            guard index < count else { break }
            if index > runStart {
                out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            }
            appendEscape(for: base[index], to: &out)
            index += 1
            runStart = index
        }
        if count > runStart {
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
    }

    private static func appendEscape(for byte: UInt8, to out: inout [UInt8]) {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)],
            ])
            return
        }
        out.append(UInt8(ascii: "\\"))
        out.append(short)
    }
}
