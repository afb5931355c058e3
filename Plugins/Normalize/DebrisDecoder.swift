/// Decodes character references and the escape debris that scraped news carries.
///
/// - Character references: `&amp;`, `&eacute;`, `&#39;`, `&#x2019;`. Numbers
///   128–159 are read as Windows-1252, as browsers do (`&#146;` is `’`); 0,
///   surrogates and numbers past U+10FFFF are removed. A reference needs its
///   `;`. Double-escaped references (`&amp;lt;`) are decoded through.
/// - AG News debris: the corpus lost the `&` of every reference and left a space
///   in its place (`isn #39;t`, `the  #36;10`, `said  quot;We`). A `#` with 2–4
///   digits and a `;` is decoded, and the space before it dropped, when the
///   number is punctuation or a symbol rather than a letter or digit (32–126
///   without `0-9A-Za-z`, 128–255, U+2000–U+206F, `€`, `™`), so `#1;` and
///   `#100;` stay as written. A bare name is decoded only for a few common
///   names (`quot`, `amp`, `lt`, `gt`, `nbsp`, `apos`, `hellip`, the dashes and
///   curly quotes), lower-case, after white space or at the start.
/// - Backslash escapes (AG News again, where every line break became a `\`):
///   `\\` is a paragraph break, `\$` is `$`, and any other `\` is a space, for
///   those line breaks were wrapping inside a paragraph. Text with real
///   backslashes (paths, code) wants this off.
struct DebrisDecoder: Sendable {
    var html: Bool
    var backslashEscapes: Bool

    /// Whether `input` has any byte this decoder acts on; when not, the pass is skipped.
    func applies(to input: UnsafeBufferPointer<UInt8>) -> Bool {
        if backslashEscapes && UTF8Scan.contains(UInt8(ascii: "\\"), in: input) { return true }
        guard html else { return false }
        var ampersand = UTF8Scan.index(of: UInt8(ascii: "&"), in: input)
        while let i = ampersand {
            if Self.reference(input, bodyAt: i + 1) != nil { return true }
            ampersand = UTF8Scan.index(of: UInt8(ascii: "&"), in: input, from: i + 1)
        }
        // Debris without an `&` ends in `;` too: `#39;` or ` quot;`.
        var next = UTF8Scan.index(of: UInt8(ascii: ";"), in: input)
        while let i = next {
            var j = i
            while j > 0, i - j <= 4, input[j - 1] >= 0x30, input[j - 1] <= 0x39 { j -= 1 }
            if j < i, j > 0, input[j - 1] == UInt8(ascii: "#") { return true }
            if Self.bareName(endingAt: i, byteAt: { input[$0] }) != nil { return true }
            next = UTF8Scan.index(of: UInt8(ascii: ";"), in: input, from: i + 1)
        }
        return false
    }

