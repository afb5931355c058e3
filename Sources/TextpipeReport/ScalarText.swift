/// A string seen as Unicode scalars — the unit the entities stage counts offsets in.
///
/// Offsets into `text` are scalar offsets (Python's `str` indexes), not
/// `Character`s (a combining mark is a scalar of its own) and not UTF-16 units
/// (an emoji is one scalar, two units). The report slices by them and writes
/// the UTF-8 bytes in between.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, and of the end (`scalars.count + 1` entries).
    let byteOffsets: [Int]
    let utf8: [UInt8]

    init(_ string: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = [0]
        scalars.reserveCapacity(string.utf8.count)
        offsets.reserveCapacity(string.utf8.count + 1)
        var offset = 0
        for scalar in string.unicodeScalars {
            scalars.append(scalar)
            offset += UTF8.width(scalar)
            offsets.append(offset)
        }
        self.scalars = scalars
        self.byteOffsets = offsets
        self.utf8 = Array(string.utf8)
    }

    var count: Int { scalars.count }

    /// The UTF-8 bytes of scalars `range`.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> {
        utf8[byteOffsets[range.lowerBound]..<byteOffsets[range.upperBound]]
    }

    /// Where `needle` first occurs at or after `from`, as scalar offsets.
    ///
    /// A run of white space in `needle` matches any run of white space in the
    /// text, since a stage may quote a sentence with its line breaks folded;
    /// `ignoringCase` compares lower-case mappings (for cues, which a stage may
    /// quote in another case than the text has).
    func find(_ needle: String, from: Int = 0, within limit: Range<Int>? = nil, ignoringCase: Bool = false)
        -> Range<Int>?
    {
        var pattern = Array(needle.unicodeScalars)
        while let last = pattern.last, Self.isSpace(last) { pattern.removeLast() }
        pattern.removeFirst(pattern.prefix(while: Self.isSpace).count)
        let bounds = limit ?? 0..<count
        guard let first = pattern.first, from < bounds.upperBound else { return nil }
        func equal(_ lhs: Unicode.Scalar, _ rhs: Unicode.Scalar) -> Bool {
            ignoringCase ? Self.equalIgnoringCase(lhs, rhs) : lhs == rhs
        }
        var start = max(from, bounds.lowerBound)
        while start < bounds.upperBound {
            defer { start += 1 }
            guard equal(scalars[start], first) else { continue }
            var index = start
            var position = 0
            var matched = true
            while position < pattern.count {
                if Self.isSpace(pattern[position]) {
                    guard index < bounds.upperBound, Self.isSpace(scalars[index]) else {
                        matched = false
                        break
                    }
                    while position < pattern.count, Self.isSpace(pattern[position]) { position += 1 }
                    while index < bounds.upperBound, Self.isSpace(scalars[index]) { index += 1 }
                } else {
                    guard index < bounds.upperBound, equal(scalars[index], pattern[position]) else {
                        matched = false
                        break
                    }
                    index += 1
                    position += 1
                }
            }
            if matched { return start..<index }
        }
        return nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    private static func equalIgnoringCase(_ lhs: Unicode.Scalar, _ rhs: Unicode.Scalar) -> Bool {
        if lhs == rhs { return true }
        if lhs.isASCII && rhs.isASCII { return lhs.value | 0x20 == rhs.value | 0x20 && lhs.properties.isAlphabetic }
        return lhs.properties.lowercaseMapping == rhs.properties.lowercaseMapping
    }
}
