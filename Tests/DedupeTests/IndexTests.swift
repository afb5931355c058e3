import Foundation
import Testing

@testable import Dedupe

/// The index's memory, banding, estimator and hashing.
@Suite struct IndexTests {
    @Test func bandingForTheDefaultThreshold() {
        let banding = LSHBanding(threshold: 0.8, permutations: 128)
        #expect(banding == LSHBanding(bands: 7, rows: 2))
        #expect(banding.candidateProbability(0.8) >= 0.999)
        #expect(banding.candidateProbability(0.1) < 0.1)
    }

    @Test(arguments: [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0])
    func bandingFitsThePermutations(threshold: Double) {
        let banding = LSHBanding(threshold: threshold, permutations: 128)
        #expect(banding.bands * banding.rows <= 128)
        #expect(banding.candidateProbability(threshold) >= (threshold >= 0.5 ? 0.999 : 0.9))
    }

    /// The goal is at most 200 bytes per article beyond the ids.
    @Test func indexStaysUnder200BytesPerArticle() {
        let fingerprinter = Fingerprinter(shingleSize: 5, permutations: 128, seed: 1, nearThreshold: 0.8)
        var index = NearDuplicateIndex(
            permutations: 128, banding: fingerprinter.banding, threshold: 0.8, keepsIDs: true)
        var random = SplitMix64(seed: 42)
        let articles = 50_000
        for n in 0..<articles {
            let values = (0..<128).map { _ in UInt16(truncatingIfNeeded: random.next()) }
            index.insert(fingerprinter.fingerprint(exactKey: random.next(), values: values), id: "article-\(n)")
        }
        let perArticle = Double(index.indexBytes) / Double(articles)
        #expect(perArticle <= 200, "\(perArticle) bytes per article")
        #expect(Double(index.idBytes) / Double(articles) < 40)
        #expect(index.id(at: 31_337) == "article-31337")
    }

    @Test func estimateIsCloseToTheTrueJaccard() {
        // Many pairs at Jaccard 0.9 and 0.5: the mean estimate is close, as b-bit MinHash promises.
        let fingerprinter = Fingerprinter(shingleSize: 5, permutations: 128, seed: 1, nearThreshold: 0.8)
        var scratch = Fingerprinter.Scratch()
        for (overlap, expected) in [(2, 0.9), (10, 0.5)] {
            var total = 0.0
            let trials = 40
            for trial in 0..<trials {
                let base = Fixtures.words(overlap == 2 ? 194 : 154, offset: 50_000 + 1_000 * trial)
                let positions = overlap == 2 ? [60, 130] : Array(stride(from: 7, through: 133, by: 14))
                let a = fingerprinter.fingerprint([Fixtures.text(base)], scratch: &scratch)
                let b = fingerprinter.fingerprint(
                    [Fixtures.text(Fixtures.edited(base, at: positions))], scratch: &scratch)
                let differing = a.nibbles.withUnsafeBytes { x in
                    b.nibbles.withUnsafeBytes { y in NearDuplicateIndex.differingNibbles(x, y) }
                }
                total += NearDuplicateIndex.estimate(differing: differing, of: 128)
            }
            #expect(
                abs(total / Double(trials) - expected) < 0.02, "mean estimate at \(expected): \(total / Double(trials))"
            )
        }
    }

    @Test func differingNibblesCountsFourBitValues() {
        let a: [UInt8] = [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x11]
        let b: [UInt8] = [0x12, 0x44, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0x0F, 0x21]
        let differing = a.withUnsafeBytes { x in b.withUnsafeBytes { y in NearDuplicateIndex.differingNibbles(x, y) } }
        #expect(differing == 4)
    }

    @Test func simdAndPortableMinHashAgree() {
        let simd = MinHasher(permutations: 128, seed: 9)
        let portable = MinHasher(permutations: 128, seed: 9, allowSIMD: false)
        var random = SplitMix64(seed: 3)
        for count in [1, 2, 3, 17, 400] {
            let shingles = (0..<count).map { _ in random.next() }
            var a = [UInt32](repeating: 0, count: 128)
            var b = [UInt32](repeating: 0, count: 128)
            shingles.withUnsafeBufferPointer { s in
                a.withUnsafeMutableBufferPointer { simd.signature(of: s, into: $0) }
                b.withUnsafeMutableBufferPointer { portable.signature(of: s, into: $0) }
            }
            #expect(a == b)
        }
    }

    @Test func minHashIsTheMinimumOfEachFunction() {
        let hasher = MinHasher(permutations: 16, seed: 5, allowSIMD: false)
        let shingles: [UInt64] = [3, 1 << 40, 12_345_678_901]
        var signature = [UInt32](repeating: 0, count: 16)
        shingles.withUnsafeBufferPointer { s in
            signature.withUnsafeMutableBufferPointer { hasher.signature(of: s, into: $0) }
        }
        var random = SplitMix64(seed: 5 ^ 0x4d49_4e48_4153_4821)
        for i in 0..<16 {
            let a = random.next() | 1
            let b = random.next()
            #expect(signature[i] == shingles.map { UInt32(truncatingIfNeeded: (a &* $0 &+ b) >> 32) }.min())
        }
    }

    @Test func hashingIsStableAcrossVersions() {
        // The state file stores these hashes: a change here breaks existing state files.
        #expect(Hash64.hash("", seed: 1) == 0x7ece_bfec_96a5_21cb)
        #expect(Hash64.hash("textpipe", seed: 1) == 0xb8a9_c618_2dea_d726)
    }
}
