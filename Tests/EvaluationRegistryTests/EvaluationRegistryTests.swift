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

    @Test func eachTaskHasItsOwnName() {
        let (eval, train) = EvaluationRegistry.commandNames
        #expect(eval.sorted() == ["conflict", "dedupe", "entities", "summarize"])
        #expect(train.sorted() == ["conflict", "entities"])
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
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
                #expect(!stages.contains(String(words[index + 1])), "Sources/TextpipeCLI/\(file): \(line)")
            }
        }
    }
}
