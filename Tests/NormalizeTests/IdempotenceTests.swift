import Foundation
import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct IdempotenceTests {
    static let inputs: [String] = [
        "he isn #39;t under  quot;pressure quot; for the  #36;10 million",
        #"A second\team\\of \$5 rocketeers"#,
        "Gaza &lt;b&gt;...&lt;/b&gt; and &amp;amp;lt; and <TXN.N> and <S> <B>x</B>",
        "Standard Oil\nInc said.\n    BP North America\nPlc &lt;BP>.\n\n Reuter\n&#3;",
        "itâ€™s cafÃƒÂ© Ð¿Ñ€Ð¸",
        "Cafe\u{301} ﬁne x\u{A8}y \u{2000}\u{2001} \u{37E} ① ｈ",
        "  lots\t of\u{A0}\u{2003}space \r\n\r\n\r\n next\u{2028}line\u{200B}  ",
        "“quotes” — dashes – … ″",
        "کراچی: متحدہ قومی موومنٹ پاکستان 中华人民共和国 Ελληνικά",
        "Read more: x\n\nNews.\n\nAdvertisement\n\n(Reporting by X;\nEditing by Y)",
        "a &lt; b &gt; c <p>para</p><br>",
        "\\\\\\ \\ trailing\\",
    ]

    static let optionSets: [String?] = [
        nil, "{ form: nfkc }", "{ whitespace: keep }", "{ quotes: ascii, dashes: ascii }",
        "{ boilerplate: true }", "{ paragraph_breaks: false, boilerplate: true }", "{ form: none, html: false }",
    ]

    @Test(arguments: optionSets)
    func normalizingTwiceChangesNothing(options: String?) throws {
        for input in Self.inputs {
            let once = try normalized(input, options: options)
            let twice = try normalized(once, options: options)
            #expect(scalars(twice) == scalars(once), "\(input.debugDescription) with \(options ?? "defaults")")
            let title = try normalizedTitle(input, options: options) ?? ""
            #expect(scalars(try normalizedTitle(title, options: options) ?? "") == scalars(title))
        }
    }

    @Test(.enabled(if: SharedData.isPresent, "needs ../shared/data (BBC articles)"))
    func everyBBCArticle() throws {
        let harness = try StageHarness(NormalizeStage.self)
        let files = try SharedData.bbcArticles()
        #expect(files.count > 2000)
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            var document = Document(id: file.lastPathComponent, text: String(decoding: bytes, as: UTF8.self))
            if String(validating: bytes, as: UTF8.self) == nil { document.undecodedText = bytes }
            let once = try harness.run(document).document
            let twice = try harness.run(once).document
            #expect(scalars(twice.text) == scalars(once.text), "\(file.path)")
            #expect(!once.text.contains("\u{FFFD}"), "\(file.path)")
            // Paragraphs are separated by blank lines in the files: each non-blank line stays a paragraph.
            let lines =
                once.text.isEmpty
                ? 0 : document.text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
            #expect(once.text.components(separatedBy: "\n\n").count == lines, "\(file.path)")
        }
    }
}
