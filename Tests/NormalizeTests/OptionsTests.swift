import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct OptionsTests {
    @Test func defaults() throws {
        let options = NormalizeOptions()
        #expect(options.form == .nfc)
        #expect(options.html && options.backslashEscapes && options.paragraphBreaks)
        #expect(options.latin1Fallback && options.fixMojibake)
        #expect(options.whitespace == .collapse && options.quotes == .keep && options.dashes == .keep)
        #expect(!options.boilerplate && options.boilerplatePatterns.isEmpty && options.minChars == 0)
    }

    @Test func decodesEveryKey() throws {
        let yaml = """
            { form: nfkc, html: false, backslash_escapes: false, whitespace: keep, paragraph_breaks: false,
              latin1_fallback: false, fix_mojibake: false, quotes: ascii, dashes: ascii, boilerplate: true,
              boilerplate_patterns: [x], min_chars: 3 }
            """
        _ = try StageHarness(NormalizeStage.self, options: yaml)
    }

    @Test func badChoiceNamesTheAcceptedValues() {
        #expect(throws: StageError.self) { try StageHarness(NormalizeStage.self, options: "{ form: nfd }") }
        do {
            _ = try StageHarness(NormalizeStage.self, options: "{ quotes: ASCII }")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("expected one of keep, ascii"))
            #expect("\(error)".contains("did you mean 'ascii'?"))
        }
    }

    @Test func patternsWithoutBoilerplateAreAnError() {
        #expect(throws: StageError.self) {
            try StageHarness(NormalizeStage.self, options: "{ boilerplate_patterns: [Sponsored] }")
        }
    }

    @Test func negativeMinCharsIsAnError() {
        #expect(throws: StageError.self) { try StageHarness(NormalizeStage.self, options: "{ min_chars: -1 }") }
    }
}

@Suite struct MinCharsTests {
    @Test func dropsShortText() throws {
        let harness = try StageHarness(NormalizeStage.self, options: "{ min_chars: 10 }")
        #expect(try harness.run(text: "  &nbsp; short  ").disposition == .drop(reason: "too short after normalization"))
        #expect(try harness.run(text: "exactly10!").disposition == .keep)
        #expect(try harness.run(text: "日本語のテキストです。長い").disposition == .keep)
        #expect(try harness.run(text: "日本語").disposition != .keep)
    }

    @Test func zeroKeepsEmptyText() throws {
        #expect(try StageHarness(NormalizeStage.self).run(text: "").disposition == .keep)
    }
}
