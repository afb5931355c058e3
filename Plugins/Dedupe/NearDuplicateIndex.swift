/// The articles seen so far, indexed for exact and near-duplicate look-ups.
///
/// Per article it keeps, in ``ChunkedColumn``s: the 64-bit exact key, the
/// 4-bit-per-value signature (64 bytes at 128 permutations), and per LSH band
/// a 32-bit band key and a chain link; plus one head slot per table and per
/// 1–2 articles. At the default 128 permutations and threshold 0.8 (7 bands ×
/// 2 rows) that is about 150 bytes per article, ids aside.
///
/// Candidates are verified with the 4-bit values: two equal MinHash values
/// always agree on them, two different ones by chance 1 in 16, so the
/// Jaccard estimate `(m/k − 1/16) / (15/16)` from `m` of `k` agreeing values
/// is unbiased, with a standard error within 5% of full-width values' (b-bit
/// MinHash, Li & König 2010).
struct NearDuplicateIndex: Sendable {
    /// A match: the earlier article and how it matched.
    struct Match: Equatable, Sendable {
        enum Kind: String, Sendable { case exact, near }
        /// The earlier article's position in the index.
        var article: Int
        var kind: Kind
        /// Estimated Jaccard similarity of the shingle sets; 1 for an exact match.
        var similarity: Double
    }

    let permutations: Int
    let banding: LSHBanding?
    let threshold: Double
    let keepsIDs: Bool

    private var exactKeys: ChunkedColumn<UInt64>
    private var exactLinks: ChunkedColumn<UInt32>
    private var exactHeads: [UInt32]
    /// Per band: the band key, then the link to the next article in its chain.
    private var bandEntries: ChunkedColumn<UInt32>
    private var bandHeads: [[UInt32]]
    private var signatures: ChunkedColumn<UInt8>
    private var ids = IDColumn()
    private(set) var count = 0

    /// Chains end here; an article without a signature has it as band 0's link.
    private static let end: UInt32 = 0
    private static let unindexed: UInt32 = .max

    init(permutations: Int, banding: LSHBanding?, threshold: Double, keepsIDs: Bool) {
        self.permutations = permutations
        self.banding = banding
        self.threshold = threshold
        self.keepsIDs = keepsIDs
        let bands = banding?.bands ?? 0
        exactKeys = ChunkedColumn(width: 1, zero: 0)
        exactLinks = ChunkedColumn(width: 1, zero: 0)
        exactHeads = Array(repeating: Self.end, count: 1024)
        bandEntries = ChunkedColumn(width: 2 * bands, zero: 0)
        bandHeads = Array(repeating: Array(repeating: Self.end, count: 1024), count: bands)
        signatures = ChunkedColumn(width: banding == nil ? 0 : (permutations + 1) / 2, zero: 0)
    }

    /// The id of the article at `position`, when ids are kept.
    func id(at position: Int) -> String? {
        keepsIDs ? ids[position] : nil
    }

    // MARK: - Look-up

    /// The earliest article that `fingerprint` duplicates: one with the same
    /// exact key, else the earliest whose estimated Jaccard reaches the threshold.
    func match(_ fingerprint: ArticleFingerprint) -> Match? {
        var link = exactHeads[slot(fingerprint.exactKey, in: exactHeads)]
        while link != Self.end {
            let article = Int(link - 1)
            if exactKeys[article, 0] == fingerprint.exactKey {
                return Match(article: article, kind: .exact, similarity: 1)
            }
            link = exactLinks[article, 0]
        }
        guard let banding, fingerprint.hasSignature else { return nil }
        var best: Match?
        var checked = Set<Int>()
        for band in 0..<banding.bands {
            let key = fingerprint.bandKeys[band]
            var link = bandHeads[band][slot(UInt64(key), in: bandHeads[band])]
            while link != Self.end {
                let article = Int(link - 1)
                link = bandEntries[article, 2 * band + 1]
                guard bandEntries[article, 2 * band] == key, article < (best?.article ?? .max),
                    checked.insert(article).inserted
                else { continue }
                let similarity = estimate(fingerprint.nibbles, article)
                if similarity >= threshold { best = Match(article: article, kind: .near, similarity: similarity) }
            }
        }
        return best
    }

