import Foundation
import Testing

@testable import Textpipe

/// Options of every shape a stage uses, decoded the way stages decode them.
struct Everything: Decodable, Equatable {
    var count = 0
    var seed: UInt64 = 0
    var ratio = 0.0
    var flag = false
    var name = ""
    var names: [String] = []
    var nested: [String: Int] = [:]
    var maybe: Double? = 1

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.options()
        count = try c.option("count", default: count)
        seed = try c.option("seed", default: seed)
        ratio = try c.option("ratio", default: ratio)
        flag = try c.option("flag", default: flag)
        name = try c.option("name", default: name)
        names = try c.option("names", default: names)
        nested = try c.option("nested", default: nested)
        if c.contains(OptionKey("maybe")), try c.decodeNil(forKey: OptionKey("maybe")) {
            maybe = nil
        }
    }
}

@Suite struct YAMLNodeDecoderTests {
    func decode(_ yaml: String) throws -> Everything {
        let node = try #require(try YAMLParser.parse(yaml))
        return try YAMLNodeDecoder.decode(Everything.self, from: node)
    }

    /// The decoding error for `yaml`, as `line:column expected-type`.
    func failure(_ yaml: String) throws -> String {
        let error = try #require(throws: DecodingError.self) { try decode(yaml) }
        guard case .typeMismatch(let type, let context) = error,
            let node = (context.underlyingError as? YAMLValueError)?.node
        else { return "\(error)" }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return "\(node.mark.line):\(node.mark.column) \(path) \(type)"
    }

    @Test func decodesEveryShape() throws {
        var expected = Everything()
        (expected.count, expected.seed, expected.ratio, expected.flag) = (31, .max, 2, true)
        (expected.name, expected.names, expected.nested, expected.maybe) = ("7", ["a", "b c"], ["x": 1], nil)
        let yaml = """
            count: 0x1F
            seed: 18446744073709551615
            ratio: 2
            flag: true
            name: 7
            names: [a, 'b c']
            nested: { x: 1 }
            maybe: ~
            """
        #expect(try decode(yaml) == expected)
        #expect(try decode("{}") == Everything())
        #expect(try decode("{ maybe: 2 }").maybe == 1)
    }

    @Test func mergeKeysDecodeWithOwnKeysWinning() throws {
        let root = try #require(try YAMLParser.parse("base: &b { count: 1, name: base }\nopts: { <<: *b, name: own }"))
        let options = try YAMLNodeDecoder.decode(Everything.self, from: try #require(root["opts"]))
        #expect(options.count == 1)
        #expect(options.name == "own")
    }

    @Test func typeErrorsCarryTheValuesPosition() throws {
        #expect(try failure("count: three") == "1:8 count Int")
        #expect(try failure("count: 2.5") == "1:8 count Int")
        #expect(try failure("count: '3'") == "1:8 count Int")
        #expect(try failure("count: 99999999999999999999") == "1:8 count Int")
        #expect(try failure("seed: -1") == "1:7 seed UInt64")
        #expect(try failure("ratio: '0.5'") == "1:8 ratio Double")
        #expect(try failure("flag: yes") == "1:7 flag Bool")
        #expect(try failure("name: [a]") == "1:7 name String")
        #expect(try failure("names: a") == "1:8 names Array<String>")
        #expect(try failure("names:\n  - a\n  - {b: c}\n") == "3:5 names.1 String")
        #expect(try failure("nested: { x: y }") == "1:14 nested.x Int")
        // Through an alias, the position is where the value is written (libyaml: at its anchor).
        #expect(try failure("{ x: &v nope, count: *v }") == "1:6 count Int")
    }

    @Test func nullForARequiredValueIsValueNotFound() throws {
        let node = try #require(try YAMLParser.parse("[1, ~]"))
        let error = try #require(throws: DecodingError.self) { try YAMLNodeDecoder.decode([Int].self, from: node) }
        guard case .valueNotFound(_, let context) = error else {
            Issue.record("expected valueNotFound, got \(error)")
            return
        }
        #expect((context.underlyingError as? YAMLValueError)?.node.mark == YAMLMark(line: 1, column: 5))
    }

    @Test func standardDecodableTypesWork() throws {
        let node = try #require(try YAMLParser.parse("{ a: [1.5, 2], b: { c: [true, false] } }"))
        struct Plain: Decodable, Equatable {
            var a: [Float]
            var b: [String: [Bool]]
        }
        #expect(try YAMLNodeDecoder.decode(Plain.self, from: node) == Plain(a: [1.5, 2], b: ["c": [true, false]]))
    }
}
