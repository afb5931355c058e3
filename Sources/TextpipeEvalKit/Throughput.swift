import Dispatch
import Foundation
import Textpipe

/// What the in-process speed figures of `eval entities --throughput`,
/// `eval conflict --throughput` and `eval summarize` share: the articles they
/// time, and the loop that hands them to worker threads.
///
/// In process, so a stage is timed against a Python peer's `nlp.pipe` without the
/// JSON reading and writing either side would add; `textpipe run --stats` gives
/// the figures of a real run.
public enum Throughput {
    /// The `.txt` files under `directory` (recursively), in name order, as
    /// `(name relative to directory, text)`; bytes that are not UTF-8 become U+FFFD.
    ///
    /// - Throws: ``GoldFileError`` when the folder cannot be listed or holds no `.txt` file.
    public static func textFiles(under directory: String) throws(GoldFileError) -> [(name: String, text: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            let listing = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]
        else {
            throw GoldFileError(path: directory, line: 0, message: "no such directory (give a folder of .txt articles)")
        }
        let names = listing.filter { $0.hasSuffix(".txt") }.sorted()
        guard !names.isEmpty else {
            throw GoldFileError(path: directory, line: 0, message: "holds no .txt file to time")
        }
        var files: [(name: String, text: String)] = []
        for name in names {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GoldFileError(path: path, line: 0, message: "cannot read it")
            }
            files.append((name, String(decoding: data, as: UTF8.self)))
        }
        return files
    }

    /// Calls `body(worker, index)` once for every index in `0..<count`, on `threads`
    /// threads; each takes the next index when it finishes one (as the runner's
    /// workers take batches), so a long article does not hold back a fixed share.
    public static func forEach(count: Int, threads: Int, _ body: @Sendable (_ worker: Int, _ index: Int) -> Void) {
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { worker in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < count else { return }
                body(worker, index)
            }
        }
    }
}
