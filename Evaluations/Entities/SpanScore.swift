import Entities
import Foundation

/// Exact-span precision, recall and F1 per entity type, as `conlleval` counts them.
package struct SpanScore: Sendable {
    /// Per type index (``TagSet/types``): true positives, predicted, gold.
    package private(set) var correct = [Int](repeating: 0, count: TagSet.types.count)
    package private(set) var predicted = [Int](repeating: 0, count: TagSet.types.count)
    package private(set) var gold = [Int](repeating: 0, count: TagSet.types.count)

    package init() {}

    /// Counts one sequence of predicted tags against gold tags.
    package mutating func add(predicted predictedTags: [Int], gold goldTags: [Int]) {
        let goldSpans = TagSet.spans(goldTags)
        let predictedSpans = TagSet.spans(predictedTags)
        let goldSet = Set(
            goldSpans.map { SpanKey(start: $0.range.lowerBound, end: $0.range.upperBound, type: $0.type) })
        for span in goldSpans { gold[span.type] += 1 }
        for span in predictedSpans {
            predicted[span.type] += 1
            if goldSet.contains(SpanKey(start: span.range.lowerBound, end: span.range.upperBound, type: span.type)) {
                correct[span.type] += 1
            }
        }
    }

    /// Precision, recall and F1 over the types in `types` (indices), micro-averaged.
    package func prf(_ types: [Int]) -> (precision: Double, recall: Double, f1: Double) {
        let c = Double(types.map { correct[$0] }.reduce(0, +))
        let p = Double(types.map { predicted[$0] }.reduce(0, +))
        let g = Double(types.map { gold[$0] }.reduce(0, +))
        let precision = p > 0 ? c / p : 0
        let recall = g > 0 ? c / g : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f1)
    }

    /// Micro F1 over PER, ORG and LOC (the project's headline figure).
    package var f1PersonOrganizationLocation: Double { prf([0, 1, 2]).f1 }

    /// A table: one line per type, then micro over PER/ORG/LOC and over all types.
    package func report() -> String {
        func line(_ name: String, _ types: [Int]) -> String {
            let (p, r, f) = prf(types)
            let count = types.map { gold[$0] }.reduce(0, +)
            return name.padding(toLength: 19, withPad: " ", startingAt: 0)
                + String(format: "P %.4f  R %.4f  F1 %.4f  (gold %d)", p, r, f, count)
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
