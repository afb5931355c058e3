import Foundation
import Testing
import Textpipe

@Suite("JSONWriter")
struct JSONWriterTests {
    private func written(_ string: String) -> String {
        var out: [UInt8] = []
        JSONWriter.appendString(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        #expect(written("") == #""""#)
        #expect(written(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(written("\n\r\t\u{8}\u{C}") == #""\n\r\t\b\f""#)
        #expect(written("\u{0}\u{1}\u{1B}\u{1F}") == #""\u0000\u0001\u001b\u001f""#)
        #expect(written("a/b é € 😀 \u{2028} \u{7F}") == "\"a/b é € 😀 \u{2028} \u{7F}\"")
    }

    @Test func appendsToWhatIsThere() {
        var out = Array("[".utf8)
        JSONWriter.appendString("x", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"["x""#)
    }

    /// Escapes at every position relative to the 8-byte words the writer scans.
    @Test func escapesAtEveryOffset() {
        for special in ["\"", "\\", "\n", "\u{1}", "é", "😀"] {
            for before in 0..<20 {
                for after in [0, 1, 7, 8, 9, 17] {
                    let string = String(repeating: "a", count: before) + special + String(repeating: "b", count: after)
                    #expect(written(string) == referenceEscaped(string))
                }
            }
        }
    }

    /// A slow, obviously right escaper to compare with.
    private func referenceEscaped(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case "\u{0}"..."\u{1F}": result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    @Test func documentKeyOrder() {
        let document = Document(
            id: "a1", text: "body", title: "Head", source: "in.jsonl:3",
            fields: [
                (name: "zeta", value: JSONFragment(trustedBytes: Array("[1,2]".utf8))),
                (name: "alpha", value: JSONFragment(string: "x")),
            ])
        #expect(
            JSONTestSupport.encode(document)
                == #"{"id":"a1","title":"Head","text":"body","source":"in.jsonl:3","zeta":[1,2],"alpha":"x"}"#)
    }

    @Test func missingTitleAndSourceAreLeftOut() {
        #expect(JSONTestSupport.encode(Document(id: "a", text: "t")) == #"{"id":"a","text":"t"}"#)
    }

    @Test func sourceFieldWinsOverSourceProperty() {
        let document = Document(
            id: "a", text: "t", source: "file.jsonl:1",
            fields: [(name: "source", value: JSONFragment(trustedBytes: Array(#"{"feed":"bbc"}"#.utf8)))])
        #expect(JSONTestSupport.encode(document) == #"{"id":"a","text":"t","source":{"feed":"bbc"}}"#)
    }

    @Test func rawIDIsWrittenAsIs() {
        var document = Document(id: "1.50", text: "t")
        document.rawID = JSONFragment(trustedBytes: Array("1.50".utf8))
        #expect(JSONTestSupport.encode(document) == #"{"id":1.50,"text":"t"}"#)
    }

    @Test func manyDocumentsInOneBuffer() throws {
        var out: [UInt8] = []
        for index in 0..<500 {
            JSONWriter.appendDocument(Document(id: "\(index)", text: String(repeating: "x", count: index)), to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        let lines = out.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 500)
        let last = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[499])) as? [String: Any])
        #expect(last["id"] as? String == "499")
        #expect((last["text"] as? String)?.utf8.count == 499)
    }

    /// What the writer produces, Foundation reads back as the same values.
    @Test func roundTripThroughFoundation() throws {
        var random = JSONTestRandom(seed: 0x5EED_0001)
        for _ in 0..<400 {
            var fields: [(name: String, value: JSONFragment)] = []
            var values: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let name = random.fieldName()
                // Foundation's dictionaries merge canonically equivalent keys.
                guard values[name] == nil else { continue }
                let value = random.foundationValue()
                values[name] = value
                fields.append((name, JSONFragment(trustedBytes: try JSONTestSupport.canonical(value))))
            }
            let document = Document(
                id: random.string(), text: random.string(maxPieces: 60),
                title: Bool.random(using: &random) ? random.string() : nil,
                source: Bool.random(using: &random) ? random.string() : nil, fields: fields)
            var out: [UInt8] = []
            JSONWriter.appendDocument(document, to: &out)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
            #expect((parsed["id"] as? String).map { Array($0.utf8) } == Array(document.id.utf8))
            #expect((parsed["text"] as? String).map { Array($0.utf8) } == Array(document.text.utf8))
            #expect((parsed["title"] as? String).map { Array($0.utf8) } == document.title.map { Array($0.utf8) })
            #expect((parsed["source"] as? String).map { Array($0.utf8) } == document.source.map { Array($0.utf8) })
            #expect(
                parsed.count == 2 + fields.count + (document.title == nil ? 0 : 1) + (document.source == nil ? 0 : 1))
            for (name, value) in values {
                let got = try #require(parsed[name])
                #expect(try JSONTestSupport.canonical(got) == JSONTestSupport.canonical(value))
            }
        }
    }
}
