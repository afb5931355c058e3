import Foundation
import Testing

@testable import Textpipe

/// Malformed pipeline files, as bytes on disk: each gives exactly one
/// `FILE:LINE:COL: error:` from the loader, quickly and without a crash.
/// `Tests/CLITests/MalformedPipelineCLITests.swift` runs the same files
/// through `textpipe validate` for the exit code.
@Suite struct MalformedPipelineTests {
    static let aliasBomb: [UInt8] = {
        var text = "a: &a [\(Array(repeating: "lol", count: 9).joined(separator: ","))]\n"
        let names = "abcdefghij".map(String.init)
        for level in 1..<names.count {
            let aliases = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",")
            text += "\(names[level]): &\(names[level]) [\(aliases)]\n"
        }
        return Array((text + "stages: []\n").utf8)
    }()

    static let cases: [(name: String, bytes: [UInt8], expected: String)] = [
        (
            "tab", Array("stages:\n\t- normalize\n".utf8),
            ":2:1: error: invalid YAML: found character that cannot start any token while scanning for the next token at line 2, column 1 (hint: YAML indents with spaces; a tab may not start a token)"
        ),
        (
            "unclosed-single-quote", Array("description: 'unclosed\nstages: []\n".utf8),
            ":3:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar at line 1, column 14"
        ),
        (
            "unclosed-double-quote", Array("description: \"unclosed\nstages: []\n".utf8),
            ":3:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar at line 1, column 14"
        ),
        (
            "unclosed-bracket", Array("stages: [normalize, dedupe\n".utf8),
            ":2:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence at line 1, column 9"
        ),
        (
            "unclosed-brace", Array("stages:\n  - dedupe: { near_threshold: 0.8\n".utf8),
            ":3:1: error: invalid YAML: did not find expected ',' or '}' while parsing a flow mapping at line 2, column 13"
        ),
        (
            "bad-indentation", Array("stages:\n  - normalize\n - dedupe\n".utf8),
            ":3:2: error: invalid YAML: did not find expected key while parsing a block mapping at line 1, column 1"
        ),
        (
            "over-indented-key", Array("description: x\n  stages: []\n".utf8),
            ":2:9: error: invalid YAML: mapping values are not allowed in this context"
        ),
        (
            "byte-order-mark", [0xEF, 0xBB, 0xBF] + Array("stages: [normalize\n".utf8),
            ":2:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence at line 1, column 9"
        ),
        (
            "utf-16", [0xFF, 0xFE] + Array("stages: []\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ":1:1: error: the file is UTF-16 (it starts with a UTF-16 byte-order mark); a pipeline file is UTF-8 (hint: save it as UTF-8)"
        ),
        (
            "invalid-utf-8", Array("description: caf".utf8) + [0xE9] + Array("\nstages: []\n".utf8),
            ":1:17: error: the file is not UTF-8 text: byte 0xE9 does not start a character (hint: save it as UTF-8)"
        ),
        (
            "ten-megabytes",
            Array(("stages:\n" + String(repeating: "  - normalize\n", count: 10 * 1024 * 1024 / 14)).utf8),
            ":1:1: error: the file is 10.0 MiB; a pipeline file is at most 1 MiB (hint: is this the right file?)"
        ),
        (
            "ten-thousand-nested",
            Array(("stages: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
            ":1:108: error: YAML nested deeper than 100 levels (hint: a pipeline file needs a few levels; is this the right file?)"
        ),
        (
            "alias-bomb", aliasBomb,
            ":7:8: error: alias '*f' expands the document past 1000000 nodes (hint: aliases of aliases multiply (an alias bomb); write the values out or alias less)"
        ),
        (
            "control-character", Array("description: a\u{1}b\nstages: []\n".utf8),
            ":1:15: error: invalid YAML: control characters are not allowed"
        ),
    ]

    @Test(arguments: cases.map(\.name))
    func givesOneErrorAtItsPosition(name: String) throws {
        let (_, bytes, expected) = try #require(Self.cases.first { $0.name == name })
        let directory = try TemporaryDirectory()
        let path = directory.path + "/\(name).yaml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: PipelineError.self) {
            try PipelineLoader.load(path: path, catalog: testCatalog)
        }
        #expect(clock.now - start < .seconds(5))
        #expect(error.diagnostics.count == 1)
        #expect(error.description == path + expected)
    }

    @Test func aFileWithAByteOrderMarkLoadsWithTheSameColumns() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/bom.yaml"
        try Data([0xEF, 0xBB, 0xBF] + Array("stages: [normalize, dedup]\n".utf8)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: PipelineError.self) {
            try PipelineLoader.load(path: path, catalog: testCatalog)
        }
        #expect(error.description == "\(path):1:21: error: unknown stage 'dedup'; did you mean 'dedupe'?")
        try Data([0xEF, 0xBB, 0xBF] + Array("stages: [normalize]\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(try PipelineLoader.load(path: path, catalog: testCatalog).stages.count == 1)
    }
}