    /// Estimated Jaccard similarity between `nibbles` and the stored signature of `article`.
    private func estimate(_ nibbles: [UInt8], _ article: Int) -> Double {
        let differing = nibbles.withUnsafeBytes { mine in
            signatures.withRow(article) { theirs in
                Self.differingNibbles(mine, UnsafeRawBufferPointer(theirs))
            }
        }
        return Self.estimate(differing: differing, of: permutations)
    }

    /// The Jaccard estimate when `differing` of `permutations` 4-bit values differ:
    /// equal values agree always, unequal ones by chance 1 in 16.
    static func estimate(differing: Int, of permutations: Int) -> Double {
        let agreeing = Double(permutations - differing) / Double(permutations)
        return max(0, (agreeing - 1.0 / 16) / (15.0 / 16))
    }

    /// How many of the 4-bit values in `a` and `b` differ.
    static func differingNibbles(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        var differing = 0
        var offset = 0
        let count = min(a.count, b.count)
        while offset + 8 <= count {
            let x =
                a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                ^ b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            differing += ((x | x >> 1 | x >> 2 | x >> 3) & 0x1111_1111_1111_1111).nonzeroBitCount
            offset += 8
        }
        while offset < count {
            let x = a[offset] ^ b[offset]
            differing += (x & 0x0F != 0 ? 1 : 0) + (x & 0xF0 != 0 ? 1 : 0)
            offset += 1
        }
        return differing
    }

    // MARK: - Insertion

    /// Adds an article; returns its position.
    @discardableResult
    mutating func insert(_ fingerprint: ArticleFingerprint, id: String) -> Int {
        precondition(count < Int(UInt32.max) - 1, "the dedupe index holds at most 2³² − 2 articles")
        let article = count
        let link = UInt32(article + 1)
        count += 1
        if keepsIDs { ids.append(id) }

        let exactSlot = slot(fingerprint.exactKey, in: exactHeads)
        exactKeys.append(CollectionOfOne(fingerprint.exactKey))
        exactLinks.append(CollectionOfOne(exactHeads[exactSlot]))
        exactHeads[exactSlot] = link

        if let banding {
            signatures.append(fingerprint.nibbles)
            var entries: [UInt32] = []
            entries.reserveCapacity(2 * banding.bands)
            for band in 0..<banding.bands {
                if fingerprint.hasSignature {
                    let key = fingerprint.bandKeys[band]
                    let bandSlot = slot(UInt64(key), in: bandHeads[band])
                    entries += [key, bandHeads[band][bandSlot]]
                    bandHeads[band][bandSlot] = link
                } else {
                    entries += [0, band == 0 ? Self.unindexed : Self.end]
                }
            }
            bandEntries.append(entries)
        }
        if count > 2 * exactHeads.count { grow() }
        return article
    }

    /// Doubles the head tables and relinks every chain, keeping chains 1–2 articles long on average.
    private mutating func grow() {
        let size = exactHeads.count * 2
        exactHeads = Array(repeating: Self.end, count: size)
        for band in bandHeads.indices { bandHeads[band] = Array(repeating: Self.end, count: size) }
        for article in 0..<count {
            let link = UInt32(article + 1)
            let exactSlot = slot(exactKeys[article, 0], in: exactHeads)
            exactLinks[article, 0] = exactHeads[exactSlot]
            exactHeads[exactSlot] = link
            guard !bandHeads.isEmpty, bandEntries[article, 1] != Self.unindexed else { continue }
            for band in bandHeads.indices {
                let bandSlot = slot(UInt64(bandEntries[article, 2 * band]), in: bandHeads[band])
                bandEntries[article, 2 * band + 1] = bandHeads[band][bandSlot]
                bandHeads[band][bandSlot] = link
            }
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64, in heads: [UInt32]) -> Int {
        // Keys are already uniform hashes; fold the high bits in for 32-bit band keys' sake.
        Int(truncatingIfNeeded: (key ^ key >> 29) & UInt64(heads.count - 1))
    }

    // MARK: - Memory

    /// Bytes the index has allocated, ids apart.
    var indexBytes: Int {
        exactKeys.allocatedBytes + exactLinks.allocatedBytes + exactHeads.capacity * 4
            + bandEntries.allocatedBytes + bandHeads.reduce(0) { $0 + $1.capacity * 4 } + signatures.allocatedBytes
    }

    /// Bytes allocated for the ids (`mode: mark` only).
    var idBytes: Int { ids.allocatedBytes }
}
