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
            #expect(
                StageRegistry.catalog.stages.contains { $0.outputs.contains(required) },
                "'\(name)' requires the field '\(required)', which no stage writes")
        }
        // Defaults must build, unless an option is required (exec's `command`: `[string], required`).
        if !Self.hasRequiredOption(stage) { _ = try stage.instantiate() }
    }

    /// Whether the stage has an option without a usable default, which its type says.
    static func hasRequiredOption(_ stage: StageType) -> Bool {
        stage.options.contains { $0.type.hasSuffix(", required") }
    }

    /// Options are declared once (``StageOption``): every documented option is one,
    /// and its documented default, read back as YAML, is the value `Options()` holds.
    @Test(arguments: StageRegistry.stageTypes.map(\.name))
    func documentedDefaultsDecodeToTheDefaults(stage name: String) throws {
        let stage = try #require(StageRegistry.catalog.stage(named: name))
        let defaults = try stage.optionValues(yaml: "{}").map { "\($0.key): \($0.yaml)" }
        #expect(
            defaults == stage.options.map { "\($0.name): \($0.defaultValue)" }, "declare each option with @StageOption")
        let documented = "{ " + stage.options.map { "\($0.name): \($0.defaultValue)" }.joined(separator: ", ") + " }"
        let decoded = try stage.optionValues(yaml: documented).map { "\($0.key): \($0.yaml)" }
        #expect(decoded == defaults, "\(documented) does not decode to the defaults")
        if !Self.hasRequiredOption(stage) { _ = try stage.instantiate(yaml: documented) }
    }

    /// The README's option table of each stage lists the options `describe` lists,
    /// with the same types and defaults (the meanings are the README's own words).
    @Test(arguments: StageRegistry.stageTypes.map(\.name))
    func readmeOptionTablesMatchTheStages(stage name: String) throws {
        let stage = try #require(StageRegistry.catalog.stage(named: name))
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let section = try #require(lines.firstIndex(of: "### \(name)"), "README has no section '### \(name)'")
        let rest = lines[(section + 1)...].prefix { !$0.hasPrefix("### ") && !$0.hasPrefix("## ") }
        func cells(_ line: String) -> [String] {
            let escaped = line.replacingOccurrences(of: "\\|", with: "\u{1}")
            return escaped.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
                $0.replacingOccurrences(of: "\u{1}", with: "|").replacingOccurrences(of: "`", with: "")
                    .trimmingCharacters(in: .whitespaces)
            }
        }
        let rows = rest.drop { !$0.hasPrefix("| option | type | default |") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        let table = rows.map { cells($0).prefix(3).joined(separator: " ; ") }
        let options = stage.options.map { "\($0.name) ; \($0.type) ; \($0.defaultValue)" }
        #expect(table == options, "README's table for '\(name)' differs from `textpipe describe \(name)`")
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
