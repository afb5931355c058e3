import Foundation
import Testing

@testable import Textpipe

/// The typed `entities` and `sentences` annotations: parsed only when asked,
/// malformed fields named in the error, written as `JSONEncoder` writes them.
@Suite struct AnnotationTests {
    static let entities = [
        Entity(text: "Zoë \"Q\" Ball\n\t\u{1}/x", label: .person, start: 0, end: 15, canonical: "Zoë Ball"),
        Entity(text: "MQM-P", label: .organization, start: 20, end: 25, canonical: "MQM-P", party: "MQM-P"),
        Entity(text: "Karachi", label: .location, start: 30, end: 37),
        Entity(text: "Urdu", label: .misc, start: -1, end: 123_456_789_012, party: "\u{2028}"),
    ]

    func decoded(_ json: String) throws -> Document {
        try DocumentDecoder.decode(Array(json.utf8), defaultID: "x", source: nil)
    }

    func written(_ document: Document) -> String {
        var out: [UInt8] = []
        JSONWriter.appendDocument(document, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The error reading `read` throws, as text.
    func failure(_ read: () throws -> Void) -> String? {
        do {
            try read()
            return nil
        } catch let error as DocumentError {
            return error.description
        } catch {
            return "not a DocumentError: \(error)"
        }
    }

    @Test func entitiesAreWrittenAsJSONEncoderWritesThem() throws {
        var document = Document(id: "a", text: "")
        document.setEntities(Self.entities)
        let ours = try #require(document.field("entities"))
        #expect(ours == (try JSONFragment(encoding: Self.entities)), "\(ours)")
        #expect(try JSONDecoder().decode([Entity].self, from: Data(ours.bytes)) == Self.entities)
    }

    @Test func entitiesRoundTripThroughTheScanner() throws {
        var document = Document(id: "a", text: "")
        document.setEntities(Self.entities)
        let json = written(document)
        let read = try decoded(json)
        #expect(try read.entities == Self.entities)
        #expect(written(read) == json)
        // Key order, white space and unknown keys do not matter; null optionals are absent ones.
        let loose = try decoded(
            #"{"text":"","entities":[ {"start":1 , "end":2,"text":"A\u00e9","label":"LOC","canonical":null,"x":[{}]} ]}"#
        )
        #expect(try loose.entities == [Entity(text: "Aé", label: .location, start: 1, end: 2)])
    }

    @Test func fieldsAreParsedOnlyWhenAsked() throws {
        // Decoding and writing a record copies the field as it came, however wrong its shape.
        let json = #"{"id":"a","text":"t","entities":[{"text":"X","label":"PARTY","start":0,"end":1}]}"#
        let document = try decoded(json)
        #expect(written(document) == json)
        // Only reading it finds the problem.
        #expect(failure { _ = try document.entities }?.contains("'label' must be PER, ORG, LOC or MISC") == true)
    }

    @Test(arguments: [
        (#""nope""#, "expected an array of objects, found a string"),
        (#"[1]"#, "element 0: expected an object, found a number"),
        (#"[{"label":"PER","start":0,"end":1}]"#, "element 0: missing 'text'"),
        (
            #"[{"text":"A","label":"PER","start":0,"end":1},{"text":"B","label":"per","start":0,"end":1}]"#,
            #"element 1: 'label' must be PER, ORG, LOC or MISC, found "per""#
        ),
        (#"[{"text":"A","label":"PER","start":"0","end":1}]"#, "element 0: 'start' must be an integer, found a string"),
        (#"[{"text":"A","label":"PER","start":0,"end":1.5}]"#, "element 0: 'end' must be an integer, found a number"),
        (#"[{"text":"A","label":"PER","start":0,"end":1e3}]"#, "element 0: 'end' must be an integer, found a number"),
        (#"[{"text":"A","label":"PER","start":0,"end":12345678901234567890}]"#, "'end' must be an integer"),
        (#"[{"text":7,"label":"PER","start":0,"end":1}]"#, "element 0: 'text' must be a string, found a number"),
        (#"[{"text":"A","label":"PER","start":0,"end":1,"party":false}]"#, "'party' must be a string, found a boolean"),
    ])
    func malformedEntitiesThrowNamingTheField(entities: String, reason: String) throws {
        let document = try decoded(#"{"text":"t","entities":\#(entities)}"#)
        let message = try #require(failure { _ = try document.entities })
        #expect(message.hasPrefix("field 'entities' is malformed: "), "\(message)")
        #expect(message.contains(reason), "\(message)")
    }

    @Test func absentAndNullAreNoEntities() throws {
        #expect(try decoded(#"{"text":"t"}"#).entities == nil)
        #expect(try decoded(#"{"text":"t","entities":null}"#).entities == nil)
        #expect(try decoded(#"{"text":"t","entities":[]}"#).entities == [])
    }

    @Test func changingTheFieldDropsTheTypedValue() throws {
        var document = Document(id: "a", text: "")
        document.setEntities(Self.entities)
        document.setField(
            "entities", JSONFragment(trustedBytes: Array(#"[{"text":"B","label":"ORG","start":3,"end":4}]"#.utf8)))
        #expect(try document.entities == [Entity(text: "B", label: .organization, start: 3, end: 4)])
        document.removeField("entities")
        #expect(try document.entities == nil)
        document.setEntities(Self.entities)
        document.setEntities(nil)
        #expect(document.field("entities") == nil)
    }

    @Test func labelsAreWrittenAsCoNLLWritesThem() throws {
        #expect(EntityLabel.allCases.map(\.rawValue) == ["PER", "ORG", "LOC", "MISC"])
        #expect(EntityLabel.allCases.map(\.description) == ["PER", "ORG", "LOC", "MISC"])
        let encoded = try JSONEncoder().encode(EntityLabel.allCases)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["PER","ORG","LOC","MISC"]"#)
        #expect(
            try JSONDecoder().decode([EntityLabel].self, from: Data(#"["MISC","LOC"]"#.utf8)) == [.misc, .location])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EntityLabel.self, from: Data(#""PERSON""#.utf8))
        }
    }

    @Test func sentencesRoundTripAndMalformedOnesThrow() throws {
        let spans = [TextSpan(start: 0, end: 5), TextSpan(start: 6, end: 12)]
        var document = Document(id: "a", text: "Hello world.")
        document.setSentences(spans)
        #expect(document.field("sentences") == (try JSONFragment(encoding: spans)))
        let read = try decoded(written(document))
        #expect(try read.sentences == spans)
        let bad = try decoded(#"{"text":"t","sentences":[{"start":0}]}"#)
        #expect(failure { _ = try bad.sentences } == "field 'sentences' is malformed: element 0: missing 'end'")
    }

    @Test func sharedSentencesAreNeverWrittenAndFollowTheText() throws {
        var document = Document(id: "a", text: "One. Two.")
        let before = written(document)
        document.shareSentences([TextSpan(start: 0, end: 4), TextSpan(start: 5, end: 9)])
        #expect(written(document) == before)
        #expect(try document.sentences == [TextSpan(start: 0, end: 4), TextSpan(start: 5, end: 9)])
        // A field, from the input or set, wins over a shared split.
        var withField = document
        withField.setSentences([TextSpan(start: 0, end: 9)])
        #expect(try withField.sentences == [TextSpan(start: 0, end: 9)])
        // A new text makes the split meaningless.
        document.text = "One. Two. Three."
        #expect(try document.sentences == nil)
    }

    @Test func sharedTokensAreNeverWrittenAndFollowTheText() throws {
        var document = Document(id: "a", text: "One. Two.")
        let before = written(document)
        let scalars = ScalarText(document.text)
        document.shareTokens(TokenizedText(text: scalars, tokens: Tokenizer.tokens(in: scalars)))
        #expect(written(document) == before)
        #expect(document.sharedTokens?.tokens.map(\.text) == ["One", ".", "Two", "."])
        #expect(document.sharedTokens?.text.count == 9)
        document.text = "One. Two. Three."
        #expect(document.sharedTokens == nil)
    }
}

/// Reads the `entities` field, as a stage that needs it would.
struct EntityCountingStage: Stage {
    typealias Options = NoOptions
    static let name = "entity-counting"
    static let summary = "Count the entities"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        try document.setValue("entity_count", try document.entities?.count ?? 0)
        return .keep
    }
}

@Suite struct AnnotationRunnerTests {
    @Test func aMalformedEntitiesFieldDeadLettersItsRecordOnly() throws {
        let directory = try ScratchDirectory()
        let good = #"[{"text":"A","label":"PER","start":0,"end":1}]"#
        let bad = #"[{"text":"A","label":"PERSON","start":0,"end":1}]"#
        let input = try directory.write(
            "in.jsonl",
            (0..<6).map { #"{"id":"a\#($0)","text":"A b","entities":\#($0 == 3 ? bad : good)}"# }
                .joined(separator: "\n") + "\n")
        let result = try run(
            [try StageType(EntityCountingStage.self).instantiate()], inputs: [.path(input)], jobs: 2, in: directory)
        #expect(result.summary.read == 6)
        #expect(result.summary.written == 5)
        #expect(result.summary.deadLettered == 1)
        #expect(result.output.split(separator: "\n").allSatisfy { $0.hasSuffix(#","entity_count":1}"#) })
        let records = result.deadLetters.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        let expected =
            #"field 'entities' is malformed: element 0: 'label' must be PER, ORG, LOC or MISC, found "PERSON""#
        #expect(records.map { $0["id"] } == ["a3"])
        #expect(records.allSatisfy { $0["stage"] == "entity-counting" && $0["error"] == expected })
        #expect(result.reports.contains { $0.contains("error: stage 'entity-counting': \(expected) (dead-lettered)") })
    }
}
