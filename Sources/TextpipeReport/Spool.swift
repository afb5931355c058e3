#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An anonymous temporary file that parts of the page wait in until the
/// overview, which needs every count, has been written before them.
///
/// This keeps the report's memory flat: 20,000 articles' sections go to disk
/// as they are made, not into an array. The file has no name (`tmpfile(3)`),
/// so it disappears however the process ends.
final class Spool {
    private let file: UnsafeMutablePointer<FILE>
    /// Bytes written so far.
    private(set) var size = 0

    init() throws(ReportError) {
        guard let file = tmpfile() else {
            throw ReportError(
                message: "textpipe: error: cannot create a temporary file: \(String(cString: strerror(errno)))",
                exitCode: ReportError.ioError)
        }
        self.file = file
    }

    deinit {
        fclose(file)
    }

    func write(_ html: HTMLWriter) throws(ReportError) {
        let bytes = html.bytes
        guard !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            throw ReportError(
                message: "textpipe: error: cannot write a temporary file: \(String(cString: strerror(errno)))",
                exitCode: ReportError.ioError)
        }
        size += bytes.count
    }

    /// Hands the first `limit` bytes (all by default) to `write`, 1 MiB at a time.
    func copy(prefix limit: Int? = nil, to write: ([UInt8]) throws(ReportError) -> Void) throws(ReportError) {
        guard fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else {
            throw ReportError(
                message: "textpipe: error: cannot read back a temporary file: \(String(cString: strerror(errno)))",
                exitCode: ReportError.ioError)
        }
        var remaining = min(limit ?? size, size)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while remaining > 0 {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, min($0.count, remaining), file) }
            guard count > 0 else {
                throw ReportError(
                    message: "textpipe: error: cannot read back a temporary file: \(String(cString: strerror(errno)))",
                    exitCode: ReportError.ioError)
            }
            try write(Array(chunk[0..<count]))
            remaining -= count
        }
        fseek(file, 0, SEEK_END)
    }
}
