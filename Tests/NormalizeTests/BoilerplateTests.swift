import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct BoilerplateTests {
    private let on = "{ boilerplate: true }"

    @Test(arguments: [
        "Read More: Mutu faces ban", "READ MORE", "Read more »", "Also read: Budget 2005", "Related: Iraq vote",
        "RELATED", "See also - Chelsea", "Click here to subscribe", "Subscribe to our newsletter",
        "Follow us on Twitter and Facebook", "(Reporting by Jane Doe; Editing by John Smith)",
        "(Additional reporting by Jane Doe)", "Copyright 2005 Reuters. All rights reserved.",
        "© 2004 BBC. All Rights Reserved", "Share this article", "Share this article on Facebook",
        "Advertisement", "ADVERTISEMENT:",
    ])
    func removes(paragraph: String) throws {
        let text = "First paragraph.\n\n\(paragraph)\n\nLast paragraph."
        #expect(try normalized(text, options: on) == "First paragraph.\n\nLast paragraph.")
    }

    @Test(arguments: [
        "Related talks began on Monday.", "Read moreover the details.", "Subscribers to the service grew.",
        "Copyright lawyers said the ruling was wrong.", "Advertisement spending rose 5%.",
        "The fans said: read more books.", "Following us on the road were fans.",
    ])
    func keeps(paragraph: String) throws {
        let text = "First paragraph.\n\n\(paragraph)\n\nLast paragraph."
        #expect(try normalized(text, options: on) == text)
    }

    @Test func offByDefault() throws {
        let text = "News.\n\nRead more: other news"
        #expect(try normalized(text) == text)
    }

    @Test func firstAndLastParagraphs() throws {
        #expect(try normalized("Advertisement\n\nNews.\n\nRead more: x", options: on) == "News.")
        #expect(try normalized("Advertisement", options: on) == "")
    }

    @Test func wrappedBoilerplateParagraph() throws {
        let text = "News.\n\n(Reporting by Jane Doe;\nEditing by John Smith)"
        #expect(try normalized(text, options: on) == "News.")
    }

    @Test func lineInsideAParagraphIsNotAStart() throws {
        let text = "The company said holders could\nsubscribe to the new shares."
        #expect(try normalized(text, options: on) == "The company said holders could subscribe to the new shares.")
    }

    @Test func extraPatterns() throws {
        let options = "{ boilerplate: true, boilerplate_patterns: ['Sponsored:', 'Listen to this article'] }"
        let text = "News.\n\nsponsored: buy things\n\nListen to this article, 3 minutes\n\nMore news."
        #expect(try normalized(text, options: options) == "News.\n\nMore news.")
    }

    @Test func withoutParagraphBreaks() throws {
        let text = "News.\n\nRead more: other\n\nMore news."
        #expect(try normalized(text, options: "{ boilerplate: true, paragraph_breaks: false }") == "News. More news.")
    }

    @Test func keepWhitespace() throws {
        let text = "News.\n  \nRead more: other\n\n\nMore news."
        #expect(try normalized(text, options: "{ boilerplate: true, whitespace: keep }") == "News.\n  \nMore news.")
    }
}
