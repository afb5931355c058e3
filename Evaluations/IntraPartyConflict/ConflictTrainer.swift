import Foundation
import IntraPartyConflict

/// Fits ``ConflictModel``'s classifiers: L2-regularized logistic and softmax
/// regression by full-batch gradient descent from zero, so the same data
/// always gives the same weights (no sampling, no seed needed), and Platt
/// scaling on held-out logits.
package enum ConflictTrainer {
    /// Settings of a fit.
    package struct Settings: Sendable, Equatable {
        /// L2 strength of the binary classifier (per article, not on the bias).
        package var l2: Double
        /// L2 strength of the subtype classifier.
        package var subtypeL2: Double
        /// Whether each subtype's articles weigh alike in the subtype fit (each article
        /// n / (classes × its subtype's count)). Train has 29 discipline positives of
        /// 140 and at most 20 of any other subtype, so an unweighted fit leans to
        /// discipline: at --subtype-l2 0.02 it named discipline for 105 cross-validated
        /// true positives, 35 of them wrongly (seeds 1-3 together), subtype accuracy
        /// 0.690 (mean of seeds 1-3); balanced, 91 with 23 wrong, 0.714.
        package var balancedSubtypes: Bool
        /// Gradient steps.
        package var iterations: Int

        package init(
            l2: Double = 0.01, subtypeL2: Double = 0.02, balancedSubtypes: Bool = true, iterations: Int = 3000
        ) {
            self.l2 = l2
            self.subtypeL2 = subtypeL2
            self.balancedSubtypes = balancedSubtypes
            self.iterations = iterations
        }
    }

    /// One labelled article, analysed.
    package struct Example: Sendable {
        package var article: ArticleAnalysis
        package var label: Bool
        /// The gold subtype of a positive.
        package var subtype: String?

        package init(article: ArticleAnalysis, label: Bool, subtype: String?) {
            self.article = article
            self.label = label
            self.subtype = subtype
        }
    }

    /// Fits both classifiers on `examples`, with `calibration` for the binary one.
    package static func fit(
        _ examples: [Example], settings: Settings, calibration: ConflictModel.Calibration = .init()
    ) -> ConflictModel {
        let x = examples.map { ConflictFeatures.vector($0.article) }
        let (w, b) = logistic(x, examples.map(\.label), l2: settings.l2, iterations: settings.iterations)
        var weights: [String: Double] = [:]
        for (name, value) in zip(ConflictFeatures.names, w) { weights[name] = value }
        let positives = examples.indices.filter { examples[$0].label }
        // Sentence scores from the article classifier just fitted, uncalibrated (as
        // ConflictJudgement gives them to the subtype classifier), weigh the subtype cues.
        let binary = DenseConflictModel(
            ConflictModel(weights: weights, bias: b, subtypes: ConflictModel.untrained.subtypes))
        let subtypeX = positives.map { i in
            ConflictFeatures.subtypeVector(
                examples[i].article,
                sentenceScores: ConflictJudgement(article: examples[i].article, model: binary).rawSentenceScores)
        }
        let subtypeY = positives.map { i in
            CueClass.subtypes.firstIndex { $0.rawValue == examples[i].subtype } ?? 0
        }
        let (sw, sb) = softmax(
            subtypeX, subtypeY, classes: CueClass.subtypes.count, l2: settings.subtypeL2,
            balanced: settings.balancedSubtypes, iterations: settings.iterations)
        let names = ConflictFeatures.subtypeNames
        var subtypeWeights: [String: [String: Double]] = [:]
        var subtypeBias: [String: Double] = [:]
        for (k, subtype) in CueClass.subtypes.enumerated() {
            var row: [String: Double] = [:]
            for (name, value) in zip(names, sw[k]) { row[name] = value }
            subtypeWeights[subtype.rawValue] = row
            subtypeBias[subtype.rawValue] = sb[k]
        }
        return ConflictModel(
            weights: weights, bias: b, calibration: calibration,
            subtypes: .init(weights: subtypeWeights, bias: subtypeBias))
    }

    /// The raw (uncalibrated) logit of an article under `model`.
    package static func logit(_ model: ConflictModel, _ article: ArticleAnalysis) -> Double {
        DenseConflictModel(model).logit(ConflictFeatures.vector(article))
    }

    /// Binary logistic regression: weights and bias.
    static func logistic(_ x: [[Double]], _ y: [Bool], l2: Double, iterations: Int) -> ([Double], Double) {
        let d = x.first?.count ?? 0
        let n = Double(max(x.count, 1))
        var w = [Double](repeating: 0, count: d)
        var b = 0.0
        // Features lie in 0…~2.5, so a step of 0.5 is stable for the averaged gradient.
        let rate = 0.5
        var gw = [Double](repeating: 0, count: d)
        for _ in 0..<iterations {
            for j in 0..<d { gw[j] = 0 }
            var gb = 0.0
            for (row, label) in zip(x, y) {
                var z = b
                for j in 0..<d where row[j] != 0 { z += w[j] * row[j] }
                let error = 1 / (1 + exp(-z)) - (label ? 1 : 0)
                for j in 0..<d where row[j] != 0 { gw[j] += error * row[j] }
                gb += error
            }
            for j in 0..<d { w[j] -= rate * (gw[j] / n + l2 * w[j]) }
            b -= rate * gb / n
        }
        return (w, b)
    }

    /// Multinomial logistic regression: one weight row and bias per class;
    /// `balanced` weighs each example n / (classes × its class's count).
    static func softmax(_ x: [[Double]], _ y: [Int], classes: Int, l2: Double, balanced: Bool = false, iterations: Int)
        -> ([[Double]], [Double])
    {
        let d = x.first?.count ?? 0
        let n = Double(max(x.count, 1))
        var counts = [Double](repeating: 0, count: classes)
        for label in y { counts[label] += 1 }
        let weight = y.map { balanced ? n / (Double(classes) * counts[$0]) : 1 }
        var w = [[Double]](repeating: [Double](repeating: 0, count: d), count: classes)
        var b = [Double](repeating: 0, count: classes)
        let rate = 0.5
        for _ in 0..<iterations {
            var gw = [[Double]](repeating: [Double](repeating: 0, count: d), count: classes)
            var gb = [Double](repeating: 0, count: classes)
            for ((row, label), weight) in zip(zip(x, y), weight) {
                let logits = (0..<classes).map { c in
                    var z = b[c]
                    for j in 0..<d where row[j] != 0 { z += w[c][j] * row[j] }
                    return z
                }
                let p = Softmax.probabilities(logits)
                for c in 0..<classes {
                    let error = weight * (p[c] - (c == label ? 1 : 0))
                    for j in 0..<d where row[j] != 0 { gw[c][j] += error * row[j] }
                    gb[c] += error
                }
            }
            for c in 0..<classes {
                for j in 0..<d { w[c][j] -= rate * (gw[c][j] / n + l2 * w[c][j]) }
                b[c] -= rate * gb[c] / n
            }
        }
        return (w, b)
    }

    /// Platt scaling: the scale and offset that best turn held-out logits into
    /// probabilities (Newton's method on the two parameters; logits reach ±10,
    /// too steep for a fixed gradient step).
    package static func calibration(logits: [Double], labels: [Bool]) -> ConflictModel.Calibration {
        var a = 1.0
        var b = 0.0
        for _ in 0..<50 {
            var (ga, gb, haa, hab, hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6)
            for (z, label) in zip(logits, labels) {
                let p = 1 / (1 + exp(-(a * z + b)))
                let error = p - (label ? 1 : 0)
                let curvature = p * (1 - p)
                ga += error * z
                gb += error
                haa += curvature * z * z
                hab += curvature * z
                hbb += curvature
            }
            let det = haa * hbb - hab * hab
            guard det > 1e-12 else { break }
            let da = (hbb * ga - hab * gb) / det
            let db = (haa * gb - hab * ga) / det
            a -= da
            b -= db
            if abs(da) + abs(db) < 1e-10 { break }
        }
        return ConflictModel.Calibration(scale: a, offset: b)
    }
}
