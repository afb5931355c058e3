import Testing

@testable import SummarizeEvaluation

/// ROUGE against numbers worked out by hand and checked with rouge-score 0.1.2.
@Suite struct RougeTests {
    let scorer = RougeScorer()

    func rounded(_ score: RougeScore) -> [Double] {
        [score.precision, score.recall, score.f1].map { ($0 * 1e6).rounded() / 1e6 }
    }

    @Test func oneWordDifferent() {
        // 5 of 6 words; bigrams: the cat, on the, the mat = 3 of 5; LCS "the cat on the mat" = 5.
        let scores = scorer.score(reference: "The cat sat on the mat.", candidate: "The cat lay on the mat.")
        #expect(rounded(scores.rouge1) == [0.833333, 0.833333, 0.833333])
        #expect(rounded(scores.rouge2) == [0.6, 0.6, 0.6])
        #expect(rounded(scores.rougeL) == [0.833333, 0.833333, 0.833333])
    }

    @Test func sentencesGluedWithoutSpacesAndOutOfOrder() {
        let scores = scorer.score(
            reference: "Profits rose 5% to $11.1bn.Shares fell sharply.",
            candidate: "Shares fell sharply. Profits rose 5% to $11.1bn.")
        #expect(
            scorer.tokens("Profits rose 5% to $11.1bn.Shares fell sharply.")
                == ["profit", "rose", "5", "to", "11", "1bn", "share", "fell", "sharpli"])
        #expect(rounded(scores.rouge1) == [1, 1, 1])
        #expect(rounded(scores.rouge2) == [0.875, 0.875, 0.875])
        #expect(rounded(scores.rougeL) == [0.666667, 0.666667, 0.666667])
    }

    @Test func stemmingOnlyWordsLongerThanThreeLetters() {
        let scores = scorer.score(
            reference: "Running companies reported growing profits.",
            candidate: "The company runs and reports profit growth.")
        #expect(rounded(scores.rouge1) == [0.571429, 0.8, 0.666667])
        #expect(rounded(scores.rouge2) == [0, 0, 0])
        #expect(rounded(scores.rougeL) == [0.428571, 0.6, 0.5])
        #expect(scorer.tokens("ran runs sees") == ["ran", "run", "see"])
    }

    @Test func pythonLowerCaseMapping() {
        // str.lower turns İ into "i" + a combining dot, and the Kelvin sign into "k"; é is not a-z.
        #expect(scorer.tokens("\u{130}stanbul's caf\u{E9} \u{212A}elvin") == ["i", "stanbul", "s", "caf", "kelvin"])
    }

    @Test func emptyTextsScoreZero() {
        let scores = scorer.score(reference: "", candidate: "anything")
        #expect(scores.rouge1.f1 == 0 && scores.rouge2.f1 == 0 && scores.rougeL.f1 == 0)
    }

    /// Words and their stems from NLTK 3.10's `PorterStemmer()`.
    static let nltkStems: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("skies", "sky"), ("relational", "relat"),
        ("conditional", "condit"), ("rational", "ration"), ("valenci", "valenc"), ("hesitanci", "hesit"),
        ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"),
        ("vileli", "vile"), ("analogousli", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"),
        ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"),
        ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"), ("sensibiliti", "sensibl"),
        ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"), ("revival", "reviv"),
        ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"), ("gyroscopic", "gyroscop"),
        ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"), ("replacement", "replac"),
        ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"), ("homologou", "homolog"),
        ("communism", "commun"), ("activate", "activ"), ("angulariti", "angular"), ("homologous", "homolog"),
        ("effective", "effect"), ("bowdlerize", "bowdler"), ("probate", "probat"), ("rate", "rate"),
        ("cease", "ceas"), ("controll", "control"), ("roll", "roll"), ("dying", "die"), ("lying", "lie"),
        ("tying", "tie"), ("news", "news"), ("innings", "inning"), ("inning", "inning"), ("outings", "outing"),
        ("canning", "canning"), ("howe", "howe"), ("proceed", "proceed"), ("exceed", "exceed"),
        ("succeed", "succeed"), ("generously", "gener"), ("flies", "fli"), ("cried", "cri"), ("spied", "spi"),
        ("dies", "die"), ("died", "die"), ("tied", "tie"), ("fully", "fulli"), ("hopefully", "hope"),
        ("theology", "theolog"), ("apology", "apolog"), ("analogi", "analog"), ("syzygy", "syzygi"), ("toy", "toy"),
        ("yyyy", "yyyi"), ("crying", "cri"), ("played", "play"), ("1990s", "1990"), ("2004", "2004"), ("3bn", "3bn"),
        ("11bn", "11bn"), ("profits", "profit"), ("said", "said"), ("shares", "share"), ("markets", "market"),
        ("analysts", "analyst"), ("economy", "economi"), ("growth", "growth"), ("government", "govern"),
        ("companies", "compani"), ("running", "run"), ("ran", "ran"), ("united", "unit"), ("kingdom", "kingdom"),
        ("elections", "elect"), ("election", "elect"), ("reported", "report"), ("reporting", "report"),
        ("happiness", "happi"), ("agreement", "agreement"), ("owed", "owe"), ("owing", "owe"), ("oed", "o"),
        ("eed", "eed"), ("ied", "i"), ("ies", "i"), ("sees", "see"), ("bleed", "bleed"), ("feeds", "feed"),
        ("meeting", "meet"),
    ]

    @Test func porterStemmerMatchesNLTK() {
        for (word, stem) in Self.nltkStems {
            #expect(PorterStemmer.stem(word) == stem, "\(word)")
        }
    }
}

/// Counting a reference's sentences by finding the article's sentences in it.
@Suite struct ReferenceSummaryTests {
    let sentences = ["Profits rose 5%.", "Shares fell.", "The firm said it was happy.", "It was happy."]

    @Test func gluedAndOutOfOrder() {
        let match = ReferenceSummary(reference: "Shares fell.Profits rose 5%.", sentences: sentences)
        #expect(match.matched == [0, 1])
        #expect(match.sentenceCount == 2)
        #expect(match.unmatchedCharacters == 0)
    }

    @Test func aShortSentenceInsideALongerOneIsNotCountedTwice() {
        let match = ReferenceSummary(reference: "The firm said it was happy.", sentences: sentences)
        #expect(match.matched == [2])
    }

    @Test func theShortSentenceCountsWhenItIsThereOnItsOwn() {
        let match = ReferenceSummary(reference: "It was happy.The firm said it was happy.", sentences: sentences)
        #expect(match.matched == [2, 3])
    }

    @Test func whiteSpaceDifferencesAndLeftovers() {
        let match = ReferenceSummary(reference: "Shares\n fell. Not in the article.", sentences: sentences)
        #expect(match.matched == [1])
        #expect(match.unmatchedCharacters == "Notinthearticle.".count)
    }
}
