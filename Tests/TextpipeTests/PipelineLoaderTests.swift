import Foundation
import Testing

@testable import Textpipe

// MARK: - Test-only stages

/// A stage without options.
struct TestNormalize: Stage {
    typealias Options = NoOptions
    static let name = "normalize"
    static let summary = "Test stage without options"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition { .keep }
}

/// A stage with a number and a bool option.
struct TestDedupe: Stage {
    struct Options: StageOptions {
        var nearThreshold = 0.9
        var exact = true
        init() {}
        init(from decoder: any Decoder) throws {
            let options = try decoder.options()
            nearThreshold = try options.option("near_threshold", default: nearThreshold)
            exact = try options.option("exact", default: exact)
        }
        static let fields = [
            OptionField(
                "near_threshold", type: "number", default: "0.9",
                "Jaccard similarity above which two articles are duplicates"),
            OptionField("exact", type: "bool", default: "true", "Also drop exact duplicates"),
        ]
    }
    static let name = "dedupe"
    static let summary = "Test stage with number and bool options"
    static let examples: [StageExample] = []
    let options: Options
    init(options: Options) throws { self.options = options }
    func process(_ document: inout Document) throws -> Disposition {
        document.text = "\(options.nearThreshold) \(options.exact)"
        return .keep
    }
}

/// A stage others require.
struct TestEntities: Stage {
    typealias Options = NoOptions
    static let name = "entities"
    static let summary = "Test stage that others require"
    static let outputs = ["entities"]
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition { .keep }
}

/// A stage with int and string options whose `init` rejects some values.
struct TestSummarize: Stage {
    struct Options: StageOptions {
        var sentences = 3
        var mode = "lead"
        init() {}
        init(from decoder: any Decoder) throws {
            let options = try decoder.options()
            sentences = try options.option("sentences", default: sentences)
            mode = try options.option("mode", default: mode)
        }
        static let fields = [
            OptionField("sentences", type: "int", default: "3", "How many sentences to keep"),
            OptionField("mode", type: "string", default: "lead", "lead | rank"),
        ]
    }
    static let name = "summarize"
    static let summary = "Test stage with int and string options"
    static let examples: [StageExample] = []
    let options: Options
    init(options: Options) throws {
        guard options.sentences >= 1 else {
            throw StageError("'sentences' must be at least 1, got \(options.sentences)", hint: "use 1 or more")
        }
        self.options = options
    }
    func process(_ document: inout Document) throws -> Disposition {
        document.text = "\(options.sentences) \(options.mode)"
        return .keep
    }
}

/// A stage that reads a field another writes, and takes a list option.
struct TestConflict: Stage {
    struct Options: StageOptions {
        var threshold = 0.5
        var parties: [String] = []
        init() {}
        init(from decoder: any Decoder) throws {
            let options = try decoder.options()
            threshold = try options.option("threshold", default: threshold)
            parties = try options.option("parties", default: parties)
        }
        static let fields = [
            OptionField("threshold", type: "number", default: "0.5", "Score above which an article is flagged"),
            OptionField("parties", type: "list of string", default: "[]", "Parties to watch; empty for all"),
        ]
    }
    static let name = "intra-party-conflict"
    static let summary = "Test stage with a requirement"
    static let requires = ["entities"]
    static let examples: [StageExample] = []
    let options: Options
    init(options: Options) throws { self.options = options }
    func process(_ document: inout Document) throws -> Disposition {
        document.text = "\(options.threshold) \(options.parties.joined(separator: ","))"
        return .keep
    }
}

let testCatalog = StageCatalog(
    stages: [
        StageType(TestNormalize.self), StageType(TestDedupe.self), StageType(TestEntities.self),
        StageType(TestSummarize.self), StageType(TestConflict.self),
    ],
    bundledPipelines: [
        "clean": "description: bundled clean\nstages:\n  - normalize\n",
        "conflict-watch": "stages:\n  - normalize\n  - entities\n  - intra-party-conflict\n",
    ])

