import Testing

@testable import TextpipeReport

@Suite("JSONValue")
struct JSONValueTests {
    private func parse(_ json: String) -> JSONValue? { JSONValue(parsing: Array(json.utf8)) }

    @Test func readsEveryKindOfValue() {
        let value = parse(#" {"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}, "e": {}, "f": []} "#)
        #expect(
            value
                == .object([
                    ("a", .array([.number(1), .number(-25), .bool(true), .bool(false), .null])),
                    ("b", .object([("c", .string("d"))])), ("e", .object([])), ("f", .array([])),
                ]))
        #expect(value?["b"]?["c"]?.string == "d")
        #expect(value?["a"]?.elements.compactMap(\.int) == [1, -25])
        #expect(value?["missing"] == nil)
    }

    @Test func decodesStringEscapesAndSurrogatePairs() {
        #expect(parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00x""#)?.string == "a\"b\\c/d\n\té😀x")
        #expect(parse(#""plain é 王""#)?.string == "plain é 王")
        #expect(parse(#""\u0041\u030A""#)?.string == "A\u{30A}")
    }

    @Test func wholeNumbersOnlyAreInts() {
        #expect(parse("3")?.int == 3)
        #expect(parse("3.5")?.int == nil)
        #expect(parse("1e300")?.int == nil)
        #expect(parse("\"3\"")?.int == nil)
    }

    @Test func refusesWhatIsNotOneValue() {
        for bad in ["", "{", "[1,", #"{"a" 1}"#, "tru", "1 2", #""\x""#, #""\ud800""#, "[1}"] {
            #expect(parse(bad) == nil, "\(bad)")
        }
    }

    @Test func theLastOfRepeatedKeysWins() {
        #expect(parse(#"{"a":1,"a":2}"#)?["a"]?.int == 2)
    }
}
