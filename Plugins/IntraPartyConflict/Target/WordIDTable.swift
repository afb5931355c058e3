/// Word → its ids in the cue and the target lexicon, in an open-addressing
/// table hashed with FNV-1a over the word's UTF-8 bytes.
///
/// Every token of every article is looked up once: through a `Dictionary`
/// (SipHash over the bytes) the lookups were 84 M of the stage's 614 M
/// instructions on BBC politics.
struct WordIDTable: Sendable {
    /// Keys by slot; the empty string marks a free slot (no token is empty).
    private var keys: [String]
    private var values: [(cue: Int32, target: Int32)]
    private let mask: Int

    init(_ entries: [String: (cue: Int32, target: Int32)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        keys = [String](repeating: "", count: capacity)
        values = [(cue: Int32, target: Int32)](repeating: (-1, -1), count: capacity)
        mask = capacity - 1
        for (word, ids) in entries where !word.isEmpty {
            var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
            while !keys[slot].isEmpty { slot = (slot + 1) & mask }
            keys[slot] = word
            values[slot] = ids
        }
    }

    subscript(word: String) -> (cue: Int32, target: Int32)? {
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while true {
            let key = keys[slot]
            if key.isEmpty { return nil }
            if key == word { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    static func hash(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // Fold the high bits in: the mask keeps only the low ones.
        return hash ^ (hash >> 29)
    }
}
