import Testing
import Textpipe

@testable import Entities

/// The label rules' own examples, each run through the resolver.
@Suite struct LabelRuleTests {
    static let examples = NameResolver.labelRules.flatMap { rule in rule.examples.map { (rule.name, $0) } }

    /// Each example is decided by its own rule (no earlier rule takes it), and
    /// the whole relabelling pass, whole-article passes included, leaves the label.
    @Test(arguments: examples)
    func everyRuleLabelsItsExamples(rule: String, example: LabelRule.Example) throws {
        let layout = TextLayout(example.text)
        let words = Words(layout)
        let tokens = try #require(
            Self.tokens(of: example.mention, in: layout), "'\(example.mention)' is not a run of tokens of the text")
        let start = layout.tokens[tokens.lowerBound].lowerBound
        let end = layout.tokens[tokens.upperBound - 1].upperBound
        let mention = Mention(text: example.mention, label: example.tagged, start: start, end: end, tokens: tokens)
        let gazetteer: (Range<Int>) -> UInt16 = { range in
            example.known[range.map { words.text($0) }.joined(separator: " ")].map(Known.bit) ?? 0
        }
        let resolver = NameResolver(parties: try EntitiesStage.bundled.parties.get())

        let decided = resolver.firstLabelRule(mention, words, Known(bits: gazetteer)) { resolver.isSports(words) }
        #expect(decided?.rule.name == rule)
        #expect((decided?.decision.label ?? example.tagged) == example.expected)

        var mentions = [mention]
        resolver.retype(&mentions, words: words, gazetteer: gazetteer)
        #expect(mentions.map { "\($0.text)/\($0.label)" } == ["\(example.mention)/\(example.expected)"])
    }

    @Test func everyRuleHasANameOfItsOwnAReasonAndAnExample() {
        let names = NameResolver.labelRules.map(\.name)
        #expect(Set(names).count == names.count, "duplicate rule names in \(names)")
        #expect(NameResolver.labelRules.allSatisfy { !$0.examples.isEmpty && !$0.why.isEmpty })
        #expect(names.allSatisfy { name in name.allSatisfy { $0.isLowercase || $0 == "-" } })
    }

    /// The first run of tokens of `layout` that reads `text`.
    static func tokens(of text: String, in layout: TextLayout) -> Range<Int>? {
        for i in layout.tokens.indices {
            for j in i..<layout.tokens.count
            where layout.text(layout.tokens[i].lowerBound..<layout.tokens[j].upperBound) == text {
                return i..<(j + 1)
            }
        }
        return nil
    }
}

extension LabelRule.Example: CustomTestStringConvertible {
    public var testDescription: String { "'\(mention)' (\(tagged)) in \"\(text)\"" }
}
