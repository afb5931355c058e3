import Textpipe

/// Gives each distinct lower-cased content word of one article a small integer id.
///
/// It hashes the token's scalars where they lie in the text, so no `String` is
/// made per token: this runs for every token of every article, and building
/// strings and hashing them with `Hasher` cost more than the rest of the
/// ranking together.
struct WordInterner {
    /// Open addressing: slot → word id + 1, 0 for empty.
    private var slots: [Int32]
    private let mask: Int
    private var hashes: [UInt64] = []
    /// Each word's lower-cased scalars, `wordStarts[id]..<wordStarts[id + 1]` in `arena`.
    private var wordStarts: [Int32] = [0]
    private var arena: [UInt32] = []
    /// Whether word `id` is a stop word (then it is not a content word).
    private var stopWord: [Bool] = []
    private var scratch: [UInt32] = []

    /// How many distinct words (stop words included) have ids.
    var count: Int { hashes.count }

    /// An interner for an article with this many tokens.
    init(capacity tokens: Int) {
        var size = 16
        while size < 2 * tokens { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(tokens * 6)
        hashes.reserveCapacity(tokens)
        wordStarts.reserveCapacity(tokens + 1)
        stopWord.reserveCapacity(tokens)
        scratch.reserveCapacity(32)
    }

    /// The id of the token `start..<end` lower-cased, or `nil` when it has no letter
    /// or digit or is an English stop word.
    @inline(__always)
    mutating func contentWordID(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int32? {
        // Fast path for ASCII words: hash and compare the lower-cased scalars in place.
        var hash = StopWordTable.offsetBasis
        var hasWordCharacter = false
        for index in start..<end {
            var v = scalars[index].value
            if v >= 0x80 { return slowContentWordID(scalars, start, end) }
            if v >= 0x41 && v <= 0x5A {
                v += 0x20
                hasWordCharacter = true
            } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                hasWordCharacter = true
            }
            hash = StopWordTable.combine(hash, v)
        }
        guard hasWordCharacter else { return nil }
        var slot = StopWordTable.slot(hash, mask: mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equalsASCII(id, scalars, start, end) { return stopWord[id] ? nil : Int32(id) }
            slot = (slot + 1) & mask
        }
        for index in start..<end {
            let v = scalars[index].value
            arena.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
        }
        return insert(hash: hash, slot: slot)
    }

    /// Words with a non-ASCII scalar: lower-cased with Unicode's full mapping first.
    private mutating func slowContentWordID(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int
    ) -> Int32? {
        scratch.removeAll(keepingCapacity: true)
        var hasWordCharacter = false
        for index in start..<end {
            let scalar = scalars[index]
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    scratch.append(v + 0x20)
                    hasWordCharacter = true
                } else {
                    if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) { hasWordCharacter = true }
                    scratch.append(v)
                }
            } else {
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil { hasWordCharacter = true }
                if v == 0x2019 {
                    scratch.append(0x27)  // ’ as ', so `Germany’s` and `Germany's` are one word
                } else if properties.changesWhenLowercased {
                    for lowered in properties.lowercaseMapping.unicodeScalars { scratch.append(lowered.value) }
                } else {
                    scratch.append(v)
                }
            }
        }
        guard hasWordCharacter else { return nil }
        let hash = StopWordTable.hash(scratch)
        var slot = StopWordTable.slot(hash, mask: mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equalsScratch(id) { return stopWord[id] ? nil : Int32(id) }
            slot = (slot + 1) & mask
        }
        arena.append(contentsOf: scratch)
        return insert(hash: hash, slot: slot)
    }

    /// Gives the word just appended to `arena` the next id, at `slot`.
    private mutating func insert(hash: UInt64, slot: Int) -> Int32? {
        let id = hashes.count
        let start = Int(wordStarts[id])
        hashes.append(hash)
        wordStarts.append(Int32(arena.count))
        let isStopWord = StopWordTable.english.contains(arena[start...], hash: hash)
        stopWord.append(isStopWord)
        slots[slot] = Int32(id + 1)
        return isStopWord ? nil : Int32(id)
    }

    @inline(__always)
    private func equalsASCII(_ id: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int)
        -> Bool
    {
        let wordStart = Int(wordStarts[id])
        guard Int(wordStarts[id + 1]) - wordStart == end - start else { return false }
        for offset in 0..<(end - start) {
            let v = scalars[start + offset].value
            if arena[wordStart + offset] != (v >= 0x41 && v <= 0x5A ? v + 0x20 : v) { return false }
        }
        return true
    }

    private func equalsScratch(_ id: Int) -> Bool {
        let start = Int(wordStarts[id])
        let end = Int(wordStarts[id + 1])
        guard end - start == scratch.count else { return false }
        for offset in 0..<scratch.count where arena[start + offset] != scratch[offset] { return false }
        return true
    }
}

/// A fixed set of words, looked up by lower-cased scalars without making a `String`.
struct StopWordTable: Sendable {
    static let english = StopWordTable(StopWords.english)

    private let slots: [Int32]
    private let mask: Int
    private let words: [[UInt32]]
    private let hashes: [UInt64]

    init(_ words: Set<String>) {
        let list = words.sorted().map { $0.unicodeScalars.map(\.value) }
        var size = 16
        while size < 4 * list.count { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, word) in list.enumerated() {
            var slot = Self.slot(Self.hash(word), mask: size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
        self.mask = size - 1
        self.words = list
        self.hashes = list.map(Self.hash)
    }

    /// Whether `word` (lower-cased scalar values, with its ``hash(_:)``) is in the table.
    func contains(_ word: ArraySlice<UInt32>, hash: UInt64) -> Bool {
        var slot = Self.slot(hash, mask: mask)
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if hashes[index] == hash, words[index].elementsEqual(word) { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One step of FNV-1a, a scalar value at a time.
    @inline(__always) static func combine(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// FNV-1a over the scalar values.
    static func hash(_ word: [UInt32]) -> UInt64 {
        var hash = offsetBasis
        for value in word { hash = combine(hash, value) }
        return hash
    }

    static func slot(_ hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask }
}
