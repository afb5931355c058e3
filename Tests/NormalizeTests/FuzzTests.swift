import Normalize
import Testing
import Textpipe
import TextpipeTestKit

/// Seeded random text built from the pieces the stage treats specially: it
/// must never crash, never write invalid text, and normalizing twice must
/// change nothing.
@Suite struct FuzzTests {
    static let pieces: [String] = [
        "a", "b", "Word", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{A0}", "\u{2003}", "\u{200B}", "\u{AD}",
        "&", "&amp;", "&lt;", "&gt;", "&#39;", "&#x2019;", "&#146;", "&nbsp;", "&eacute;", "#", "#39;", " #36;",
        " quot;", "amp;", ";", "<", ">", "<b>", "</b>", "<p>", "<br/>", "<A HREF=\"x\">", "<S>", "<!--", "-->",
        "\\", "\\\\", "\\$", "Ã", "©", "â€™", "Â", "é", "e\u{301}", "\u{301}", "“", "”", "—", "…", "ﬁ", "\u{A8}",
        "①", "日本", "کراچی", "- ", "* ", "• ", "    ", "Read more:", "Advertisement", "(Reporting by", "\u{85}",
        "\u{2028}", "\u{1}", "\u{7F}", "😀", "\u{200D}", "Ð¿",
    ]

    static let optionSets: [String?] = [
        nil, "{ form: nfkc }", "{ whitespace: keep }", "{ quotes: ascii, dashes: ascii }",
        "{ boilerplate: true, paragraph_breaks: false }",
    ]

    @Test(arguments: optionSets)
    func randomTextIsNormalizedOnce(options: String?) throws {
        let harness = try StageHarness(NormalizeStage.self, options: options)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        for _ in 0..<2000 {
            let text = (0..<(next() % 40)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            let once = try harness.run(text: text, title: text).document
            let twice = try harness.run(once).document
            #expect(scalars(twice.text) == scalars(once.text), "\(text.debugDescription) with \(options ?? "defaults")")
            #expect(scalars(twice.title ?? "") == scalars(once.title ?? ""), "title \(text.debugDescription)")
            #expect(!(once.title ?? "").contains("\n"))
        }
    }
}
