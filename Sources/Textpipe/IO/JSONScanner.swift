/// A cursor over UTF-8 JSON text that validates everything it steps over.
///
/// The scanner works on raw bytes and never builds a value it is not asked
/// for: skipping a nested field costs one pass that checks the grammar, the
/// string escapes and the UTF-8 and remembers whether there was white space to
/// strip. It is strict RFC 8259 — no trailing commas, no comments, no lone
/// UTF-16 surrogates in `\u` escapes — so every fragment it hands out is JSON
/// any parser accepts.
///
/// The caller keeps the memory alive for the scanner's lifetime.
struct JSONScanner {
    /// Containers may nest this deep (the outermost one counts as 1), like Foundation's parser.
    static let maxDepth = 512

    let base: UnsafeRawPointer
    let count: Int
    /// The next byte to read.
    var position = 0
    /// Set whenever ``skipWhitespace()`` skips something; callers clear it
    /// before a value to learn whether that value needs compacting.
    var sawWhitespace = false

    init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        base.load(fromByteOffset: index, as: UInt8.self)
    }

    /// The byte at ``position``, or `nil` at the end.
    @inline(__always)
    var current: UInt8? {
        position < count ? byte(at: position) : nil
    }

    /// Whether all the input has been read.
    var isAtEnd: Bool { position >= count }

    // MARK: - White space and punctuation

    @inline(__always)
    mutating func skipWhitespace() {
        var index = position
        while index < count {
            switch byte(at: index) {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default:
                if index != position {
                    sawWhitespace = true
                    position = index
                }
                return
            }
        }
        if index != position {
            sawWhitespace = true
            position = index
        }
    }

    /// Skips a UTF-8 byte order mark at the very start, which RFC 8259 lets a parser ignore.
    mutating func skipByteOrderMark() {
        if position == 0, count >= 3, byte(at: 0) == 0xEF, byte(at: 1) == 0xBB, byte(at: 2) == 0xBF {
            position = 3
        }
    }

    // MARK: - Values

    /// Validates the value at ``position`` and moves past it.
    ///
    /// `depth` is the nesting depth of the value's container (0 at the top).
    mutating func skipValue(depth: Int) throws(RecordError) -> JSONValueKind {
        guard position < count else { throw unexpected(expected: "a value") }
        switch byte(at: position) {
        case UInt8(ascii: "\""):
            _ = try scanString()
            return .string
        case UInt8(ascii: "{"):
            try skipObject(depth: depth + 1)
            return .object
        case UInt8(ascii: "["):
            try skipArray(depth: depth + 1)
            return .array
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return .number
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return .boolean
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return .boolean
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return .null
        default:
            throw unexpected(expected: "a value")
        }
    }

    private mutating func skipObject(depth: Int) throws(RecordError) {
        guard depth <= Self.maxDepth else { throw tooDeep() }
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard current == UInt8(ascii: "\"") else { throw unexpectedKey() }
            _ = try scanString()
            try expectColon()
            _ = try skipValue(depth: depth)
            if try endOfMember() { return }
        }
    }

    private mutating func skipArray(depth: Int) throws(RecordError) {
        guard depth <= Self.maxDepth else { throw tooDeep() }
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            _ = try skipValue(depth: depth)
            if try endOfElement() { return }
        }
    }

    /// After an object member's value: skips white space, then either a `,` and
    /// the white space after it (false: another member follows) or the closing
    /// `}` (true). Every object reader ends its members here, so they all
    /// report a bad separator the same way.
    @inline(__always)
    mutating func endOfMember() throws(RecordError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            return false
        case UInt8(ascii: "}"):
            position += 1
            return true
        default:
            throw unexpected(expected: "',' or '}' after object member")
        }
    }

    /// After an array element: the same for `,` or `]`; a `,` right before `]` is an error.
    @inline(__always)
    mutating func endOfElement() throws(RecordError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw syntaxError("trailing comma before ']'", at: position) }
            return false
        case UInt8(ascii: "]"):
            position += 1
            return true
        default:
            throw unexpected(expected: "',' or ']' after array element")
        }
    }

    /// Skips white space, a `:` and white space, between an object key and its value.
    @inline(__always)
    mutating func expectColon() throws(RecordError) {
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw unexpected(expected: "':' after object key") }
        position += 1
        skipWhitespace()
    }

    /// Validates a number (RFC 8259 grammar) at ``position`` and moves past it.
    mutating func scanNumber() throws(RecordError) {
        var index = position
        if byte(at: index) == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(byte(at: index)) else {
            throw unexpected(at: index, expected: "a digit in number")
        }
        if byte(at: index) == UInt8(ascii: "0") {
            index += 1
        } else {
            index = skipDigits(from: index)
        }
        if index < count, byte(at: index) == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(byte(at: index)) else {
                throw unexpected(at: index, expected: "a digit after '.' in number")
            }
            index = skipDigits(from: index)
        }
        if index < count, byte(at: index) | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") {
                index += 1
            }
            guard index < count, isDigit(byte(at: index)) else {
                throw unexpected(at: index, expected: "a digit in number exponent")
            }
            index = skipDigits(from: index)
        }
        position = index
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private func skipDigits(from start: Int) -> Int {
        var index = start
        while index < count, isDigit(byte(at: index)) { index += 1 }
        return index
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(RecordError) {
        let length = literal.utf8CodeUnitCount
        for offset in 0..<length {
            let index = position + offset
            guard index < count, byte(at: index) == literal.utf8Start[offset] else {
                throw syntaxError("invalid literal, expected '\(literal)'", at: position)
            }
        }
        position += length
    }

    // MARK: - Strings

    /// Validates the string whose opening quote is at ``position`` and moves
    /// past its closing quote.
    ///
    /// - Returns: whether the string contains escapes (its content bytes are
    ///   then not its value).
    @inline(__always)
    mutating func scanString() throws(RecordError) -> Bool {
        var index = position + 1
        var escaped = false
        while true {
            // Eight plain bytes at a time: long article text is mostly ASCII
            // letters, and this loop is where decoding spends its time.
            while index &+ 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if JSONScanner.hasSpecialStringByte(word) { break }
                index &+= 8
            }
            while index < count {
                let byte = byte(at: index)
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
                index &+= 1
            }
            guard index < count else { throw syntaxError("unterminated string", at: position) }
            let byte = byte(at: index)
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return escaped
            } else if byte == UInt8(ascii: "\\") {
                index = try scanEscape(at: index)
                escaped = true
            } else if byte < 0x20 {
                throw syntaxError("control character \(hexCodePoint(byte)) must be escaped in a string", at: index)
            } else {
                index = try scanMultibyteScalar(at: index)
            }
        }
    }

    /// Whether any byte of `word` is a quote, a backslash, a control character or not ASCII.
    ///
    /// Exact as to *whether* (the classic "has zero byte" and "has byte less
    /// than" bit tricks), which is all the callers need: they re-check byte by byte.
    @inline(__always)
    static func hasSpecialStringByte(_ word: UInt64) -> Bool {
        hasEscapedByte(word) || word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether any byte of `word` is a quote, a backslash or a control character.
    @inline(__always)
    static func hasEscapedByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & high
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & high
        let backslashZero = (backslash &- ones) & ~backslash & high
        return control | quoteZero | backslashZero != 0
    }

    /// Validates the escape whose backslash is at `index`; returns the index after it.
    private func scanEscape(at index: Int) throws(RecordError) -> Int {
        guard index + 1 < count else { throw syntaxError("unterminated string", at: position) }
        switch byte(at: index + 1) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            let unit = try hexQuad(at: index + 2, escapeAt: index)
            switch unit {
            case 0xD800...0xDBFF:
                guard index + 7 < count, byte(at: index + 6) == UInt8(ascii: "\\"),
                    byte(at: index + 7) == UInt8(ascii: "u"),
                    case 0xDC00...0xDFFF = try hexQuad(at: index + 8, escapeAt: index + 6)
                else {
                    throw syntaxError("unpaired UTF-16 surrogate in \\u escape", at: index)
                }
                return index + 12
            case 0xDC00...0xDFFF:
                throw syntaxError("unpaired UTF-16 surrogate in \\u escape", at: index)
            default:
                return index + 6
            }
        default:
            if byte(at: index + 1) >= 0x80, (try? scanMultibyteScalar(at: index + 1)) == nil {
                throw invalidUTF8(at: index + 1)
            }
            throw syntaxError("invalid escape in string", at: index)
        }
    }

    /// The value of four hex digits at `index`; `escapeAt` is where the `\u` starts, for the message.
    @inline(__always)
    func hexQuad(at index: Int, escapeAt: Int) throws(RecordError) -> UInt16 {
        guard index + 4 <= count else { throw syntaxError("\\u escape needs four hex digits", at: escapeAt) }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = byte(at: index + offset)
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw syntaxError("\\u escape needs four hex digits", at: escapeAt)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Validates the UTF-8 sequence of a non-ASCII scalar starting at `index`
    /// (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF);
    /// returns the index after it.
    @inline(__always)
    func scanMultibyteScalar(at index: Int) throws(RecordError) -> Int {
        let lead = byte(at: index)
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw invalidUTF8(at: index)
        }
        guard index + length <= count else { throw invalidUTF8(at: index) }
        let second = byte(at: index + 1)
        guard second >= low, second <= high else { throw invalidUTF8(at: index) }
        for offset in 2..<length where byte(at: index + offset) & 0xC0 != 0x80 {
            throw invalidUTF8(at: index)
        }
        return index + length
    }

    // MARK: - Errors

    func syntaxError(_ what: String, at offset: Int) -> RecordError {
        RecordError(message: "invalid JSON: \(what)", offset: offset)
    }

    func invalidUTF8(at offset: Int) -> RecordError {
        RecordError(message: "invalid UTF-8", offset: offset)
    }

    func tooDeep() -> RecordError {
        syntaxError("nesting deeper than \(Self.maxDepth) levels", at: position)
    }

    /// The error for an unexpected byte (or end) at ``position``.
    func unexpected(expected: String) -> RecordError {
        unexpected(at: position, expected: expected)
    }

    /// The error for an unexpected byte at `offset`: bytes that are not UTF-8
    /// are reported as such, since that is the first thing wrong with them.
    @inline(never)
    func unexpected(at offset: Int, expected: String) -> RecordError {
        guard offset < count else { return syntaxError("expected \(expected), found end of input", at: offset) }
        let byte = byte(at: offset)
        let found: String
        switch byte {
        case 0x21...0x7E: found = "'\(Character(Unicode.Scalar(byte)))'"
        case 0x00...0x7F: found = hexCodePoint(byte)
        default:
            guard let end = try? scanMultibyteScalar(at: offset) else { return invalidUTF8(at: offset) }
            let scalar = String(
                decoding: UnsafeRawBufferPointer(start: base + offset, count: end - offset), as: UTF8.self)
            found = "'\(scalar)'"
        }
        return syntaxError("expected \(expected), found \(found)", at: offset)
    }

    /// The error where an object key should be: a `}` there follows a trailing comma,
    /// since an empty object is handled before the first key.
    func unexpectedKey() -> RecordError {
        if current == UInt8(ascii: "}") {
            return syntaxError("trailing comma before '}'", at: position)
        }
        return unexpected(expected: "a string key")
    }

    private func hexCodePoint(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "U+00\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}

/// The kinds of JSON value, for messages such as "found an array".
enum JSONValueKind: Sendable, CustomStringConvertible {
    case object, array, string, number, boolean, null

    var description: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        }
    }
}
