import ArgumentParser
import Foundation
import Textpipe
import TextpipeEvalKit

/// `textpipe list`: the pipelines and stages this binary can run.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the pipelines and stages available here.")

    func run() throws {
        let catalog = CommandContext.catalog
        let pipelines = PipelineResolver.available(
            catalog: catalog, currentDirectory: FileManager.default.currentDirectoryPath,
            environment: ProcessInfo.processInfo.environment)
        try Terminal.print("Pipelines:")
        let pipelineWidth = pipelines.map(\.name.count).max() ?? 0
        for pipeline in pipelines {
            let description = Self.description(ofPipeline: pipeline.yaml) ?? "(no description)"
            try Terminal.print("  \(pipeline.name.padded(to: pipelineWidth))  \(description)  [\(pipeline.file)]")
        }
        try Terminal.print("")
        try Terminal.print("Stages:")
        let stageWidth = catalog.stages.map(\.name.count).max() ?? 0
        for stage in catalog.stages {
            try Terminal.print("  \(stage.name.padded(to: stageWidth))  \(stage.summary)")
        }
    }

    /// The `description` of a pipeline file, read leniently (list never fails on a broken file).
    static func description(ofPipeline yaml: String) -> String? {
        PipelineLoader.description(yaml: yaml)
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
