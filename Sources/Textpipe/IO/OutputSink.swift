import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where JSON Lines go: stdout, a regular file written atomically, or a device
/// or FIFO written in place.
///
/// What `--output PATH` does depends on what `PATH` is when the run starts:
///
/// | `PATH` is                                  | written                                              |
/// |--------------------------------------------|------------------------------------------------------|
/// | missing, or a regular file                 | to `.NAME.PID.tmp` beside it, renamed over it at the end |
/// | a symbolic link to a regular file          | the same, to the file the link points to; the link stays |
/// | a character or block device, FIFO, socket  | in place (opened without creating or truncating)     |
/// | `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`  | in place, to a duplicate of that descriptor          |
/// | a directory, a dangling symbolic link      | refused before anything is created                   |
///
/// Renaming a temporary file over a device would replace the device (as root,
/// `--output /dev/null` used to turn the machine's `/dev/null` into a regular
/// file), so only regular files get the atomic replace.
public struct OutputSink: RecordSink {
    /// What went wrong when writing.
    public typealias WriteError = RecordSinkError

    private let fd: Int32
    /// How messages name this output: `'path'` or `standard output`.
    private let label: String
    /// The file the temporary file is renamed to; nil when written in place.
    private let finalPath: [UInt8]?
    private let temporaryPath: [UInt8]?
    /// Whether the descriptor was opened for this sink (and is closed by ``commit()``).
    private let ownsDescriptor: Bool
    private let state = SinkState()

    /// The process's standard output.
    public static let standardOutput = OutputSink(
        fd: 1, label: "standard output", finalPath: nil, temporaryPath: nil, ownsDescriptor: false)

    private init(fd: Int32, label: String, finalPath: [UInt8]?, temporaryPath: [UInt8]?, ownsDescriptor: Bool) {
        self.fd = fd
        self.label = label
        self.finalPath = finalPath
        self.temporaryPath = temporaryPath
        self.ownsDescriptor = ownsDescriptor
    }

    /// Opens `path` for output: a temporary file beside a regular file (``commit()``
    /// renames it into place), or the device or FIFO itself.
    public static func file(_ path: String) throws(WriteError) -> OutputSink {
        try file(pathBytes: Array(path.utf8))
    }

