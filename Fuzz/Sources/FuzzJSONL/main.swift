import Foundation
import FuzzDriver
import Textpipe

/// The JSON Lines reader's decoding of one line into a `Document`, and of a
/// whole `.json` file: any bytes (invalid UTF-8, surrogates, deep nesting,
/// huge numbers) must give a document or a `RecordError`, never a trap.
/// A decoded document is written back and decoded again: that must succeed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if let document = try? DocumentDecoder.decode(bytes, defaultID: "fuzz:1", source: nil) {
        var line: [UInt8] = []
        JSONWriter.appendDocument(document, to: &line)
        if line.last == UInt8(ascii: "\n") { line.removeLast() }
        do {
            _ = try DocumentDecoder.decode(line, defaultID: "fuzz:1", source: nil)
        } catch {
            preconditionFailure("a written document does not decode again: \(error)")
        }
    }
    _ = try? DocumentDecoder.decodeFile(Array(bytes), idForIndex: { "fuzz:\($0)" }, source: "fuzz")
    return 0
}

runFuzzer(fuzzJSONL)
