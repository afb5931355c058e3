import Gazetteer

/// Turns tokens into hashed feature indices into the weight table.
///
/// Features follow the classic recipe for linear NER taggers: the word, its
/// lower case, shape, prefixes and suffixes; the neighbouring words and shapes
/// in a ±2 window; capitalization in context (sentence start, all-caps
/// headline, how the word is usually written, how the document writes it); and
/// gazetteer membership of the token and its neighbours.
package struct FeatureExtractor: Sendable {
    /// The lexicon's tables in a form that is fast to look up.
    let phrases: HashIndex<UInt16>
    let casing: HashIndex<UInt8>
    let clusters: HashIndex<UInt32>
    /// The longest phrase, in tokens (``Lexicon/longestPhrase``).
    let longestPhrase: Int
    /// `buckets - 1`; the weight table has a power-of-two number of rows.
    let mask: UInt64

    package init(lexicon: Lexicon, bucketBits: Int) {
        self.init(
            phrases: HashIndex(lexicon.phrases, empty: 0), casing: HashIndex(lexicon.casing, empty: 0),
            clusters: HashIndex(lexicon.clusters, empty: 0), longestPhrase: lexicon.longestPhrase,
            bucketBits: bucketBits)
    }

    /// An extractor over a lexicon's tables already indexed (a loaded model's).
    init(
        phrases: HashIndex<UInt16>, casing: HashIndex<UInt8>, clusters: HashIndex<UInt32>, longestPhrase: Int,
        bucketBits: Int
    ) {
        self.phrases = phrases
        self.casing = casing
        self.clusters = clusters
        self.longestPhrase = longestPhrase
        mask = (1 << UInt64(bucketBits)) - 1
    }

    /// Facts for every token of a document whose sentences are `sentences` (token index ranges).
    package func facts(_ s: [Unicode.Scalar], tokens: [Range<Int>], sentences: [Range<Int>]) -> [TokenFacts] {
        var facts = tokens.map { TokenFacts(s, $0) }
        // How the document writes each word, away from sentence starts.
        var seen = WordBits(capacity: tokens.count)
        var first = [Bool](repeating: false, count: tokens.count)
        for sentence in sentences where !sentence.isEmpty {
            first[sentence.lowerBound] = true
            // A quote or bracket before the first word leaves it a sentence start.
            var k = sentence.lowerBound
            while k + 1 < sentence.upperBound, !facts[k].capitalized, !facts[k].lowercase {
                k += 1
                first[k] = true
            }
            // So does a dateline or a label before it: "KARACHI: Internal rifts …", "UPDATE - Shares …".
            for k in sentence.prefix(4) where k + 1 < sentence.upperBound && tokens[k].count == 1 {
                let mark = s[tokens[k].lowerBound]
                if mark == ":" || mark == "-" || mark == "\u{2014}" || mark == "\u{2013}" { first[k + 1] = true }
            }
        }
        let headline = sentences.map { isHeadline(facts, $0) }
        for (number, sentence) in sentences.enumerated() where !headline[number] {
            for i in sentence where !first[i] {
                if facts[i].capitalized { seen.insert(1, for: facts[i].folded) }
                if facts[i].lowercase { seen.insert(2, for: facts[i].folded) }
            }
        }
        for i in facts.indices {
            facts[i].casing = casing[facts[i].folded] ?? 0
            if clusters.count > 0 { facts[i].cluster = clusters[facts[i].folded] ?? 0 }
            facts[i].documentCasing = seen[facts[i].folded] | (first[i] ? 4 : 0)
        }
        for sentence in sentences {
            markGazetteer(&facts, s, tokens: tokens, sentence: sentence)
            markInert(&facts, sentence: sentence)
        }
        return facts
    }

    /// Marks the connectors of `sentence` that cannot be inside a name as
    /// inert: those without a name-like word (not inert, not a connector)
    /// within two tokens on each side, with only connectors between.
    ///
    /// Inert tokens are tagged `O` without features or scores; in newswire they
    /// are most tokens, and CoNLL-2003 training puts about 1 in 300 of them inside
    /// a name ("interior ministry"), so the tagger loses little and skips most
    /// of its work.
    func markInert(_ facts: inout [TokenFacts], sentence: Range<Int>) {
        func nameLike(_ k: Int) -> Bool { sentence.contains(k) && !facts[k].inert && !facts[k].connector }
        func connector(_ k: Int) -> Bool { sentence.contains(k) && facts[k].connector }
        for i in sentence where facts[i].connector {
            let before = nameLike(i - 1) || (connector(i - 1) && nameLike(i - 2))
            let after = nameLike(i + 1) || (connector(i + 1) && nameLike(i + 2))
            facts[i].inert = !(before && after)
        }
    }

    /// Whether most words of the sentence are in capitals (a headline).
    package func isHeadline(_ facts: [TokenFacts], _ sentence: Range<Int>) -> Bool {
        var words = 0
        var caps = 0
        for i in sentence where facts[i].capitalized || facts[i].lowercase {
            words += 1
            if facts[i].allCaps && facts[i].length > 1 { caps += 1 }
        }
        return words >= 2 && caps * 10 >= words * 6
    }

    private func markGazetteer(
        _ facts: inout [TokenFacts], _ s: [Unicode.Scalar], tokens: [Range<Int>], sentence: Range<Int>
    ) {
        guard phrases.count > 0 else { return }
        for start in sentence where !facts[start].lowercase || facts[start].length == 0 {
            var hash: UInt64 = 0x5eed
            let limit = min(sentence.upperBound, start + longestPhrase)
            for end in start..<limit {
                // No gazetteer phrase runs across a comma, full stop or quote.
                if end > start, facts[end].phraseBreak { break }
                hash = FeatureHash.mix(hash, facts[end].folded)
                guard let bits = phrases[hash] else { continue }
                facts[start].gazetteerBegin |= bits
                if end > start {
                    for k in (start + 1)...end { facts[k].gazetteerInside |= bits }
                }
            }
        }
    }

    /// Appends the feature indices of token `i` of `sentence` to `out`.
    package func features(
        _ facts: [TokenFacts], sentence: Range<Int>, headline: Bool, at i: Int, document: DocumentContext? = nil,
        into out: inout [UInt32]
    ) {
        let f = facts[i]
        let boundary: UInt64 = 0xb0b0
        func folded(_ k: Int) -> UInt64 { sentence.contains(k) ? facts[k].folded : boundary &+ UInt64(k - i + 8) }
        func shape(_ k: Int) -> UInt64 { sentence.contains(k) ? facts[k].shortShape : boundary }
        func longShape(_ k: Int) -> UInt64 { sentence.contains(k) ? facts[k].shape : boundary }
        func gazetteer(_ k: Int) -> UInt64 {
            sentence.contains(k) ? UInt64(facts[k].gazetteerBegin | facts[k].gazetteerInside) : 0
        }
        func add(_ template: UInt64, _ value: UInt64) {
            out.append(UInt32(truncatingIfNeeded: FeatureHash.mix(template, value) & mask))
        }
        func add(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
            out.append(UInt32(truncatingIfNeeded: FeatureHash.mix(template, a, b) & mask))
        }
        let isFirst = UInt64(f.documentCasing >> 2 & 1)
        let capitalized: UInt64 = f.capitalized ? 1 : 0
        add(1, 0)
        add(2, f.raw)
        add(3, f.folded)
        add(4, f.shape)
        if f.length >= 1 { add(5, f.prefixes.0); add(9, f.suffixes.0) }
        if f.length >= 2 { add(6, f.prefixes.1); add(10, f.suffixes.1) }
        if f.length >= 3 { add(7, f.prefixes.2); add(11, f.suffixes.2) }
        if f.length >= 4 { add(8, f.prefixes.3); add(12, f.suffixes.3) }
        add(13, folded(i - 1))
        add(14, folded(i + 1))
        add(15, folded(i - 2))
        add(16, folded(i + 2))
        add(17, longShape(i - 1))
        add(18, longShape(i + 1))
        add(19, FeatureHash.mix(shape(i - 1), shape(i)), shape(i + 1))
        add(20, folded(i - 1), f.folded)
        add(21, f.folded, folded(i + 1))
        add(22, isFirst, f.shortShape)
        add(23, headline ? 1 : 0, f.shortShape)
        add(24, UInt64(f.casing) << 2 | isFirst << 1 | capitalized)
        add(25, folded(i - 1), f.shortShape)
        add(26, f.shortShape, folded(i + 1))
        add(27, UInt64(f.documentCasing) << 1 | capitalized)
        add(28, UInt64(f.documentCasing) << 1 | capitalized, UInt64(f.casing))
        add(29, headline ? 1 : 0, f.folded)
        var bits = f.gazetteerBegin
        while bits != 0 {
            let bit = UInt64(bits.trailingZeroBitCount)
            add(30, bit, capitalized)
            bits &= bits - 1
        }
        bits = f.gazetteerInside
        while bits != 0 {
            add(31, UInt64(bits.trailingZeroBitCount))
            bits &= bits - 1
        }
        add(32, gazetteer(i - 1))
        add(33, gazetteer(i + 1))
        add(34, UInt64(f.gazetteerBegin), UInt64(f.gazetteerInside))
        if clusters.count > 0 { clusterFeatures(facts, sentence: sentence, at: i, into: &out) }
        if let document { documentFeatures(facts, at: i, document: document, into: &out) }
    }

    /// Appends the cluster features of token `i`: its path cut at 4, 8 and 12
    /// branches and whole, with how it is capitalized, and the paths of its
    /// neighbours cut at 8. A word without a cluster (rare in the unlabelled
    /// text, which most unseen names are not) has path 0, itself a feature.
    func clusterFeatures(_ facts: [TokenFacts], sentence: Range<Int>, at i: Int, into out: inout [UInt32]) {
        func add(_ template: UInt64, _ value: UInt32) {
            out.append(UInt32(truncatingIfNeeded: FeatureHash.mix(template, UInt64(value)) & mask))
        }
        func neighbour(_ k: Int) -> UInt32 { sentence.contains(k) ? Lexicon.prefix(facts[k].cluster, 8) : .max }
        let f = facts[i]
        add(50, Lexicon.prefix(f.cluster, 4))
        add(51, Lexicon.prefix(f.cluster, 8))
        add(52, Lexicon.prefix(f.cluster, 12))
        add(53, f.cluster)
        add(54, neighbour(i - 1))
        add(55, neighbour(i + 1))
        add(56, Lexicon.prefix(f.cluster, 12) << 1 | (f.capitalized ? 1 : 0))
    }

    /// Appends the second pass's features of token `i`: the first pass's view
    /// of this token and of the rest of the document.
    func documentFeatures(_ facts: [TokenFacts], at i: Int, document: DocumentContext, into out: inout [UInt32]) {
        func add(_ template: UInt64, _ value: UInt64) {
            out.append(UInt32(truncatingIfNeeded: FeatureHash.mix(template, value) & mask))
        }
        func add(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
            out.append(UInt32(truncatingIfNeeded: FeatureHash.mix(template, a, b) & mask))
        }
        let f = facts[i]
        let isFirst = UInt64(f.documentCasing >> 2 & 1)
        let capitalized: UInt64 = f.capitalized ? 1 : 0
        let word = document.word[i]
        add(40, document.tag[i])
        add(41, document.tag[i] & 0xF)
        add(42, word)
        add(43, word, capitalized | isFirst << 1)
        add(44, document.name[i])
        add(45, document.longer[i])
        add(46, document.name[i], document.tag[i] & 0xF)
        add(47, word, f.folded)
    }
}
