/// Splits text into words and hashes every run of `size` consecutive words.
///
/// Words are what Python's `re.findall(r"\w+", text.lower())` finds — the way
/// the ground truth in `../shared/data/bbc/duplicate-pairs.tsv` was built:
///
/// - the text is lower-cased first with full Unicode case mapping, so `İ`
///   becomes `i` + U+0307 and a capital sigma at the end of a word becomes `ς`
///   (Python's Final_Sigma rule);
/// - a word character is a letter (`L*`), a number (`N*`) or `_`. Combining
///   marks are not: Python's `re` splits `café` written with U+0301 in two.
///
/// ASCII bytes take a fast path; only other scalars are decoded. A text with
/// fewer than `size` words has no shingles.
struct WordShingler: Sendable {
    /// Words per shingle.
    let size: Int
    private let tokenSeed: UInt64
    private let shingleSeed: UInt64

    init(size: Int, seed: UInt64) {
        precondition(size >= 1, "a shingle has at least one word")
        self.size = size
        var random = SplitMix64(seed: seed ^ 0x5348_494e_474c_4553)
        tokenSeed = random.next()
        shingleSeed = random.next()
    }

    /// Reusable buffers, so hashing an article allocates nothing once warm.
    struct Scratch {
        var word: [UInt8] = []
        var recent: [UInt64] = []
        var wordCount = 0

        init() { word.reserveCapacity(64) }
    }

    /// Replaces `shingles` with the hash of every shingle of `parts`, read as
    /// one text in which each part ends a word (a title, then the body).
    func hashShingles(of parts: [String], into shingles: inout [UInt64], scratch: inout Scratch) {
        shingles.removeAll(keepingCapacity: true)
        scratch.word.removeAll(keepingCapacity: true)
        scratch.recent = Array(repeating: 0, count: size)
        scratch.wordCount = 0
        for part in parts {
            var text = part
            text.withUTF8 { scan($0, into: &shingles, scratch: &scratch) }
            endWord(into: &shingles, scratch: &scratch)
        }
    }

    /// The words of `text`, for tests and diagnostics.
    func words(of text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var copy = text
        copy.withUTF8 { bytes in
            forEachLowercasedScalar(bytes) { scalar in
                if let scalar, Self.isWordCharacter(scalar) {
                    word.append(contentsOf: String(Character(scalar)).utf8)
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll()
                }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    // MARK: - Scanning

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into shingles: inout [UInt64], scratch: inout Scratch) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let folded = byte | 0x20
                if folded &- UInt8(ascii: "a") < 26 {
                    scratch.word.append(folded)
                } else if byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_") {
                    scratch.word.append(byte)
                } else if !scratch.word.isEmpty {
                    endWord(into: &shingles, scratch: &scratch)
                }
                index += 1
                continue
            }
            let (scalar, length) = Self.decode(bytes, at: index)
            Self.lowercased(scalar, in: bytes, at: index, length: length) { lower in
                if Self.isWordCharacter(lower) {
                    appendUTF8(lower, to: &scratch.word)
                } else if !scratch.word.isEmpty {
                    endWord(into: &shingles, scratch: &scratch)
                }
            }
            index += length
        }
    }

    private func endWord(into shingles: inout [UInt64], scratch: inout Scratch) {
        guard !scratch.word.isEmpty else { return }
        let hash = scratch.word.withUnsafeBytes { Hash64.hash($0, seed: tokenSeed) }
        scratch.word.removeAll(keepingCapacity: true)
        scratch.recent[scratch.wordCount % size] = hash
        scratch.wordCount += 1
        guard scratch.wordCount >= size else { return }
        var shingle = shingleSeed
        let oldest = scratch.wordCount % size
        for offset in 0..<size {
            let position = oldest + offset
            shingle = Hash64.mum(shingle ^ scratch.recent[position < size ? position : position - size], Hash64.p1)
        }
        shingles.append(Hash64.mum(shingle, Hash64.p2))
    }

    // MARK: - Unicode

    /// Whether Python's `re` counts `scalar` as a `\w` character: a letter, a number or `_`.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            return (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Calls `body` with each scalar of `scalar` lower-cased as Python's `str.lower()` does.
    private static func lowercased(
        _ scalar: Unicode.Scalar, in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int,
        _ body: (Unicode.Scalar) -> Void
    ) {
        if scalar.value == 0x03A3 {
            body(isFinalSigma(in: bytes, at: index, length: length) ? "\u{03C2}" : "\u{03C3}")
        } else if scalar.properties.changesWhenLowercased {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { body(lower) }
        } else {
            body(scalar)
        }
    }

    /// Python's Final_Sigma context: a cased letter before the sigma (case-ignorable
    /// scalars skipped) and none after it.
    private static func isFinalSigma(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        var before = index
        var cased = false
        while before > 0 {
            var start = before - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let (previous, _) = decode(bytes, at: start)
            before = start
            if !previous.properties.isCaseIgnorable {
                cased = previous.properties.isCased
                break
            }
        }
        guard cased else { return false }
        var after = index + length
        while after < bytes.count {
            let (next, nextLength) = decode(bytes, at: after)
            after += nextLength
            if !next.properties.isCaseIgnorable { return !next.properties.isCased }
        }
        return true
    }

    /// The scalar that starts at `index` in valid UTF-8, and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length: Int
        var value: UInt32
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), 1)
        } else if lead < 0xE0 {
            (length, value) = (2, lead & 0x1F)
        } else if lead < 0xF0 {
            (length, value) = (3, lead & 0x0F)
        } else {
            (length, value) = (4, lead & 0x07)
        }
        let end = min(index + length, bytes.count)
        for position in (index + 1)..<max(index + 1, end) { value = value << 6 | UInt32(bytes[position] & 0x3F) }
        // Swift strings hold valid UTF-8, so this never falls back in practice.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", end - index)
    }

    /// Calls `body` with every scalar of `bytes` lower-cased, and `nil` between parts.
    private func forEachLowercasedScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar?) -> Void) {
        var index = 0
        while index < bytes.count {
            let (scalar, length) = Self.decode(bytes, at: index)
            Self.lowercased(scalar, in: bytes, at: index, length: length) { body($0) }
            index += length
        }
        body(nil)
    }
}

/// Appends the UTF-8 encoding of `scalar` to `bytes`.
@inline(__always)
private func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    let value = scalar.value
    switch value {
    case 0..<0x80:
        bytes.append(UInt8(value))
    case 0x80..<0x800:
        bytes.append(UInt8(0xC0 | value >> 6))
        bytes.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
        bytes.append(UInt8(0xE0 | value >> 12))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
    default:
        bytes.append(UInt8(0xF0 | value >> 18))
        bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
        bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
        bytes.append(UInt8(0x80 | value & 0x3F))
    }
}
