/// What `prepare` computes for one article: everything `decide` needs, so the
/// serial part of the stage only looks things up.
public struct ArticleFingerprint: Sendable {
    /// 64-bit hash of the compared text (exact duplicates).
    let exactKey: UInt64
    /// The low 16 bits of each MinHash value, which the state file keeps; empty
    /// without a state file, with near-duplicate detection off, or when the
    /// text has fewer words than a shingle.
    let values: [UInt16]
    /// The low 4 bits of each value, two to a byte: what the index keeps to verify candidates.
    let nibbles: [UInt8]
    /// One 32-bit key per LSH band.
    let bandKeys: [UInt32]

    /// Whether the article takes part in near-duplicate detection.
    var hasSignature: Bool { !nibbles.isEmpty }
}

/// Turns an article's text into an ``ArticleFingerprint``.
struct Fingerprinter: Sendable {
    let shingler: WordShingler
    let minHasher: MinHasher?
    let banding: LSHBanding?
    /// Whether fingerprints carry their 16-bit values (for a state file).
    let keepsValues: Bool
    private let exactSeed: UInt64
    private let bandSeed: UInt64

    init(shingleSize: Int, permutations: Int, seed: UInt64, nearThreshold: Double?, keepsValues: Bool = true) {
        self.keepsValues = keepsValues
        shingler = WordShingler(size: shingleSize, seed: seed)
        if let nearThreshold {
            minHasher = MinHasher(permutations: permutations, seed: seed)
            banding = LSHBanding(threshold: nearThreshold, permutations: permutations)
        } else {
            minHasher = nil
            banding = nil
        }
        var random = SplitMix64(seed: seed ^ 0x4558_4143_544b_4559)
        exactSeed = random.next()
        bandSeed = random.next()
    }

    /// Per-thread buffers, so fingerprinting allocates only the result once warm.
    struct Scratch {
        var shingler = WordShingler.Scratch()
        var shingles: [UInt64] = []
        var signature: [UInt32] = []
    }

    /// The fingerprint of the text made of `parts` (the body, or the title and the body).
    func fingerprint(_ parts: [String], scratch: inout Scratch) -> ArticleFingerprint {
        var exactKey = exactSeed
        for part in parts { exactKey = Hash64.mum(exactKey ^ Hash64.hash(part, seed: exactSeed), Hash64.p3) }
        guard let minHasher, let banding else {
            return ArticleFingerprint(exactKey: exactKey, values: [], nibbles: [], bandKeys: [])
        }
        shingler.hashShingles(of: parts, into: &scratch.shingles, scratch: &scratch.shingler)
        guard !scratch.shingles.isEmpty else {
            return ArticleFingerprint(exactKey: exactKey, values: [], nibbles: [], bandKeys: [])
        }
        let permutations = minHasher.permutations
        if scratch.signature.count != permutations { scratch.signature = Array(repeating: 0, count: permutations) }
        scratch.shingles.withUnsafeBufferPointer { shingles in
            scratch.signature.withUnsafeMutableBufferPointer { minHasher.signature(of: shingles, into: $0) }
        }
        let values = scratch.signature.map { UInt16(truncatingIfNeeded: $0) }
        return ArticleFingerprint(
            exactKey: exactKey, values: keepsValues ? values : [], nibbles: Self.nibbles(of: values),
            bandKeys: bandKeys(of: values, banding: banding))
    }

    /// A fingerprint rebuilt from values read back from the state file.
    func fingerprint(exactKey: UInt64, values: [UInt16]) -> ArticleFingerprint {
        guard let banding, !values.isEmpty else {
            return ArticleFingerprint(exactKey: exactKey, values: [], nibbles: [], bandKeys: [])
        }
        return ArticleFingerprint(
            exactKey: exactKey, values: values, nibbles: Self.nibbles(of: values),
            bandKeys: bandKeys(of: values, banding: banding))
    }

    static func nibbles(of values: [UInt16]) -> [UInt8] {
        var nibbles = [UInt8](repeating: 0, count: (values.count + 1) / 2)
        for (index, value) in values.enumerated() {
            nibbles[index / 2] |= UInt8(value & 0xF) << (index % 2 == 0 ? 0 : 4)
        }
        return nibbles
    }

    private func bandKeys(of values: [UInt16], banding: LSHBanding) -> [UInt32] {
        (0..<banding.bands).map { band in
            var key = Hash64.mum(bandSeed ^ UInt64(band), Hash64.p0)
            for row in 0..<banding.rows {
                key = Hash64.mum(key ^ UInt64(values[band * banding.rows + row]), Hash64.p1)
            }
            return UInt32(truncatingIfNeeded: key >> 32)
        }
    }
}