    /// The decoded bytes of `input`.
    func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Every reference and escape is at least as long as what it stands for.
        ByteWriter.write(capacity: input.count) { out in decode(input, into: &out) }
    }

    private func decode(_ input: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        let n = input.count
        var i = 0
        while i < n {
            let byte = input[i]
            switch byte {
            case UInt8(ascii: "&") where html:
                if let (value, length) = Self.reference(input, bodyAt: i + 1) {
                    if let value { out.append(scalar: value) }
                    i += 1 + length
                    continue
                }
            case UInt8(ascii: "#") where html:
                if let (value, length) = Self.bareNumber(input, at: i) {
                    if out.last == UInt8(ascii: " ") { out.truncate(to: out.count - 1) }
                    out.append(scalar: value)
                    i += length
                    continue
                }
            case UInt8(ascii: ";") where html:
                if Self.replaceBareName(in: &out) {
                    i += 1
                    continue
                }
            case UInt8(ascii: "\\") where backslashEscapes:
                let next = i + 1 < n ? input[i + 1] : 0
                if next == UInt8(ascii: "\\") {
                    out.append(0x0A)
                    out.append(0x0A)
                    i += 2
                    continue
                }
                if next == UInt8(ascii: "$") {
                    i += 1
                    continue
                }
                out.append(0x20)
                i += 1
                continue
            default:
                break
            }
            out.append(byte)
            i += 1
        }
    }

    /// Parses a reference whose body (after the `&`) starts at `start`.
    ///
    /// Returns the code point (`nil` for a number that names no character, which
    /// is removed) and the body's length including the `;`, or `nil` when there
    /// is no reference. `&amp;` directly followed by another reference body is
    /// read as that reference.
    static func reference(_ input: UnsafeBufferPointer<UInt8>, bodyAt start: Int) -> (UInt32?, Int)? {
        guard let (value, length) = singleReference(input, bodyAt: start) else { return nil }
        if value == 0x26, length == 4, let (inner, innerLength) = reference(input, bodyAt: start + 4) {
            return (inner, 4 + innerLength)
        }
        return (value, length)
    }

    private static func singleReference(_ input: UnsafeBufferPointer<UInt8>, bodyAt start: Int) -> (UInt32?, Int)? {
        let n = input.count
        guard start < n else { return nil }
        if input[start] == UInt8(ascii: "#") {
            var j = start + 1
            let hex = j < n && (input[j] | 0x20) == UInt8(ascii: "x")
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < n, j - digitsStart < 8, let digit = digitValue(input[j], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                j += 1
            }
            guard j > digitsStart, j < n, input[j] == UInt8(ascii: ";") else { return nil }
            return (characterForNumber(value), j + 1 - start)
        }
        var j = start
        while j < n, j - start <= HTMLEntities.longestName, UTF8Scan.isAlphanumeric(input[j]) { j += 1 }
        guard j > start, j < n, input[j] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: input[start..<j]), as: UTF8.self)
        guard let value = HTMLEntities.table[name] else { return nil }
        return (value, j + 1 - start)
    }

    /// What a numeric reference stands for, as browsers read it.
    static func characterForNumber(_ value: UInt32) -> UInt32? {
        if value >= 0x80 && value < 0xA0 { return Windows1252.scalarValue(of: UInt8(value)) }
        guard value != 0, UTF8Scan.isScalar(value) else { return nil }
        return value
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte >= 0x30 && byte <= 0x39 { return UInt32(byte - 0x30) }
        guard hex else { return nil }
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    /// Parses AG News numeric debris (`#39;`) at `i`: the character and the length.
    static func bareNumber(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let n = input.count
        var j = i + 1
        var value: UInt32 = 0
        while j < n, j - i <= 4, input[j] >= 0x30, input[j] <= 0x39 {
            value = value * 10 + UInt32(input[j] - 0x30)
            j += 1
        }
        let digits = j - i - 1
        guard digits >= 2, digits <= 4, j < n, input[j] == UInt8(ascii: ";") else { return nil }
        guard isLikelyDebris(value), let character = characterForNumber(value) else { return nil }
        return (character, j + 1 - i)
    }

    /// Whether a bare `#NNN;` is far more likely a lost `&#NNN;` than text:
    /// the number names punctuation or a symbol, never a letter or digit.
    private static func isLikelyDebris(_ value: UInt32) -> Bool {
        switch value {
        case 32...126:
            return !UTF8Scan.isAlphanumeric(UInt8(value))
        case 128...255, 0x2000...0x206F, 0x20AC, 0x2122:
            return true
        default:
            return false
        }
    }

    /// The names decoded without their `&`, and what they stand for.
    private static let bareNames: [(name: [UInt8], value: UInt32)] = [
        ("quot", 0x22), ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("nbsp", 0xA0), ("apos", 0x27),
        ("hellip", 0x2026), ("ndash", 0x2013), ("mdash", 0x2014), ("lsquo", 0x2018), ("rsquo", 0x2019),
        ("ldquo", 0x201C), ("rdquo", 0x201D),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The bare name that ends at `end` in `bytes` (a `;` comes next), when it
    /// follows white space or starts the text: its value and where it starts.
    private static func bareName(endingAt end: Int, byteAt: (Int) -> UInt8) -> (value: UInt32, start: Int)? {
        var start = end
        while start > 0, end - start < 6, byteAt(start - 1) >= 0x61, byteAt(start - 1) <= 0x7A { start -= 1 }
        guard end - start >= 2 else { return nil }
        if start > 0 {
            let before = byteAt(start - 1)
            guard before == 0x20 || before == 0x0A || before == 0x09 else { return nil }
        }
        for (name, value) in bareNames where name.count == end - start {
            var k = 0
            while k < name.count && name[k] == byteAt(start + k) { k += 1 }
            if k == name.count { return (value, start) }
        }
        return nil
    }

    /// When `out` ends with a bare name after white space (or at the start),
    /// and a `;` comes next, replaces the name — and the space that stood for
    /// its `&` — with the character.
    private static func replaceBareName(in out: inout ByteWriter) -> Bool {
        let written = out
        guard let (value, start) = bareName(endingAt: out.count, byteAt: { written[$0] }) else { return false }
        out.truncate(to: start > 0 && out[start - 1] == 0x20 ? start - 1 : start)
        out.append(scalar: value)
        return true
    }
}
