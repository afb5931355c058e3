import Foundation

/// How a signature is cut into LSH bands: `bands` bands of `rows` values each.
///
/// Two articles become candidates when all the values of at least one band
/// agree, which happens with probability `1 − (1 − Jʳ)ᵇ` for Jaccard `J`. The
/// stage verifies every candidate with the whole signature, so banding only
/// has to miss few true pairs: it takes the fewest bands (the least memory)
/// for which a pair exactly at the threshold becomes a candidate with
/// probability at least 0.999, with at least two rows per band so that
/// unrelated articles share a band key only by a 1-in-2³² accident.
struct LSHBanding: Sendable, Equatable, CustomStringConvertible {
    let bands: Int
    let rows: Int

    /// The chance that a pair at the threshold is never a candidate, at most.
    static let missProbability = 0.001

    init(bands: Int, rows: Int) {
        self.bands = bands
        self.rows = rows
    }

    /// Bands and rows for `threshold` with `permutations` values per signature.
    init(threshold: Double, permutations: Int) {
        precondition(threshold > 0 && threshold <= 1 && permutations >= 2, "banding needs a threshold in (0, 1]")
        var best: LSHBanding?
        for rows in 2...min(permutations, 32) {
            let agree = pow(threshold, Double(rows))
            let needed = agree >= 1 ? 1 : (log(Self.missProbability) / log1p(-agree)).rounded(.up)
            guard needed.isFinite, needed >= 1, needed * Double(rows) <= Double(permutations) else { continue }
            let bands = Int(needed)
            if best.map({ bands <= $0.bands }) ?? true { best = LSHBanding(bands: bands, rows: rows) }
        }
        if let best {
            self = best
            return
        }
        // A threshold so low that no banding reaches the target: take the most likely one.
        var fallback = LSHBanding(bands: permutations, rows: 1)
        for rows in 1...min(permutations, 32) {
            let candidate = LSHBanding(bands: permutations / rows, rows: rows)
            if candidate.candidateProbability(threshold) > fallback.candidateProbability(threshold) {
                fallback = candidate
            }
        }
        self = fallback
    }

    /// The probability that a pair with Jaccard `jaccard` shares at least one band.
    func candidateProbability(_ jaccard: Double) -> Double {
        1 - pow(1 - pow(jaccard, Double(rows)), Double(bands))
    }

    var description: String { "\(bands) bands × \(rows) rows" }
}