/// The diagnostics for `yaml` as printed, or `[]` when it loads.
func problems(_ yaml: String, file: String = "p.yaml") -> [String] {
    do {
        _ = try PipelineLoader.load(yaml: yaml, file: file, catalog: testCatalog)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// What each stage of a loaded pipeline writes into a document's text, which shows its options.
func processed(_ pipeline: Pipeline) throws -> [String] {
    try pipeline.stages.map { stage in
        var document = Document(id: "t", text: "")
        _ = try stage.instance.process(&document)
        return document.text
    }
}

// MARK: - Valid files

@Suite struct PipelineLoaderTests {
    @Test func loadsAValidFile() throws {
        let yaml = """
            description: Flag articles in which a party is fighting itself
            on_error: skip            # a comment
            stages:
              - normalize
              - dedupe: { near_threshold: 0.8 }
              - entities
              - summarize:
                  sentences: 2
                  mode: rank
              - intra-party-conflict: { threshold: 0.25, parties: [Labour, Conservative] }
            """
        let pipeline = try PipelineLoader.load(yaml: yaml, file: "Pipelines/conflict-watch.yaml", catalog: testCatalog)
        #expect(pipeline.name == "conflict-watch")
        #expect(pipeline.file == "Pipelines/conflict-watch.yaml")
        #expect(pipeline.description == "Flag articles in which a party is fighting itself")
        #expect(pipeline.onError == .skip)
        #expect(
            pipeline.stages.map(\.type.name) == [
                "normalize", "dedupe", "entities", "summarize", "intra-party-conflict",
            ])
        #expect(pipeline.stages.map(\.instance.name) == pipeline.stages.map(\.type.name))
        #expect(
            pipeline.stages.map { "\($0.location)" }
                == [4, 5, 6, 7, 10].map { "Pipelines/conflict-watch.yaml:\($0):5" })
        #expect(try processed(pipeline) == ["", "0.8 true", "", "2 rank", "0.25 Labour,Conservative"])
        #expect(
            pipeline.stages.map(\.optionsYAML) == [
                nil, "near_threshold: 0.8", nil, "sentences: 2\nmode: rank",
                "threshold: 0.25\nparties:\n- Labour\n- Conservative",
            ])
    }

    @Test func emptyStagesIsAPassThroughPipeline() throws {
        let pipeline = try PipelineLoader.load(yaml: "stages: []\n", file: "<bundled>/pass.yaml", catalog: testCatalog)
        #expect(pipeline.name == "pass")
        #expect(pipeline.stages.isEmpty)
        #expect(pipeline.description == nil)
        #expect(pipeline.onError == .deadLetter)
    }

    @Test(arguments: [("fail", ErrorPolicy.fail), ("skip", .skip), ("dead-letter", .deadLetter), ("", .deadLetter)])
    func onErrorValues(text: String, policy: ErrorPolicy) throws {
        let pipeline = try PipelineLoader.load(
            yaml: "on_error: \(text)\nstages: []\n", file: "p.yaml", catalog: testCatalog)
        #expect(pipeline.onError == policy)
    }

    @Test func bareNameNullOptionsAndMappingsAllWork() throws {
        let yaml = """
            stages:
              - summarize
              - summarize:
              - summarize: ~
              - summarize: {}
              - summarize: { sentences: 5 }
              - summarize: { mode: 7 }
            """
        let pipeline = try PipelineLoader.load(yaml: yaml, file: "p.yaml", catalog: testCatalog)
        #expect(try processed(pipeline) == ["3 lead", "3 lead", "3 lead", "3 lead", "5 lead", "3 7"])
        #expect(pipeline.stages.map(\.optionsYAML) == [nil, nil, nil, "{}", "sentences: 5", "mode: 7"])
        #expect(pipeline.stages.map(\.location.line) == [2, 3, 4, 5, 6, 7])
    }

    @Test func mergeKeysShareOptions() throws {
        let yaml = """
            stages:
              - summarize: &short { sentences: 1 }
              - summarize: { <<: *short, mode: rank }
              - summarize: *short
            """
        let pipeline = try PipelineLoader.load(yaml: yaml, file: "p.yaml", catalog: testCatalog)
        #expect(try processed(pipeline) == ["1 lead", "1 rank", "1 lead"])
    }

    @Test func loadsFromAPath() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("news.yaml", "stages:\n  - dedup\n")
        #expect(throws: PipelineError.self) { try PipelineLoader.load(path: path, catalog: testCatalog) }
        do {
            _ = try PipelineLoader.load(path: path, catalog: testCatalog)
        } catch {
            #expect(error.description == "\(path):2:5: error: unknown stage 'dedup'; did you mean 'dedupe'?")
        }
        let good = try directory.write("good.yml", "stages: [normalize]\n")
        #expect(try PipelineLoader.load(path: good, catalog: testCatalog).name == "good")
    }

    @Test func unreadableFilesSayWhy() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/missing.yaml"
        let binary = directory.path + "/binary.yaml"
        try Data([0x73, 0x74, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: binary))
        try FileManager.default.createDirectory(
            atPath: directory.path + "/dir.yaml", withIntermediateDirectories: false)
        let cases = [
            (missing, "error: cannot read pipeline file '\(missing)': no such file"),
            (
                directory.path + "/dir.yaml",
                "error: cannot read pipeline file '\(directory.path)/dir.yaml': it is a directory"
            ),
            // Bytes that are not UTF-8 are pointed at: the 0xFF is the third character of line 1.
            (
                binary,
                "\(binary):1:3: error: the file is not UTF-8 text: byte 0xFF does not start a character (hint: save it as UTF-8)"
            ),
        ]
        for (path, expected) in cases {
            do {
                _ = try PipelineLoader.load(path: path, catalog: testCatalog)
                Issue.record("\(path) loaded")
            } catch {
                #expect(error.diagnostics.count == 1)
                #expect(error.description == expected)
            }
        }
    }
}

