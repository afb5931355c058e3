import Foundation
import Testing
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
