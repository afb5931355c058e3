/// Seeded 64-bit hashing for tokens, shingles, exact keys and band keys.
///
/// wyhash-style: each step folds a 64×64→128-bit product to 64 bits ("mum"),
/// which mixes every input bit into every output bit in a few cycles. Words are
/// read little-endian, so a state file means the same on every machine.
enum Hash64 {
    static let p0: UInt64 = 0xa076_1d64_78bd_642f
    static let p1: UInt64 = 0xe703_7ed1_a0b4_28db
    static let p2: UInt64 = 0x8ebc_6af0_9c88_c6e3
    static let p3: UInt64 = 0x5899_65cc_7537_4cc3

    /// The 128-bit product of `a` and `b`, folded to 64 bits.
    @inline(__always)
    static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    /// A well-mixed hash of one 64-bit value.
    @inline(__always)
    static func mix(_ value: UInt64, seed: UInt64) -> UInt64 {
        mum(mum(value ^ p0, seed ^ p1), p2)
    }

    /// The hash of `bytes`.
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var state = seed ^ p0
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            state = mum(word ^ p1, state ^ p2)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        state = mum(tail ^ p3, state ^ p1)
        return mum(state ^ UInt64(truncatingIfNeeded: count), p2 ^ seed)
    }

    /// The hash of the UTF-8 bytes of `string`.
    static func hash(_ string: String, seed: UInt64) -> UInt64 {
        var copy = string
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }
}

/// SplitMix64: the stream of seeded random numbers the permutations are drawn from.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
