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
}
