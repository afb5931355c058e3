import Gazetteer

/// What the first pass said about the rest of the document, as features for the second.
///
/// The second pass of the tagger (stacking, after Krishnan & Manning 2006) sees,
/// for each token, how the first pass labelled the same word and the same name
/// elsewhere in the document, so `Sattar` alone in paragraph five can borrow
/// the PER that `Farooq Sattar` got in paragraph one.
package struct DocumentContext {
    /// Per token: the first pass's tag at the token and its neighbours.
    var tag: [UInt64]
    /// Per token: the majority type (1…4, 0 none) the first pass gave the same
    /// word elsewhere, times 2, plus 1 when the word was also left outside
    /// every entity while capitalized.
    var word: [UInt64]
    /// Per token: the majority type of the other spans with the same words as
    /// the span the token is in (0 none).
    var name: [UInt64]
    /// Per token: the majority type of longer spans elsewhere that contain the word (0 none).
    var longer: [UInt64]

    package init(facts: [TokenFacts], tags: [Int]) {
        let n = tags.count
        tag = (0..<n).map { i in
            UInt64(tags[i]) | UInt64(i > 0 ? tags[i - 1] : 15) << 4 | UInt64(i + 1 < n ? tags[i + 1] : 15) << 8
        }
        let spans = TagSet.spans(tags)
        var spanOf = [Int](repeating: -1, count: n)
        for (index, span) in spans.enumerated() {
            for i in span.range { spanOf[i] = index }
        }
        // Same word elsewhere: counts per type (index 4 = outside, capitalized).
        // Counts are SIMD values, not arrays: one heap array per distinct word was a cost.
        // The tables are ``DenseKeys``, not dictionaries: hashing every word with
        // SipHash made this context 5 % of the entities stage.
        let capitalizedCount = facts.reduce(0) { $0 + ($1.capitalized || $1.allCaps ? 1 : 0) }
        var words = DenseKeys(capacity: capitalizedCount)
        var wordCounts: [SIMD8<Int32>] = []
        for i in 0..<n where facts[i].capitalized || facts[i].allCaps {
            let type = tags[i] > 0 ? TagSet.typeIndex(tags[i]) : 4
            let index = words.insert(facts[i].folded)
            if index == wordCounts.count { wordCounts.append(SIMD8()) }
            wordCounts[index][type] += 1
        }
        // Inert tokens get no second-pass features (see ``TokenFacts/inert``), so they skip the lookups.
        word = (0..<n).map { i in
            guard !facts[i].inert, let index = words.index(of: facts[i].folded) else { return 0 }
            var counts = wordCounts[index]
            if facts[i].capitalized || facts[i].allCaps { counts[tags[i] > 0 ? TagSet.typeIndex(tags[i]) : 4] -= 1 }
            return UInt64(Self.majority(counts, types: 4)) << 1 | (counts[4] > 0 ? 1 : 0)
        }
        // Same name elsewhere.
        var names = DenseKeys(capacity: spans.count)
        var nameCounts: [SIMD8<Int32>] = []
        var nameIndex: [Int] = []
        nameIndex.reserveCapacity(spans.count)
        for span in spans {
            var key: UInt64 = 0x5eed
            for i in span.range { key = FeatureHash.mix(key, facts[i].folded) }
            let index = names.insert(key)
            if index == nameCounts.count { nameCounts.append(SIMD8()) }
            nameIndex.append(index)
            nameCounts[index][span.type] += 1
        }
        name = (0..<n).map { i in
            guard spanOf[i] >= 0 else { return 0 }
            let span = spans[spanOf[i]]
            var counts = nameCounts[nameIndex[spanOf[i]]]
            counts[span.type] -= 1
            return UInt64(Self.majority(counts, types: 4))
        }
        // Longer names elsewhere that contain this word: counts per word and span length, so a
        // token sums a few lengths instead of visiting every span with its word (quadratic in a
        // long article that repeats a name: 8.6 % of the entities stage at 2 MB, debug build).
        // The token's own span is never longer than itself, so it needs no exclusion.
        // Each word's lengths are a list through `next`; counts are integers, so the order
        // they are added up in does not matter.
        let inLongSpans = spans.reduce(0) { $0 + ($1.range.count > 1 ? $1.range.count : 0) }
        var longWords = DenseKeys(capacity: inLongSpans)
        var wordAndLength = DenseKeys(capacity: inLongSpans)
        var firstLength: [Int32] = []
        var lengths: [(length: Int, counts: SIMD8<Int32>, next: Int32)] = []
        for span in spans where span.range.count > 1 {
            for i in span.range {
                let word = longWords.insert(facts[i].folded)
                if word == firstLength.count { firstLength.append(-1) }
                let entry = wordAndLength.insert(UInt64(word) << 32 | UInt64(span.range.count))
                if entry == lengths.count {
                    lengths.append((span.range.count, SIMD8(), firstLength[word]))
                    firstLength[word] = Int32(entry)
                }
                lengths[entry].counts[span.type] += 1
            }
        }
        longer = (0..<n).map { i in
            guard !facts[i].inert, let word = longWords.index(of: facts[i].folded) else { return 0 }
            let ownLength = spanOf[i] >= 0 ? spans[spanOf[i]].range.count : 0
            var counts = SIMD8<Int32>()
            var entry = firstLength[word]
            while entry >= 0 {
                let length = lengths[Int(entry)]
                if length.length > ownLength { counts &+= length.counts }
                entry = length.next
            }
            return UInt64(Self.majority(counts, types: 4))
        }
    }

    /// 1 + the index of the largest count, or 0 when all are zero; ties go to the first.
    private static func majority(_ counts: SIMD8<Int32>, types: Int) -> Int {
        var best = 0
        var bestCount: Int32 = 0
        for type in 0..<types where counts[type] > bestCount {
            best = type + 1
            bestCount = counts[type]
        }
        return best
    }
}

/// Dense indices 0, 1, 2 … for the distinct 64-bit keys of one document, by
/// open addressing; any key, zero included, is a key like any other.
struct DenseKeys {
    private var keys: [UInt64]
    private var indices: [Int32]
    private let shift: UInt64
    private let mask: Int
    /// Distinct keys inserted.
    private(set) var count = 0

    /// A table for up to `capacity` distinct keys.
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        indices = [Int32](repeating: -1, count: 1 << bits)
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
    }

    /// Where `key` is, or the empty slot where it would go. Fibonacci hashing:
    /// the keys' low bits (FNV word hashes) alone would cluster.
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
        while indices[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The index of `key`, a new one (`count` before the call) if it was not yet in.
    mutating func insert(_ key: UInt64) -> Int {
        let slot = slot(key)
        if indices[slot] < 0 {
            precondition(count < mask, "DenseKeys capacity")
            keys[slot] = key
            indices[slot] = Int32(count)
            count += 1
        }
        return Int(indices[slot])
    }

    /// The index of `key`, if it was inserted.
    func index(of key: UInt64) -> Int? {
        let index = indices[slot(key)]
        return index >= 0 ? Int(index) : nil
    }
}
