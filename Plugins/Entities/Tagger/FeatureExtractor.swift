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
        var facts = s.withUnsafeBufferPointer { scalars in
            tokens.map { token in
                precondition(token.lowerBound >= 0 && token.upperBound <= scalars.count, "token range")
                return TokenFacts(unchecked: scalars, token)
            }
        }
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
        precondition(sentence.lowerBound >= 0 && sentence.upperBound <= facts.count, "sentence within the tokens")
        return facts.withUnsafeBufferPointer { isHeadline($0, sentence) }
    }

    /// ``isHeadline(_:_:)`` over facts `sentence` lies within.
    func isHeadline(_ facts: UnsafeBufferPointer<TokenFacts>, _ sentence: Range<Int>) -> Bool {
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

    /// The most feature indices ``features(_:sentence:headline:at:document:into:)``
    /// writes for one token: 32 fixed, one per gazetteer category bit of the
    /// token's two sets (16 each), 7 cluster and 8 document features.
    static let maxFeatures = 32 + 2 * 16 + 7 + 8

    /// Appends the feature indices of token `i` of `sentence` to `out`.
    package func features(
        _ facts: [TokenFacts], sentence: Range<Int>, headline: Bool, at i: Int, document: DocumentContext? = nil,
        into out: inout [UInt32]
    ) {
        precondition(sentence.lowerBound >= 0 && sentence.upperBound <= facts.count && sentence.contains(i))
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: Self.maxFeatures))
        let written = out.withUnsafeMutableBufferPointer { buffer in
            facts.withUnsafeBufferPointer { facts in
                var writer = FeatureWriter(buffer, at: start, mask: mask)
                features(facts, sentence: sentence, headline: headline, at: i, document: document, into: &writer)
                return writer.count
            }
        }
        out.removeLast(Self.maxFeatures - written)
    }

    /// ``features(_:sentence:headline:at:document:into:)`` through a writer with room for
    /// ``maxFeatures``; `sentence` must lie within `facts`, and contain `i`.
    ///
    /// Appending to an array, each of the 45 or so features of a token paid a call,
    /// a uniqueness check and a capacity check: 5.8 % of the entities stage.
    func features(
        _ facts: UnsafeBufferPointer<TokenFacts>, sentence: Range<Int>, headline: Bool, at i: Int,
        document: DocumentContext? = nil, into out: inout FeatureWriter
    ) {
        let f = facts[i]
        let boundary: UInt64 = 0xb0b0
        @inline(__always) func folded(_ k: Int) -> UInt64 {
            sentence.contains(k) ? facts[k].folded : boundary &+ UInt64(k - i + 8)
        }
        @inline(__always) func shape(_ k: Int) -> UInt64 { sentence.contains(k) ? facts[k].shortShape : boundary }
        @inline(__always) func longShape(_ k: Int) -> UInt64 { sentence.contains(k) ? facts[k].shape : boundary }
        @inline(__always) func gazetteer(_ k: Int) -> UInt64 {
            sentence.contains(k) ? UInt64(facts[k].gazetteerBegin | facts[k].gazetteerInside) : 0
        }
        let isFirst = UInt64(f.documentCasing >> 2 & 1)
        let capitalized: UInt64 = f.capitalized ? 1 : 0
        out.add(1, 0)
        out.add(2, f.raw)
        out.add(3, f.folded)
        out.add(4, f.shape)
        if f.length >= 1 {
            out.add(5, f.prefixes.0)
            out.add(9, f.suffixes.0)
        }
        if f.length >= 2 {
            out.add(6, f.prefixes.1)
            out.add(10, f.suffixes.1)
        }
        if f.length >= 3 {
            out.add(7, f.prefixes.2)
            out.add(11, f.suffixes.2)
        }
        if f.length >= 4 {
            out.add(8, f.prefixes.3)
            out.add(12, f.suffixes.3)
        }
        out.add(13, folded(i - 1))
        out.add(14, folded(i + 1))
        out.add(15, folded(i - 2))
        out.add(16, folded(i + 2))
        out.add(17, longShape(i - 1))
        out.add(18, longShape(i + 1))
        out.add(19, FeatureHash.mix(shape(i - 1), shape(i)), shape(i + 1))
        out.add(20, folded(i - 1), f.folded)
        out.add(21, f.folded, folded(i + 1))
        out.add(22, isFirst, f.shortShape)
        out.add(23, headline ? 1 : 0, f.shortShape)
        out.add(24, UInt64(f.casing) << 2 | isFirst << 1 | capitalized)
        out.add(25, folded(i - 1), f.shortShape)
        out.add(26, f.shortShape, folded(i + 1))
        out.add(27, UInt64(f.documentCasing) << 1 | capitalized)
        out.add(28, UInt64(f.documentCasing) << 1 | capitalized, UInt64(f.casing))
        out.add(29, headline ? 1 : 0, f.folded)
        var bits = f.gazetteerBegin
        while bits != 0 {
            let bit = UInt64(bits.trailingZeroBitCount)
            out.add(30, bit, capitalized)
            bits &= bits - 1
        }
        bits = f.gazetteerInside
        while bits != 0 {
            out.add(31, UInt64(bits.trailingZeroBitCount))
            bits &= bits - 1
        }
        out.add(32, gazetteer(i - 1))
        out.add(33, gazetteer(i + 1))
        out.add(34, UInt64(f.gazetteerBegin), UInt64(f.gazetteerInside))
        if clusters.count > 0 { clusterFeatures(facts, sentence: sentence, at: i, into: &out) }
        if let document { documentFeatures(f, at: i, document: document, into: &out) }
    }

    /// Appends the cluster features of token `i`: its path cut at 4, 8 and 12
    /// branches and whole, with how it is capitalized, and the paths of its
    /// neighbours cut at 8. A word without a cluster (rare in the unlabelled
    /// text, which most unseen names are not) has path 0, itself a feature.
    @inline(__always)
    func clusterFeatures(
        _ facts: UnsafeBufferPointer<TokenFacts>, sentence: Range<Int>, at i: Int, into out: inout FeatureWriter
    ) {
        @inline(__always) func neighbour(_ k: Int) -> UInt64 {
            UInt64(sentence.contains(k) ? Lexicon.prefix(facts[k].cluster, 8) : .max)
        }
        let f = facts[i]
        out.add(50, UInt64(Lexicon.prefix(f.cluster, 4)))
        out.add(51, UInt64(Lexicon.prefix(f.cluster, 8)))
        out.add(52, UInt64(Lexicon.prefix(f.cluster, 12)))
        out.add(53, UInt64(f.cluster))
        out.add(54, neighbour(i - 1))
        out.add(55, neighbour(i + 1))
        out.add(56, UInt64(Lexicon.prefix(f.cluster, 12) << 1 | (f.capitalized ? 1 : 0)))
    }

    /// Appends the second pass's features of token `i`: the first pass's view
    /// of this token and of the rest of the document.
    func documentFeatures(_ facts: [TokenFacts], at i: Int, document: DocumentContext, into out: inout [UInt32]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 8))
        out.withUnsafeMutableBufferPointer { buffer in
            var writer = FeatureWriter(buffer, at: start, mask: mask)
            documentFeatures(facts[i], at: i, document: document, into: &writer)
        }
    }

    /// ``documentFeatures(_:at:document:into:)`` for the token's facts `f`, through a writer (8 features).
    @inline(__always)
    func documentFeatures(_ f: TokenFacts, at i: Int, document: DocumentContext, into out: inout FeatureWriter) {
        let isFirst = UInt64(f.documentCasing >> 2 & 1)
        let capitalized: UInt64 = f.capitalized ? 1 : 0
        let word = document.word[i]
        out.add(40, document.tag[i])
        out.add(41, document.tag[i] & 0xF)
        out.add(42, word)
        out.add(43, word, capitalized | isFirst << 1)
        out.add(44, document.name[i])
        out.add(45, document.longer[i])
        out.add(46, document.name[i], document.tag[i] & 0xF)
        out.add(47, word, f.folded)
    }
}