// MARK: - Diagnostics

@Suite struct PipelineDiagnosticTests {
    @Test func yamlSyntaxErrorsCarryTheParsersPosition() {
        #expect(
            problems("description: a: b\nstages: []\n") == [
                "p.yaml:1:15: error: invalid YAML: mapping values are not allowed in this context"
            ])
        #expect(
            problems("stages:\n  - normalize\n - dedupe\n") == [
                "p.yaml:3:2: error: invalid YAML: did not find expected key while parsing a block mapping at line 1, column 1"
            ])
        #expect(
            problems("stages:\n\t- normalize\n") == [
                "p.yaml:2:1: error: invalid YAML: found character that cannot start any token while scanning for the next token at line 2, column 1 (hint: YAML indents with spaces; a tab may not start a token)"
            ])
        #expect(
            problems("stages: [normalize\n") == [
                "p.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence at line 1, column 9"
            ])
        #expect(
            problems("stages: *nothing\n") == [
                "p.yaml:1:9: error: invalid YAML: found undefined alias '*nothing' (hint: an alias names an anchor written before it, as '&nothing')"
            ])
        #expect(
            problems("description: a\u{1}b\nstages: []\n") == [
                "p.yaml:1:15: error: invalid YAML: control characters are not allowed"
            ])
        #expect(
            problems("stages: []\nstages: []\n") == [
                "p.yaml:2:1: error: duplicate key 'stages' in a mapping (hint: each key may appear once; the first is at line 1, column 1)"
            ])
        #expect(
            problems("stages: []\n---\nstages: []\n") == [
                "p.yaml:2:1: error: a pipeline file holds one YAML document, found a second one (hint: remove the '---' line or split the file)"
            ])
    }

    @Test func topLevelMustBeAMappingWithStages() {
        let empty =
            "p.yaml:1:1: error: the pipeline file is empty (hint: a pipeline needs at least 'stages:' with a list, which may be '[]')"
        #expect(problems("") == [empty])
        #expect(problems("# nothing yet\n") == [empty])
        #expect(
            problems("- normalize\n") == [
                "p.yaml:1:1: error: expected a mapping with 'stages' at the top level, found a list"
            ])
        #expect(
            problems("just text\n") == [
                "p.yaml:1:1: error: expected a mapping with 'stages' at the top level, found 'just text'"
            ])
        #expect(
            problems("# header\ndescription: x\n") == [
                "p.yaml:2:1: error: missing 'stages' (hint: list the stages, or write 'stages: []' for a pipeline that passes articles through)"
            ])
    }

    @Test func unknownTopLevelKeys() {
        // The suggestion already says what is missing: no second error about 'stages'.
        #expect(
            problems("stage:\n  - normalize\n") == ["p.yaml:1:1: error: unknown key 'stage'; did you mean 'stages'?"])
        #expect(
            problems("stages: []\non-error: skip\nauthor: me\n") == [
                "p.yaml:2:1: error: unknown key 'on-error'; did you mean 'on_error'?",
                "p.yaml:3:1: error: unknown key 'author' (hint: a pipeline has only 'description', 'on_error' and 'stages')",
            ])
        #expect(problems("stages: []\n[a]: b\n") == ["p.yaml:2:1: error: expected a key name, found a list"])
    }

    @Test func topLevelValueTypes() {
        let yaml = """
            description: [a, b]
            on_error: dead_letter
            stages: normalize
            """
        #expect(
            problems(yaml) == [
                "p.yaml:1:14: error: 'description' expects a string, found a list",
                "p.yaml:2:11: error: 'on_error' expects fail, skip or dead-letter, found 'dead_letter'; did you mean 'dead-letter'?",
                "p.yaml:3:9: error: 'stages' expects a list of stages, found 'normalize' (hint: write each stage on its own line as '- name')",
            ])
        #expect(
            problems("on_error: { mode: fail }\nstages: []\n") == [
                "p.yaml:1:11: error: 'on_error' expects fail, skip or dead-letter, found a mapping"
            ])
        #expect(
            problems("on_error: panic\nstages: []\n") == [
                "p.yaml:1:11: error: 'on_error' expects fail, skip or dead-letter, found 'panic'"
            ])
        #expect(
            problems("stages:\n") == [
                "p.yaml:1:8: error: 'stages' expects a list of stages, found null (hint: write 'stages: []' for a pipeline that passes articles through)"
            ])
    }

    @Test func stageItemsMustBeANameOrAOneKeyMapping() {
        let yaml = """
            stages:
              - [normalize]
              - dedupe:
                near_threshold: 0.8
              -
              - {}
              - 42
            """
        let hint = "(hint: write '- name' or '- name: { option: value }')"
        #expect(
            problems(yaml) == [
                "p.yaml:2:5: error: expected a stage name or 'name: options', found a list \(hint)",
                "p.yaml:4:5: error: unexpected key 'near_threshold' in the entry for stage 'dedupe' (hint: an entry is one 'name: options' pair: indent options under 'dedupe:', or start another stage with '- ')",
                "p.yaml:5:4: error: expected a stage name or 'name: options', found null \(hint)",
                "p.yaml:6:5: error: expected a stage name or 'name: options', found an empty mapping \(hint)",
                "p.yaml:7:5: error: unknown stage '42' (hint: known stages: dedupe, entities, intra-party-conflict, normalize, summarize)",
            ])
    }

    @Test func unknownStages() {
        let yaml = """
            stages:
              - normalise
              - dedup: { near_threshold: 0.8 }
              - Summarize
              - intra
              - frobnicate
            """
        #expect(
            problems(yaml) == [
                "p.yaml:2:5: error: unknown stage 'normalise'; did you mean 'normalize'?",
                "p.yaml:3:5: error: unknown stage 'dedup'; did you mean 'dedupe'?",
                "p.yaml:4:5: error: unknown stage 'Summarize'; did you mean 'summarize'?",
                "p.yaml:5:5: error: unknown stage 'intra'; did you mean 'intra-party-conflict'?",
                "p.yaml:6:5: error: unknown stage 'frobnicate' (hint: known stages: dedupe, entities, intra-party-conflict, normalize, summarize)",
            ])
    }

    @Test func optionsMustBeAMapping() {
        let yaml = """
            stages:
              - summarize: 3
              - normalize: [a]
            """
        #expect(
            problems(yaml) == [
                "p.yaml:2:16: error: options of stage 'summarize' must be a mapping, found '3' (hint: write 'summarize: { sentences: 3 }')",
                "p.yaml:3:16: error: options of stage 'normalize' must be a mapping, found a list (hint: 'normalize' takes no options; write '- normalize')",
            ])
    }

    @Test func unknownOptionKeysAreNeverIgnored() {
        let yaml = """
            stages:
              - dedupe: { near_treshold: 0.8 }
              - normalize: { form: nfc }
              - summarize:
                  sentences: 2
                  length: 100
            """
        #expect(
            problems(yaml) == [
                "p.yaml:2:15: error: unknown option 'near_treshold' for stage 'dedupe'; did you mean 'near_threshold'?",
                "p.yaml:3:18: error: unknown option 'form' for stage 'normalize' (hint: 'normalize' takes no options)",
                "p.yaml:6:7: error: unknown option 'length' for stage 'summarize' (hint: options of 'summarize': sentences, mode)",
            ])
    }

    @Test func unknownKeysReachedThroughAMergeArePointedAtWhereTheyAreWritten() {
        let yaml = """
            stages:
              - dedupe: &shared { near_threshold: 0.8 }
              - summarize: { <<: *shared, sentences: 2 }
            """
        #expect(
            problems(yaml) == [
                "p.yaml:2:23: error: unknown option 'near_threshold' for stage 'summarize' (hint: options of 'summarize': sentences, mode)"
            ])
    }

    @Test func wrongOptionTypesPointAtTheValue() {
        let yaml = """
            stages:
              - summarize: { sentences: three, mode: [a] }
              - entities
              - intra-party-conflict: { parties: [a, {b: c}], threshold: high }
              - dedupe:
                  exact: maybe
                  near_threshold: '0.8'
              - summarize: { sentences: 2.5 }
            """
        #expect(
            problems(yaml) == [
                "p.yaml:2:29: error: option 'sentences' of stage 'summarize' expects int, found 'three'",
                "p.yaml:2:42: error: option 'mode' of stage 'summarize' expects string, found a list",
                "p.yaml:4:42: error: option 'parties' of stage 'intra-party-conflict' expects list of string, found a mapping",
                "p.yaml:4:62: error: option 'threshold' of stage 'intra-party-conflict' expects number, found 'high'",
                "p.yaml:6:14: error: option 'exact' of stage 'dedupe' expects bool, found 'maybe'",
                "p.yaml:7:23: error: option 'near_threshold' of stage 'dedupe' expects number, found '0.8' (hint: a quoted value is a string; write it without quotes)",
                "p.yaml:8:29: error: option 'sentences' of stage 'summarize' expects int, found '2.5'",
            ])
    }

    @Test func stageErrorsPointAtTheOptions() {
        let yaml = """
            stages:
              - summarize:
                  sentences: 0
              - summarize: { sentences: -1 }
            """
        #expect(
            problems(yaml) == [
                "p.yaml:3:7: error: invalid options for stage 'summarize': 'sentences' must be at least 1, got 0 (hint: use 1 or more)",
                "p.yaml:4:16: error: invalid options for stage 'summarize': 'sentences' must be at least 1, got -1 (hint: use 1 or more)",
            ])
    }

    @Test func stageErrorsAfterRejectedOptionsAreNotReported() {
        // Once a key is rejected the stage is built without it; what it then says
        // about the rest could be a cascade, so the first problem stands alone.
        #expect(
            problems("stages:\n  - summarize: { sentences: 0, mod: rank }\n") == [
                "p.yaml:2:32: error: unknown option 'mod' for stage 'summarize'; did you mean 'mode'?"
            ])
        #expect(
            problems("stages:\n  - summarize: { sentences: 0, mode: [rank] }\n") == [
                "p.yaml:2:38: error: option 'mode' of stage 'summarize' expects string, found a list"
            ])
    }

    @Test func requirementsMustComeEarlier() {
        let later = """
            stages:
              - normalize
              - intra-party-conflict
              - entities
            """
        #expect(
            problems(later) == [
                "p.yaml:3:5: error: stage 'intra-party-conflict' requires 'entities' earlier in the pipeline (hint: 'entities' appears later, at line 4; move it before 'intra-party-conflict')"
            ])
        #expect(
            problems("stages:\n  - intra-party-conflict: { threshold: 0.2 }\n") == [
                "p.yaml:2:5: error: stage 'intra-party-conflict' requires 'entities' earlier in the pipeline (hint: add '- entities' before 'intra-party-conflict')"
            ])
        #expect(problems("stages:\n  - entities\n  - normalize\n  - intra-party-conflict\n").isEmpty)
    }

    /// `requires` names a field: any stage that writes it stands in for the bundled one.
    @Test func anotherStageThatWritesTheFieldMeetsTheRequirement() throws {
        struct OtherNER: Stage {
            typealias Options = NoOptions
            static let name = "other-ner"
            static let summary = "Writes entities its own way"
            static let outputs = ["entities"]
            static let examples: [StageExample] = []
            init(options: Options) throws {}
            func process(_ document: inout Document) throws -> Disposition { .keep }
        }
        let catalog = StageCatalog(stages: testCatalog.stages + [StageType(OtherNER.self)])
        let pipeline = try PipelineLoader.load(
            yaml: "stages: [other-ner, intra-party-conflict]\n", file: "p.yaml", catalog: catalog)
        #expect(pipeline.stages.map(\.type.name) == ["other-ner", "intra-party-conflict"])
        // With neither, the hint offers every stage that writes the field.
        let error = #expect(throws: PipelineError.self) {
            try PipelineLoader.load(
                yaml: "stages: [normalize, intra-party-conflict]\n", file: "p.yaml", catalog: catalog)
        }
        #expect(
            error.map { "\($0)" }?.contains(
                "p.yaml:1:21: error: stage 'intra-party-conflict' requires 'entities' earlier in the pipeline (hint: add '- entities' or '- other-ner' before 'intra-party-conflict')"
            ) == true, "\(String(describing: error))")
    }

    @Test func everyProblemIsReportedInOrderOfPosition() {
        let yaml = """
            description: Everything wrong at once
            stages:
              - intra-party-conflict: { threshold: high }
              - dedup
              - summarize: { sentences: 2, lenght: 3 }
              - entities
            on_eror: fail
            """
        #expect(
            problems(yaml, file: "Pipelines/news.yaml") == [
                "Pipelines/news.yaml:3:5: error: stage 'intra-party-conflict' requires 'entities' earlier in the pipeline (hint: 'entities' appears later, at line 6; move it before 'intra-party-conflict')",
                "Pipelines/news.yaml:3:40: error: option 'threshold' of stage 'intra-party-conflict' expects number, found 'high'",
                "Pipelines/news.yaml:4:5: error: unknown stage 'dedup'; did you mean 'dedupe'?",
                "Pipelines/news.yaml:5:32: error: unknown option 'lenght' for stage 'summarize' (hint: options of 'summarize': sentences, mode)",
                "Pipelines/news.yaml:7:1: error: unknown key 'on_eror'; did you mean 'on_error'?",
            ])
    }

    @Test func diagnosticsPrintOnOneLine() {
        let location = SourceLocation(file: "Pipelines/news.yaml", line: 7, column: 5)
        #expect(
            Diagnostic("unknown stage 'dedup'; did you mean 'dedupe'?", at: location).description
                == "Pipelines/news.yaml:7:5: error: unknown stage 'dedup'; did you mean 'dedupe'?")
        #expect(Diagnostic("cannot read", hint: "check it").description == "error: cannot read (hint: check it)")
        let error = PipelineError([Diagnostic("a", at: location), Diagnostic("b")])
        #expect(error.description == "Pipelines/news.yaml:7:5: error: a\nerror: b")
    }
}

