import Foundation
import Gazetteer
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

    /// A loaded model's tables are indexed straight from the file's entries; the
    /// index must answer as one built from a `Dictionary` of them, a key written
    /// twice keeping its later value and zero a key like any other.
    @Test func aHashIndexOfEntriesAnswersAsOneOfADictionary() {
        var state: UInt64 = 17
        func next() -> UInt64 {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            return FeatureHash.mix(state, 0)
        }
        var entries = (0..<5000).map { i in (key: next(), value: UInt16(truncatingIfNeeded: i)) }
        entries.append((entries[10].key, 9999))
        entries.append((0, 7))
        var dictionary: [UInt64: UInt16] = [:]
        for entry in entries { dictionary[entry.key] = entry.value }
        let fromEntries = HashIndex(count: entries.count, empty: 0) { entries[$0] }
        let fromDictionary = HashIndex(dictionary, empty: 0)
        #expect(fromEntries.count == dictionary.count)
        #expect(dictionary.allSatisfy { fromEntries[$0.key] == $0.value && fromDictionary[$0.key] == $0.value })
        #expect(fromEntries[entries[10].key] == 9999)
        let absent = (0..<5000).map { _ in next() }
        #expect(absent.allSatisfy { fromEntries[$0] == nil && fromDictionary[$0] == nil })
    }

    /// The bundled model's lexicon stays in its file's bytes; read back it must
    /// be what the tagger's indexes hold, and write the same file again.
    @Test func theBundledModelsLexiconReadsBackAsItsFile() throws {
        let data = try EntitiesResources.data("model.bin")
        let model = try ModelFile.decode(data, path: "model.bin")
        let lexicon = model.lexicon
        #expect(lexicon.phrases.count > 10_000 && lexicon.casing.count > 10_000 && lexicon.clusters.count > 10_000)
        #expect(lexicon.phrases.allSatisfy { model.extractor.phrases[$0.key] == $0.value })
        #expect(lexicon.casing.allSatisfy { model.extractor.casing[$0.key] == $0.value })
        #expect(lexicon.clusters.allSatisfy { model.extractor.clusters[$0.key] == $0.value })
        #expect(model.extractor.longestPhrase == lexicon.longestPhrase)
        #expect(ModelFile.encode(model) == [UInt8](data))
    }

    /// A file cut short in its lexicon is reported where reading it entry by
    /// entry stops: at the first key or value that does not fit before the cut.
    @Test func aModelCutShortInItsLexiconSaysWhere() throws {
        let data = try EntitiesResources.data("model.bin")
        for cut in [data.count - 1, data.count - 5, data.count - 400_000, data.count - 1_000_003] {
            let error = #expect(throws: ModelFile.FormatError.self) {
                try ModelFile.decode(data.prefix(cut), path: "cut.bin")
            }
            let at = error.flatMap { Int($0.message.split(separator: " ").last ?? "") } ?? -1
            #expect((cut - 7)...cut ~= at, "cut at \(cut), reported \(error?.message ?? "nothing")")
        }
    }
}
