import Foundation
import FuzzDriver
import StageRegistry
import Textpipe

/// Where each input is written, so that the loader reads it as `textpipe validate`
/// does: from a file's bytes (UTF-8 check, then libyaml, then the schema, the
/// options of every stage and their `requires`). One file per process.
let pipelinePath = NSTemporaryDirectory() + "textpipe-fuzz-pipeline-\(getpid()).yaml"

// libFuzzer ends the process with exit(), so the file goes in an exit handler: each run
// had left one behind in /tmp (nine there after a day of CI runs).
atexit { unlink(pipelinePath) }

/// A pipeline file's bytes, loaded and validated against the built-in stages:
/// any bytes must give a `Pipeline` or a `PipelineError`, never a trap. Loading
/// builds each stage from its options but runs none, so a `state:` path in the
/// input is never opened (dedupe opens its state file on the first article).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: pipelinePath, contents: bytes) else {
        preconditionFailure("cannot write \(pipelinePath)")
    }
    do throws(PipelineError) {
        let pipeline = try PipelineLoader.load(path: pipelinePath, catalog: StageRegistry.catalog)
        _ = pipeline.stages.map(\.optionsYAML)
    } catch {
        _ = error.description
    }
    if let text = String(validating: bytes, as: UTF8.self) {
        _ = PipelineLoader.description(yaml: text)
    }
    return 0
}

runFuzzer(fuzzPipeline)
