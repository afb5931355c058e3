import Foundation
import Testing

@testable import Entities

/// The tagger's pieces on small fixtures that live in the repository.
@Suite struct TaggerTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tiny.conll").path

    @Test func tagSetSpansAreLenientLikeConlleval() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-MISC"].map { TagSet.tag(named: Substring($0)) }
        let spans = TagSet.spans(tags).map { "\($0.range.lowerBound)-\($0.range.upperBound):\(TagSet.types[$0.type])" }
        #expect(spans == ["0-2:PER", "3-4:LOC", "4-5:ORG", "5-6:ORG", "6-7:MISC"])
        #expect(!TagSet.allowed(TagSet.tag(named: "I-PER"), after: nil))
        #expect(!TagSet.allowed(TagSet.tag(named: "I-PER"), after: TagSet.tag(named: "B-ORG")))
        #expect(TagSet.allowed(TagSet.tag(named: "I-PER"), after: TagSet.tag(named: "B-PER")))
    }

    @Test func readsDocumentsAndReportsBadLines() throws {
        let documents = try CoNLLCorpus.read(path: Self.fixture)
        #expect(documents.count == 2)
        #expect(documents[0].sentences.count == 2)
        #expect(documents[1].sentences[0].map(\.token).prefix(2) == ["Tomas", "Verdi"])
        #expect(throws: CoNLLCorpus.FormatError.self) { try CoNLLCorpus.parse("Word B-PERSON\n", path: "bad.conll") }
        let error = #expect(throws: CoNLLCorpus.FormatError.self) {
            try CoNLLCorpus.parse("ok O\nlonely\n", path: "bad.conll")
        }
        #expect(error?.description == "bad.conll:2: error: expected 'token TAG', got 'lonely'")
    }

    @Test func readsIOB1AsIOB2() throws {
        let text =
            "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nJohn NNP I-NP B-PER\n"
        let documents = try CoNLLCorpus.parse(text)
        #expect(documents.count == 1)
        #expect(documents[0].tags.map(TagSet.name) == ["B-ORG", "O", "B-PER", "I-PER", "B-PER"])
    }

    @Test func recoversDocumentsFromDatelinesWithoutDocStart() throws {
        let text =
            "Headline O\n\nLONDON B-LOC\n1996-08-30 O\n\nBody O\n\nSecond O\n\nPARIS B-LOC\n1996-08-31 O\n\nMore O\n"
        let documents = try CoNLLCorpus.parse(text)
        #expect(documents.map(\.sentences.count) == [3, 3])
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

    @Test func spanScoreCountsExactSpans() {
        var score = SpanScore()
        let gold = ["B-PER", "I-PER", "O", "B-LOC"].map { TagSet.tag(named: Substring($0)) }
        let predicted = ["B-PER", "O", "O", "B-LOC"].map { TagSet.tag(named: Substring($0)) }
        score.add(predicted: predicted, gold: gold)
        let (p, r, f) = score.prf([0, 1, 2])
        #expect(p == 0.5 && r == 0.5 && f == 0.5)
    }

    @Test func trainsDeterministicallyAndRoundTripsTheModelFile() throws {
        let documents = try CoNLLCorpus.read(path: Self.fixture)
        var settings = PerceptronTrainer.Settings()
        settings.epochs = 5
        settings.bucketBits = 16
        func train() -> TaggerModel {
            PerceptronTrainer(settings: settings).train(
                train: documents, dev: documents, wordLists: ["[place]\nOslo"],
                casingTexts: ["the council met in oslo."]
            ) { _ in }
        }
        let bytes = ModelFile.encode(train())
        #expect(bytes == ModelFile.encode(train()), "training must be deterministic for a seed")
        let model = try ModelFile.decode(Data(bytes), path: "tiny.bin")
        #expect(ModelFile.encode(model) == bytes)
        // It learned its (tiny) training data.
        var score = SpanScore()
        for document in documents {
            let layout = document.layout()
            score.add(
                predicted: model.tag(layout.scalars, tokens: layout.tokens, sentences: layout.sentences),
                gold: document.tags)
        }
        #expect(score.prf([0, 1, 2, 3]).f1 == 1)
        #expect(throws: ModelFile.FormatError.self) { try ModelFile.decode(Data("not a model".utf8), path: "x.bin") }
        #expect(throws: ModelFile.FormatError.self) { try ModelFile.decode(Data(bytes.prefix(100)), path: "x.bin") }
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