    /// Opens the path `pathBytes` (the bytes of a command-line argument, no NUL) for
    /// output, as ``file(_:)`` does; for names that are not UTF-8, which a `String`
    /// cannot carry (`caf\xE9.jsonl` would become `caf\u{FFFD}.jsonl`, another file).
    public static func file(pathBytes path: [UInt8]) throws(WriteError) -> OutputSink {
        let label = "'\(FileName.display(path))'"
        if let text = String(validating: path, as: UTF8.self), let descriptor = standardDescriptor(named: text) {
            let fd = fcntl(descriptor, F_DUPFD_CLOEXEC, 3)
            guard fd >= 0 else { throw .failed("cannot write \(label): \(errorText())") }
            return OutputSink(fd: fd, label: label, finalPath: nil, temporaryPath: nil, ownsDescriptor: true)
        }
        switch try OutputTarget.classify(path) {
        case .inPlace:
            let fd = FileName.withCString(path) { open($0, O_WRONLY | O_CLOEXEC | O_NOCTTY) }
            guard fd >= 0 else { throw .failed("cannot write \(label): \(errorText())") }
            return OutputSink(fd: fd, label: label, finalPath: nil, temporaryPath: nil, ownsDescriptor: true)
        case .replace(let target, let mode):
            let temporary = OutputTarget.temporaryPath(for: target)
            OutputTarget.removeStaleTemporaries(of: target)
            // Registered before it exists, so no signal can fall between creating and registering it.
            TemporaryFiles.register(temporary)
            let create = {
                FileName.withCString(temporary) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o644) }
            }
            var fd = create()
            if fd < 0 && errno == EEXIST {
                // Left by an earlier sink of this same process (tests open many): ours to replace.
                _ = FileName.withCString(temporary) { unlink($0) }
                fd = create()
            }
            guard fd >= 0 else {
                let reason = errorText()
                TemporaryFiles.unregister(temporary)
                throw .failed("cannot write \(label): \(reason)")
            }
            if let mode { fchmod(fd, mode) }
            return OutputSink(fd: fd, label: label, finalPath: target, temporaryPath: temporary, ownsDescriptor: true)
        }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(WriteError) {
        var delivered = 0
        try write(bytes, delivered: &delivered)
    }

    /// Writes all of `bytes`; `delivered` says how many reached the output, also when the write fails.
    ///
    /// After a failed write the sink is spoiled: ``commit()`` discards a temporary file
    /// instead of moving it into place.
    public func write(_ bytes: [UInt8], delivered: inout Int) throws(WriteError) {
        delivered = 0
        while delivered < bytes.count {
            let offset = delivered
            let count = bytes.withUnsafeBytes {
                systemWrite(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if count > 0 {
                delivered += count
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && errno == EPIPE {
                state.failed.store(true, ordering: .relaxed)
                throw .closed
            } else {
                state.failed.store(true, ordering: .relaxed)
                let reason = count == 0 ? "wrote nothing" : errorText()
                throw .failed("cannot write \(label): \(reason)")
            }
        }
    }

    /// Closes a file output and moves it into place.
    ///
    /// When an earlier write failed, the temporary file is deleted instead and
    /// nothing is thrown: that failure was already thrown by ``write(_:delivered:)``.
    public func commit() throws(WriteError) {
        guard ownsDescriptor, !state.finished.exchange(true, ordering: .relaxed) else { return }
        guard let finalPath, let temporaryPath else {
            if close(fd) != 0 && !state.failed.load(ordering: .relaxed) {
                throw .failed("cannot write \(label): \(errorText())")
            }
            return
        }
        if state.failed.load(ordering: .relaxed) {
            discard()
            return
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let reason = errorText()
            _ = FileName.withCString(temporaryPath) { unlink($0) }
            TemporaryFiles.unregister(temporaryPath)
            throw .failed("cannot write \(label): \(reason)")
        }
        let renamed = FileName.withCString(temporaryPath) { from in FileName.withCString(finalPath) { rename(from, $0) }
        }
        if renamed != 0 {
            let reason = errorText()
            _ = FileName.withCString(temporaryPath) { unlink($0) }
            TemporaryFiles.unregister(temporaryPath)
            throw .failed("cannot move the output into '\(FileName.display(finalPath))': \(reason)")
        }
        TemporaryFiles.unregister(temporaryPath)
        // The rename lives in the directory, not in the file: until the directory is
        // synced too, a power cut can bring back the old file (or none) although the
        // new one's bytes are on disk, and dedupe's state would then record articles
        // as delivered that were not.
        if let reason = Self.syncDirectory(containing: finalPath) {
            throw .failed("cannot make the move into '\(FileName.display(finalPath))' durable: \(reason)")
        }
        state.committed.store(true, ordering: .relaxed)
    }

    /// `fsync`s the directory that holds `path`; the error text when that fails.
    ///
    /// A directory that cannot be opened for reading, or a file system that
    /// cannot sync directories (`EINVAL`), is not an error: there is nothing
    /// more the program can do there, and the rename itself succeeded.
    static func syncDirectory(containing path: [UInt8]) -> String? {
        let fd = FileName.withCString(OutputTarget.directory(of: path)) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP {
            return errorText()
        }
        return nil
    }

    /// Closes and deletes a file output's temporary file; a device or FIFO is just closed.
    public func abandon() {
        guard ownsDescriptor, !state.finished.exchange(true, ordering: .relaxed) else { return }
        discard()
    }

    /// Whether the output is a temporary file that ``commit()`` would rename into place.
    public var isReplacedAtomically: Bool { temporaryPath != nil }

    public var deliversAtCommit: Bool { isReplacedAtomically }

    /// Whether ``commit()`` moved the temporary file into place.
    public var isCommitted: Bool { state.committed.load(ordering: .relaxed) }

    private func discard() {
        close(fd)
        guard let temporaryPath else { return }
        _ = FileName.withCString(temporaryPath) { unlink($0) }
        TemporaryFiles.unregister(temporaryPath)
    }

    /// The descriptor behind `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`.
    ///
    /// These are written through a duplicate of the descriptor: opening the path anew
    /// would start a redirected regular file at offset 0 (clobbering `>>`), and
    /// resolving it would rename a temporary file over whatever the shell opened.
    static func standardDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }
}

/// Whether a sink saw a failed write, and whether it was committed or abandoned.
private final class SinkState: Sendable {
    let failed = Atomic<Bool>(false)
    let finished = Atomic<Bool>(false)
    let committed = Atomic<Bool>(false)
}

func errorText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
