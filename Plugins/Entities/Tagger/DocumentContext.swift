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
        var wordCounts: [UInt64: SIMD8<Int32>] = [:]
        for i in 0..<n where facts[i].capitalized || facts[i].allCaps {
            let type = tags[i] > 0 ? TagSet.typeIndex(tags[i]) : 4
            wordCounts[facts[i].folded, default: SIMD8()][type] += 1
        }
        // Inert tokens get no second-pass features (see ``TokenFacts/inert``), so they skip the lookups.
        word = (0..<n).map { i in
            guard !facts[i].inert, var counts = wordCounts[facts[i].folded] else { return 0 }
            if facts[i].capitalized || facts[i].allCaps { counts[tags[i] > 0 ? TagSet.typeIndex(tags[i]) : 4] -= 1 }
            return UInt64(Self.majority(counts, types: 4)) << 1 | (counts[4] > 0 ? 1 : 0)
        }
        // Same name elsewhere.
        var nameCounts: [UInt64: SIMD8<Int32>] = [:]
        var nameKeys: [UInt64] = []
        for span in spans {
            var key: UInt64 = 0x5eed
            for i in span.range { key = FeatureHash.mix(key, facts[i].folded) }
            nameKeys.append(key)
            nameCounts[key, default: SIMD8()][span.type] += 1
        }
        name = (0..<n).map { i in
            guard spanOf[i] >= 0 else { return 0 }
            let span = spans[spanOf[i]]
            guard var counts = nameCounts[nameKeys[spanOf[i]]] else { return 0 }
            counts[span.type] -= 1
            return UInt64(Self.majority(counts, types: 4))
        }
        // Longer names elsewhere that contain this word: counts per word and span length, so a
        // token sums a few lengths instead of visiting every span with its word (quadratic in a
        // long article that repeats a name: 8.6 % of the entities stage at 2 MB, debug build).
        // The token's own span is never longer than itself, so it needs no exclusion.
        var longerCounts: [UInt64: [Int: SIMD8<Int32>]] = [:]
        for span in spans where span.range.count > 1 {
            for i in span.range {
                longerCounts[facts[i].folded, default: [:]][span.range.count, default: SIMD8()][span.type] += 1
            }
        }
        longer = (0..<n).map { i in
            guard !facts[i].inert, let byLength = longerCounts[facts[i].folded] else { return 0 }
            let ownLength = spanOf[i] >= 0 ? spans[spanOf[i]].range.count : 0
            var counts = SIMD8<Int32>()
            for (length, lengthCounts) in byLength where length > ownLength { counts &+= lengthCounts }
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