/// Writes hashed feature indices into memory reserved for them, unchecked:
/// the caller reserves room for as many as it asks for.
struct FeatureWriter {
    private let base: UnsafeMutablePointer<UInt32>
    /// Indices written.
    private(set) var count = 0
    private let mask: UInt64

    /// A writer into `buffer` from `start`, with room to its end.
    @inline(__always) init(_ buffer: UnsafeMutableBufferPointer<UInt32>, at start: Int, mask: UInt64) {
        precondition(start >= 0 && start <= buffer.count, "feature buffer")
        guard let base = buffer.baseAddress else { preconditionFailure("feature buffer") }
        self.base = base + start
        self.mask = mask
    }

    @inline(__always) mutating func add(_ template: UInt64, _ value: UInt64) {
        base[count] = UInt32(truncatingIfNeeded: FeatureHash.mix(template, value) & mask)
        count += 1
    }

    /// `FeatureHash.mix(template, a, b)`, which is that, written out: across the
    /// module boundary it was not inlined, a call for 321,000 features in 300 articles.
    @inline(__always) mutating func add(_ template: UInt64, _ a: UInt64, _ b: UInt64) {
        base[count] = UInt32(truncatingIfNeeded: FeatureHash.mix(FeatureHash.mix(template, a), b) & mask)
        count += 1
    }
}
