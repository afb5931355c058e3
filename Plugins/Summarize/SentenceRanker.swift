import Textpipe

/// Ranks the sentences of an article by how central they are to it: TextRank
/// over the cosine similarity of their content words.
///
/// ```
///  sentences ──► bags of content words ──► cosine graph ──► PageRank ──► score per sentence
/// ```
///
/// A sentence's bag holds its words that have a letter or a digit, lower-cased,
/// without English stop words, with their counts. A word keeps its clitic
/// (`Germany's`, `don't`): the tokenizer splits them off, but as terms they stay
/// whole, as in the many TextRank implementations that split on white space and
/// punctuation only (on the BBC dev references that was worth +0.017 ROUGE-2).
/// Every pair of sentences is joined by an edge weighted by the cosine
/// similarity of their bags, and PageRank (damping 0.85; a sentence with no
/// edges spreads its weight evenly, as networkx does) gives each sentence a
/// score: high when it shares words with many sentences that themselves share
/// words with many others.
///
/// On the BBC dev categories this unsupervised ranking chose the reference
/// sentences better than position, length, word frequency, title overlap, or a
/// logistic-regression scorer trained on those features together with it (see
/// `Benchmarks/summarize/README.md`).
///
/// Cost: tokens are interned once; the graph is dense, so work grows with the
/// square of the number of sentences (about 16 in a BBC article), and PageRank
/// stops after at most ``maxIterations`` passes. Past ``maxGraphSentences``
/// sentences (a book pasted in as one article) the ranking falls back to
/// degree centrality, computed in linear time.
package struct SentenceRanker: Sendable {
    /// PageRank's damping factor: the chance of following an edge rather than jumping anywhere.
    package var damping = 0.85
    /// PageRank stops when the scores change, in total, by less than this times the number of sentences.
    package var tolerance = 1e-6
    /// PageRank stops after this many passes even if it has not converged.
    package var maxIterations = 100
    /// Above this many sentences the graph (which grows with the square of the
    /// count) is not built; each sentence is scored by its summed similarity to
    /// all the others instead, which takes linear time.
    package var maxGraphSentences = 300

    package init() {}

    /// The sentences' scores, in sentence order; they sum to 1.
    ///
    /// - Parameters:
    ///   - text: the article's text.
    ///   - tokens: the article's tokens, from ``Tokenizer``.
    ///   - sentences: each sentence as a range of indices into `tokens`.
    package func scores(text: ScalarText, tokens: [Token], sentences: [Range<Int>]) -> [Double] {
        let bags = WordBags(text: text, tokens: tokens, sentences: sentences)
        if sentences.count > maxGraphSentences { return degreeCentrality(bags) }
        return pageRank(similarities(bags), count: sentences.count)
    }

    /// Each sentence's summed cosine similarity to all the others, normalized to sum to 1.
    ///
    /// The sum of cosines is the dot product of the sentence's unit vector with the
    /// sum of all unit vectors, less its similarity to itself: linear time, where
    /// the pairwise graph would be quadratic.
    func degreeCentrality(_ bags: WordBags) -> [Double] {
        var total: [Int32: Double] = [:]
        for i in 0..<bags.count where bags.norms[i] > 0 {
            bags.forEachWord(of: i) { id, count in total[id, default: 0] += count / bags.norms[i] }
        }
        var scores = [Double](repeating: 0, count: bags.count)
        for i in 0..<bags.count where bags.norms[i] > 0 {
            var dot = 0.0
            bags.forEachWord(of: i) { id, count in dot += count / bags.norms[i] * (total[id] ?? 0) }
            scores[i] = max(dot - 1, 0)
        }
        let sum = scores.reduce(0, +)
        return sum > 0 ? scores.map { $0 / sum } : scores.map { _ in 1 / Double(bags.count) }
    }

    /// The dense, symmetric matrix of cosine similarities, row-major; the diagonal is 0.
    func similarities(_ bags: WordBags) -> [Double] {
        let n = bags.count
        var matrix = [Double](repeating: 0, count: n * n)
        // Sentence i's counts spread over a dense vector indexed by word id, so each
        // dot product with a later sentence is a branch-free gather over that
        // sentence's words rather than a merge of two sorted lists.
        var dense = [Double](repeating: 0, count: bags.vocabularySize)
        for i in 0..<n where bags.norms[i] > 0 {
            bags.forEachWord(of: i) { id, count in dense[Int(id)] = count }
            for j in (i + 1)..<n where bags.norms[j] > 0 {
                var dot = 0.0
                bags.forEachWord(of: j) { id, count in dot += count * dense[Int(id)] }
                let similarity = dot / (bags.norms[i] * bags.norms[j])
                matrix[i * n + j] = similarity
                matrix[j * n + i] = similarity
            }
            bags.forEachWord(of: i) { id, _ in dense[Int(id)] = 0 }
        }
        return matrix
    }

    /// PageRank over a weighted graph given as a row-major matrix of edge weights.
    func pageRank(_ weights: [Double], count n: Int) -> [Double] {
        guard n > 1 else { return n == 1 ? [1] : [] }
        var outWeight = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n { sum += weights[i * n + j] }
            outWeight[i] = sum
        }
        let uniform = 1 / Double(n)
        var rank = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for i in 0..<n where outWeight[i] == 0 { dangling += rank[i] }
            let base = (damping * dangling + (1 - damping)) * uniform
            for j in 0..<n { next[j] = base }
            for i in 0..<n where outWeight[i] > 0 {
                let share = damping * rank[i] / outWeight[i]
                let row = i * n
                for j in 0..<n { next[j] += share * weights[row + j] }
            }
            var change = 0.0
            for j in 0..<n { change += abs(next[j] - rank[j]) }
            swap(&rank, &next)
            if change < Double(n) * tolerance { break }
        }
        return rank
    }
}

