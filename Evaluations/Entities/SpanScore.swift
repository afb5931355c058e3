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
