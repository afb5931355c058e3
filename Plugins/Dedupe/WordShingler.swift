import Textpipe

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
        /// The hashes of the last `size` words, as a ring.
        var recent: [UInt64] = []
    }

    /// Replaces `shingles` with the hash of every shingle of `parts`, read as
    /// one text in which each part ends a word (a title, then the body).
    ///
    /// `eightBytesAtATime: false` forces the byte-at-a-time scanner, for tests
    /// that check both scanners agree.
    func hashShingles(
        of parts: [String], into shingles: inout [UInt64], scratch: inout Scratch, eightBytesAtATime: Bool = true
    ) {
        shingles.removeAll(keepingCapacity: true)
        // A word takes at least two bytes with its separator: no reallocation while scanning.
        shingles.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } / 2 + 1)
        if scratch.recent.count != size { scratch.recent = Array(repeating: 0, count: size) }
        scratch.recent.withUnsafeMutableBufferPointer { recent in
            var state = ScanState(recent: recent, tokenSeed: tokenSeed, shingleSeed: shingleSeed)
            for part in parts {
                var text = part
                text.withUTF8 { scan($0, state: &state, into: &shingles, eightBytesAtATime: eightBytesAtATime) }
                state.endWord(into: &shingles)
            }
        }
    }

    /// The words of `text`, for tests and diagnostics.
    func words(of text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let (scalar, length) = Self.decode(bytes, at: index)
                Self.lowercased(scalar, in: bytes, at: index, length: length) { lower in
                    if Self.isWordCharacter(lower) {
                        UTF8Bytes.append(lower.value, to: &word)
                    } else if !word.isEmpty {
                        words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll()
                    }
                }
                index += length
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    // MARK: - Scanning

    /// The word being read, hashed as it grows (the same value as
    /// `Hash64.hash` of its bytes, without keeping them), and the ring of the
    /// last `size` word hashes.
    private struct ScanState {
        let recent: UnsafeMutableBufferPointer<UInt64>
        let tokenSeed: UInt64
        let shingleSeed: UInt64
        var words = 0
        /// Where the next word's hash goes in `recent`: the oldest one's slot.
        var next = 0
        /// The XOR of the last `size` word hashes, word `i` (oldest first) rotated left by 7·i bits.
        var combined: UInt64 = 0
        var hash: UInt64
        var tail: UInt64 = 0
        var length = 0

        init(recent: UnsafeMutableBufferPointer<UInt64>, tokenSeed: UInt64, shingleSeed: UInt64) {
            self.recent = recent
            self.tokenSeed = tokenSeed
            self.shingleSeed = shingleSeed
            hash = tokenSeed ^ Hash64.p0
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            tail |= UInt64(byte) << (UInt64(length & 7) << 3)
            length += 1
            if length & 7 == 0 {
                hash = Hash64.mum(tail ^ Hash64.p1, hash ^ Hash64.p2)
                tail = 0
            }
        }

        mutating func endWord(into shingles: inout [UInt64]) {
            guard length > 0 else { return }
            let final = Hash64.mum(tail ^ Hash64.p3, hash ^ Hash64.p1)
            let word = Hash64.mum(final ^ UInt64(truncatingIfNeeded: length), Hash64.p2 ^ tokenSeed)
            hash = tokenSeed ^ Hash64.p0
            tail = 0
            length = 0
            // Word i of the shingle is rotated by 7·i bits (7 is odd, so up to 64
            // words all rotate differently): order matters, and one multiply mixes.
            // Sliding the window drops the oldest word (rotated by 0) and turns the
            // rest back by 7 bits: O(1) per word whatever the shingle size.
            let size = recent.count
            if words >= size { combined = rotateRight(combined ^ recent[next], by: 7) }
            combined ^= rotateRight(word, by: (64 - 7 * min(words, size - 1) % 64) % 64)
            recent[next] = word
            next = next + 1 == size ? 0 : next + 1
            words += 1
            guard words >= size else { return }
            shingles.append(Hash64.mum(combined ^ shingleSeed, Hash64.p2))
        }
    }

    /// For each byte: its lower-case form when it is an ASCII word character,
    /// ``separator`` for other ASCII, ``nonASCII`` for the bytes of longer scalars.
    private static let asciiClasses: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte) | 0x20
        case 0x61...0x7A, 0x30...0x39, 0x5F: return UInt8(byte)
        case 0x80...: return nonASCII
        default: return separator
        }
    }
    private static let separator: UInt8 = 0
    private static let nonASCII: UInt8 = 0xFF

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, state: inout ScanState, into shingles: inout [UInt64],
        eightBytesAtATime: Bool
    ) {
        Self.asciiClasses.withUnsafeBufferPointer { classes in
            var index = 0
            let count = bytes.count
            while index < count {
                // Between words, with 8 ASCII bytes ahead: classify them at once
                // (a branch per word costs a misprediction; a bit count does not).
                if eightBytesAtATime && state.length == 0 && index + 8 <= count {
                    let chunk = UInt64(
                        littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(
                            fromByteOffset: index, as: UInt64.self))
                    if chunk & SWAR.high == 0 {
                        index = scanWords(bytes, from: index, chunk: chunk, state: &state, into: &shingles)
                        continue
                    }
                }
                var byteClass = classes[Int(bytes[index])]
                if byteClass == Self.separator {
                    if state.length > 0 { state.endWord(into: &shingles) }
                    index += 1
                    continue
                }
                if byteClass == Self.nonASCII {
                    index = scanScalar(bytes, at: index, state: &state, into: &shingles)
                    continue
                }
                // A run of ASCII word bytes, hashed in registers.
                var tail = state.tail
                var hash = state.hash
                var length = state.length
                repeat {
                    tail |= UInt64(byteClass) << (UInt64(length & 7) << 3)
                    length &+= 1
                    if length & 7 == 0 {
                        hash = Hash64.mum(tail ^ Hash64.p1, hash ^ Hash64.p2)
                        tail = 0
                    }
                    index &+= 1
                    guard index < count else { break }
                    byteClass = classes[Int(bytes[index])]
                } while byteClass != Self.separator && byteClass != Self.nonASCII
                state.tail = tail
                state.hash = hash
                state.length = length
            }
        }
    }

    /// The fast path from `index`, between words, whose next 8 bytes `chunk`
    /// are ASCII: skips separators or reads one word 8 bytes at a time, hashing
    /// it exactly as the byte-at-a-time path does. Returns where it stopped;
    /// mid-word only when the word runs into the end or into non-ASCII bytes,
    /// which the byte-at-a-time path then finishes.
    private func scanWords(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, chunk first: UInt64, state: inout ScanState,
        into shingles: inout [UInt64]
    ) -> Int {
        var index = start
        var chunk = first
        var word = SWAR.wordBytes(chunk)
        guard word & 0x80 != 0 else {
            // Separators: skip to the first word byte (or past all eight).
            return index + (word == 0 ? 8 : word.trailingZeroBitCount >> 3)
        }
        var hash = state.hash
        var length = 0
        while true {
            let ends = ~word & SWAR.high
            let lower = SWAR.lowercased(chunk)
            if ends == 0 {
                hash = Hash64.mum(lower ^ Hash64.p1, hash ^ Hash64.p2)
                length += 8
                index += 8
                guard index + 8 <= bytes.count else { break }
                chunk = UInt64(
                    littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                guard chunk & SWAR.high == 0 else { break }
                word = SWAR.wordBytes(chunk)
                continue
            }
            let count = ends.trailingZeroBitCount >> 3
            state.hash = hash
            state.tail = count == 0 ? 0 : lower & (UInt64.max >> (64 - 8 * UInt64(count)))
            state.length = length + count
            state.endWord(into: &shingles)
            return index + count
        }
        // The word goes on past what the fast path may read: hand it over whole-chunked.
        state.hash = hash
        state.tail = 0
        state.length = length
        return index
    }

    /// The slow path: one scalar that is not ASCII. Returns the index after it.
    private func scanScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, state: inout ScanState, into shingles: inout [UInt64]
    ) -> Int {
        let (scalar, length) = Self.decode(bytes, at: index)
        Self.lowercased(scalar, in: bytes, at: index, length: length) { lower in
            if Self.isWordCharacter(lower) {
                // Every scalar has a UTF-8 encoding; `encode` is optional only in its signature.
                for byte in UTF8.encode(lower) ?? UTF8.EncodedScalar() { state.append(byte) }
            } else {
                state.endWord(into: &shingles)
            }
        }
        return index + length
    }

    // MARK: - Unicode

    /// Whether Python's `re` counts `scalar` as a `\w` character: a letter, a number or `_`.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            return (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "_")
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
}

