import EvaluationRegistry
import Foundation
import Testing

/// The generated evaluation registry against the folders it is generated from.
@Suite struct EvaluationRegistryTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyFolderUnderEvaluationsIsListed() throws {
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: Self.packageRoot.appendingPathComponent("Evaluations").path
        ).filter { !$0.hasPrefix(".") }.sorted()
        #expect(
            folders == EvaluationRegistry.moduleNames,
            "a folder under Evaluations/ is missing from `let evaluations` in Package.swift (or the list names a missing folder)"
        )
        for name in EvaluationRegistry.moduleNames {
            #expect(
                FileManager.default.fileExists(atPath: Self.packageRoot.appendingPathComponent("Plugins/\(name)").path),
                "Evaluations/\(name) evaluates a stage module Plugins/\(name)")
        }
    }

    /// SwiftPM skips a test folder no target names, so a forgotten manifest line would
    /// hide an evaluation's tests; the list is read from Package.swift's text.
    @Test func everyEvaluationTestFolderIsListed() throws {
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: Self.packageRoot.appendingPathComponent("Tests").path
        ).filter { $0.hasSuffix("EvaluationTests") }.map { String($0.dropLast("EvaluationTests".count)) }.sorted()
        let manifest = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let list = try #require(manifest.firstMatch(of: /let evaluationTests = \[([^\]]*)\]/)).output.1
        let listed = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.map { String($0.dropFirst().dropLast()) }.sorted()
        #expect(folders == listed, "Tests/<Name>EvaluationTests folders and `let evaluationTests` differ")
        for name in listed {
            #expect(EvaluationRegistry.moduleNames.contains(name), "\(name)EvaluationTests tests no evaluation module")
        }
    }

    @Test func eachTaskHasItsOwnName() {
        let (eval, train) = EvaluationRegistry.commandNames
        // At least these: `new-stage NAME --with-eval` adds a task, which must not fail this test.
        #expect(Set(["conflict", "dedupe", "entities", "summarize"]).isSubset(of: eval))
        #expect(Set(["conflict", "entities"]).isSubset(of: train))
        #expect(Set(eval).count == eval.count && !eval.contains(""))
        // A stage's own top-level commands: `textpipe dedupe decide`.
        #expect(EvaluationRegistry.commands.map { $0.configuration.commandName } == ["dedupe"])
    }

    /// The command line knows stages only through the generated registries: no file of
    /// TextpipeCLI imports a stage module, so a stage's internals cannot leak into it.
    @Test func theCommandLineImportsNoStage() throws {
        let root = Self.packageRoot
        let stages = Set(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Plugins").path)
                .filter { !$0.hasPrefix(".") })
        #expect(stages.contains("Entities"))
        let cli = root.appendingPathComponent("Sources/TextpipeCLI")
        let files = try #require(FileManager.default.enumerator(atPath: cli.path)?.allObjects as? [String])
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: cli.appendingPathComponent(file), encoding: .utf8)
            // Declarations only: a doc comment may show `import WordCount` as an example.
            for line in text.split(separator: "\n") where !line.drop(while: { $0 == " " }).hasPrefix("//") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
                #expect(!stages.contains(String(words[index + 1])), "Sources/TextpipeCLI/\(file): \(line)")
            }
        }
    }
}
