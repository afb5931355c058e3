import Foundation
import Testing
import Textpipe
import TextpipeEvalKit

@testable import Entities
@testable import EntitiesEvaluation

/// Reading CoNLL data, scoring spans and training the tagger, on a small
/// fixture that lives in the repository.
@Suite struct TrainingTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tiny.conll").path

    @Test func readsDocumentsAndReportsBadLines() throws {
        let documents = try CoNLLCorpus.read(path: Self.fixture)
        #expect(documents.count == 2)
        #expect(documents[0].sentences.count == 2)
        #expect(documents[1].sentences[0].map(\.token).prefix(2) == ["Tomas", "Verdi"])
        #expect(throws: GoldFileError.self) { try CoNLLCorpus.parse("Word B-PERSON\n", path: "bad.conll") }
        let error = #expect(throws: GoldFileError.self) {
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

    @Test func documentsBecomeTextWithTheirSentencesJoinedAsAsked() throws {
        let documents = try CoNLLCorpus.parse("Riverton O\n1996-08-30 O\n\nMarlo B-PER\nHale I-PER\nwon O\n")
        let (text, tokens) = documents[0].text(sentenceSeparator: "\n\n")
        #expect(text == "Riverton 1996-08-30\n\nMarlo Hale won")
        #expect(tokens == [0..<8, 9..<19, 21..<26, 27..<31, 32..<35])
        #expect(documents[0].text(sentenceSeparator: " ").text == "Riverton 1996-08-30 Marlo Hale won")
    }

    @Test func entitiesAreScoredOverTheTokensTheyTouch() {
        // "Bergamo-based Marlo Hale won": one gold token for "Bergamo-based".
        let tokens = [0..<13, 14..<19, 20..<24, 25..<28]
        func entity(_ label: EntityLabel, _ start: Int, _ end: Int) -> Entity {
            Entity(text: "", label: label, start: start, end: end)
        }
        let tags = EvalEntitiesCommand.tags(
            of: [entity(.person, 14, 24), entity(.location, 0, 7), entity(.organization, 20, 28)], tokens: tokens)
        // "Bergamo" widens to its token; the ORG overlapping the person is dropped.
        #expect(tags.map(TagSet.name) == ["B-LOC", "B-PER", "I-PER", "O"])
    }

    @Test func spanScoreCountsExactSpans() {
        var score = SpanScore()
        let gold = ["B-PER", "I-PER", "O", "B-LOC"].map { TagSet.tag(named: Substring($0)) }
        let predicted = ["B-PER", "O", "O", "B-LOC"].map { TagSet.tag(named: Substring($0)) }
        score.add(predicted: predicted, gold: gold)
        let micro = score.prf([0, 1, 2])
        #expect(micro == PrecisionRecall(correct: 1, predicted: 2, gold: 2))
        #expect(micro.precision == 0.5 && micro.recall == 0.5 && micro.f1 == 0.5)
    }

    @Test func spanErrorsNameHowEachSpanIsWrong() {
        let words = ["Rovan", "Hale", "of", "Marlo", "City", "beat", "Tessa", "United", "in", "Kell"]
        let gold = ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-LOC"]
        let predicted = ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-PER", "I-PER", "B-ORG", "O"]
        var errors = SpanErrors()
        errors.add(
            predicted: predicted.map { TagSet.tag(named: Substring($0)) },
            gold: gold.map { TagSet.tag(named: Substring($0)) }
        ) { words[$0].joined(separator: " ") }
        #expect(
            errors.counts == [
                "wrong boundary ORG (as LOC)": 1, "wrong type ORG → PER": 1, "missed LOC": 1, "spurious ORG": 1,
            ])
        #expect(errors.examples["wrong boundary ORG (as LOC)"] == ["Marlo City → [Marlo]"])
        #expect(errors.examples["missed LOC"] == ["Kell"])
        let report = errors.report(top: 2).split(separator: "\n")
        #expect(report.count == 3)
        #expect(report[0] == "errors: 4 spans; the 2 most frequent patterns")
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
}
