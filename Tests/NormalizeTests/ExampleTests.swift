import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Test func examplesPass() {
    #expect(exampleFailures(of: StageType(NormalizeStage.self)) == [])
}

@Test func examplesAreMany() {
    #expect(NormalizeStage.examples.count >= 6)
}

@Test func everyOptionIsDocumented() throws {
    let names = NormalizeOptions.fields.map(\.name)
    #expect(
        names == [
            "form", "html", "backslash_escapes", "whitespace", "paragraph_breaks", "latin1_fallback", "fix_mojibake",
            "quotes", "dashes", "boilerplate", "boilerplate_patterns", "min_chars",
        ])
    #expect(NormalizeStage.name == "normalize")
    #expect(NormalizeStage.outputs.isEmpty)
}
