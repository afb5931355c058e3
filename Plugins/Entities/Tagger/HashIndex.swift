/// A read-only map from 64-bit hashes to small values, by open addressing.
///
/// The keys are already well-mixed hashes, so the slot is the key's low bits
/// and no further hashing is needed; `Dictionary` would run SipHash on every
/// lookup, which showed up at 7% of tagging time.
struct HashIndex<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value]
    private let mask: Int
    /// Number of entries.
    let count: Int

    /// An index of `entries`; `empty` fills the unused slots.
    init(_ entries: [UInt64: Value], empty: Value) {
        // Insertion order changes where a key sits, never what a lookup returns.
        let pairs = Array(entries)
        self.init(count: pairs.count, empty: empty) { pairs[$0] }
    }

    /// An index of `count` entries, the `i`th of which is `entry(i)`; when two
    /// have one key, the later one's value is kept, as a `Dictionary` would.
    ///
    /// A loaded model's tables are read straight into an index this way: for
    /// the bundled model's 119,000 entries, decoding them into dictionaries
    /// first (2 MB, thrown away) and indexing those took 40.5 M instructions;
    /// this takes 8.0 M, the whole decode included.
    init(count: Int, empty: Value, entry: (Int) -> (key: UInt64, value: Value)) {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Value](repeating: empty, count: capacity)
        let mask = capacity - 1
        var stored = 0
        for i in 0..<count {
            let (key, value) = entry(i)
            let storedKey = Self.stored(key)
            var slot = Int(truncatingIfNeeded: storedKey) & mask
            while keys[slot] != 0 && keys[slot] != storedKey { slot = (slot + 1) & mask }
            if keys[slot] == 0 { stored += 1 }
            keys[slot] = storedKey
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = mask
        self.count = stored
    }

    /// Zero marks an empty slot, so a key of zero is stored as one.
    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The value of `key`, if present.
    @inline(__always) subscript(_ key: UInt64) -> Value? {
        let stored = Self.stored(key)
        var slot = Int(truncatingIfNeeded: stored) & mask
        while true {
            let found = keys[slot]
            if found == stored { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// Bits gathered per word hash within one document, by open addressing
/// (`Dictionary` would run SipHash on every update).
struct WordBits {
    private var keys: [UInt64]
    private var bits: [UInt8]
    private let mask: Int

    /// A table for up to `capacity` distinct words.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        bits = [UInt8](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Sets `bit` for the word hashed `key` (zero is stored as one).
    mutating func insert(_ bit: UInt8, for key: UInt64) {
        let key = key == 0 ? 1 : key
        let slot = slot(key)
        keys[slot] = key
        bits[slot] |= bit
    }

    /// The bits of the word hashed `key`; zero when none were set.
    subscript(_ key: UInt64) -> UInt8 { bits[slot(key == 0 ? 1 : key)] }
}
