import Foundation

/// The stage's two learned classifiers over ``ConflictFeatures``: a
/// calibrated logistic regression for "does this article report intra-party
/// conflict", and a multinomial logistic regression for its subtype.
///
/// Trained by `textpipe train conflict`; the bundled weights are
/// `Resources/model.json`, which keeps every weight under its feature's name
/// (so a person can read why a sentence counts) and records the command that
/// made them with their cross-validated and held-out figures.
package struct ConflictModel: Codable, Sendable, Equatable {
    /// The subtype classifier: one weight vector and bias per subtype.
    package struct Subtypes: Codable, Sendable, Equatable {
        /// Subtype → feature name → weight.
        package var weights: [String: [String: Double]]
        /// Subtype → bias.
        package var bias: [String: Double]

        package init(weights: [String: [String: Double]], bias: [String: Double]) {
            self.weights = weights
            self.bias = bias
        }
    }

    /// Platt scaling of the binary classifier's logit, fitted on out-of-fold
    /// predictions, so `score` reads as a probability on articles not trained on.
    package struct Calibration: Codable, Sendable, Equatable {
        package var scale: Double
        package var offset: Double

        package init(scale: Double = 1, offset: Double = 0) {
            self.scale = scale
            self.offset = offset
        }
    }

    /// Feature name → weight of the binary classifier.
    package var weights: [String: Double]
    package var bias: Double
    package var calibration: Calibration
    package var subtypes: Subtypes
    /// How the weights were made: command, data, regularization, figures.
    package var provenance: [String: String]

    package init(
        weights: [String: Double], bias: Double, calibration: Calibration = .init(), subtypes: Subtypes,
        provenance: [String: String] = [:]
    ) {
        self.weights = weights
        self.bias = bias
        self.calibration = calibration
        self.subtypes = subtypes
        self.provenance = provenance
    }

    /// The problems that make a model unusable with this version of the stage, if any.
    package var mismatch: String? {
        let known = Set(ConflictFeatures.names)
        if let unknown = weights.keys.sorted().first(where: { !known.contains($0) }) {
            return "unknown feature '\(unknown)'"
        }
        if let missing = ConflictFeatures.names.first(where: { weights[$0] == nil }) {
            return "no weight for feature '\(missing)'"
        }
        let subtypeKnown = Set(ConflictFeatures.subtypeNames)
        for subtype in CueClass.subtypes {
            guard let row = subtypes.weights[subtype.rawValue], subtypes.bias[subtype.rawValue] != nil else {
                return "no weights for subtype '\(subtype.rawValue)'"
            }
            if let unknown = row.keys.sorted().first(where: { !subtypeKnown.contains($0) }) {
                return "unknown subtype feature '\(unknown)'"
            }
        }
        return nil
    }
}

/// A ``ConflictModel`` laid out as arrays in feature order, for scoring.
package struct DenseConflictModel: Sendable {
    let weights: [Double]
    let bias: Double
    let calibration: ConflictModel.Calibration
    /// By ``CueClass/subtypes`` order: weights over the subtype vector, and bias.
    let subtypeWeights: [[Double]]
    let subtypeBias: [Double]

    package init(_ model: ConflictModel) {
        weights = ConflictFeatures.names.map { model.weights[$0] ?? 0 }
        bias = model.bias
        calibration = model.calibration
        let names = ConflictFeatures.subtypeNames
        subtypeWeights = CueClass.subtypes.map { subtype in
            names.map { model.subtypes.weights[subtype.rawValue]?[$0] ?? 0 }
        }
        subtypeBias = CueClass.subtypes.map { model.subtypes.bias[$0.rawValue] ?? 0 }
    }

    /// The binary classifier's logit for an article vector.
    package func logit(_ x: [Double]) -> Double {
        var z = bias
        for (w, v) in zip(weights, x) { z += w * v }
        return z
    }

    /// The calibrated probability for a logit.
    func probability(logit z: Double) -> Double {
        1 / (1 + exp(-(calibration.scale * z + calibration.offset)))
    }

    /// The logit a sentence would give as the whole article: its own features
    /// plus the article-level ones, so sentences compare on one scale.
    func sentenceLogit(_ features: [(Int, Double)], articleVector x: [Double]) -> Double {
        var z = bias
        for (k, value) in features { z += weights[k] * value }
        for k in ConflictFeatures.sentenceCount..<x.count { z += weights[k] * x[k] }
        return z
    }

    /// Subtypes with their probabilities, most probable first (ties in README order).
    func subtypes(_ vector: [Double]) -> [(subtype: CueClass, probability: Double)] {
        let logits = zip(subtypeWeights, subtypeBias).map { row, b in zip(row, vector).reduce(b) { $0 + $1.0 * $1.1 } }
        let probabilities = Softmax.probabilities(logits)
        return zip(CueClass.subtypes, probabilities).enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map { ($0.element.0, $0.element.1) }
    }
}

/// Softmax without overflow.
package enum Softmax {
    package static func probabilities(_ logits: [Double]) -> [Double] {
        let top = logits.max() ?? 0
        let exps = logits.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}

extension ConflictModel {
    /// A model with every weight zero: a 0.5 score for every article, for
    /// building a stage that only analyses (training) before any fit exists.
    package static var untrained: ConflictModel {
        let names = ConflictFeatures.subtypeNames
        let row = Dictionary(uniqueKeysWithValues: names.map { ($0, 0.0) })
        return ConflictModel(
            weights: Dictionary(uniqueKeysWithValues: ConflictFeatures.names.map { ($0, 0.0) }), bias: 0,
            subtypes: Subtypes(
                weights: Dictionary(uniqueKeysWithValues: CueClass.subtypes.map { ($0.rawValue, row) }),
                bias: Dictionary(uniqueKeysWithValues: CueClass.subtypes.map { ($0.rawValue, 0.0) })))
    }
}
