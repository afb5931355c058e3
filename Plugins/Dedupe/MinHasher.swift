import CDedupeKernels
import Foundation

/// MinHash signatures: for each of `permutations` seeded hash functions, the
/// smallest value it takes over an article's shingles.
///
/// Function `i` is multiply-add-shift, `hᵢ(x) = (aᵢ·x + bᵢ) mod 2⁶⁴ >> 32`,
/// with `aᵢ` odd and `aᵢ`, `bᵢ` drawn from SplitMix64 seeded with `seed`, so
/// the same seed gives the same signatures on every machine and run. The
/// probability that two articles share the minimum of `hᵢ` is their shingle
/// Jaccard similarity, which is what the stage estimates.
///
/// On a CPU with AVX-512 (F and DQ) a C kernel computes eight functions per
/// instruction (5× faster on this project's machines); elsewhere, or with
/// `TEXTPIPE_DEDUPE_PORTABLE=1` in the environment, a portable Swift loop does.
/// Both compute the same integers, so decisions never depend on the CPU.
struct MinHasher: Sendable {
    let permutations: Int
    /// Whether the AVX-512 kernel is in use.
    let usesSIMD: Bool
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    init(permutations: Int, seed: UInt64, allowSIMD: Bool = true) {
        precondition(permutations > 0 && permutations.isMultiple(of: 2), "permutations must be a positive even number")
        self.permutations = permutations
        var random = SplitMix64(seed: seed ^ 0x4d49_4e48_4153_4821)
        var multipliers: [UInt64] = []
        var increments: [UInt64] = []
        for _ in 0..<permutations {
            multipliers.append(random.next() | 1)
            increments.append(random.next())
        }
        self.multipliers = multipliers
        self.increments = increments
        usesSIMD =
            allowSIMD && permutations.isMultiple(of: 8) && dedupe_has_avx512() != 0
            && ProcessInfo.processInfo.environment["TEXTPIPE_DEDUPE_PORTABLE"] != "1"
    }

    /// Writes the signature of `shingles` (which must not be empty) to `signature`.
    ///
    /// Two functions and two shingles per step: four independent running
    /// minima keep the multiplier busy (1.6× faster than one function and one
    /// shingle at a time, measured on 400-shingle articles).
    func signature(of shingles: UnsafeBufferPointer<UInt64>, into signature: UnsafeMutableBufferPointer<UInt32>) {
        precondition(signature.count == permutations, "signature buffer has the wrong size")
        if usesSIMD {
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: permutations) { minima in
                dedupe_minhash_avx512(
                    shingles.baseAddress, shingles.count, multipliers, increments, minima.baseAddress, permutations)
                for i in 0..<permutations { signature[i] = UInt32(truncatingIfNeeded: minima[i] >> 32) }
            }
            return
        }
        let count = shingles.count
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                var i = 0
                while i < permutations {
                    let a0 = a[i], b0 = b[i], a1 = a[i + 1], b1 = b[i + 1]
                    var m00 = UInt64.max, m01 = UInt64.max, m10 = UInt64.max, m11 = UInt64.max
                    var j = 0
                    while j + 2 <= count {
                        let x0 = shingles[j], x1 = shingles[j + 1]
                        m00 = min(m00, a0 &* x0 &+ b0)
                        m01 = min(m01, a0 &* x1 &+ b0)
                        m10 = min(m10, a1 &* x0 &+ b1)
                        m11 = min(m11, a1 &* x1 &+ b1)
                        j += 2
                    }
                    if j < count {
                        m00 = min(m00, a0 &* shingles[j] &+ b0)
                        m10 = min(m10, a1 &* shingles[j] &+ b1)
                    }
                    // The minimum of the top halves is the top half of the minimum.
                    signature[i] = UInt32(truncatingIfNeeded: min(m00, m01) >> 32)
                    signature[i + 1] = UInt32(truncatingIfNeeded: min(m10, m11) >> 32)
                    i += 2
                }
            }
        }
    }
}
