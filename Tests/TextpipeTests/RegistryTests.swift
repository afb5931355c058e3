import Foundation
import StageRegistry
import Testing
import Textpipe
import TextpipeTestKit

/// The generated registry matches the manifest and the folders, and every stage keeps its promises.
@Suite struct RegistryTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyPluginFolderIsRegistered() throws {
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: Self.packageRoot.appendingPathComponent("Plugins").path
        ).filter { !$0.hasPrefix(".") }.sorted()
        #expect(
            folders == StageRegistry.moduleNames,
            "a folder under Plugins/ is missing from `let plugins` in Package.swift (or the list names a missing folder)"
        )
    }

    @Test func everyModuleHasATestTarget() throws {
        for module in StageRegistry.moduleNames {
            let tests = Self.packageRoot.appendingPathComponent("Tests/\(module)Tests").path
            #expect(FileManager.default.fileExists(atPath: tests), "Tests/\(module)Tests is missing")
        }
    }

    @Test(arguments: StageRegistry.stageTypes.map(\.name))
    func examplesPass(stage name: String) throws {
        let stage = try #require(StageRegistry.catalog.stage(named: name))
        #expect(!stage.examples.isEmpty, "stage '\(name)' has no examples")
        #expect(exampleFailures(of: stage) == [])
    }

    @Test(arguments: StageRegistry.stageTypes.map(\.name))
    func metadataIsComplete(stage name: String) throws {
        let stage = try #require(StageRegistry.catalog.stage(named: name))
        #expect(name.range(of: #"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"#, options: .regularExpression) != nil)
        #expect(!stage.summary.isEmpty)
        for option in stage.options {
            #expect(option.name.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) != nil)
            #expect(!option.help.isEmpty && !option.type.isEmpty && !option.defaultValue.isEmpty)
        }
        for required in stage.requires {
            #expect(StageRegistry.catalog.stage(named: required) != nil, "'\(name)' requires unknown '\(required)'")
        }
        // Defaults must build, unless an option has none (exec's `command`).
        if !stage.options.contains(where: { $0.defaultValue == "required" }) { _ = try stage.instantiate() }
    }

    @Test func bundledPipelinesAreTheFilesInPipelines() throws {
        let directory = Self.packageRoot.appendingPathComponent("Pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(StageRegistry.catalog.bundledPipelines.keys))
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(StageRegistry.catalog.bundledPipelines[String(file.dropLast(5))] == text)
        }
    }
}
