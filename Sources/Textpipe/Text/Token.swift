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

/// A text as an array of Unicode scalars, so offsets are the numbers Python's `str` uses.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    public var count: Int { scalars.count }

    /// The text of `start..<end`.
    public func slice(_ start: Int, _ end: Int) -> String {
        // Encoding straight into the string's buffer is several times faster than
        // appending to a `UnicodeScalarView`. The capacity must be the exact UTF-8
        // length: up to 15 bytes the string is stored inline, without an allocation.
        var length = 0
        for index in start..<end {
            let value = scalars[index].value
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var count = 0
            for index in start..<end {
                let value = scalars[index].value
                if value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: value)
                    count += 1
                } else if value < 0x800 {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xC0 | (value >> 6))
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 2
                } else if value < 0x10000 {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xE0 | (value >> 12))
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                    buffer[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 3
                } else {
                    buffer[count] = UInt8(truncatingIfNeeded: 0xF0 | (value >> 18))
                    buffer[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F))
                    buffer[count + 2] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
                    buffer[count + 3] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
                    count += 4
                }
            }
            return count
        }
    }

    public subscript(_ index: Int) -> Unicode.Scalar { scalars[index] }
}

extension Unicode.Scalar {
    /// A letter or a combining mark (accents that follow a base letter).
    @inlinable var isWordLetter: Bool {
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }
    @inlinable var isDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType == .decimal
    }
    @inlinable var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
    @inlinable var isUppercaseLetter: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }
    @inlinable var isLowercaseLetter: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }
    /// Apostrophes: ASCII and typographic.
    @inlinable var isApostrophe: Bool { value == 0x27 || value == 0x2019 || value == 0x2018 }
    /// Hyphens that join words (`MQM-P`, `Kilroy-Silk`).
    @inlinable var isJoiningHyphen: Bool { value == 0x2D || value == 0x2010 || value == 0x2011 }
}
