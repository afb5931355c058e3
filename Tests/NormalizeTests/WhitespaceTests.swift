import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct ControlCharacterTests {
    @Test func removesControlsAndInvisibles() throws {
        let input = "a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{80}f\u{9F}g\u{AD}h\u{200B}i\u{FEFF}j\u{2060}k"
        #expect(try normalized(input) == "abcdefghijk")
    }

    @Test func keepsJoiners() throws {
        let input = "می\u{200C}خواهم 👩\u{200D}💻"
        #expect(scalars(try normalized(input)) == scalars(input))
    }

    @Test(arguments: ["a\r\nb", "a\rb", "a\u{2028}b", "a\u{2029}b", "a\u{85}b", "a\u{0C}b", "a\u{0B}b"])
    func lineEndingsBecomeLineFeeds(input: String) throws {
        #expect(try normalized(input, options: "{ whitespace: keep }") == "a\nb")
        #expect(try normalized(input) == "a b")
    }

    @Test func crlfParagraphs() throws {
        #expect(try normalized("Title\r\n\r\nBody line one\r\nline two\r\n") == "Title\n\nBody line one line two")
    }
}

@Suite struct WhitespaceTests {
    @Test(arguments: [
        ("  lead and trail  ", "lead and trail"),
        ("tab\there", "tab here"),
        ("nbsp\u{A0}\u{A0}here", "nbsp here"),
        ("em\u{2003}thin\u{2009}narrow\u{202F}ideographic\u{3000}x", "em thin narrow ideographic x"),
        ("many     spaces", "many spaces"),
        ("hard\nwrapped\nlines", "hard wrapped lines"),
        ("para one\n\npara two", "para one\n\npara two"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("para one  \n \t \n  para two", "para one\n\npara two"),
        ("\n\n\nstart", "start"),
        ("end\n\n\n", "end"),
        ("", ""),
        (" \n\t ", ""),
    ])
    func collapses(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test func reutersIndentedParagraphs() throws {
        let input = """
            Showers continued throughout the week in
            the Bahia cocoa zone, alleviating the drought.
                The dry period means the temporao will be late this year.
                Arrivals for the week ended February 22 were 155,221 bags
            of 60 kilos.
            """
        #expect(
            try normalized(input) == """
                Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought.

                The dry period means the temporao will be late this year.

                Arrivals for the week ended February 22 were 155,221 bags of 60 kilos.
                """)
    }

    @Test func listItemsStayApart() throws {
        let input =
            "They give three reasons:\n\n- call centres are core, \n - they are worried,\n* and\n• they fear it.\nEnd"
        #expect(
            try normalized(input)
                == "They give three reasons:\n\n- call centres are core,\n\n- they are worried,\n\n* and\n\n• they fear it. End"
        )
        #expect(try normalized("a\n-b\n--c\n- d", options: "{ paragraph_breaks: false }") == "a -b --c - d")
        #expect(try normalized("a\n-b\n--c") == "a -b --c")
    }

    @Test func onParagraphALine() throws {
        // Scraped text: the headline on line 1, then one paragraph a line.
        let input = """
            Governorship primaries: Fresh crisis hits APC, factions boycott polls, threaten suits
            The All Progressives Congress governorship primaries held on Thursday deepened the crises in the party's state chapters.
            Two factions boycotted the polls.
            """
        #expect(
            try normalized(input) == """
                Governorship primaries: Fresh crisis hits APC, factions boycott polls, threaten suits

                The All Progressives Congress governorship primaries held on Thursday deepened the crises in the party's state chapters.

                Two factions boycotted the polls.
                """)
        #expect(try normalized(input, options: "{ paragraph_breaks: false }").split(separator: "\n").count == 1)
    }

    @Test func hardWrappedLinesJoinEvenAfterAShortFirstLine() throws {
        let input =
            "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary."
        #expect(
            try normalized(input)
                == "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January."
        )
    }

    @Test func indentationAloneIsNotAParagraph() throws {
        // Every wrapped line is indented the same: indentation says nothing.
        #expect(try normalized("  one\n  two\n  three") == "one two three")
    }

    @Test func paragraphBreaksFalse() throws {
        #expect(try normalized("a\n\nb\nc", options: "{ paragraph_breaks: false }") == "a b c")
    }

    @Test func keep() throws {
        let input = "  a\t b \n\n\n c\u{A0}d  "
        #expect(try normalized(input, options: "{ whitespace: keep }") == input)
        #expect(try normalized("a\r\n\r\nb", options: "{ whitespace: keep }") == "a\n\nb")
        #expect(try normalized("a\n\nb", options: "{ whitespace: keep, paragraph_breaks: false }") == "a  b")
    }

    @Test func titleIsOneLine() throws {
        #expect(try normalizedTitle("Gaza\n\nSettlements\nDrive  ") == "Gaza Settlements Drive")
        #expect(try normalizedTitle("a\nb", options: "{ whitespace: keep }") == "a b")
    }
}

@Suite struct QuoteTests {
    @Test func keptByDefault() throws {
        let input = "“Quoted” ‘single’ it’s — and – … ″"
        #expect(try normalized(input) == input)
    }

    @Test func ascii() throws {
        #expect(
            try normalized("“Quoted” ‘single’ it’s „low‟ «guillemets» 5′ 6″ wait…", options: "{ quotes: ascii }")
                == "\"Quoted\" 'single' it's \"low\" \"guillemets\" 5' 6\" wait...")
        #expect(try normalized("a — b – c", options: "{ quotes: ascii }") == "a — b – c")
    }

    @Test func dashes() throws {
        #expect(try normalized("a — b – c ‐ d − 1", options: "{ dashes: ascii }") == "a - b - c - d - 1")
        #expect(try normalized("“a” — b", options: "{ dashes: ascii }") == "“a” - b")
    }
}
