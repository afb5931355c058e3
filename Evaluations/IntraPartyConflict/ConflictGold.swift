import ArgumentParser
import Entities
import Foundation
import IntraPartyConflict
import Normalize
import Textpipe
import TextpipeEvalKit

/// Labelled articles for the intra-party-conflict stage, run through the
/// stages `conflict-watch` runs before it (normalize → entities), so that
/// scores and training see what `textpipe run conflict-watch` would.
struct ConflictGold {
    /// One labelled article after normalize and entities.
    struct Item {
        var id: String
        var label: Bool
        var subtype: String?
        var parties: [String]
        var document: Document
    }

    var items: [Item]

    init(items: [Item]) { self.items = items }

    /// Reads JSON Lines with `id`, `text`, `label` and, for positives, `subtype` and `parties`.
    init(path: String) throws {
        let normalize = try NormalizeStage(options: .init())
        let entities = try EntitiesStage(options: .init())
        var items: [Item] = []
        for (number, object) in try GoldFile.jsonObjects(path: path) {
            guard let text = object["text"] as? String, let label = object["label"] as? Bool else {
                throw GoldFileError(
                    path: path, line: number, message: "expected a string 'text' and a boolean 'label'")
            }
            var document = Document(
                id: object["id"] as? String ?? "\(path):\(number)", text: text, title: object["title"] as? String)
            _ = try normalize.process(&document)
            _ = try entities.process(&document)
            items.append(
                Item(
                    id: document.id, label: label, subtype: object["subtype"] as? String,
                    parties: object["parties"] as? [String] ?? [], document: document))
        }
        self.items = items
    }
}

/// Binary and subtype scores of predictions against gold labels, with the
/// subtype confusion table and calibration (Brier score, reliability bins).
struct ConflictScore {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var trueNegatives = 0
    var subtypeCorrect = 0
    var misclassified: [String] = []
    var wrongSubtype: [String] = []
    var wrongParty: [String] = []
    /// Gold subtype → predicted subtype → count, over true positives.
    var confusion: [String: [String: Int]] = [:]
    /// (score, gold label) of every article, for calibration.
    var scored: [(score: Double, label: Bool)] = []
    /// Gold positives whose party in conflict was named right.
    var partyCorrect = 0

    mutating func add(_ item: ConflictGold.Item, _ report: ConflictReport) {
        scored.append((report.score, item.label))
        switch (item.label, report.label) {
        case (true, true):
            truePositives += 1
            if report.party != nil, report.party == item.parties.first {
                partyCorrect += 1
            } else {
                wrongParty.append(
                    "\(item.id)\tgold party \(item.parties.first ?? "-")\tpredicted \(report.party ?? "-")")
            }
            confusion[item.subtype ?? "-", default: [:]][report.subtype ?? "-", default: 0] += 1
            if report.subtype == item.subtype {
                subtypeCorrect += 1
            } else {
                wrongSubtype.append("\(item.id)\tgold \(item.subtype ?? "-")\tpredicted \(report.subtype ?? "-")")
            }
        case (false, true):
            falsePositives += 1
            misclassified.append("\(item.id)\tfalse positive\tscore \(report.score)\t\(report.subtype ?? "-")")
        case (true, false):
            falseNegatives += 1
            misclassified.append("\(item.id)\tfalse negative\tscore \(report.score)\tgold \(item.subtype ?? "-")")
        case (false, false):
            trueNegatives += 1
        }
    }

    /// Of the label `true`.
    var binary: PrecisionRecall {
        PrecisionRecall(
            correct: truePositives, predicted: truePositives + falsePositives, gold: truePositives + falseNegatives)
    }
    var precision: Double { binary.precision }
    var recall: Double { binary.recall }
    var f1: Double { binary.f1 }
    var accuracy: Double {
        Self.ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives)
    }
    /// Over true positives: the share whose primary subtype is the gold one.
    var subtypeAccuracy: Double { Self.ratio(subtypeCorrect, truePositives) }
    /// Over true positives: the share whose party is the gold first party.
    var partyAccuracy: Double { Self.ratio(partyCorrect, truePositives) }
    /// Mean squared error of the score against the 0/1 label.
    var brier: Double {
        scored.isEmpty ? 0 : scored.reduce(0) { $0 + pow($1.score - ($1.label ? 1 : 0), 2) } / Double(scored.count)
    }

    static func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }

    /// The one-line figures.
    func line() -> String {
        String(
            format:
                "precision %.3f  recall %.3f  F1 %.3f  accuracy %.3f  subtype accuracy %.3f (%d/%d)  party %.3f  Brier %.3f",
            precision, recall, f1, accuracy, subtypeAccuracy, subtypeCorrect, truePositives, partyAccuracy, brier)
    }

    /// The figures and confusion table, as printed by `eval conflict` and `train conflict`.
    func summary() -> String {
        """
        \(line())
                          predicted true  predicted false
          gold true       \(String(truePositives).padding(toLength: 16, withPad: " ", startingAt: 0))\(falseNegatives)
          gold false      \(String(falsePositives).padding(toLength: 16, withPad: " ", startingAt: 0))\(trueNegatives)
        """
    }

    /// Per-subtype precision and recall over true positives, and the confusion table (rows gold, columns predicted).
    func subtypeTable() -> String {
        let names = [
            "leadership_challenge", "factional_feud", "member_protest", "discipline", "defection_or_exit",
            "split", "candidate_selection_dispute", "policy_dissent",
        ]
        let short = ["lead", "feud", "prot", "disc", "exit", "split", "cand", "pol"]
        var lines = [
            "subtype (over true positives)    P      R      n   | "
                + short.map { $0.padding(toLength: 5, withPad: " ", startingAt: 0) }.joined()
        ]
        for (row, name) in names.enumerated() {
            let counts = confusion[name] ?? [:]
            let gold = counts.values.reduce(0, +)
            let predicted = confusion.values.reduce(0) { $0 + ($1[name] ?? 0) }
            let hits = counts[name] ?? 0
            let cells = names.map { String(counts[$0] ?? 0).padding(toLength: 5, withPad: " ", startingAt: 0) }.joined()
            lines.append(
                "  " + "\(short[row]) \(name)".padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(format: "%.3f  %.3f  %-3d | ", Self.ratio(hits, predicted), Self.ratio(hits, gold), gold)
                    + cells)
        }
        return lines.joined(separator: "\n")
    }

    /// Observed positive rate by score bin: a calibrated score's bins lie near their own middle.
    func reliability(bins: Int = 5) -> String {
        var lines = ["reliability (score bin: articles, share positive)"]
        for bin in 0..<bins {
            let low = Double(bin) / Double(bins)
            let high = Double(bin + 1) / Double(bins)
            let inside = scored.filter { $0.score >= low && ($0.score < high || (bin == bins - 1 && $0.score <= 1)) }
            let positive = inside.filter(\.label).count
            lines.append(
                String(
                    format: "  %.1f–%.1f: %3d articles, %.2f positive", low, high, inside.count,
                    inside.isEmpty ? 0 : Double(positive) / Double(inside.count)))
        }
        return lines.joined(separator: "\n")
    }
}
