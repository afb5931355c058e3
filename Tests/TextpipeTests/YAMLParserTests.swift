import Foundation
import Testing

@testable import Textpipe

/// The tree as a compact line: `~` null, `true`, `i:7` int, `f:0.5` float,
/// `"text"` string (Swift's escapes), `[…]` list, `{k: v}` mapping.
func render(_ node: YAMLNode?) -> String {
    guard let node else { return "(none)" }
    switch node.content {
    case .scalar(let scalar):
        switch scalar.value {
        case .null: return "~"
        case .bool(let value): return "\(value)"
        case .int: return "i:\(scalar.text)"
        case .float: return "f:\(scalar.text)"
        case .string: return "\(scalar.text.debugDescription)"
        }
    case .sequence(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
    case .mapping(let pairs):
        return "{" + pairs.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// `yaml` parsed and rendered, or its error as `line:column: message`.
func parsed(_ yaml: String) -> String {
    do {
        return render(try YAMLParser.parse(yaml))
    } catch {
        return "\(error.mark.line):\(error.mark.column): \(error.message)"
    }
}

/// Cases in the manner of the YAML test suite, limited to what a pipeline file can hold.
@Suite struct YAMLParserTests {
    @Test(arguments: [
        // Block collections.
        ("a: 1\nb:\n  - x\n  - y\n", #"{"a": i:1, "b": ["x", "y"]}"#),
        ("- a: 1\n  b: 2\n- c\n-\n", #"[{"a": i:1, "b": i:2}, "c", ~]"#),
        ("stages:\n- one\n- two\n", #"{"stages": ["one", "two"]}"#),
        ("a:\n  b:\n    c: d\n", #"{"a": {"b": {"c": "d"}}}"#),
        // Flow collections, nested and spread over lines.
        ("{a: [1, 2], b: {c: d}, e: []}", #"{"a": [i:1, i:2], "b": {"c": "d"}, "e": []}"#),
        ("[a,\n  b, {c: d},\n]\n", #"["a", "b", {"c": "d"}]"#),
        ("- [x, y]\n- {}\n", #"[["x", "y"], {}]"#),
        // Plain scalars: multi-line folding, inner spaces and punctuation kept.
        ("a: one\n  two\n\n  three\n", #"{"a": "one two\nthree"}"#),
        ("a: title+text, then: more\n", "1:20: invalid YAML: mapping values are not allowed in this context"),
        ("a: x#y\nb: http://example.org/p?q=1\n", #"{"a": "x#y", "b": "http://example.org/p?q=1"}"#),
        // Quoted scalars.
        ("a: 'it''s\n  here'\n", #"{"a": "it\'s here"}"#),
        (#"a: "tab\there\nnew \u00e9 \"q\"""#, #"{"a": "tab\there\nnew é \"q\""}"#),
        ("a: \"line one\\\n  continued\"\n", #"{"a": "line onecontinued"}"#),
        // Block scalars: literal and folded, with chomping.
        ("a: |\n  line 1\n  line 2\n", #"{"a": "line 1\nline 2\n"}"#),
        ("a: |-\n  kept\n\nb: x\n", #"{"a": "kept", "b": "x"}"#),
        ("a: |+\n  kept\n\nb: x\n", #"{"a": "kept\n\n", "b": "x"}"#),
        ("a: >\n  one\n  two\n\n  three\n", #"{"a": "one two\nthree\n"}"#),
        ("a: >2\n   indented\n  text\n", #"{"a": " indented\ntext\n"}"#),
        // Comments anywhere a comment may be.
        ("# head\na: 1 # after\n# between\nb: [x, # inside\n  y]\n# tail\n", #"{"a": i:1, "b": ["x", "y"]}"#),
        // Document markers and directives.
        ("---\na: 1\n...\n", #"{"a": i:1}"#),
        ("%YAML 1.2\n---\na: 1\n", #"{"a": i:1}"#),
        ("--- # a comment\n", "~"),
        ("", "(none)"),
        ("# only a comment\n", "(none)"),
        ("a: 1\n---\nb: 2\n", "2:1: a pipeline file holds one YAML document, found a second one"),
        // Anchors and aliases; an anchor may be redefined, the later one wins.
        ("a: &x [1, 2]\nb: *x\n", #"{"a": [i:1, i:2], "b": [i:1, i:2]}"#),
        ("a: &x 1\nb: &x 2\nc: *x\n", #"{"a": i:1, "b": i:2, "c": i:2}"#),
        ("a: *x\n", "1:4: invalid YAML: found undefined alias '*x'"),
        ("a: &x [*x]\n", "1:8: invalid YAML: found undefined alias '*x'"),
        // Keys of different types are different keys; the same key twice is an error at the second.
        ("1: a\n'1': b\n", #"{i:1: "a", "1": "b"}"#),
        ("a: 1\nb: 2\na: 3\n", "3:1: duplicate key 'a' in a mapping"),
        ("x: {k: 1, k: 2}\n", "1:11: duplicate key 'k' in a mapping"),
        ("a: &k key\n*k : 1\nkey: 2\n", "3:1: duplicate key 'key' in a mapping"),
        // Tags: the core schema's own, validated; others rejected.
        ("a: !!str 5\nb: !!float 1\nc: ! 5\n", #"{"a": "5", "b": f:1, "c": "5"}"#),
        ("a: !!int x\n", "1:4: 'x' is not a valid !!int value"),
        ("a: !thing x\n", "1:4: unsupported YAML tag '!thing'"),
    ])
    func parses(yaml: String, expected: String) {
        #expect(parsed(yaml) == expected)
    }

    /// The YAML 1.2 core schema, and quoted scalars always strings.
    @Test(arguments: [
        ("~", "~"), ("null", "~"), ("Null", "~"), ("NULL", "~"), ("", "~"),
        ("true", "true"), ("True", "true"), ("FALSE", "false"),
        ("0", "i:0"), ("-19", "i:-19"), ("+12", "i:+12"), ("0o14", "i:0o14"), ("0x1F", "i:0x1F"), ("007", "i:007"),
        ("1.5", "f:1.5"), ("-.5", "f:-.5"), ("5.", "f:5."), ("1e3", "f:1e3"), ("2.5E-3", "f:2.5E-3"),
        (".inf", "f:.inf"), ("-.Inf", "f:-.Inf"), (".NaN", "f:.NaN"),
        // YAML 1.1 spellings that the core schema leaves as strings.
        ("yes", #""yes""#), ("off", #""off""#), ("1_000", #""1_000""#), ("0b101", #""0b101""#), ("12:30", #""12:30""#),
        ("0o8", #""0o8""#), ("0x", #""0x""#), (".", #"".""#), ("1e", #""1e""#), ("nulls", #""nulls""#),
        ("'1'", #""1""#), ("\"true\"", #""true""#), ("'~'", #""~""#), ("''", #""""#),
    ])
    func coreSchema(scalar: String, expected: String) {
        #expect(parsed("v: \(scalar)\n") == #"{"v": \#(expected)}"#)
    }

    @Test func numbersConvertAsTheyRead() {
        #expect(YAMLCoreSchema.integer("0x1F", as: Int.self) == 31)
        #expect(YAMLCoreSchema.integer("0o14", as: Int.self) == 12)
        #expect(YAMLCoreSchema.integer("+12", as: Int.self) == 12)
        #expect(YAMLCoreSchema.integer("300", as: UInt8.self) == nil)
        #expect(YAMLCoreSchema.double("-.5") == -0.5)
        #expect(YAMLCoreSchema.double("5.") == 5)
        #expect(YAMLCoreSchema.double("1.e2") == 100)
        #expect(YAMLCoreSchema.double("-.inf") == -.infinity)
        #expect(YAMLCoreSchema.double(".nan")?.isNaN == true)
        #expect(YAMLCoreSchema.double("0x10") == 16)
    }

    /// Lines and columns as libyaml counts them: columns in Unicode scalars,
    /// so `é` is one column and the flag 🇵🇰 (one character, two scalars) two.
    @Test func marksCountUnicodeScalars() throws {
        let root = try #require(try YAMLParser.parse("stages:\n  - é: x\n  - 🇵🇰: y\n"))
        let items = try #require(root["stages"]?.sequence)
        #expect(
            items.map { $0.mapping?.first?.value.mark } == [YAMLMark(line: 2, column: 8), YAMLMark(line: 3, column: 9)])
        #expect(items.map(\.mark) == [YAMLMark(line: 2, column: 5), YAMLMark(line: 3, column: 5)])
        // A value reached through an alias carries the mark of where it is
        // written, which libyaml puts at its anchor.
        let aliased = try #require(try YAMLParser.parse("a: &x [1]\nb: *x\n"))
        #expect(aliased["b"]?.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func aLeadingByteOrderMarkIsNotAColumn() {
        #expect(parsed("\u{FEFF}a: [x\n") == parsed("a: [x\n"))
        #expect(parsed("\u{FEFF}a: 1\n") == #"{"a": i:1}"#)
        #expect(parsed("\u{FEFF}a: 1 b: 2\n") == "1:7: invalid YAML: mapping values are not allowed in this context")
    }

    @Test func mergeKeysExpandOwnKeysWinningThenEarlierMerges() throws {
        let yaml = """
            p: &p { x: 1, y: 1 }
            q: &q { y: 2, z: 2 }
            one: { <<: *p, y: 3 }
            two: { <<: [*p, *q] }
            bad: { <<: 5, <<: [x] }
            """
        #expect(parsed(yaml).hasPrefix("5:15: duplicate key '<<'"))
        let root = try #require(try YAMLParser.parse(yaml.replacingOccurrences(of: "<<: [x] ", with: "")))
        func lastWins(_ key: String) -> String {
            var values: [String: String] = [:]
            var order: [String] = []
            for pair in root[key]?.mergedPairs() ?? [] {
                let name = pair.key.scalar?.text ?? "?"
                if values.updateValue(render(pair.value), forKey: name) == nil { order.append(name) }
            }
            return order.map { "\($0)=\(values[$0] ?? "")" }.joined(separator: " ")
        }
        #expect(lastWins("one") == "x=i:1 y=i:3")
        #expect(lastWins("two") == "y=i:1 z=i:2 x=i:1")
        var invalid: [String] = []
        _ = root["bad"]?.mergedPairs { invalid.append(render($0)) }
        #expect(invalid == ["i:5"])
        // `'<<'` quoted is an ordinary key.
        #expect(try YAMLParser.parse("{'<<': 1}")?.mergedPairs().count == 1)
    }

    @Test func serializesAsDescribeShowsOptions() throws {
        func yaml(_ text: String) throws -> String? {
            try YAMLParser.parse(text).flatMap(YAMLEmitter.serialize)
        }
        #expect(try yaml("{ near_threshold: 0.8 }") == "near_threshold: 0.8")
        #expect(try yaml("{ b: [1, 'two'], a: {}, c: \"x\" }") == "b:\n- 1\n- 'two'\na: {}\nc: \"x\"")
        #expect(try yaml("{}") == "{}")
        #expect(try yaml("{ name: Zoë, a: &x [1], b: *x }") == "name: Zoë\na:\n- 1\nb:\n- 1")
        // A plain value that would not read back plain is quoted.
        #expect(try yaml("{ k: '- x' }") == "k: '- x'")
    }
}

/// The bounds that keep a hostile or mistaken file from hanging or crashing the loader.
@Suite struct YAMLLimitTests {
    @Test func anAliasBombEndsAtOnce() {
        // Nine levels of nine aliases: 387,420,489 strings once expanded.
        var yaml = "a: &a [\(Array(repeating: "lol", count: 9).joined(separator: ","))]\n"
        for (level, name) in "bcdefghij".enumerated() {
            let previous = "abcdefghij".map(String.init)[level]
            yaml += "\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ","))]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(
            parsed(yaml)
                == "7:8: alias '*f' expands the document past \(YAMLParser.maxExpandedNodes) nodes")
        #expect(clock.now - start < .seconds(1))
    }

    @Test func nestingPastTheBoundIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(parsed(deep) == "1:101: YAML nested deeper than 100 levels")
        let deepest = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(parsed(deepest).hasPrefix("[[["))
        // `- - - x` is a list in a list in a list, in block style.
        let blocks = String(repeating: "- ", count: 10_000) + "x\n"
        #expect(parsed(blocks) == "1:201: YAML nested deeper than 100 levels")
    }

    @Test func aFileOverTheSizeBoundIsRefusedUnread() throws {
        let big = "stages:\n" + String(repeating: "  - normalize\n", count: 10 * 1024 * 1024 / 14)
        #expect(parsed(big) == "1:1: the file is 10.0 MiB; a pipeline file is at most 1 MiB")
        // A long list under the bound parses whole.
        let list = "stages: [" + String(repeating: "a,", count: 100_000) + "]\n"
        #expect(try YAMLParser.parse(list)?["stages"]?.sequence?.count == 100_000)
    }

    @Test func readerErrorsPointAtTheCharacter() {
        #expect(parsed("a: x\nb: é\u{1}\n") == "2:5: invalid YAML: control characters are not allowed")
    }
}
