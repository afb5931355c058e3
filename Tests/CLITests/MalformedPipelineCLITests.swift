import Foundation
import Testing

/// Malformed pipeline files through `textpipe validate` and `textpipe run`:
/// one `FILE:LINE:COL: error:` line on stderr, exit 64 (usage), no crash.
/// The loader's exact messages are checked in `MalformedPipelineTests`.
@Suite struct MalformedPipelineCLITests {
    static let cases: [(name: String, bytes: [UInt8], position: String)] = [
        ("tab", Array("stages:\n\t- normalize\n".utf8), "2:1"),
        ("unclosed-single-quote", Array("description: 'unclosed\nstages: []\n".utf8), "3:1"),
        ("unclosed-double-quote", Array("description: \"unclosed\nstages: []\n".utf8), "3:1"),
        ("unclosed-bracket", Array("stages: [normalize, dedupe\n".utf8), "2:1"),
        ("unclosed-brace", Array("stages:\n  - dedupe: { near_threshold: 0.8\n".utf8), "3:1"),
        ("bad-indentation", Array("stages:\n  - normalize\n - dedupe\n".utf8), "3:2"),
        ("byte-order-mark", [0xEF, 0xBB, 0xBF] + Array("stages: [normalize\n".utf8), "2:1"),
        ("utf-16", [0xFF, 0xFE] + Array("stages: []\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "1:1"),
        ("invalid-utf-8", Array("description: caf".utf8) + [0xE9] + Array("\nstages: []\n".utf8), "1:17"),
        (
            "ten-megabytes",
            Array(("stages:\n" + String(repeating: "  - normalize\n", count: 10 * 1024 * 1024 / 14)).utf8),
            "1:1"
        ),
        (
            "ten-thousand-nested",
            Array(("stages: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
            "1:108"
        ),
        ("alias-bomb", Array(aliasBomb.utf8), "7:8"),
    ]

    static var aliasBomb: String {
        var text = "a: &a [\(Array(repeating: "lol", count: 9).joined(separator: ","))]\n"
        let names = "abcdefghij".map(String.init)
        for level in 1..<names.count {
            let aliases = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",")
            text += "\(names[level]): &\(names[level]) [\(aliases)]\n"
        }
        return text + "stages: []\n"
    }

    @Test(arguments: cases.map(\.name))
    func oneLocatedErrorAndExit64(name: String) throws {
        let (_, bytes, position) = try #require(Self.cases.first { $0.name == name })
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).yaml")
        try Data(bytes).write(to: file)
        for command in [["validate", file.path], ["run", file.path, "--quiet"]] {
            let result = try CLI.run(command, stdin: "")
            #expect(result.status == 64, "\(command[0]) \(name): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command[0]) \(name): \(result.stderr)")
            #expect(lines.first?.hasPrefix("\(file.path):\(position): error: ") == true, "\(result.stderr)")
        }
    }
}
