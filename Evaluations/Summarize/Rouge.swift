/// ROUGE-1, ROUGE-2 and ROUGE-L as Google's `rouge-score` computes them with
/// `RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)`.
///
/// Tokens: the text lower-cased (full Unicode case mapping, as Python's
/// `str.lower`), every run of characters other than `a`–`z` and `0`–`9`
/// replaced by a space, split; tokens longer than three letters go through
/// ``PorterStemmer``. ROUGE-N clips each n-gram's count to the reference's;
/// ROUGE-L is the longest common subsequence of the whole token lists (not
/// `rougeLsum`). F1 is 0 when precision and recall are both 0.
///
/// So `"$11.1bn.For"` gives `11 1bn for`: references whose sentences are glued
/// together without spaces tokenize the same as if they had them.
package struct RougeScorer: Sendable {
    /// Whether tokens longer than three characters are stemmed (`use_stemmer`).
    package var stemming: Bool

    package init(stemming: Bool = true) {
        self.stemming = stemming
    }

    /// The tokens ROUGE compares.
    package func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let token = stemming && current.count > 3 ? PorterStemmer.stem(current) : current
            tokens.append(String(decoding: token, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        func add(_ scalar: Unicode.Scalar) {
            let v = scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                current.append(UInt8(v))
            } else {
                flush()
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x41 && v <= 0x5A {
                current.append(UInt8(v + 0x20))
            } else if v < 0x80 {
                add(scalar)
            } else {
                // Python's str.lower can turn a non-ASCII letter into ASCII ones (U+0130 → "i̇", U+212A → "k").
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { add(lowered) }
            }
        }
        flush()
        return tokens
    }

    /// The three scores of `candidate` against `reference`.
    package func score(reference: String, candidate: String) -> RougeScores {
        let target = tokens(reference)
        let prediction = tokens(candidate)
        return RougeScores(
            rouge1: Self.ngramScore(target, prediction, n: 1),
            rouge2: Self.ngramScore(target, prediction, n: 2),
            rougeL: Self.lcsScore(target, prediction))
    }

    static func ngramScore(_ target: [String], _ prediction: [String], n: Int) -> RougeScore {
        func counts(_ tokens: [String]) -> [ArraySlice<String>: Int] {
            var counts: [ArraySlice<String>: Int] = [:]
            if tokens.count >= n {
                for start in 0...(tokens.count - n) { counts[tokens[start..<(start + n)], default: 0] += 1 }
            }
            return counts
        }
        let targetCounts = counts(target)
        let predictionCounts = counts(prediction)
        var overlap = 0
        for (ngram, count) in targetCounts { overlap += min(count, predictionCounts[ngram] ?? 0) }
        let targetTotal = max(target.count - n + 1, 0)
        let predictionTotal = max(prediction.count - n + 1, 0)
        return RougeScore(
            precision: Double(overlap) / Double(max(predictionTotal, 1)),
            recall: Double(overlap) / Double(max(targetTotal, 1)))
    }

    static func lcsScore(_ target: [String], _ prediction: [String]) -> RougeScore {
        guard !target.isEmpty, !prediction.isEmpty else { return RougeScore(precision: 0, recall: 0) }
        // One row of the dynamic-programming table at a time.
        var previous = [Int](repeating: 0, count: prediction.count + 1)
        var row = previous
        for word in target {
            for j in 1...prediction.count {
                row[j] = word == prediction[j - 1] ? previous[j - 1] + 1 : max(previous[j], row[j - 1])
            }
            swap(&previous, &row)
        }
        let length = Double(previous[prediction.count])
        return RougeScore(precision: length / Double(prediction.count), recall: length / Double(target.count))
    }
}

/// Precision, recall and F1 of one ROUGE measure.
package struct RougeScore: Sendable, Equatable {
    package var precision: Double
    package var recall: Double

    package init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    package var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate summary.
package struct RougeScores: Sendable, Equatable {
    package var rouge1: RougeScore
    package var rouge2: RougeScore
    package var rougeL: RougeScore
}
