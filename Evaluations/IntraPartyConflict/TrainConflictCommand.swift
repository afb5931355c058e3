import ArgumentParser
import Foundation
import IntraPartyConflict
import Textpipe
import TextpipeEvalKit

/// `textpipe train conflict`: fit the intra-party-conflict classifiers.
package struct TrainConflictCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "conflict",
        abstract: "Fit the intra-party-conflict classifiers (article, calibration, subtype) on labelled news.",
        discussion: """
            Runs normalize → entities on each labelled article, as conflict-watch does, and computes the \
            stage's named features. Prints stratified k-fold cross-validation on --train (each fold's model \
            judges only articles it was not fitted on), then fits on all of --train, calibrates the score \
            by Platt scaling on the cross-validated logits, and scores --dev, which it never fits on: \
            precision, recall, F1, subtype accuracy with per-subtype figures and confusion, party accuracy, \
            Brier score and a reliability table. --final train+dev refits the written weights on both \
            files with the same settings once the figures are taken. Deterministic for --seed.
            """)

    @Option(help: "Labelled JSON Lines to fit on: id, text, label, subtype, parties.")
    var train: String

    @Option(help: "Held-out labelled JSON Lines to report on (never fitted on unless --final train+dev).")
    var dev: String?

    @Option(help: "Where to write the weights (JSON).")
    var output: String

    @Option(help: "L2 regularization of the article classifier.")
    var l2 = 0.01

    @Option(help: "L2 regularization of the subtype classifier.")
    var subtypeL2 = 0.02

    @Option(help: "Cross-validation folds.")
    var folds = 5

    @Option(help: "Seed of the fold assignment.")
    var seed = 1

    @Option(help: "What the written weights are fitted on: 'train' or 'train+dev'.")
    var final = "train"

    @Flag(help: "List the articles cross-validation and dev got wrong.")
    var showErrors = false

    package init() {}

    package func validate() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        guard l2 >= 0, subtypeL2 >= 0 else { throw ValidationError("--l2 and --subtype-l2 must not be negative") }
        guard ["train", "train+dev"].contains(final) else {
            throw ValidationError("--final is 'train' or 'train+dev', not '\(final)'")
        }
        guard final == "train" || dev != nil else { throw ValidationError("--final train+dev needs --dev") }
    }

    package func run() throws {
        let settings = ConflictTrainer.Settings(l2: l2, subtypeL2: subtypeL2)
        let analyzer = try ConflictAnalyzer.bundled()
        let trainData = try GoldFile.reporting { try ConflictGold(path: train) }
        // Read before cross-validation, so a broken dev file is reported at once, not after the folds.
        let devData = try dev.map { path in try GoldFile.reporting { try ConflictGold(path: path) } }
        let trainExamples = try trainData.items.map {
            ConflictTrainer.Example(article: try analyzer.analyze($0.document), label: $0.label, subtype: $0.subtype)
        }
        let (cvScore, calibration) = try crossValidate(trainData, trainExamples, settings: settings)
        print("\(folds)-fold cross-validation on \(train) (\(trainExamples.count) articles, seed \(seed)):")
        print(cvScore.summary())
        print(cvScore.subtypeTable())
        if showErrors {
            (cvScore.misclassified + cvScore.wrongSubtype + cvScore.wrongParty).forEach { print("  \($0)") }
        }

        var model = ConflictTrainer.fit(trainExamples, settings: settings, calibration: calibration)
        var devLine = "-"
        if let dev, let devData {
            let stage = try IntraPartyConflictStage(model: model)
            var score = ConflictScore()
            for item in devData.items { score.add(item, try stage.report(for: item.document)) }
            print("held out: \(dev) (\(devData.items.count) articles), fitted on \(train) only:")
            print(score.summary())
            print(score.subtypeTable())
            print(score.reliability())
            if showErrors { (score.misclassified + score.wrongSubtype + score.wrongParty).forEach { print("  \($0)") } }
            devLine = score.line()
            if final == "train+dev" {
                let all = trainData.items + devData.items
                let examples =
                    trainExamples
                    + (try devData.items.map {
                        ConflictTrainer.Example(
                            article: try analyzer.analyze($0.document), label: $0.label, subtype: $0.subtype)
                    })
                let (_, both) = try crossValidate(ConflictGold(items: all), examples, settings: settings)
                model = ConflictTrainer.fit(examples, settings: settings, calibration: both)
            }
        }
        model.provenance = [
            "command": "textpipe train conflict --train \(train)" + (dev.map { " --dev \($0)" } ?? "")
                + " --output \(output) --l2 \(l2) --subtype-l2 \(subtypeL2) --folds \(folds) --seed \(seed)"
                + " --final \(final)",
            "fitted_on": final == "train" ? train : "\(train) + \(dev ?? "")",
            "train_cross_validated": "\(folds)-fold: " + cvScore.line(),
            "dev_fitted_on_train_only": devLine,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try (encoder.encode(model) + Data("\n".utf8)).write(to: URL(fileURLWithPath: output))
        print("strongest article weights:")
        for (name, weight) in model.weights.sorted(by: {
            abs($0.value) != abs($1.value) ? abs($0.value) > abs($1.value) : $0.key < $1.key
        }).prefix(20) {
            print("  " + name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: " %+.3f", weight))
        }
        print(
            String(
                format: "  bias %+.3f, calibration scale %.3f offset %+.3f", model.bias, model.calibration.scale,
                model.calibration.offset))
        print("wrote \(output)")
    }

    /// Out-of-fold predictions on `examples` and the Platt calibration fitted on their logits.
    private func crossValidate(
        _ data: ConflictGold, _ examples: [ConflictTrainer.Example], settings: ConflictTrainer.Settings
    ) throws -> (ConflictScore, ConflictModel.Calibration) {
        let fold = Self.folds(labels: examples.map(\.label), count: folds, seed: UInt64(seed))
        var logits = [Double](repeating: 0, count: examples.count)
        var models: [ConflictModel] = []
        for f in 0..<folds {
            let model = ConflictTrainer.fit(
                examples.indices.filter { fold[$0] != f }.map { examples[$0] }, settings: settings)
            for i in examples.indices where fold[i] == f {
                logits[i] = ConflictTrainer.logit(model, examples[i].article)
            }
            models.append(model)
        }
        let calibration = ConflictTrainer.calibration(logits: logits, labels: examples.map(\.label))
        var score = ConflictScore()
        for f in 0..<folds {
            var model = models[f]
            model.calibration = calibration
            let stage = try IntraPartyConflictStage(model: model)
            for i in examples.indices where fold[i] == f {
                score.add(data.items[i], stage.report(for: examples[i].article))
            }
        }
        return (score, calibration)
    }

    /// Stratified folds: each label's articles shuffled by `seed` (SplitMix64), then dealt round-robin.
    static func folds(labels: [Bool], count: Int, seed: UInt64) -> [Int] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var fold = [Int](repeating: 0, count: labels.count)
        for value in [false, true] {
            var members = labels.indices.filter { labels[$0] == value }
            for i in stride(from: members.count - 1, to: 0, by: -1) {
                members.swapAt(i, Int(next() % UInt64(i + 1)))
            }
            for (k, i) in members.enumerated() { fold[i] = k % count }
        }
        return fold
    }
}
