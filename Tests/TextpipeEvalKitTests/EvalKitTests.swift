import Foundation
import Testing
import Textpipe
import TextpipeEvalKit

/// What every evaluation reads gold data and counts figures with.
@Suite struct EvalKitTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func goldLinesKeepTheNumbersAnEditorShows() throws {
        let path = try file("{\"id\":\"a\"}\n\n  \n{\"id\":\"b\"}\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let objects = try GoldFile.jsonObjects(path: path)
        #expect(objects.map(\.line) == [1, 4])
        #expect(objects.map { $0.object["id"] as? String } == ["a", "b"])
    }

    @Test func aLineThatIsNotAnObjectIsOneErrorWithItsNumber() throws {
        let path = try file("{\"id\":\"a\"}\n\nnot json\n[1]\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: GoldFileError.self) { try GoldFile.jsonObjects(path: path) }
        #expect(error?.description == "\(path):3: error: not a JSON object (each line holds one record)")
        let missing = #expect(throws: GoldFileError.self) { try GoldFile.jsonObjects(path: path + ".missing") }
        #expect(missing?.line == 0)
        #expect(missing?.description.hasPrefix("\(path).missing: error: cannot read it:") == true)
    }

    @Test func precisionRecallAddsCountsNotRatios() {
        let a = PrecisionRecall(correct: 1, predicted: 1, gold: 4)
        let b = PrecisionRecall(correct: 3, predicted: 7, gold: 4)
        let sum = a + b
        #expect(sum == PrecisionRecall(correct: 4, predicted: 8, gold: 8))
        #expect(sum.precision == 0.5 && sum.recall == 0.5 && sum.f1 == 0.5)
        // Nothing predicted or nothing to find: 0, as conlleval prints it, never NaN.
        #expect(PrecisionRecall(correct: 0, predicted: 0, gold: 3).precision == 0)
        #expect(PrecisionRecall().f1 == 0)
    }
}

/// The articles the in-process speed figures time, and the loop that hands them out.
@Suite struct ThroughputTests {
    @Test func textFilesAreReadInNameOrderFromSubfolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("politics"), withIntermediateDirectories: true)
        try Data("b".utf8).write(to: root.appendingPathComponent("politics/002.txt"))
        try Data("a".utf8).write(to: root.appendingPathComponent("001.txt"))
        try Data([0x66, 0xFF]).write(to: root.appendingPathComponent("politics/003.txt"))
        try Data("skip".utf8).write(to: root.appendingPathComponent("notes.md"))
        let files = try Throughput.textFiles(under: root.path)
        #expect(files.map(\.name) == ["001.txt", "politics/002.txt", "politics/003.txt"])
        #expect(files.map(\.text) == ["a", "b", "f\u{FFFD}"])
        let empty = root.appendingPathComponent("politics/none")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: GoldFileError(path: empty.path, line: 0, message: "holds no .txt file to time")) {
            try Throughput.textFiles(under: empty.path)
        }
        let missing = root.appendingPathComponent("missing").path
        #expect(
            throws: GoldFileError(
                path: missing, line: 0, message: "no such directory (give a folder of .txt articles)")
        ) { try Throughput.textFiles(under: missing) }
    }

    @Test(arguments: [1, 2, 5])
    func everyIndexIsVisitedOnce(threads: Int) {
        let seen = Locked([Int](repeating: 0, count: 1000))
        let workers = Locked(Set<Int>())
        Throughput.forEach(count: 1000, threads: threads) { worker, index in
            seen.withLock { $0[index] += 1 }
            workers.withLock { _ = $0.insert(worker) }
        }
        #expect(seen.withLock { $0 } == [Int](repeating: 1, count: 1000))
        #expect(workers.withLock { $0.allSatisfy { (0..<threads).contains($0) } })
    }
}
