import Foundation
import PackagePlugin

/// Generates the stage registry and the bundled pipelines for the `StageRegistry` target.
///
/// The stage modules are the target's dependencies whose sources live under
/// `Plugins/` — that is, exactly the manifest's `plugins` list — so adding a
/// stage is a folder and one manifest line. Each module is expected to export a
/// type named `<Module>Stage`.
@main
struct StageRegistryGenerator: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        if target.name == "EvaluationRegistry" { return try evaluationCommands(context: context, target: target) }
        let pluginsDirectory = context.package.directoryURL.appending(path: "Plugins")
        let pipelinesDirectory = context.package.directoryURL.appending(path: "Pipelines")
        var modules: [String] = []
        var inputs: [URL] = []
        for dependency in target.dependencies {
            guard case .target(let dependencyTarget) = dependency,
                let module = dependencyTarget as? SourceModuleTarget,
                module.directoryURL.deletingLastPathComponent().standardizedFileURL.path
                    == pluginsDirectory.standardizedFileURL.path
            else { continue }
            modules.append(module.name)
            inputs += module.sourceFiles(withSuffix: "swift").map(\.url)
        }
        let pipelineFiles =
            ((try? FileManager.default.contentsOfDirectory(
                at: pipelinesDirectory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        inputs += pipelineFiles

        var arguments: [String] = []
        for module in modules.sorted() { arguments += ["--module", module] }
        for file in pipelineFiles { arguments += ["--pipeline", file.path] }
        return [
            try toolCommand(
                "Generating stage registry (\(modules.count) stages)", writing: "StageRegistry+Generated.swift",
                arguments: arguments, inputs: inputs, context: context)
        ]
    }

    /// A run of stage-registry-tool that writes `file` into the plugin's work directory.
    private func toolCommand(
        _ displayName: String, writing file: String, arguments: [String], inputs: [URL], context: PluginContext
    ) throws -> Command {
        let output = context.pluginWorkDirectoryURL.appending(path: file)
        return .buildCommand(
            displayName: displayName,
            executable: try context.tool(named: "stage-registry-tool").url,
            arguments: ["--output", output.path] + arguments,
            inputFiles: inputs,
            outputFiles: [output]
        )
    }

    /// The evaluation registry: the target's dependencies whose sources live under
    /// `Evaluations/` — the manifest's `evaluations` list — each exporting `<Name>Tasks`.
    private func evaluationCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Evaluations").standardizedFileURL.path
        var names: [String] = []
        var inputs: [URL] = []
        for dependency in target.dependencies {
            guard case .target(let dependencyTarget) = dependency,
                let module = dependencyTarget as? SourceModuleTarget,
                module.directoryURL.deletingLastPathComponent().standardizedFileURL.path == directory,
                module.name.hasSuffix("Evaluation")
            else { continue }
            names.append(String(module.name.dropLast("Evaluation".count)))
            inputs += module.sourceFiles(withSuffix: "swift").map(\.url)
        }
        return [
            try toolCommand(
                "Generating evaluation registry (\(names.count) modules)",
                writing: "EvaluationRegistry+Generated.swift",
                arguments: names.sorted().flatMap { ["--evaluation", $0] }, inputs: inputs, context: context)
        ]
    }
}
