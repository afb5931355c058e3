#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an `--output` or `--dead-letter` path is, decided before anything is created.
///
/// Paths are bytes, as the file system keeps them: a name that is not UTF-8
/// (`caf\xE9.jsonl`) would be a different file once decoded to a `String`.
enum OutputTarget: Equatable {
    /// A device, FIFO or socket: written in place, never replaced.
    case inPlace
    /// A regular file (or none yet) at `target` — the path itself, or the file a
    /// symbolic link points to — replaced atomically; `mode` is the existing file's.
    case replace(target: [UInt8], mode: mode_t?)

    /// Classifies `path`, or says in one line why it cannot be an output.
    static func classify(_ path: String) throws(OutputSink.WriteError) -> OutputTarget {
        try classify(Array(path.utf8))
    }

    /// Classifies the path `path` (bytes, no NUL), or says in one line why it cannot be an output.
    static func classify(_ path: [UInt8]) throws(OutputSink.WriteError) -> OutputTarget {
        let shown = FileName.display(path)
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, FileName.withCString(path, { lstat($0, &link) }) == 0 {
                throw .failed(
                    "cannot write '\(shown)': it is a symbolic link to a missing file; remove the link or create the file"
                )
            }
            guard code == ENOENT else { throw .failed("cannot write '\(shown)': \(errorText(code))") }
            try checkParent(of: path)
            return .replace(target: path, mode: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw .failed("cannot write '\(shown)': it is a directory; name a file inside it")
        case S_IFREG:
            var link = stat()
            let isLink =
                FileName.withCString(path, { lstat($0, &link) }) == 0 && link.st_mode & S_IFMT == S_IFLNK
            guard isLink else { return .replace(target: path, mode: info.st_mode & 0o7777) }
            guard let resolved = FileName.withCString(path, { realpath($0, nil) }) else {
                throw .failed("cannot write '\(shown)': \(errorText())")
            }
            defer { free(resolved) }
            let target = UnsafeRawBufferPointer(start: resolved, count: strlen(resolved))
            return .replace(target: Array(target), mode: info.st_mode & 0o7777)
        default:
            return .inPlace
        }
    }

    /// Fails when the directory a new file would go in is missing or not a directory.
    private static func checkParent(of path: [UInt8]) throws(OutputSink.WriteError) {
        let parent = directory(of: path)
        var info = stat()
        guard FileName.withCString(parent, { stat($0, &info) }) == 0 else {
            throw .failed(
                "cannot write '\(FileName.display(path))': directory '\(FileName.display(parent))': \(errorText())")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .failed(
                "cannot write '\(FileName.display(path))': '\(FileName.display(parent))' is not a directory")
        }
    }

    /// `.NAME.PID.tmp` beside `target`.
    static func temporaryPath(for target: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        let prefix = target.lastIndex(of: slash).map { Array(target[...$0]) } ?? []
        return prefix + Array(".".utf8) + baseName(of: target) + Array(".\(getpid()).tmp".utf8)
    }

    /// Deletes `.NAME.PID.tmp` files beside `target` whose process is gone (a run
    /// killed with SIGKILL cannot clean up after itself; the next run to the same
    /// output does). A PID that is alive — or reused — keeps its file.
    static func removeStaleTemporaries(of target: [UInt8]) {
        let parent = directory(of: target)
        let prefix = Array(".".utf8) + baseName(of: target) + Array(".".utf8)
        let suffix = Array(".tmp".utf8)
        guard let listing = FileName.withCString(parent, { opendir($0) }) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard name.count > prefix.count + suffix.count, name.starts(with: prefix),
                Array(name.suffix(suffix.count)) == suffix
            else { continue }
            let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid != getpid()
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                let path = parent.last == UInt8(ascii: "/") ? parent + name : parent + [UInt8(ascii: "/")] + name
                _ = FileName.withCString(path) { unlink($0) }
            }
        }
    }

    /// The directory part of `path`: `.` for a bare name, `/` for a file at the root.
    static func directory(of path: [UInt8]) -> [UInt8] {
        guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return Array(".".utf8) }
        return slash == 0 ? [UInt8(ascii: "/")] : Array(path[..<slash])
    }

    static func baseName(of path: [UInt8]) -> [UInt8] {
        guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return Array(path[(slash + 1)...])
    }
}
