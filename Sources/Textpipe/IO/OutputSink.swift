import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where JSON Lines go: stdout, or a file written atomically (a temporary file
/// beside it, renamed into place only when the run succeeds).
public struct OutputSink: Sendable {
    /// What went wrong when writing.
    public enum WriteError: Error, Equatable {
        /// The reader went away (`| head`): stop quietly.
        case closed
        case failed(String)
    }

    private let fd: Int32
    private let finalPath: String?
    private let temporaryPath: String?

    /// The process's standard output.
    public static let standardOutput = OutputSink(fd: 1, finalPath: nil, temporaryPath: nil)

    private init(fd: Int32, finalPath: String?, temporaryPath: String?) {
        self.fd = fd
        self.finalPath = finalPath
        self.temporaryPath = temporaryPath
    }

    /// Opens a temporary file next to `path`; ``commit()`` renames it to `path`.
    public static func file(_ path: String) throws(WriteError) -> OutputSink {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw .failed("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        return OutputSink(fd: fd, finalPath: path, temporaryPath: temporary)
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes {
                systemWrite(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && errno == EPIPE {
                throw .closed
            } else {
                throw .failed(
                    "cannot write \(finalPath.map { "'\($0)'" } ?? "standard output"): \(String(cString: strerror(errno)))"
                )
            }
        }
    }

    /// Closes a file output and moves it into place.
    public func commit() throws(WriteError) {
        guard let finalPath, let temporaryPath else { return }
        if fsync(fd) != 0 || close(fd) != 0 {
            throw .failed("cannot write '\(finalPath)': \(String(cString: strerror(errno)))")
        }
        if rename(temporaryPath, finalPath) != 0 {
            throw .failed("cannot move output into '\(finalPath)': \(String(cString: strerror(errno)))")
        }
    }

    /// Closes and deletes a file output's temporary file.
    public func abandon() {
        guard let temporaryPath else { return }
        close(fd)
        unlink(temporaryPath)
    }

    /// Whether the output is a temporary file that ``commit()`` would rename into place.
    public var isReplacedAtomically: Bool { temporaryPath != nil }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
