import Testing
import Textpipe

/// A stage whose options use every kind of ``OptionValue``.
struct OptionsProbeStage: Stage {
    enum Mode: String, Sendable, CaseIterable, OptionValue {
        case fast, careful
    }

    struct Options: StageOptions, Equatable {
        @StageOption("mode", help: "How to go.") var mode = Mode.fast
        @StageOption("limit", help: "Most items.") var limit = 10
        @StageOption("threshold", help: "Cut-off, or null for none.") var threshold: Double? = 0.5
        @StageOption("label", help: "A name.") var label = "plain"
        @StageOption("note", help: "Free text.") var note = "two words: yes"
        @StageOption("tags", help: "Tags.") var tags = ["a", "b c"]
        @StageOption("strict", help: "Refuse more.") var strict = false
        init() {}
    }

    static let name = "options-probe"
    static let summary = "Holds options"
    static let examples: [StageExample] = []
    let options: Options
    init(options: Options) throws { self.options = options }
    func process(_ document: inout Document) throws -> Disposition { .keep }
}

@Suite struct StageOptionTests {
    let type = StageType(OptionsProbeStage.self)

    @Test func fieldsComeFromTheDeclarationsInOrderWithTypesAndDefaults() {
        #expect(
            type.options.map { "\($0.name): \($0.type) = \($0.defaultValue) — \($0.help)" } == [
                "mode: fast | careful = fast — How to go.",
                "limit: int = 10 — Most items.",
                "threshold: number | null = 0.5 — Cut-off, or null for none.",
                "label: string = plain — A name.",
                #"note: string = "two words: yes" — Free text."#,
                #"tags: [string] = [a, "b c"] — Tags."#,
                "strict: bool = false — Refuse more.",
            ])
    }

    @Test func absentKeysKeepTheDefaultAndPresentOnesAreRead() throws {
        var expected = OptionsProbeStage.Options()
        #expect(try values("{}") == declaredOptionValues(expected).map { "\($0.key)=\($0.yaml)" })
        expected.mode = .careful
        expected.limit = 3
        expected.tags = []
        #expect(
            try values("{ mode: careful, limit: 3, tags: [] }")
                == declaredOptionValues(expected).map { "\($0.key)=\($0.yaml)" })
    }

    @Test func anExplicitNullTurnsAnOptionalOptionOff() throws {
        #expect(try values("{ threshold: null }").contains("threshold=null"))
        #expect(try values("{ threshold: 0.25 }").contains("threshold=0.25"))
    }

    @Test func anUnknownNameListsTheNamesAndSuggestsTheCase() throws {
        let error = #expect(throws: StageError.self) { try type.instantiate(yaml: "{ mode: Careful }") }
        #expect(error?.message == "option 'mode' is 'Careful'; expected one of fast, careful")
        #expect(error?.hint == "did you mean 'careful'?")
    }

    @Test func aWrongTypeIsReportedAtTheValueInAPipelineFile() throws {
        let catalog = StageCatalog(stages: [type])
        let error = #expect(throws: PipelineError.self) {
            try PipelineLoader.load(
                yaml: "stages:\n  - options-probe: { limit: many, strict: maybe }\n", file: "p.yaml", catalog: catalog)
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("p.yaml:2:29: error: option 'limit' of stage 'options-probe' expects int"), "\(text)")
    }

    @Test func copiesAreIndependent() {
        let first = OptionsProbeStage.Options()
        var second = first
        second.limit = 99
        #expect(first.limit == 10)
        #expect(first != second)
    }

    private func values(_ yaml: String) throws -> [String] {
        try type.optionValues(yaml: yaml).map { "\($0.key)=\($0.yaml)" }
    }
}
