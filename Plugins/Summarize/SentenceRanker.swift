import Textpipe

/// Ranks the sentences of an article by how central they are to it: TextRank
/// over the cosine similarity of their content words.
///
/// ```
///  sentences ──► bags of content words ──► cosine graph ──► PageRank ──► score per sentence
/// ```
///
/// A sentence's bag holds its tokens that have a letter or a digit, lower-cased,
/// without English stop words, with their counts. Every pair of sentences is
/// joined by an edge weighted by the cosine similarity of their bags, and
/// PageRank (damping 0.85; a sentence with no edges spreads its weight evenly,
/// as networkx does) gives each sentence a score: high when it shares words with
/// many sentences that themselves share words with many others.
///
/// On the BBC dev categories this unsupervised ranking chose the reference
/// sentences better than position, length, word frequency, title overlap, or a
/// logistic-regression scorer trained on those features together with it (see
/// `Benchmarks/summarize/README.md`).
///
/// Cost: tokens are interned once; the graph is dense, so work grows with the
/// square of the number of sentences (about 16 in a BBC article), and PageRank
/// stops after at most ``maxIterations`` passes.
public struct SentenceRanker: Sendable {
    /// PageRank's damping factor: the chance of following an edge rather than jumping anywhere.
    public var damping = 0.85
    /// PageRank stops when the scores change, in total, by less than this times the number of sentences.
    public var tolerance = 1e-6
    /// PageRank stops after this many passes even if it has not converged.
    public var maxIterations = 100

    public init() {}

    /// The sentences' scores, in sentence order; they sum to 1.
    ///
    /// - Parameters:
    ///   - tokens: the article's tokens, from ``Tokenizer``.
    ///   - sentences: each sentence as a range of indices into `tokens`.
    public func scores(tokens: [Token], sentences: [Range<Int>]) -> [Double] {
        let bags = WordBags(tokens: tokens, sentences: sentences)
        return pageRank(similarities(bags.bags), count: sentences.count)
    }

    /// The dense, symmetric matrix of cosine similarities, row-major; the diagonal is 0.
    func similarities(_ bags: [WordBag]) -> [Double] {
        let n = bags.count
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n where bags[i].norm > 0 {
            for j in (i + 1)..<n where bags[j].norm > 0 {
                let similarity = bags[i].dot(bags[j]) / (bags[i].norm * bags[j].norm)
                matrix[i * n + j] = similarity
                matrix[j * n + i] = similarity
            }
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

/// A sentence as counts of content words: word ids sorted ascending, their counts, and the vector's length.
struct WordBag: Sendable {
    var ids: [Int32] = []
    var counts: [Double] = []
    var norm = 0.0

    /// The dot product of two bags, by merging their sorted ids.
    func dot(_ other: WordBag) -> Double {
        var i = 0
        var j = 0
        var sum = 0.0
        while i < ids.count, j < other.ids.count {
            let a = ids[i]
            let b = other.ids[j]
            if a == b {
                sum += counts[i] * other.counts[j]
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}

/// The content-word bags of an article's sentences, with words interned to ids once per article.
struct WordBags {
    var bags: [WordBag]
    /// How many content words each sentence has (with repeats).
    var contentWordCounts: [Int]

    init(tokens: [Token], sentences: [Range<Int>]) {
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(tokens.count / 2)
        bags = []
        bags.reserveCapacity(sentences.count)
        contentWordCounts = []
        contentWordCounts.reserveCapacity(sentences.count)
        var ids: [Int32] = []
        for range in sentences {
            ids.removeAll(keepingCapacity: true)
            for index in range {
                guard let word = Self.contentWord(tokens[index].text) else { continue }
                let next = Int32(vocabulary.count)
                let id = vocabulary[word, default: next]
                if id == next { vocabulary[word] = id }
                ids.append(id)
            }
            ids.sort()
            var bag = WordBag()
            var squares = 0.0
            var start = 0
            while start < ids.count {
                var end = start + 1
                while end < ids.count, ids[end] == ids[start] { end += 1 }
                let count = Double(end - start)
                bag.ids.append(ids[start])
                bag.counts.append(count)
                squares += count * count
                start = end
            }
            bag.norm = squares.squareRoot()
            bags.append(bag)
            contentWordCounts.append(ids.count)
        }
    }

    /// The token lower-cased, or `nil` when it has no letter or digit or is a stop word.
    static func contentWord(_ token: String) -> String? {
        var hasWordCharacter = false
        var hasUppercase = false
        var isASCII = true
        for byte in token.utf8 {
            if byte >= 0x80 {
                isASCII = false
                hasWordCharacter = true  // decided precisely below
            } else if byte >= 0x41 && byte <= 0x5A {
                hasUppercase = true
                hasWordCharacter = true
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                hasWordCharacter = true
            }
        }
        guard hasWordCharacter else { return nil }
        let word: String
        if isASCII {
            word = hasUppercase ? String(decoding: token.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self) : token
        } else {
            guard token.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { return nil }
            word = token.lowercased()
        }
        return StopWords.english.contains(word) ? nil : word
    }
}
