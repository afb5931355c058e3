import ArgumentParser
import Foundation
import Textpipe
import TextpipeEvalKit

/// `textpipe describe STAGE|PIPELINE`.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a stage's options and examples, or a pipeline's stages.")

    @Argument(help: "A stage name (normalize) or a pipeline name or path.")
    var name: String

    func run() throws {
        let catalog = CommandContext.catalog
        if let stage = catalog.stage(named: name) {
            try Terminal.print(Self.describe(stage))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let directory = FileManager.default.currentDirectoryPath
        let pipeline: Pipeline
        do throws(PipelineError) {
            let found = try PipelineResolver.resolve(
                name, catalog: catalog, currentDirectory: directory, environment: environment)
            pipeline = try PipelineLoader.load(yaml: found.yaml, file: found.file, catalog: catalog)
        } catch {
            let known =
                catalog.stages.map(\.name)
                + PipelineResolver.available(catalog: catalog, currentDirectory: directory, environment: environment)
                .map(\.name)
            let looksLikePipeline = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            if looksLikePipeline {
                Terminal.report(error)
            } else {
                let suggestion = Suggestions.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
                Terminal.error("error: no stage or pipeline named '\(name)'\(suggestion) (see 'textpipe list')")
            }
            throw ExitCode(ExitStatus.usage)
        }
        try Terminal.print(Self.describe(pipeline))
    }

    static func describe(_ stage: StageType) -> String {
        var lines = ["\(stage.name) — \(stage.summary)", ""]
        if !stage.discussion.isEmpty { lines += [stage.discussion, ""] }
        if stage.isOrdered { lines.append("Ordered: decides in input order (first occurrence wins).") }
        if !stage.requires.isEmpty {
            lines.append("Requires: \(stage.requires.joined(separator: ", ")) earlier in the pipeline.")
        }
        if !stage.outputs.isEmpty { lines.append("Writes: \(stage.outputs.joined(separator: ", "))") }
        if lines.count > 2 { lines.append("") }
        if stage.options.isEmpty {
            lines.append("Options: none")
        } else {
            lines.append("Options:")
            let nameWidth = stage.options.map(\.name.count).max() ?? 0
            let typeWidth = stage.options.map(\.type.count).max() ?? 0
            for option in stage.options {
                lines.append(
                    "  \(option.name.padded(to: nameWidth))  \(option.type.padded(to: typeWidth))  default \(option.defaultValue)"
                )
                lines.append("      \(option.help)")
            }
        }
        if !stage.examples.isEmpty {
            lines.append("")
            lines.append("Examples:")
            for example in stage.examples {
                lines.append("  \(example.title)")
                if let options = example.options { lines.append("    options: \(options)") }
                lines.append("    input:   \(example.input)")
                lines.append("    output:  \(example.expected ?? "(dropped)")")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ pipeline: Pipeline) -> String {
        var lines = ["\(pipeline.name) — \(pipeline.description ?? "(no description)")", "file: \(pipeline.file)"]
        lines.append("on_error: \(pipeline.onError.rawValue)")
        lines.append(pipeline.stages.isEmpty ? "stages: none (pass-through)" : "stages:")
        for (number, stage) in pipeline.stages.enumerated() {
            let options = stage.optionsYAML.map { " \($0)" } ?? ""
            lines.append("  \(number + 1). \(stage.type.name)\(options) — \(stage.type.summary)")
        }
        return lines.joined(separator: "\n")
    }
}
