import Foundation
import Testing

/// `textpipe train entities`, `train clusters` and `eval entities`, run as a user would, from another directory.
@Suite struct EntitiesCLITests {
    static let fixture = CLI.packageRoot.appendingPathComponent("Tests/EntitiesEvaluationTests/Fixtures/tiny.conll")
        .path

    @Test func evalFindsTheBundledModelFromAnyDirectory() throws {
        let result = try CLI.run(
            ["eval", "entities", "--conll", Self.fixture], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("model loaded in"))
        #expect(result.lines.contains { $0.hasPrefix("micro PER/ORG/LOC") })
    }

    @Test func trainsAModelThatEvalAndTheStageCanUse() throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textpipe-entities-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: model) }
        let trained = try CLI.run([
            "train", "entities", "--train", Self.fixture, "--dev", Self.fixture, "--output", model.path, "--epochs",
            "3",
            "--bucket-bits", "16",
        ])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.lines.contains { $0.hasPrefix("pass 2 epoch 3:") })
        let scored = try CLI.run(["eval", "entities", "--conll", Self.fixture, "--model", model.path])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.lines.contains { $0.hasPrefix("micro all") && $0.contains("F1 1.0000") })
    }

    @Test func badTrainingDataNamesTheLine() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textpipe-bad-\(UUID().uuidString).conll")
        defer { try? FileManager.default.removeItem(at: bad) }
        try "Word B-PERSON\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLI.run(["train", "entities", "--train", bad.path, "--output", "/tmp/unused-textpipe.bin"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad.path):1: error: unknown tag 'B-PERSON'"))
    }

    /// A corpus path that is not there is one line and exit 65, before any training.
    @Test(arguments: [
        ["train", "clusters", "--output", "/nonexistent/c.txt", "--corpus"],
        ["train", "entities", "--train", fixture, "--output", "/nonexistent/m.bin", "--casing-corpus"],
    ])
    func aMissingCorpusIsOneLine(_ command: [String]) throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)").path
        let result = try CLI.run(command + [missing])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n") == ["\(missing): error: no such file or directory"])
    }
}
