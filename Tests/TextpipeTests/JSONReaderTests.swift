import Foundation
import Testing
import Textpipe

@Suite("DocumentDecoder")
struct JSONReaderTests {
    private typealias Support = JSONTestSupport

    // MARK: - Records

    @Test func readsTheKnownKeys() throws {
        let document = try Support.decode(
            #"{"id":"bbc-1","title":"Head","text":"Body","source":"feed"}"#, defaultID: "x", source: "file:1")
        #expect(document == Document(id: "bbc-1", text: "Body", title: "Head", source: "feed"))
        #expect(document.rawID == nil)
    }

    @Test func defaultsWhenKeysAreMissing() throws {
        let document = try Support.decode(#"{"text":"Body"}"#, defaultID: "stdin:7", source: "in.jsonl:7")
        #expect(document == Document(id: "stdin:7", text: "Body", source: "in.jsonl:7"))
        let nullID = try Support.decode(#"{"id":null,"text":"Body"}"#, defaultID: "stdin:8")
        #expect(nullID.id == "stdin:8")
        #expect(nullID.rawID == nil)
    }

    @Test func numberIDIsKeptAsWritten() throws {
        for literal in ["42", "-0", "1.50", "-1.5e3", "123456789012345678901234567890"] {
            let document = try Support.decode(#"{"id": \#(literal) ,"text":"t"}"#)
            #expect(document.id == literal)
            #expect(document.rawID == JSONFragment(trustedBytes: Array(literal.utf8)))
            #expect(Support.encode(document) == #"{"id":\#(literal),"text":"t"}"#)
        }
    }

    @Test(arguments: [
        (#"{"id":true,"text":"t"}"#, "a boolean"), (#"{"id":["a"],"text":"t"}"#, "an array"),
        (#"{"id":{},"text":"t"}"#, "an object"),
    ])
    func otherIDsAreRejected(json: String, found: String) {
        let error = Support.decodeError(json)
        #expect(error == RecordError(message: #""id" must be a string or a number (found \#(found))"#))
    }

    @Test func nonStringTitleAndSourceStayFields() throws {
        let document = try Support.decode(
            #"{"title":{"main":"M"},"text":"t","source":null,"x":1}"#, defaultID: "d", source: "param")
        #expect(document.title == nil)
        #expect(document.source == nil)
        #expect(document.fields.map(\.name) == ["title", "source", "x"])
        #expect(document.field("title")?.description == #"{"main":"M"}"#)
        #expect(Support.encode(document) == #"{"id":"d","text":"t","title":{"main":"M"},"source":null,"x":1}"#)
    }

    @Test func unknownFieldsKeepTheirOrder() throws {
        let document = try Support.decode(#"{"zeta":1,"text":"t","alpha":[true],"id":"i","mid":"m","b":{"y":1,"x":2}}"#)
        #expect(document.fields.map(\.name) == ["zeta", "alpha", "mid", "b"])
        #expect(document.fields.map(\.value.description) == ["1", "[true]", #""m""#, #"{"y":1,"x":2}"#])
        #expect(
            Support.encode(document) == #"{"id":"i","text":"t","zeta":1,"alpha":[true],"mid":"m","b":{"y":1,"x":2}}"#)
    }

    @Test func prettyValuesAreCompacted() throws {
        let json = """
            {
              "text" : "t",
              "meta" : {
                "list" : [ 1 ,\t2.5e-3 , { "key with space" : "value  with : spaces, and \\" quote" } ],
                "empty" : { },
                "none" : [ ]
              }
            }\r
            """
        let document = try Support.decode(json)
        #expect(
            document.field("meta")?.description
                == #"{"list":[1,2.5e-3,{"key with space":"value  with : spaces, and \" quote"}],"empty":{},"none":[]}"#)
    }

    /// Numbers are kept as written, whatever their size (Foundation rejects 1e400).
    @Test func numbersAreKeptAsWritten() throws {
        let document = try Support.decode(
            #"{"text":"t","big":1e400,"long":123456789012345678901234567890.50,"neg":-0.0E-0}"#)
        #expect(document.fields.map(\.value.description) == ["1e400", "123456789012345678901234567890.50", "-0.0E-0"])
    }

    @Test func stringsInFieldsKeepTheirEscapes() throws {
        let document = try Support.decode(#"{"text":"t","s":"a\/b\u00e9\n\ud83d\ude00"}"#)
        #expect(document.field("s")?.description == #""a\/b\u00e9\n\ud83d\ude00""#)
    }

    @Test func everyEscapeIsDecoded() throws {
        let document = try Support.decode(
            #"{"text":"q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u20AC\ud83d\ude00 \u0000|\uFEFF|\u2028"}"#)
        #expect(Array(document.text.utf8) == Array("q\" b\\ s/ \u{8}\u{C}\n\r\t Aé€😀 \u{0}|\u{FEFF}|\u{2028}".utf8))
    }

    @Test func escapesInKeysAndKnownValues() throws {
        let document = try Support.decode(#"{"\u0074ext":"T","\u0069d":"\u0031","ti\u0074le":"\"H\"","f\u00e9":1}"#)
        #expect(document.text == "T")
        #expect(document.id == "1")
        #expect(document.title == "\"H\"")
        #expect(document.fields.map(\.name) == ["fé"])
    }

    @Test func rawUnicodeAndByteOrderMarksInStrings() throws {
        let text = "\u{FEFF}start é e\u{301} 中文 😀 \u{10FFFF} \u{FEFF}"
        var line: [UInt8] = []
        JSONWriter.appendDocument(Document(id: "\u{FEFF}", text: text), to: &line)
        let document = try DocumentDecoder.decode(line, defaultID: "d", source: nil)
        #expect(Array(document.text.utf8) == Array(text.utf8))
        #expect(Array(document.id.utf8) == [0xEF, 0xBB, 0xBF])
    }

    @Test func whitespaceAroundTheRecordAndALeadingByteOrderMark() throws {
        #expect(try Support.decode(" \t{\"text\":\"a\"} \r").text == "a")
        #expect(
            try DocumentDecoder.decode([0xEF, 0xBB, 0xBF] + Array(#"{"text":"a"}"#.utf8), defaultID: "d", source: nil)
                .text == "a")
    }

    /// Repeated keys: the last value wins; a field keeps its first place.
    @Test func duplicateKeysLastWins() throws {
        #expect(try Support.decode(#"{"text":"a","text":"b"}"#).text == "b")
        #expect(try Support.decode(#"{"id":"a","id":7,"text":"t"}"#).id == "7")
        #expect(try Support.decode(#"{"id":7,"id":"a","text":"t"}"#).rawID == nil)
        let fields = try Support.decode(#"{"x":1,"y":2,"x":3,"text":"t"}"#).fields
        #expect(fields.map(\.name) == ["x", "y"])
        #expect(fields.map(\.value.description) == ["3", "2"])
        let title = try Support.decode(#"{"title":1,"title":"T","text":"t"}"#)
        #expect(title.title == "T")
        #expect(title.fields.isEmpty)
        let titleField = try Support.decode(#"{"title":"T","title":[1],"text":"t"}"#)
        #expect(titleField.title == nil)
        #expect(titleField.field("title")?.description == "[1]")
        #expect(
            Support.decodeError(#"{"text":"a","text":1}"#)
                == RecordError(message: #"record has no "text" string field (found a number)"#))
        // Canonically equivalent keys are still different keys.
        #expect(try Support.decode("{\"text\":\"t\",\"é\":1,\"e\u{301}\":2}").fields.count == 2)
    }

    @Test func missingOrWrongText() {
        #expect(Support.decodeError(#"{"id":"a"}"#) == RecordError(message: #"record has no "text" string field"#))
        #expect(Support.decodeError("{}") == RecordError(message: #"record has no "text" string field"#))
        #expect(
            Support.decodeError(#"{"text":null}"#)
                == RecordError(message: #"record has no "text" string field (found null)"#))
        #expect(
            Support.decodeError(#"{"text":["a"]}"#)
                == RecordError(message: #"record has no "text" string field (found an array)"#))
    }

    @Test(arguments: [
        ("[1,2]", "an array"), (#""text""#, "a string"), ("3", "a number"), ("null", "null"), ("true", "a boolean"),
    ])
    func nonObjectsAreRejected(json: String, found: String) {
        #expect(Support.decodeError(json) == RecordError(message: "expected a JSON object, found \(found)"))
    }

    // MARK: - Syntax errors

    @Test(arguments: [
        (#"{"text":"a"} x"#, 13, "expected end of input after the JSON value, found 'x'"),
        (#"{"text":"a"}{}"#, 12, "expected end of input after the JSON value, found '{'"),
        (#"{"text":"a",}"#, 12, "trailing comma before '}'"),
        (#"{"text":"a","x":[1,]}"#, 19, "trailing comma before ']'"),
        (#"{"text" "a"}"#, 8, "expected ':' after object key, found '\"'"),
        (#"{"text":"a" "x":1}"#, 12, "expected ',' or '}' after object member, found '\"'"),
        (#"{"text":"a","x":[1 2]}"#, 19, "expected ',' or ']' after array element, found '2'"),
        (#"{text:"a"}"#, 1, "expected a string key, found 't'"),
        (#"{"text":"a"#, 8, "unterminated string"),
        (#"{"text":"a\"}"#, 8, "unterminated string"),
        (#"{"text":"a""#, 11, "expected ',' or '}' after object member, found end of input"),
        ("{\"text\":\"a\tb\"}", 10, "control character U+0009 must be escaped in a string"),
        (#"{"text":"\x"}"#, 9, "invalid escape in string"),
        (#"{"text":"\u12G4"}"#, 9, #"\u escape needs four hex digits"#),
        (#"{"text":"\u12"}"#, 9, #"\u escape needs four hex digits"#),
        (#"{"text":"\ud800"}"#, 9, #"unpaired UTF-16 surrogate in \u escape"#),
        (#"{"text":"\ud800\u0041"}"#, 9, #"unpaired UTF-16 surrogate in \u escape"#),
        (#"{"text":"\udc00\ud800"}"#, 9, #"unpaired UTF-16 surrogate in \u escape"#),
        (#"{"text":"t","x":"a\ud83d"}"#, 18, #"unpaired UTF-16 surrogate in \u escape"#),
        (#"{"text":"t","x":01}"#, 17, "expected ',' or '}' after object member, found '1'"),
        (#"{"text":"t","x":1.}"#, 18, "expected a digit after '.' in number, found '}'"),
        (#"{"text":"t","x":.5}"#, 16, "expected a value, found '.'"),
        (#"{"text":"t","x":-}"#, 17, "expected a digit in number, found '}'"),
        (#"{"text":"t","x":1e}"#, 18, "expected a digit in number exponent, found '}'"),
        (#"{"text":"t","x":1e+}"#, 19, "expected a digit in number exponent, found '}'"),
        (#"{"text":"t","x":+1}"#, 16, "expected a value, found '+'"),
        (#"{"text":"t","x":tru}"#, 16, "invalid literal, expected 'true'"),
        (#"{"text":"t","x":nul"#, 16, "invalid literal, expected 'null'"),
        (#"{"text":"t","x":False}"#, 16, "expected a value, found 'F'"),
        (#"{"text":"t","x":NaN}"#, 16, "expected a value, found 'N'"),
        (#"{"text":"t","x":"\u0000"}"#, nil, nil),
        ("", 0, "expected a JSON object, found end of input"),
        ("  ", 2, "expected a value, found end of input"),
        ("{", 1, "expected a string key, found end of input"),
    ])
    func syntaxErrors(json: String, offset: Int?, message: String?) {
        let error = Support.decodeError(json)
        #expect(error == message.map { RecordError(message: "invalid JSON: \($0)", offset: offset) })
    }

    @Test func errorDescriptionHasTheOffset() {
        #expect(
            RecordError(message: "invalid JSON: unterminated string", offset: 8).description
                == "invalid JSON: unterminated string at byte 8")
        #expect(
            RecordError(message: #"record has no "text" string field"#).description
                == #"record has no "text" string field"#)
    }

    /// The offset of invalid UTF-8 is that of the first byte of the bad sequence.
    @Test(
        arguments: [
            ([0xFF], 11),  // never valid
            ([0xC3], 11),  // truncated by the next byte
            ([0xC0, 0x80], 11),  // overlong NUL
            ([0xE0, 0x80, 0x80], 11),  // overlong
            ([0xED, 0xA0, 0x80], 11),  // UTF-8 encoded surrogate
            ([0xF4, 0x90, 0x80, 0x80], 11),  // beyond U+10FFFF
            ([0xF5, 0x80, 0x80, 0x80], 11),
            ([0x80], 11),  // lone continuation byte
            ([0x61, 0xE2, 0x82], 12),  // truncated euro sign
            ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xBF], 20),  // after a full 8-byte word
        ] as [([UInt8], Int)])
    func invalidUTF8InText(bad: [UInt8], offset: Int) {
        let line = Array(#"{"text":"é"#.utf8) + bad + Array(#"z"}"#.utf8)
        #expect(Support.decodeError(line) == RecordError(message: "invalid UTF-8", offset: offset))
    }

    @Test func invalidUTF8Elsewhere() {
        let key = Array(#"{"text":"t",""#.utf8) + [0xFE] + Array(#"":1}"#.utf8)
        #expect(Support.decodeError(key) == RecordError(message: "invalid UTF-8", offset: 13))
        let field = Array(#"{"text":"t","x":{"y":["#.utf8) + [0x22, 0xC3, 0x28, 0x22] + Array("]}}".utf8)
        #expect(Support.decodeError(field) == RecordError(message: "invalid UTF-8", offset: 23))
        let outside = Array(#"{"text":"t"}"#.utf8) + [0x20, 0xFF]
        #expect(Support.decodeError(outside) == RecordError(message: "invalid UTF-8", offset: 13))
        let afterBackslash = Array(#"{"text":"\"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(Support.decodeError(afterBackslash) == RecordError(message: "invalid UTF-8", offset: 10))
        let nonASCIIOutside = Array("{\"text\":\"t\",é}".utf8)
        #expect(
            Support.decodeError(nonASCIIOutside)
                == RecordError(message: "invalid JSON: expected a string key, found 'é'", offset: 12))
    }

    @Test func nestingIsLimited() throws {
        func nested(_ depth: Int) -> String {
            // The record itself is one level.
            #"{"text":"t","x":"# + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
                + "}"
        }
        #expect(try Support.decode(nested(512)).field("x")?.bytes.count == 1022)
        // The 512th '[' is the 513th level.
        #expect(
            Support.decodeError(nested(513))
                == RecordError(message: "invalid JSON: nesting deeper than 512 levels", offset: 16 + 511))
        let deep = "{\"text\":\"t\",\"x\":" + String(repeating: "{\"a\":[", count: 100_000)
        #expect(Support.decodeError(deep)?.message == "invalid JSON: nesting deeper than 512 levels")
        let deepArray = String(repeating: "[", count: 100_000)
        #expect(Support.decodeError(deepArray)?.message == "invalid JSON: nesting deeper than 512 levels")
    }

    @Test func offsetsAreRelativeToTheGivenBytes() {
        let buffer = Array("garbage{\"text\":\"a\"x}garbage".utf8)
        buffer.withUnsafeBytes { raw in
            let line = UnsafeRawBufferPointer(rebasing: raw[7..<20])
            #expect(
                throws: RecordError(
                    message: "invalid JSON: expected ',' or '}' after object member, found 'x'", offset: 11)
            ) {
                try DocumentDecoder.decode(line, defaultID: "d", source: nil)
            }
            let cut = UnsafeRawBufferPointer(rebasing: raw[7..<18])
            #expect(
                throws: RecordError(
                    message: "invalid JSON: expected ',' or '}' after object member, found end of input", offset: 11)
            ) {
                try DocumentDecoder.decode(cut, defaultID: "d", source: nil)
            }
        }
    }

    // MARK: - Files

    @Test func fileWithABadElementInTheMiddle() throws {
        let file = """
            [
              {"text": "first"},
              [1, 2],
              {"id": "no-text"},
              {"text": 3},
              {"text": "last", "id": 9}
            ]

            """
        let records = try DocumentDecoder.decodeFile(Array(file.utf8), idForIndex: { "f.json:\($0)" }, source: "f.json")
        #expect(records.count == 5)
        #expect(try records[0].get() == Document(id: "f.json:0", text: "first", source: "f.json"))
        #expect(records[1] == .failure(RecordError(message: "expected a JSON object, found an array")))
        #expect(records[2] == .failure(RecordError(message: #"record has no "text" string field"#)))
        #expect(records[3] == .failure(RecordError(message: #"record has no "text" string field (found a number)"#)))
        #expect(try records[4].get().id == "9")
    }

    @Test func fileWithOneObjectOrNone() throws {
        let one = try DocumentDecoder.decodeFile(Array(#" {"text":"a"} "#.utf8), idForIndex: { "i\($0)" }, source: nil)
        #expect(try one.map { try $0.get() } == [Document(id: "i0", text: "a")])
        #expect(try DocumentDecoder.decodeFile(Array("[ ]".utf8), idForIndex: { "i\($0)" }, source: nil).isEmpty)
        let scalar = try DocumentDecoder.decodeFile(Array(#""text""#.utf8), idForIndex: { "i\($0)" }, source: nil)
        #expect(
            scalar == [.failure(RecordError(message: "expected a JSON object or an array of objects, found a string"))])
    }

    @Test(arguments: [
        (#"[{"text":"a"}, {"text":"b",}]"#, 27), (#"[{"text":"a"},]"#, 14), (#"[{"text":"a"} {"text":"b"}]"#, 14),
        (#"[{"text":"a"}"#, 13), (#"[{"text":"a"}] x"#, 15), (#"[[1,2}]"#, 5), ("", 0),
    ])
    func syntaxErrorsInAFileThrow(file: String, offset: Int) {
        #expect {
            try DocumentDecoder.decodeFile(Array(file.utf8), idForIndex: { "\($0)" }, source: nil)
        } throws: { error in
            (error as? RecordError)?.offset == offset
        }
    }

    // MARK: - Against Foundation

    /// Whatever Foundation writes, the decoder reads back as the same values;
    /// pretty-printed input gives the same fields, byte for byte, as compact input.
    @Test func readsWhatFoundationWrites() throws {
        var random = JSONTestRandom(seed: 0x5EED_0002)
        for _ in 0..<300 {
            var object: [String: Any] = ["text": random.string(maxPieces: 60)]
            if Bool.random(using: &random) { object["id"] = random.string() }
            if Bool.random(using: &random) { object["title"] = random.string() }
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                object[random.fieldName()] = random.foundationValue()
            }
            let compact = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            let pretty = Array(
                try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]))
            let document = try DocumentDecoder.decode(compact, defaultID: "default", source: nil)
            #expect(try DocumentDecoder.decode(pretty, defaultID: "default", source: nil) == document)

            #expect(Array(document.text.utf8) == (object["text"] as? String).map { Array($0.utf8) })
            #expect(Array(document.id.utf8) == Array(((object["id"] as? String) ?? "default").utf8))
            #expect(document.title.map { Array($0.utf8) } == (object["title"] as? String).map { Array($0.utf8) })
            #expect(
                document.fields.count == object.count - 1 - (object["id"] == nil ? 0 : 1)
                    - (object["title"] == nil ? 0 : 1))
            for field in document.fields {
                let expected = try #require(object[field.name])
                #expect(try Support.canonical(fragment: field.value) == Support.canonical(expected))
                #expect(!field.value.bytes.contains(UInt8(ascii: "\n")))
            }
        }
    }

    /// Writer then decoder gives back the very same document.
    @Test func roundTripsItsOwnOutput() throws {
        var random = JSONTestRandom(seed: 0x5EED_0003)
        for _ in 0..<300 {
            var fields: [(name: String, value: JSONFragment)] = []
            for index in 0..<Int.random(in: 0...4, using: &random) {
                let value = try Support.canonical(random.foundationValue())
                fields.append(("\(index)" + random.fieldName(), JSONFragment(trustedBytes: value)))
            }
            let document = Document(
                id: random.string() + "\u{FEFF}", text: "\u{FEFF}" + random.string(maxPieces: 60),
                title: Bool.random(using: &random) ? random.string() : nil, source: random.string(), fields: fields)
            var line: [UInt8] = []
            JSONWriter.appendDocument(document, to: &line)
            #expect(try DocumentDecoder.decode(line, defaultID: "d", source: "other") == document)
        }
    }

    /// Random damage to valid lines: the decoder never crashes, and rejects
    /// exactly what Foundation rejects, except where noted.
    @Test func fuzzAgainstFoundation() throws {
        var random = JSONTestRandom(seed: 0x5EED_0004)
        var seeds = [
            #"{"id":"a1","title":"T","text":"Hello \"world\"\n\u00e9\ud83d\ude00","tags":["x","y"],"n":-1.5e3}"#,
            #"{"id": 42, "text": "plain", "meta": {"a": [1, 2, {"b": null}], "c": true, "d": false}}"#,
            "{\"text\":\"é中😀 \\\\ /\",\"source\":\"s\",\"x\":0,\"y\":[],\"z\":{}}",
            #"{"id":null,"text":"","title":null,"e":"\u0000\u001f\t","f":0.5E+10}"#,
        ].map { Array($0.utf8) }
        for _ in 0..<12 {
            var line: [UInt8] = []
            let fields = [
                (
                    name: random.fieldName(),
                    value: JSONFragment(trustedBytes: try Support.canonical(random.foundationValue()))
                )
            ]
            JSONWriter.appendDocument(
                Document(id: random.string(maxPieces: 4), text: random.string(maxPieces: 12), fields: fields), to: &line
            )
            seeds.append(line)
        }
        let alphabet: [UInt8] =
            Array(#"{}[]:,"\ 019-+.eEtrufalsn"#.utf8) + [
                0x09, 0x0A, 0x0D, 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF,
            ]

        var checked = 0
        for _ in 0..<4000 {
            var input = seeds.randomElement(using: &random) ?? []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                guard !input.isEmpty else { break }
                let index = Int.random(in: 0..<input.count, using: &random)
                let byte =
                    Bool.random(using: &random)
                    ? alphabet.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: input[index] = byte
                case 1: input.remove(at: index)
                case 2: input.insert(byte, at: index)
                case 3: input.removeLast(input.count - index)
                default:
                    let end = Int.random(in: index...input.count, using: &random)
                    input.insert(contentsOf: input[index..<end], at: index)
                }
            }
            let foundation = try? JSONSerialization.jsonObject(with: Data(input))
            let ours = Result { () throws(RecordError) in try DocumentDecoder.decode(input, defaultID: "d", source: nil)
            }
            let context = Comment(rawValue: String(decoding: input, as: UTF8.self).debugDescription)
            switch (foundation, ours) {
            case (nil, .success):
                // Foundation rejects numbers beyond Double's range; JSON has no such limit.
                if hasHugeNumber(input) { break }
                Issue.record("accepted what Foundation rejects: \(context)")
            case (nil, .failure):
                break
            case (let value?, .failure(let error)):
                if isTrailingComma(error, in: input) { break }  // Foundation accepts trailing commas.
                #expect(error.offset == nil, "rejected as JSON what Foundation accepts: \(error) \(context)")
                if let object = value as? [String: Any] {
                    let idIsValid =
                        object["id"].map { $0 is NSNull || $0 is String || ($0 is NSNumber && !isBoolean($0)) } ?? true
                    #expect(!(object["text"] is String) || !idIsValid, "\(error) \(context)")
                }
            case (let value?, .success(let document)):
                let object = try #require(value as? [String: Any], context)
                #expect((object["text"] as? String).map { Array($0.utf8) } == Array(document.text.utf8), context)
                if let id = object["id"] as? String { #expect(Array(id.utf8) == Array(document.id.utf8), context) }
                #expect(
                    (object["title"] as? String).map { Array($0.utf8) } == document.title.map { Array($0.utf8) },
                    context)
                checked += 1
            }
        }
        // Most damage breaks the JSON; enough must survive to check the values.
        #expect(checked > 200)
    }

    /// Whether `error` is a trailing comma, checked from the bytes rather than the message alone.
    private func isTrailingComma(_ error: RecordError, in input: [UInt8]) -> Bool {
        guard
            error.message.hasSuffix("trailing comma before '}'")
                || error.message.hasSuffix("trailing comma before ']'"),
            let offset = error.offset, offset < input.count,
            input[offset] == UInt8(ascii: "}") || input[offset] == UInt8(ascii: "]")
        else { return false }
        return input[..<offset].last { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: ",")
    }

    /// Whether `input` holds a number literal too big for a `Double`.
    private func hasHugeNumber(_ input: [UInt8]) -> Bool {
        let text = String(decoding: input, as: UTF8.self)
        let numbers = text.matches(of: /-?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+/)
        return numbers.contains { Double(String($0.output.0))?.isInfinite == true }
    }

    private func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}
