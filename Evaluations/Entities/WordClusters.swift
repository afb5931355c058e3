import Entities
import Foundation
import Textpipe
import TextpipeEvalKit

/// Word clusters learned from unlabelled text, for the tagger's cluster features.
///
/// Each word is described by the words around it: counts of the folded word
/// one and two tokens to its left and right, over the `contexts` most frequent
/// words, with the rest pooled by how they are written (capitalized, lower
/// case, other) and a sentence edge as its own context. Counts become positive
/// pointwise mutual information (context frequencies raised to 0.75, which
/// keeps rare contexts from dominating), are reduced to their `dimensions`
/// leading singular directions (a randomized SVD of the 12,000-column sparse
/// matrix) and split in two, again and again, by spherical 2-means: a word's path is the branch it took at each split, so words that
/// share a long prefix occur in the same places. That is the shape of Brown
/// clusters, which the tagger's prefix features were designed for
/// (Ratinov & Roth 2009), at a fraction of their cost: the Brown algorithm's
/// merges grow with the square of the clusters kept.
///
/// Deterministic: every order that matters is sorted, the SVD's sketch comes
/// from `seed`, and its parallel sums are added in a fixed order.
package struct WordClusters: Sendable {
    package struct Settings: Sendable {
        /// Words seen fewer times get no cluster.
        package var minimumCount = 3
        /// The most frequent words to cluster.
        package var maximumWords = 60_000
        /// Context words kept by name; the rest are pooled by how they are written.
        package var contexts = 3_000
        /// Singular directions kept: the dimensions of the word vectors.
        package var dimensions = 200
        /// Splits from the root to a leaf, at most: a path's length.
        package var depth = 16
        /// 2-means iterations per split.
        package var iterations = 12
        package var seed: UInt64 = 1
        package var threads = 2

        package init() {}
    }

    /// A clustered word: its folded form, its path of branches (`"0110…"`) and how often it was seen.
    package struct Entry: Sendable, Equatable {
        package var word: String
        package var path: String
        package var count: Int
    }

    package var settings: Settings

    package init(settings: Settings) { self.settings = settings }

    struct VocabularyWord {
        var hash: UInt64
        var count: Int
        var word: String
    }

    /// The tokens of a text as folded-word hashes, with how each is written
    /// (0 lower case, 1 capitalized, 2 other), sentence by sentence.
    struct Sentence {
        var words: [UInt64]
        var shapes: [UInt8]
    }

    /// Clusters the words of `texts`.
    package func cluster(_ texts: [String]) -> [Entry] {
        // Tokenize in parallel, in the texts' order.
        let parts = Locked([[Sentence]](repeating: [], count: texts.count))
        let spellings = Locked([[UInt64: String]](repeating: [:], count: texts.count))
        Throughput.forEach(count: texts.count, threads: settings.threads) { _, index in
            do {
                let layout = TextLayout(texts[index])
                var sentences: [Sentence] = []
                var spelled: [UInt64: String] = [:]
                for range in layout.sentences where !range.isEmpty {
                    var sentence = Sentence(words: [], shapes: [])
                    for i in range {
                        let facts = TokenFacts(layout.scalars, layout.tokens[i])
                        sentence.words.append(facts.folded)
                        sentence.shapes.append(facts.lowercase ? 0 : facts.capitalized ? 1 : 2)
                        if spelled[facts.folded] == nil {
                            spelled[facts.folded] = TokenFacts.foldedWord(layout.scalars, layout.tokens[i])
                        }
                    }
                    sentences.append(sentence)
                }
                parts.withLock { $0[index] = sentences }
                spellings.withLock { $0[index] = spelled }
            }
        }
        let sentences = parts.withLock { $0.flatMap { $0 } }
        var spelling: [UInt64: String] = [:]
        for spelled in spellings.withLock({ $0 }) {
            spelling.merge(spelled) { first, _ in first }
        }
        var counts: [UInt64: Int] = [:]
        for sentence in sentences {
            for word in sentence.words { counts[word, default: 0] += 1 }
        }
        // The vocabulary, most frequent first; ties by spelling, so the order is the same every run.
        var candidates: [VocabularyWord] = []
        for (hash, count) in counts where count >= settings.minimumCount {
            candidates.append(VocabularyWord(hash: hash, count: count, word: spelling[hash] ?? ""))
        }
        candidates.sort { $0.count != $1.count ? $0.count > $1.count : $0.word < $1.word }
        let vocabulary = Array(candidates.prefix(settings.maximumWords))
        guard vocabulary.count >= 2 else {
            return vocabulary.map { Entry(word: $0.word, path: "", count: $0.count) }
        }
        var index: [UInt64: Int32] = [:]
        for (k, entry) in vocabulary.enumerated() { index[entry.hash] = Int32(k) }
        let vectors = project(contextCounts(sentences, index: index, words: vocabulary.count), words: vocabulary.count)
        let paths = split(vectors, words: vocabulary.count, dimensions: vectors.count / vocabulary.count)
        var entries: [Entry] = []
        for (k, word) in vocabulary.enumerated() {
            entries.append(Entry(word: word.word, path: paths[k], count: word.count))
        }
        // By path, then most frequent first: equal counts keep the vocabulary's order (a stable sort).
        return entries.enumerated().sorted { a, b in
            a.element.path != b.element.path ? a.element.path < b.element.path : a.offset < b.offset
        }.map(\.element)
    }

    /// Context columns: four positions (−2, −1, +1, +2) × (named contexts + edge + three pooled spellings).
    var columnsPerPosition: Int { settings.contexts + 4 }

    /// Co-occurrence counts per word, as (column, count) pairs sorted by column.
    func contextCounts(_ sentences: [Sentence], index: [UInt64: Int32], words: Int) -> [[(Int32, Float)]] {
        let named = Int32(settings.contexts)
        let perPosition = Int32(columnsPerPosition)
        var counts = [[Int32: Float]](repeating: [:], count: words)
        for sentence in sentences {
            let ids = sentence.words.map { index[$0] ?? -1 }
            for i in ids.indices where ids[i] >= 0 {
                for (position, offset) in [-2, -1, 1, 2].enumerated() {
                    let j = i + offset
                    let context: Int32
                    if j < 0 || j >= ids.count {
                        context = named
                    } else if ids[j] >= 0 && ids[j] < named {
                        context = ids[j]
                    } else {
                        context = named + 1 + Int32(sentence.shapes[j])
                    }
                    counts[Int(ids[i])][Int32(position) * perPosition + context, default: 0] += 1
                }
            }
        }
        return counts.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// Positive PMI, reduced to its `dimensions` leading singular directions
    /// and normalized to unit length; one row per word.
    ///
    /// The reduction is what makes the clusters: on the raw PPMI rows (or a
    /// random projection of them, tried first) a word's nearest neighbours
    /// are mostly noise shared through rare contexts ("london" beside "time",
    /// "part", "change"); on the leading directions they are its kind
    /// ("tokyo", "paris", "washington"), as Levy & Goldberg (2015) found for
    /// PPMI with SVD.
    func project(_ counts: [[(Int32, Float)]], words: Int) -> [Float] {
        let columns = 4 * columnsPerPosition
        var columnTotals = [Double](repeating: 0, count: columns)
        var wordTotals = [Double](repeating: 0, count: words)
        for (w, row) in counts.enumerated() {
            for (column, count) in row {
                columnTotals[Int(column)] += Double(count)
                wordTotals[w] += Double(count)
            }
        }
        let smoothed = columnTotals.map { pow($0, 0.75) }
        let smoothedSum = smoothed.reduce(0, +)
        // log P(c) under the smoothed distribution; a column never seen gets no weight.
        let logContext = smoothed.map { $0 > 0 ? log($0 / smoothedSum) : 0 }
        var matrix = SparseRows(rows: words, columns: columns, starts: [0], indices: [], values: [])
        for w in 0..<words {
            for (column, count) in counts[w] {
                let pmi = log(Double(count) / wordTotals[w]) - logContext[Int(column)]
                guard pmi > 0 else { continue }
                matrix.indices.append(column)
                matrix.values.append(Float(pmi))
            }
            matrix.starts.append(matrix.indices.count)
        }
        var vectors = RandomizedSVD.leftVectors(
            matrix, rank: settings.dimensions, seed: settings.seed, threads: settings.threads)
        let d = vectors.count / words
        for w in 0..<words {
            var norm: Float = 0
            for k in 0..<d { norm += vectors[w * d + k] * vectors[w * d + k] }
            let scale: Float = norm > 0 ? 1 / norm.squareRoot() : 0
            for k in 0..<d { vectors[w * d + k] *= scale }
        }
        return vectors
    }

    /// Each word's path: bisecting spherical 2-means from all words down to
    /// single words or `depth` splits. Words are indexed by frequency rank.
    func split(_ vectors: [Float], words: Int, dimensions d: Int) -> [String] {
        var paths = [String](repeating: "", count: words)
        var level: [[Int]] = [Array(0..<words)]
        for _ in 0..<settings.depth {
            let splittable = level.filter { $0.count >= 2 }
            if splittable.isEmpty { break }
            let halves = Locked([[[Int]]](repeating: [], count: splittable.count))
            Throughput.forEach(count: splittable.count, threads: settings.threads) { _, k in
                let result = bisect(splittable[k], vectors, dimensions: d)
                halves.withLock { $0[k] = result }
            }
            level = []
            for pair in halves.withLock({ $0 }) where pair.count == 2 {
                for (bit, members) in pair.enumerated() {
                    for w in members { paths[w] += bit == 0 ? "0" : "1" }
                    level.append(members)
                }
            }
        }
        return paths
    }

    /// Splits `members` (sorted by frequency) in two, or returns nothing when one side would be empty.
    func bisect(_ members: [Int], _ vectors: [Float], dimensions d: Int) -> [[Int]] {
        func dot(_ w: Int, _ centroid: [Float]) -> Float {
            var sum: Float = 0
            for k in 0..<d { sum += vectors[w * d + k] * centroid[k] }
            return sum
        }
        // Start from the most frequent member and the member of the more
        // frequent half least like it (rare words' vectors are the noisiest).
        var first = Array(vectors[(members[0] * d)..<(members[0] * d + d)])
        let frequent = members.prefix(max(2, members.count / 2))
        var farthest = frequent[frequent.startIndex + 1]
        var lowest = Float.infinity
        for w in frequent.dropFirst() {
            let similarity = dot(w, first)
            if similarity < lowest {
                lowest = similarity
                farthest = w
            }
        }
        var second = Array(vectors[(farthest * d)..<(farthest * d + d)])
        var side = [Bool](repeating: false, count: members.count)
        for iteration in 0..<settings.iterations {
            var changed = false
            for (k, w) in members.enumerated() {
                let right = dot(w, second) > dot(w, first)
                if right != side[k] { changed = true }
                side[k] = right
            }
            if iteration > 0 && !changed { break }
            var sums = ([Float](repeating: 0, count: d), [Float](repeating: 0, count: d))
            for (k, w) in members.enumerated() {
                if side[k] {
                    for j in 0..<d { sums.1[j] += vectors[w * d + j] }
                } else {
                    for j in 0..<d { sums.0[j] += vectors[w * d + j] }
                }
            }
            first = Self.normalized(sums.0)
            second = Self.normalized(sums.1)
        }
        let right = members.indices.filter { side[$0] }.map { members[$0] }
        let left = members.indices.filter { !side[$0] }.map { members[$0] }
        return left.isEmpty || right.isEmpty ? [] : [left, right]
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }

    /// The clusters in the format of Liang's `wcluster` (`path<TAB>word<TAB>count`), which
    /// `train entities --clusters` reads; Brown clusters from that tool can be used as they are.
    package static func format(_ entries: [Entry]) -> String {
        entries.map { "\($0.path)\t\($0.word)\t\($0.count)\n" }.joined()
    }
}
