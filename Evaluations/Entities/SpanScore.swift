import Entities
import Foundation
import TextpipeEvalKit

/// Exact-span precision, recall and F1 per entity type, as `conlleval` counts them.
package struct SpanScore: Sendable {
    /// Per type index (``TagSet/types``): spans right, predicted and in the gold data.
    package private(set) var counts = [PrecisionRecall](repeating: PrecisionRecall(), count: TagSet.types.count)

    package init() {}

    /// Counts one sequence of predicted tags against gold tags.
    package mutating func add(predicted predictedTags: [Int], gold goldTags: [Int]) {
        let goldSpans = TagSet.spans(goldTags)
        let predictedSpans = TagSet.spans(predictedTags)
        let goldSet = Set(
            goldSpans.map { SpanKey(start: $0.range.lowerBound, end: $0.range.upperBound, type: $0.type) })
        for span in goldSpans { counts[span.type].gold += 1 }
        for span in predictedSpans {
            counts[span.type].predicted += 1
            if goldSet.contains(SpanKey(start: span.range.lowerBound, end: span.range.upperBound, type: span.type)) {
                counts[span.type].correct += 1
            }
        }
    }

    /// Precision, recall and F1 over the types in `types` (indices), micro-averaged.
    package func prf(_ types: [Int]) -> PrecisionRecall {
        types.map { counts[$0] }.reduce(PrecisionRecall(), +)
    }

    /// Micro F1 over PER, ORG and LOC (the project's headline figure).
    package var f1PersonOrganizationLocation: Double { prf([0, 1, 2]).f1 }

    /// A table: one line per type, then micro over PER/ORG/LOC and over all types.
    package func report() -> String {
        func line(_ name: String, _ types: [Int]) -> String {
            let score = prf(types)
            return name.padding(toLength: 19, withPad: " ", startingAt: 0)
                + String(
                    format: "P %.4f  R %.4f  F1 %.4f  (gold %d)", score.precision, score.recall, score.f1, score.gold)
        }
        var lines = TagSet.types.indices.map { line(TagSet.types[$0].rawValue, [$0]) }
        lines.append(line("micro PER/ORG/LOC", [0, 1, 2]))
        lines.append(line("micro all", Array(TagSet.types.indices)))
        return lines.joined(separator: "\n")
    }

    private struct SpanKey: Hashable {
        var start: Int
        var end: Int
        var type: Int
    }
}

/// What the exact-span figures hide: how each wrong span is wrong. A gold
/// span the tagger did not reproduce is *missed* (nothing predicted over it),
/// of the *wrong type* (the same tokens, another type) or of the *wrong
/// boundary* (a predicted span overlaps it, not on the same tokens); a
/// predicted span over no gold one is *spurious*. Patterns are counted by kind
/// and types, so "wrong type LOC → ORG" gathers every city the tagger calls a club.
package struct SpanErrors: Sendable {
    /// Pattern → how often it happened, and its first few examples.
    package private(set) var counts: [String: Int] = [:]
    package private(set) var examples: [String: [String]] = [:]

    package init() {}

    /// Classifies the errors of one sequence; `text` gives the words of a token range.
    package mutating func add(predicted predictedTags: [Int], gold goldTags: [Int], text: (Range<Int>) -> String) {
        let gold = TagSet.spans(goldTags)
        let predicted = TagSet.spans(predictedTags)
        func same(_ a: (range: Range<Int>, type: Int), _ b: (range: Range<Int>, type: Int)) -> Bool {
            a.range == b.range && a.type == b.type
        }
        for span in gold where !predicted.contains(where: { same($0, span) }) {
            let over = predicted.filter { $0.range.overlaps(span.range) }
            let goldType = TagSet.types[span.type].rawValue
            if let retyped = over.first(where: { $0.range == span.range }) {
                note("wrong type \(goldType) → \(TagSet.types[retyped.type].rawValue)", text(span.range))
            } else if let first = over.first {
                let shown = over.map { "[\(text($0.range))]" }.joined(separator: " ")
                note(
                    "wrong boundary \(goldType) (as \(TagSet.types[first.type].rawValue))",
                    "\(text(span.range)) → \(shown)")
            } else {
                note("missed \(goldType)", text(span.range))
            }
        }
        for span in predicted where !gold.contains(where: { $0.range.overlaps(span.range) }) {
            note("spurious \(TagSet.types[span.type].rawValue)", text(span.range))
        }
    }

    private mutating func note(_ pattern: String, _ example: String) {
        counts[pattern, default: 0] += 1
        if examples[pattern, default: []].count < 4 { examples[pattern, default: []].append(example) }
    }

    /// The `top` most frequent patterns, one a line with their count and examples.
    package func report(top: Int = 10) -> String {
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top)
        let total = counts.values.reduce(0, +)
        var lines = ["errors: \(total) spans; the \(ranked.count) most frequent patterns"]
        for (pattern, count) in ranked {
            let shown = (examples[pattern] ?? []).joined(separator: "; ")
            lines.append(
                "  \(String(count).leftPadded(to: 5))  \(pattern.padding(toLength: 32, withPad: " ", startingAt: 0))  e.g. \(shown)"
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
