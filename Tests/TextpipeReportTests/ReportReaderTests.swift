import Foundation
import Testing

@testable import TextpipeReport

@Suite("Report reader")
struct ReportReaderTests {
    private func file(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).jsonl")
            .path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func readAll(_ inputs: [ReportInput]) throws(ReportError) -> [ReportItem] {
        var items: [ReportItem] = []
        try ReportReader().read(inputs) { (item: ReportItem) throws(ReportError) in items.append(item) }
        return items
    }

    @Test func readsArticlesAndDeadLettersAndSkipsBlankLines() throws {
        let path = try file(
            "{\"text\":\"a\"}\n\n   \n{\"id\":\"x\",\"stage\":\"read\",\"error\":\"bad\",\"input\":\"\"}\r\n{\"text\":\"b\"}"
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let items = try readAll([.file(path)])
        #expect(items.count == 3)
        guard case .article(let first) = items[0], case .failed(let failed) = items[1],
            case .article(let last) = items[2]
        else {
            Issue.record("wrong kinds: \(items)")
            return
        }
        #expect(first.location == "\(path):1")
        #expect(failed == FailedRecord(id: "x", source: nil, stage: "read", error: "bad", location: "\(path):4"))
        #expect(last.id == "\(path):5")
    }

    @Test func aBadJSONLineIsOneErrorWithFileLineAndColumn() throws {
        let path = try file("{\"text\":\"a\"}\n{\"text\":\"b\",}\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: ReportError(
                message: "\(path):2:13: error: invalid JSON: trailing comma before '}'", exitCode: 65)
        ) { try readAll([.file(path)]) }
    }

    @Test func aLineThatIsNotARecordIsADataError() throws {
        let path = try file("[1,2]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: ReportError(
                message:
                    "\(path):1: error: expected a JSON object, found an array; textpipe report reads the JSON Lines that textpipe run writes",
                exitCode: 65)
        ) { try readAll([.file(path)]) }
    }

    @Test func aMissingFileOrADirectoryIsNoInput() {
        #expect(
            throws: ReportError(
                message: "textpipe: error: cannot read '/nonexistent/run.jsonl': no such file or directory",
                exitCode: 66)
        ) { try readAll([.file("/nonexistent/run.jsonl")]) }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: ReportError.self) { try readAll([.file(directory)]) }
        do {
            _ = try readAll([.file(directory)])
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.message.contains("is a directory"))
        }
    }
}
