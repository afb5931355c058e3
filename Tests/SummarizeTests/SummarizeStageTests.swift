import Testing
import Textpipe
import TextpipeTestKit

@testable import Summarize

/// The stage's behaviour through the harness, as a pipeline would run it.
@Suite struct SummarizeStageTests {
    /// The summary and indices the stage wrote.
    func summarize(_ document: Document, options: String? = nil) throws -> (summary: String, indices: [Int]) {
        let result = try StageHarness(SummarizeStage.self, options: options).run(document)
        #expect(result.disposition == .keep)
        return (
            try #require(try result.document.value("summary", as: String.self)),
            try #require(try result.document.value("summary_sentences", as: [Int].self))
        )
    }

    func summarize(text: String, title: String? = nil, options: String? = nil) throws -> (
        summary: String, indices: [Int]
    ) {
        try summarize(Document(id: "test", text: text, title: title), options: options)
    }

    /// The article's sentences as the stage sees them.
    func sentences(_ text: String) -> [String] {
        let scalars = ScalarText(text)
        return SentenceSplitter.sentences(in: text).map {
            scalars.slice($0.start, $0.end).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    @Test func examplesPass() {
        #expect(exampleFailures(of: StageType(SummarizeStage.self)) == [])
    }

    @Test func picksThreeSentencesInArticleOrderByDefault() throws {
        let (summary, indices) = try summarize(text: Fixtures.harbour, title: Fixtures.harbourTitle)
        #expect(indices.count == 3)
        #expect(indices == indices.sorted())
        let all = sentences(Fixtures.harbour)
        #expect(summary == indices.map { all[$0] }.joined(separator: " "))
        // The harbour budget is what the article is about.
        #expect(indices.contains(0))
    }

    @Test func sentencesOption() throws {
        #expect(try summarize(text: Fixtures.harbour, options: "{ sentences: 1 }").indices.count == 1)
        #expect(try summarize(text: Fixtures.harbour, options: "{ sentences: 50 }").indices == Array(0..<7))
    }

    @Test func ratioRoundsUpAndCountsEverySentence() throws {
        // 7 sentences: 0.4 × 7 = 2.8 → 3; 0.5 × 7 = 3.5 → 4; a tiny ratio still gives 1.
        #expect(try summarize(text: Fixtures.harbour, options: "{ ratio: 0.4 }").indices.count == 3)
        #expect(try summarize(text: Fixtures.harbour, options: "{ ratio: 0.5 }").indices.count == 4)
        #expect(try summarize(text: Fixtures.harbour, options: "{ ratio: 0.01 }").indices.count == 1)
        // 0.4 × 15 is 6.000000000000001 in floating point; it must stay 6.
        let fifteen = (1...15).map { "Sentence number \($0) is about the harbour." }.joined(separator: " ")
        #expect(try summarize(text: fifteen, options: "{ ratio: 0.4 }").indices.count == 6)
    }

    @Test func integerFieldOverridesTheOptions() throws {
        var document = Document(id: "a", text: Fixtures.harbour)
        document.setField("summary_sentences", JSONFragment(trustedBytes: Array("2".utf8)))
        #expect(try summarize(document, options: "{ sentences: 5 }").indices.count == 2)
        #expect(try summarize(document, options: "{ ratio: 1.0 }").indices.count == 2)
    }

    @Test func zeroAsksForAnEmptySummary() throws {
        var document = Document(id: "a", text: Fixtures.harbour)
        document.setField("summary_sentences", JSONFragment(trustedBytes: Array("0".utf8)))
        #expect(try summarize(document) == ("", []))
    }

    @Test func anArrayFromAnEarlierRunIsNotAnOverride() throws {
        var document = Document(id: "a", text: Fixtures.harbour)
        document.setField("summary_sentences", JSONFragment(trustedBytes: Array("[0,1,2,3,4,5]".utf8)))
        #expect(try summarize(document).indices.count == 3)
    }

    @Test(arguments: [#""two""#, "-1", "2.5", "true", #"{"n":2}"#])
    func aMalformedOverrideIsAnErrorForThatDocument(_ json: String) throws {
        var document = Document(id: "a", text: Fixtures.harbour)
        document.setField("summary_sentences", JSONFragment(trustedBytes: Array(json.utf8)))
        #expect(throws: StageError.self) { try StageHarness(SummarizeStage.self).run(document) }
    }

    @Test(arguments: [
        "{ sentences: 2, ratio: 0.5 }", "{ sentences: 0 }", "{ ratio: 0 }", "{ ratio: 1.5 }", "{ max_chars: -1 }",
    ])
    func invalidOptionsAreRejected(_ options: String) {
        #expect(throws: StageError.self) { try StageHarness(SummarizeStage.self, options: options) }
    }

    @Test func veryShortArticle() throws {
        #expect(try summarize(text: "Rain.") == ("Rain.", [0]))
        #expect(try summarize(text: "") == ("", []))
        #expect(try summarize(text: "  \n\n ") == ("", []))
        #expect(try summarize(text: "— * —") == ("", []))
    }

    @Test func oneSentenceArticle() throws {
        let text = "The Valmora council approved the harbour budget on Monday."
        #expect(try summarize(text: text) == (text, [0]))
    }

    @Test func quotesAndAbbreviationsStayInsideTheirSentences() throws {
        let all = sentences(Fixtures.quotesAndAbbreviations)
        #expect(all.count == 6)
        #expect(all[0].hasPrefix("Mr. Sattar met Dr. Siddiqui at the U.S. consulate on Jan. 5"))
        #expect(all[1] == "\"We will not split the party,\" Mr. Sattar said.")
        let (summary, indices) = try summarize(text: Fixtures.quotesAndAbbreviations)
        #expect(summary == indices.map { all[$0] }.joined(separator: " "))
        #expect(summary.filter { $0 == "\"" }.count % 2 == 0)
    }

    @Test(arguments: [Fixtures.french, Fixtures.urdu, Fixtures.chinese])
    func nonEnglishText(_ text: String) throws {
        let all = sentences(text)
        #expect(all.count >= 3)
        let (summary, indices) = try summarize(text: text, options: "{ sentences: 2 }")
        #expect(indices.count == 2)
        #expect(indices == indices.sorted())
        #expect(summary == indices.map { all[$0] }.joined(separator: " "))
    }

    @Test func theTitleIsNeverASummarySentence() throws {
        // A JSON input that repeats its title as the first line of the text.
        let text = Fixtures.harbourTitle + "\n\n" + Fixtures.harbour
        let (summary, indices) = try summarize(text: text, title: Fixtures.harbourTitle, options: "{ sentences: 7 }")
        #expect(!indices.contains(0))
        #expect(indices.count == 7)
        #expect(!summary.contains(Fixtures.harbourTitle))
    }

    @Test func whiteSpaceInsideASentenceIsCollapsed() throws {
        #expect(try summarize(text: "The  harbour\nbudget\tpassed.").summary == "The harbour budget passed.")
    }

    @Test func usesTheSentencesAnnotationWhenPresent() throws {
        // An earlier stage split differently: one span for the first two sentences.
        let text = "One short line. Two short lines. Three lines about the harbour budget."
        var document = Document(id: "a", text: text)
        document.setSentences([TextSpan(start: 0, end: 32), TextSpan(start: 33, end: 70)])
        let (summary, indices) = try summarize(document, options: "{ sentences: 1 }")
        #expect(indices.count == 1 && indices[0] < 2)
        #expect(
            summary == (indices[0] == 0 ? "One short line. Two short lines." : "Three lines about the harbour budget."))

        document.setSentences([TextSpan(start: 0, end: 500)])
        #expect(throws: StageError.self) { try StageHarness(SummarizeStage.self).run(document) }
    }

    /// The split the entities stage shares is the one this stage makes itself,
    /// so reading it changes no summary.
    @Test(arguments: [Fixtures.harbour, "Mr. Khan arrived.\n\nHe said \"no.\" U.S. officials agreed! Why? Because."])
    func aSharedSplitGivesTheSameSummary(text: String) throws {
        var shared = Document(id: "a", text: text)
        shared.shareSentences(SentenceSplitter.sentences(in: text))
        #expect(
            try summarize(shared, options: "{ sentences: 2 }") == summarize(text: text, options: "{ sentences: 2 }"))
    }

    /// Likewise the tokens it shares.
    @Test(arguments: [Fixtures.harbour, "Mr. Khan arrived.\n\nHe said \"no.\" U.S. officials agreed! Why? Because."])
    func sharedTokensGiveTheSameSummary(text: String) throws {
        var shared = Document(id: "a", text: text)
        let scalars = ScalarText(text)
        shared.shareTokens(TokenizedText(text: scalars, tokens: Tokenizer.tokens(in: scalars)))
        #expect(
            try summarize(shared, options: "{ sentences: 2 }") == summarize(text: text, options: "{ sentences: 2 }"))
    }

    @Test func aMalformedSentencesFieldIsAnErrorThatNamesIt() throws {
        let document = try TestDocuments.document(json: #"{"text": "One. Two.", "sentences": [{"start": 0}]}"#)
        let error = #expect(throws: DocumentError.self) { try StageHarness(SummarizeStage.self).run(document) }
        #expect(error?.description == "field 'sentences' is malformed: element 0: missing 'end'")
    }

    @Test func maxCharsSkipsSentencesThatDoNotFit() throws {
        let (summary, indices) = try summarize(text: Fixtures.harbour, options: "{ sentences: 3, max_chars: 120 }")
        #expect(summary.count <= 120)
        #expect(!indices.isEmpty)
        #expect(!summary.hasSuffix("…"))
    }

    @Test func maxCharsCutsTheBestSentenceWhenNothingFits() throws {
        let (summary, indices) = try summarize(text: Fixtures.harbour, options: "{ sentences: 2, max_chars: 30 }")
        #expect(indices.count == 1)
        #expect(summary.count <= 30)
        #expect(summary.hasSuffix("…"))
        #expect(!summary.dropLast().hasSuffix(" "))
    }

    @Test func sameOutputEveryRun() throws {
        let first = try summarize(text: Fixtures.harbour)
        for _ in 0..<5 { #expect(try summarize(text: Fixtures.harbour) == first) }
    }
}

/// The ranking itself.
@Suite struct SentenceRankerTests {
    func scores(_ text: String, ranker: SentenceRanker = SentenceRanker()) -> [Double] {
        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokens(in: scalars)
        return ranker.scores(
            text: scalars, tokens: tokens, sentences: SentenceSplitter.ranges(in: scalars, tokens: tokens))
    }

    @Test func theSentenceSharingMostWordsWins() {
        let s = scores("Harbour budget passed. Harbour cranes arrive. Budget cranes cost money. Weather was fine.")
        #expect(s.count == 4)
        #expect(abs(s.reduce(0, +) - 1) < 1e-9)
        #expect(s[3] < s[0] && s[3] < s[1] && s[3] < s[2])
    }

    @Test func possessivesAreTermsOfTheirOwn() {
        // "Germany's" and "Germany’s" are one term, different from "Germany".
        let s = scores("Germany's team won. Germany’s fans sang. Germany lost before. Rain fell.")
        #expect(s[0] == s[1])
    }

    @Test func longArticlesFallBackToLinearDegreeCentrality() {
        let text = (0..<400).map { "Sentence \($0) mentions the harbour budget and item \($0 % 7)." }.joined(
            separator: " ")
        let fast = scores(text)
        #expect(fast.count == 400)
        #expect(abs(fast.reduce(0, +) - 1) < 1e-9)
        // Degree centrality computed the linear way equals the pairwise sum.
        var graph = SentenceRanker()
        graph.maxGraphSentences = 1000
        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokens(in: scalars)
        let bags = WordBags(
            text: scalars, tokens: tokens, sentences: SentenceSplitter.ranges(in: scalars, tokens: tokens))
        let matrix = graph.similarities(bags)
        let degree = (0..<400).map { i in (0..<400).reduce(0.0) { $0 + matrix[i * 400 + $1] } }
        let total = degree.reduce(0, +)
        for i in 0..<400 { #expect(abs(fast[i] - degree[i] / total) < 1e-9) }
    }
}