/// Eight ASCII bytes at once in a `UInt64`, SIMD within a register: every
/// test leaves its answer in each byte's high bit. Valid only when no byte
/// has its high bit set, so no sum below carries into the next byte.
private enum SWAR {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// High bit set in each byte within `low...high`.
    @inline(__always)
    static func inRange(_ x: UInt64, _ low: UInt8, _ highest: UInt8) -> UInt64 {
        let atLeastLow = x &+ ones &* UInt64(0x80 - low)
        let aboveHigh = x &+ ones &* UInt64(0x7F - highest)
        return atLeastLow & ~aboveHigh & high
    }

    /// High bit set in each byte equal to `byte`.
    @inline(__always)
    static func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = x ^ (ones &* UInt64(byte))
        return ~(((difference & ~high) &+ ~high) | difference) & high
    }

    /// High bit set in each byte that `\w` matches: a letter, a digit or `_`.
    @inline(__always)
    static func wordBytes(_ x: UInt64) -> UInt64 {
        inRange(x | (ones &* 0x20), 0x61, 0x7A) | inRange(x, 0x30, 0x39) | equal(x, 0x5F)
    }

    /// `x` with A–Z turned to a–z.
    @inline(__always)
    static func lowercased(_ x: UInt64) -> UInt64 {
        x | inRange(x, 0x41, 0x5A) >> 2
    }
}

/// `value` rotated right by `bits` (0–63).
@inline(__always)
private func rotateRight(_ value: UInt64, by bits: Int) -> UInt64 {
    let shift = UInt64(bits & 63)
    return value >> shift | value << ((64 - shift) & 63)
}
