import Testing

@testable import Textpipe

@Suite struct TokenizerTests {
    func words(_ text: String) -> [String] { Tokenizer.tokens(in: text).map(\.text) }

    @Test func keepsHyphenatedNamesAndAbbreviations() {
        #expect(
            words("MQM-P leader Dr. Khalid met Kilroy-Silk in the U.S. on Jan. 5.")
                == [
                    "MQM-P", "leader", "Dr.", "Khalid", "met", "Kilroy-Silk", "in", "the", "U.S.", "on", "Jan.", "5",
                    ".",
                ])
    }

    @Test func keepsNumbersWhole() {
        #expect(
            words("a £15.8m fee, 1,000 fans at 12:30; lists 3,4") == [
                "a", "£", "15.8m", "fee", ",", "1,000", "fans", "at", "12:30", ";", "lists", "3", ",", "4",
            ])
    }

    @Test func splitsCliticsButNotNames() {
        #expect(
            words("Germany's coach doesn't know O'Brien they're") == [
                "Germany", "'s", "coach", "does", "n't", "know", "O'Brien", "they", "'re",
            ])
        #expect(words("MQM’s central committee") == ["MQM", "’s", "central", "committee"])
    }

    @Test func splitsANameFromItsRelationWord() {
        #expect(
            words("the Thackeray-led Sena, a Karachi-based firm, 25-year-old MQM-P") == [
                "the", "Thackeray", "-", "led", "Sena", ",", "a", "Karachi", "-", "based", "firm", ",", "25-year-old",
                "MQM-P",
            ])
        #expect(words("well-led Kilroy-Silk") == ["well-led", "Kilroy-Silk"])
    }

    @Test func keepsWebAddressesWhole() {
        #expect(
            words("Amazon.com and bbc.co.uk, said 3news.com. It ended.Then") == [
                "Amazon.com", "and", "bbc.co.uk", ",", "said", "3news.com", ".", "It", "ended", ".", "Then",
            ])
        #expect(words("the file name.swift stays") == ["the", "file", "name", ".", "swift", "stays"])
    }

    @Test func initialsAndQuotes() {
        #expect(words("J. K. Rowling said: \"No.\"") == ["J.", "K.", "Rowling", "said", ":", "\"", "No", ".", "\""])
        #expect(words("wait... -- ok") == ["wait", "...", "--", "ok"])
    }

    @Test func offsetsAreUnicodeScalars() {
        let text = "Café “Zürich” 👍🏽 naïve"
        let scalars = Array(text.unicodeScalars)
        for token in Tokenizer.tokens(in: text) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.start..<token.end])
            #expect(String(view) == token.text)
        }
        #expect(Tokenizer.tokens(in: text).first { $0.text == "naïve" }?.start == 17)
    }

    @Test func nonLatinScripts() {
        #expect(words("ایم کیو ایم پاکستان") == ["ایم", "کیو", "ایم", "پاکستان"])
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.sentences(in: text).map { span in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
    }

    @Test func splitsOnTerminalPunctuation() {
        #expect(
            sentences("Workers stormed the office. Slogans were raised! Was anyone hurt? Nobody knows.")
                == ["Workers stormed the office.", "Slogans were raised!", "Was anyone hurt?", "Nobody knows."])
    }

    @Test func titlesAndInitialsDoNotEndSentences() {
        #expect(
            sentences("Mr. Sattar met Dr. Siddiqui. J. K. Rowling wrote it.")
                == ["Mr. Sattar met Dr. Siddiqui.", "J. K. Rowling wrote it."])
    }

    @Test func ambiguousAbbreviations() {
        #expect(
            sentences("He moved to the U.S. The move was sudden.") == ["He moved to the U.S.", "The move was sudden."])
        #expect(sentences("He met U.S. President Bush.") == ["He met U.S. President Bush."])
        #expect(
            sentences("Shares of Acme Inc. rose 5%. Analysts were surprised.")
                == ["Shares of Acme Inc. rose 5%.", "Analysts were surprised."])
    }

    @Test func quotesCloseTheirSentence() {
        #expect(
            sentences("“We will act,” he said. “The party is united.” It was not.")
                == ["“We will act,” he said.", "“The party is united.”", "It was not."])
    }

    @Test func straightQuoteAfterASpaceOpensTheNextSentence() {
        #expect(
            sentences("Growth was weak. \"We expected more,\" he said. \"It will pick up.\" Shares fell.")
                == ["Growth was weak.", "\"We expected more,\" he said.", "\"It will pick up.\"", "Shares fell."])
        #expect(sentences("He left. 'Goodbye,' she said.") == ["He left.", "'Goodbye,' she said."])
    }

    @Test func blankLinesEndSentences() {
        #expect(
            sentences("Read More: MQM denies rumours\n\nLast year, it denied them.")
                == ["Read More: MQM denies rumours", "Last year, it denied them."])
    }

    @Test func rowsOfATableOrListEachEndALine() {
        #expect(
            sentences("Results on Saturday :\nWigan 42 Bradford Bulls 36\nLeeds 12 Halifax 10")
                == ["Results on Saturday :", "Wigan 42 Bradford Bulls 36", "Leeds 12 Halifax 10"])
    }

    @Test func aHeadlineOnItsOwnLineEndsBeforeTheBody() {
        #expect(
            sentences(
                "Security worries end a Valmora party convention\nRIVERTON -- The Valmora Renewal Front cut its "
                    + "convention short on Sunday after delegates from two factions came to blows over the rules.")
                == [
                    "Security worries end a Valmora party convention",
                    "RIVERTON -- The Valmora Renewal Front cut its convention short on Sunday after delegates "
                        + "from two factions came to blows over the rules.",
                ])
    }

    @Test func wrappedProseIsOneSentenceEvenAfterAShortFirstLine() {
        // Wrapped at about 60 scalars; the first line is short, as a newswire body's is
        // once its dateline has been taken off, and the next word would have fitted.
        let text = [
            "Coastal Harvest Co and Northland Trading",
            "Inc said they plan to form a venture to manage the money",
            "market borrowing and investment activities of both",
            "companies, and that Valmora regulators had been told of",
            "the plan, which would start in the second quarter.",
        ].joined(separator: "\n")
        #expect(sentences(text) == [text])
    }

    @Test func aNameIsNotCutAtALineBreak() {
        #expect(
            sentences("The talks were led by Deputy Minister Paolo\nBrandt of the Valmora Renewal Front.")
                == ["The talks were led by Deputy Minister Paolo\nBrandt of the Valmora Renewal Front."])
    }

    @Test func decimalsAndLowercaseContinuations() {
        #expect(
            sentences("Growth was 2.5 per cent. e.g. in March it fell.") == [
                "Growth was 2.5 per cent. e.g. in March it fell."
            ])
    }

    @Test func otherScripts() {
        #expect(sentences("这是第一句。这是第二句。") == ["这是第一句。", "这是第二句。"])
        #expect(sentences("یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔") == ["یہ پہلا جملہ ہے۔", "یہ دوسرا ہے۔"])
    }

    @Test func emptyAndSingleSentence() {
        #expect(sentences("") == [])
        #expect(sentences("No final period") == ["No final period"])
    }
}

@Suite struct TokenSpanTests {
    @Test func spansMapToTheTokensWhollyInsideThemInAnyOrder() {
        // "Aé b. C d." — tokens at scalar offsets, é counting as one.
        let text = ScalarText("Aé b. C d.")
        let tokens = Tokenizer.tokens(in: text)
        #expect(tokens.map(\.text) == ["Aé", "b", ".", "C", "d", "."])
        let second = TextSpan(start: 6, end: 10)
        let first = TextSpan(start: 0, end: 5)
        #expect(tokens.indices(inside: [second, first]) == [3..<6, 0..<3])
        // A span inside one token, or past the end, holds no token.
        #expect(tokens.indices(inside: [TextSpan(start: 1, end: 2), TextSpan(start: 20, end: 30)]) == [1..<1, 6..<6])
    }
}
