import ArgumentParser
import Entities
import Foundation
import IntraPartyConflict
import Normalize
import Textpipe

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

    /// Reads JSON Lines with `id`, `text`, `label` and, for positives, `subtype` and `parties`.
    init(path: String) throws {
        let normalize = try NormalizeStage(options: .init())
        let entities = try EntitiesStage(options: .init())
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var items: [Item] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let text = object["text"] as? String, let label = object["label"] as? Bool
            else {
                throw ValidationError("\(path):\(number + 1): expected a JSON object with 'text' and 'label'")
            }
            var document = Document(
                id: object["id"] as? String ?? "\(path):\(number + 1)", text: text, title: object["title"] as? String)
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

/// Binary and subtype scores of predictions against gold labels.
struct ConflictScore {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var trueNegatives = 0
    var subtypeCorrect = 0
    var misclassified: [String] = []
    var wrongSubtype: [String] = []

    mutating func add(_ item: ConflictGold.Item, _ report: ConflictReport) {
        switch (item.label, report.label) {
        case (true, true):
            truePositives += 1
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

    var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
    var recall: Double { Self.ratio(truePositives, truePositives + falseNegatives) }
    var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    var accuracy: Double {
        Self.ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives)
    }
    /// Over true positives: the share whose primary subtype is the gold one.
    var subtypeAccuracy: Double { Self.ratio(subtypeCorrect, truePositives) }

    static func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }

    /// The figures and confusion table, as printed by `eval conflict` and `train conflict`.
    func summary() -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return """
            precision \(f(precision))  recall \(f(recall))  F1 \(f(f1))  accuracy \(f(accuracy))  subtype accuracy \(f(subtypeAccuracy)) (\(subtypeCorrect)/\(truePositives) true positives)
                              predicted true  predicted false
              gold true       \(String(truePositives).padding(toLength: 16, withPad: " ", startingAt: 0))\(falseNegatives)
              gold false      \(String(falsePositives).padding(toLength: 16, withPad: " ", startingAt: 0))\(trueNegatives)
            """
    }
}
