import ArgumentParser
import Foundation
import Textpipe
import TextpipeEvalKit

/// `textpipe validate FILE…`: check pipeline files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files: YAML, stage names, options, requirements.",
        discussion: "Prints FILE:LINE:COLUMN: error: … for each problem; exits 64 when any file has one.")

    @Argument(help: "Pipeline YAML files.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one pipeline file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let count: Int
            do throws(PipelineError) {
                count = try PipelineLoader.load(path: file, catalog: CommandContext.catalog).stages.count
            } catch {
                Terminal.report(error)
                failed = true
                continue
            }
            try Terminal.print("\(file): ok (\(count) stage\(count == 1 ? "" : "s"))")
        }
        if failed { throw ExitCode(ExitStatus.usage) }
    }
}