/// The sentences of an article as counts of content words, in one flat store.
///
/// Sentence `i`'s distinct words are `ids[starts[i]..<starts[i + 1]]`, in order
/// of first appearance, with their counts at the same positions in `counts`; `norms[i]` is the
/// length of that count vector. Two arrays for the whole article rather than two
/// per sentence: allocation was a visible share of the stage's time.
struct WordBags {
    private(set) var ids: [Int32] = []
    private(set) var counts: [Double] = []
    private(set) var starts: [Int] = [0]
    private(set) var norms: [Double] = []

    var count: Int { norms.count }
    /// One more than the largest word id.
    private(set) var vocabularySize = 0

    init(text: ScalarText, tokens: [Token], sentences: [Range<Int>]) {
        var interner = WordInterner(capacity: tokens.count)
        ids.reserveCapacity(tokens.count)
        counts.reserveCapacity(tokens.count)
        starts.reserveCapacity(sentences.count + 1)
        norms.reserveCapacity(sentences.count)
        // Per word id: the last sentence it was counted in, and where its count is.
        var lastSentence: [Int] = []
        var countIndex: [Int] = []
        text.scalars.withUnsafeBufferPointer { scalars in
            for (sentence, range) in sentences.enumerated() {
                let first = ids.count
                var index = range.lowerBound
                while index < range.upperBound {
                    // Only the offsets are read: copying a whole `Token` would retain its string.
                    let start = tokens[index].start
                    var end = tokens[index].end
                    // The tokenizer splits `Germany's` into `Germany` `'s`; as a term it stays whole.
                    if index + 1 < range.upperBound, tokens[index + 1].start == end,
                        Self.isClitic(scalars, start: end, end: tokens[index + 1].end)
                    {
                        index += 1
                        end = tokens[index].end
                    }
                    index += 1
                    guard let id = interner.contentWordID(scalars, start, end) else { continue }
                    let word = Int(id)
                    while lastSentence.count <= word {
                        lastSentence.append(-1)
                        countIndex.append(0)
                    }
                    if lastSentence[word] == sentence {
                        counts[countIndex[word]] += 1
                    } else {
                        lastSentence[word] = sentence
                        countIndex[word] = ids.count
                        ids.append(id)
                        counts.append(1)
                    }
                }
                var squares = 0.0
                for position in first..<ids.count { squares += counts[position] * counts[position] }
                starts.append(ids.count)
                norms.append(squares.squareRoot())
            }
        }
        vocabularySize = interner.count
    }

    /// Whether the token `start..<end` is a clitic the tokenizer split off: `'s`, `'re`, `n't` …
    static func isClitic(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int) -> Bool {
        guard end - start >= 2 else { return false }
        let first = scalars[start]
        if first == "'" || first == "\u{2019}" { return true }
        let second = scalars[start + 1]
        return (first == "n" || first == "N") && (second == "'" || second == "\u{2019}")
    }

    /// Calls `body` with each distinct word of sentence `index` and its count.
    func forEachWord(of index: Int, _ body: (Int32, Double) -> Void) {
        for position in starts[index]..<starts[index + 1] { body(ids[position], counts[position]) }
    }
}