// MARK: - Suggestions

@Suite struct SuggestionTests {
    let stages = ["dedupe", "entities", "intra-party-conflict", "normalize", "summarize"]

    @Test func closeNames() {
        #expect(Suggestions.closest(to: "dedup", in: stages) == "dedupe")
        #expect(Suggestions.closest(to: "summarise", in: stages) == "summarize")
        #expect(Suggestions.closest(to: "entites", in: stages) == "entities")
        #expect(Suggestions.closest(to: "NORMALIZE", in: stages) == "normalize")
        #expect(Suggestions.closest(to: "intra_party_conflict", in: stages) == "intra-party-conflict")
        #expect(Suggestions.closest(to: "near_treshold", in: ["near_threshold", "exact"]) == "near_threshold")
    }

    @Test func swapsOfNeighboursCostOne() {
        #expect(Suggestions.distance("fial", "fail") == 1)
        #expect(Suggestions.closest(to: "fial", in: ["fail", "skip", "dead-letter"]) == "fail")
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("ca", "abc") == 3)
    }

    @Test func prefixes() {
        #expect(Suggestions.closest(to: "intra", in: stages) == "intra-party-conflict")
        #expect(Suggestions.closest(to: "summarize-long", in: stages) == "summarize")
        #expect(Suggestions.closest(to: "en", in: stages) == nil)
    }

    @Test func farNamesGetNoSuggestion() {
        #expect(Suggestions.closest(to: "frobnicate", in: stages) == nil)
        #expect(Suggestions.closest(to: "", in: stages) == nil)
        #expect(Suggestions.closest(to: "abc", in: []) == nil)
        #expect(Suggestions.closest(to: "ab", in: ["xy"]) == nil)
    }

    @Test func tiesDoNotDependOnOrder() {
        #expect(Suggestions.closest(to: "skop", in: ["stop", "skip"]) == "skip")
        #expect(Suggestions.closest(to: "skop", in: ["skip", "stop"]) == "skip")
        #expect(Suggestions.didYouMean("dedup", in: stages) == "; did you mean 'dedupe'?")
        #expect(Suggestions.didYouMean("zzz", in: stages) == "")
    }
}

// MARK: - The repository's own pipelines

@Suite struct RepositoryPipelineTests {
    /// `Pipelines/` at the root of this repository.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Pipelines")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func thereArePipelines() {
        #expect(!Self.files.isEmpty, "no pipelines in \(Self.directory.path)")
    }

    /// The stage registry is checked against these files elsewhere; here only
    /// their shape: valid YAML, known top-level keys, well-formed stage entries
    /// whose names are kebab-case.
    @Test(arguments: files)
    func parsesAndNamesStagesInKebabCase(file: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        var validator = PipelineValidator(file: "Pipelines/\(file)")
        let spec = PipelineLoader.spec(yaml: text, validator: &validator)
        #expect(validator.diagnostics.map(\.description) == [])
        let names = try #require(spec).stages.map(\.name)
        for name in names {
            #expect(name.wholeMatch(of: /[a-z][a-z0-9]*(-[a-z0-9]+)*/) != nil, "'\(name)' in \(file) is not kebab-case")
        }
    }
}

// MARK: - Helpers

/// A directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("textpipe-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relativePath` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }
}
