import ArgumentParser
import Foundation
import IntraPartyConflict
import Textpipe

/// `textpipe train conflict`: fit the intra-party-conflict classifier's weights.
struct TrainConflictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflict",
        abstract: "Fit the intra-party-conflict weights (logistic regression over the stage's article features).",
        discussion: """
            Runs normalize → entities on each labelled article, computes the stage's features, prints \
            stratified k-fold cross-validated precision, recall, F1, accuracy and subtype accuracy (each \
            fold's model judges only articles it was not fitted on), then fits on all the data and writes \
            the weights with the command and the cross-validated figures. Deterministic. Use the result \
            with the stage option 'model: PATH', or copy it to Plugins/IntraPartyConflict/Resources/model.json.
            """)

    @Option(help: "Labelled JSON Lines: id, text, label, subtype.")
    var gold: String

    @Option(help: "Where to write the weights (JSON).")
    var output: String

    @Option(help: "L2 regularization strength.")
    var l2 = 0.01

    @Option(help: "Cross-validation folds.")
    var folds = 5

    @Flag(help: "List the articles cross-validation got wrong.")
    var showErrors = false

    func validate() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        guard l2 >= 0 else { throw ValidationError("--l2 must not be negative") }
    }

    func run() throws {
        let data = try ConflictGold(path: gold)
        let probe = try IntraPartyConflictStage(model: ConflictModel(features: [], weights: [], bias: 0))
        let analyses = data.items.map { probe.analyze($0.document) }
        let x = analyses.map(ConflictFeatures.vector)
        let y = data.items.map(\.label)
        // Stratified folds: positives and negatives dealt round-robin in file order.
        var fold = [Int](repeating: 0, count: y.count)
        var dealt = [0, 0]
        for i in y.indices {
            let k = y[i] ? 1 : 0
            fold[i] = dealt[k] % folds
            dealt[k] += 1
        }
        var score = ConflictScore()
        for f in 0..<folds {
            let train = y.indices.filter { fold[$0] != f }
            let model = ConflictModel.fit(train.map { x[$0] }, train.map { y[$0] }, l2: l2)
            let stage = try IntraPartyConflictStage(model: model)
            for i in y.indices where fold[i] == f { score.add(data.items[i], stage.report(for: analyses[i])) }
        }
        print("\(folds)-fold cross-validation on \(gold) (\(y.count) articles, l2 \(l2)):")
        print(score.summary())
        if showErrors {
            score.misclassified.forEach { print("  \($0)") }
            score.wrongSubtype.forEach { print("  subtype \($0)") }
        }
        var model = ConflictModel.fit(x, y, l2: l2)
        model.provenance = [
            "command": "textpipe train conflict --gold \(gold) --output \(output) --l2 \(l2) --folds \(folds)",
            "articles": "\(y.count) (\(y.filter { $0 }.count) positive)",
            "cross_validated": String(
                format: "%d-fold: precision %.3f recall %.3f F1 %.3f accuracy %.3f subtype accuracy %.3f", folds,
                score.precision, score.recall, score.f1, score.accuracy, score.subtypeAccuracy),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try (encoder.encode(model) + Data("\n".utf8)).write(to: URL(fileURLWithPath: output))
        print("weights (fitted on all \(y.count) articles):")
        for (name, weight) in zip(model.features, model.weights) {
            print("  " + name.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: " %+.3f", weight))
        }
        print("  " + "bias".padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: " %+.3f", model.bias))
        print("wrote \(output)")
    }
}
