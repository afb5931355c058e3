import Foundation
import Testing

@testable import Entities

/// The tagger's pieces on small inputs written here.
@Suite struct TaggerTests {
    @Test func tagSetSpansAreLenientLikeConlleval() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-MISC"].map { TagSet.tag(named: Substring($0)) }
        let spans = TagSet.spans(tags).map { "\($0.range.lowerBound)-\($0.range.upperBound):\(TagSet.types[$0.type])" }
        #expect(spans == ["0-2:PER", "3-4:LOC", "4-5:ORG", "5-6:ORG", "6-7:MISC"])
        #expect(!TagSet.allowed(TagSet.tag(named: "I-PER"), after: nil))
        #expect(!TagSet.allowed(TagSet.tag(named: "I-PER"), after: TagSet.tag(named: "B-ORG")))
        #expect(TagSet.allowed(TagSet.tag(named: "I-PER"), after: TagSet.tag(named: "B-PER")))
    }

    @Test func lowerCaseWordsAreInertUnlessTheyJoinNames() {
        let layout = TextLayout(
            "The Bank of England said on Monday that the Ministry of the Interior and “its” staff left.")
        let extractor = FeatureExtractor(lexicon: Lexicon(), bucketBits: 10)
        let facts = extractor.facts(layout.scalars, tokens: layout.tokens, sentences: layout.sentences)
        let inert = layout.tokens.indices.filter { facts[$0].inert }.map { layout.text(layout.tokens[$0]) }
        // "of" and "the" inside names are scored; "and" between a name and
        // "its" is not, nor are quotes or ordinary lower-case words.
        #expect(inert == ["said", "on", "that", "the", "and", "“", "its", "”", "staff", "left"])
    }

    @Test func inertTokensAreOutsideInViterbi() {
        // Emissions that prefer B-PER everywhere; token 1 is held to O.
        let count = TagSet.count
        var emissions = [Float](repeating: 0, count: 3 * count)
        for k in 0..<3 { emissions[k * count + 1] = 5 }
        let transitions = Viterbi.constrained([Float](repeating: 0, count: (count + 1) * count))
        var tags: [Int] = []
        var scratch = Viterbi.Scratch()
        emissions.withUnsafeBufferPointer { emissions in
            [false, true, false].withUnsafeBufferPointer { outside in
                Viterbi.decode(
                    emissions, n: 3, transitions: transitions, outside: outside, into: &tags, scratch: &scratch)
            }
        }
        #expect(tags == [1, TagSet.outside, 1])
    }

    @Test func bundledModelLoadsQuicklyAndIsSmall() throws {
        let data = try EntitiesResources.data("model.bin")
        #expect(data.count <= 20 * 1024 * 1024)
        let started = Date()
        _ = try ModelFile.decode(data, path: "model.bin")
        // 50 ms is the budget for release builds (measured in the README); debug builds are slower.
        #expect(Date().timeIntervalSince(started) < 2)
    }
}
