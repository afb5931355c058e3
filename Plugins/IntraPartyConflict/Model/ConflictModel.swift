import Foundation

/// A logistic regression over ``ConflictFeatures``: the probability that an
/// article reports intra-party conflict.
///
/// Trained by `textpipe train conflict`; the bundled weights are
/// `Resources/model.json`, which also records the command that made them and
/// their cross-validated figures.
public struct ConflictModel: Codable, Sendable, Equatable {
    /// Feature names, so a model trained on other features is rejected.
    public var features: [String]
    public var weights: [Double]
    public var bias: Double
    /// How the weights were made: command, data, regularization, cross-validated figures.
    public var provenance: [String: String]

    public init(features: [String], weights: [Double], bias: Double, provenance: [String: String] = [:]) {
        self.features = features
        self.weights = weights
        self.bias = bias
        self.provenance = provenance
    }

    /// The probability of intra-party conflict for a feature vector.
    public func probability(_ x: [Double]) -> Double {
        var z = bias
        for (w, v) in zip(weights, x) { z += w * v }
        return 1 / (1 + exp(-z))
    }

    /// Fits weights by projected gradient descent on the L2-regularized log
    /// loss, each weight held to its sign in ``ConflictFeatures/signs``.
    ///
    /// Deterministic: full-batch steps from zero, so the same data always gives the same model.
    public static func fit(
        _ x: [[Double]], _ y: [Bool], l2: Double, iterations: Int = 4000, rate: Double = 0.5
    ) -> ConflictModel {
        let n = Double(max(x.count, 1))
        let d = ConflictFeatures.names.count
        var w = [Double](repeating: 0, count: d)
        var b = 0.0
        for _ in 0..<iterations {
            var gw = [Double](repeating: 0, count: d)
            var gb = 0.0
            for (row, label) in zip(x, y) {
                var z = b
                for j in 0..<d { z += w[j] * row[j] }
                let error = 1 / (1 + exp(-z)) - (label ? 1 : 0)
                for j in 0..<d { gw[j] += error * row[j] }
                gb += error
            }
            for j in 0..<d {
                w[j] -= rate * (gw[j] / n + l2 * w[j])
                if w[j] * ConflictFeatures.signs[j] < 0 { w[j] = 0 }
            }
            b -= rate * gb / n
        }
        return ConflictModel(features: ConflictFeatures.names, weights: w, bias: b)
    }
}
