/// A token: a half-open range of Unicode-scalar offsets into a text, and its text.
public struct Token: Sendable, Hashable {
    public var text: String
    /// Unicode-scalar offset of the first character.
    public var start: Int
    /// Unicode-scalar offset one past the last character.
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

extension [Token] {
    /// For each span, the indices of the tokens that lie wholly inside it (empty
    /// when none does): how a stage maps a `sentences` annotation onto its own
    /// tokens. Each span is found by binary search, so the spans need not be sorted.
    public func indices(inside spans: [TextSpan]) -> [Range<Int>] {
        spans.map { span in
            var lower = 0
            var upper = count
            while lower < upper {
                let middle = (lower + upper) / 2
                if self[middle].start < span.start { lower = middle + 1 } else { upper = middle }
            }
            var end = lower
            while end < count, self[end].end <= span.end { end += 1 }
            return lower..<end
        }
    }
}

/// A text as an array of Unicode scalars, so offsets are the numbers Python's `str` uses.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        // One decoding pass: `Array(text.unicodeScalars)` decodes twice, once to count.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        self.scalars = scalars
    }

    public var count: Int { scalars.count }

    /// The text of `start..<end`.
    public func slice(_ start: Int, _ end: Int) -> String {
        ScalarText.string(scalars[start..<end])
    }

    /// A string made of `scalars`, encoded straight into the string's UTF-8
    /// storage: a token-sized slice costs no allocation, where appending to a
    /// `UnicodeScalarView` took a slow path per scalar.
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var length = 0
        for scalar in scalars { length += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }

    public subscript(_ index: Int) -> Unicode.Scalar { scalars[index] }
}

extension Unicode.Scalar {
    // The tests beyond ASCII are out of line: inlined, `Unicode.Scalar.Properties`,
    // `Unicode.GeneralCategory` and `Unicode.NumericType` are resilient types, and
    // every caller paid for them on entry (type metadata look-ups and stack
    // allocations) even when its scalars were all ASCII: 262 of the 370
    // instructions `Tokenizer.wordEnd` took a word. Out of line, entities stage
    // instructions per BBC business article 2.663 M -> 2.603 M under callgrind
    // (`Tokenizer.wordEnd` 63.0 M -> 25.1 M on the 510 articles).

    /// A letter or a combining mark (accents that follow a base letter).
    @inlinable public var isWordLetter: Bool {
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return Self.isWordLetterBeyondASCII(self)
    }
    @inlinable public var isDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return Self.isDigitBeyondASCII(self)
    }
    @inlinable public var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return Self.isSpaceBeyondASCII(self)
    }
    @inlinable public var isUppercaseLetter: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return Self.isUppercaseBeyondASCII(self)
    }
    @inlinable public var isLowercaseLetter: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return Self.isLowercaseBeyondASCII(self)
    }
    /// Apostrophes: ASCII and typographic.
    @inlinable public var isApostrophe: Bool { value == 0x27 || value == 0x2019 || value == 0x2018 }
    /// Hyphens that join words (`MQM-P`, `Kilroy-Silk`).
    @inlinable public var isJoiningHyphen: Bool { value == 0x2D || value == 0x2010 || value == 0x2011 }

    @usableFromInline @inline(never)
    static func isWordLetterBeyondASCII(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
            || c.properties.generalCategory == .spacingMark
    }
    @usableFromInline @inline(never)
    static func isDigitBeyondASCII(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }
    @usableFromInline @inline(never)
    static func isSpaceBeyondASCII(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
    @usableFromInline @inline(never)
    static func isUppercaseBeyondASCII(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    @usableFromInline @inline(never)
    static func isLowercaseBeyondASCII(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
}
