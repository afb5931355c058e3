#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an `--output` or `--dead-letter` path is, decided before anything is created.
enum OutputTarget: Equatable {
    /// A device, FIFO or socket: written in place, never replaced.
    case inPlace
    /// A regular file (or none yet) at `target` — the path itself, or the file a
    /// symbolic link points to — replaced atomically; `mode` is the existing file's.
    case replace(target: String, mode: mode_t?)

    /// Classifies `path`, or says in one line why it cannot be an output.
    static func classify(_ path: String) throws(OutputSink.WriteError) -> OutputTarget {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) == 0 {
                throw .failed(
                    "cannot write '\(path)': it is a symbolic link to a missing file; remove the link or create the file"
                )
            }
            guard code == ENOENT else { throw .failed("cannot write '\(path)': \(errorText(code))") }
            try checkParent(of: path)
            return .replace(target: path, mode: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw .failed("cannot write '\(path)': it is a directory; name a file inside it")
        case S_IFREG:
            var link = stat()
            let isLink = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
            guard isLink else { return .replace(target: path, mode: info.st_mode & 0o7777) }
            guard let resolved = realpath(path, nil) else {
                throw .failed("cannot write '\(path)': \(errorText())")
            }
            defer { free(resolved) }
            return .replace(target: String(cString: resolved), mode: info.st_mode & 0o7777)
        default:
            return .inPlace
        }
    }

    /// Fails when the directory a new file would go in is missing or not a directory.
    private static func checkParent(of path: String) throws(OutputSink.WriteError) {
        let parent = directory(of: path)
        var info = stat()
        guard stat(parent, &info) == 0 else {
            throw .failed("cannot write '\(path)': directory '\(parent)': \(errorText())")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .failed("cannot write '\(path)': '\(parent)' is not a directory")
        }
    }

    /// `.NAME.PID.tmp` beside `target`.
    static func temporaryPath(for target: String) -> String {
        let parent = directory(of: target)
        let prefix = parent == "." && !target.hasPrefix("./") ? "" : (parent.hasSuffix("/") ? parent : parent + "/")
        return prefix + ".\(baseName(of: target)).\(getpid()).tmp"
    }

    /// Deletes `.NAME.PID.tmp` files beside `target` whose process is gone (a run
    /// killed with SIGKILL cannot clean up after itself; the next run to the same
    /// output does). A PID that is alive — or reused — keeps its file.
    static func removeStaleTemporaries(of target: String) {
        let parent = directory(of: target)
        let prefix = ".\(baseName(of: target))."
        guard let listing = opendir(parent) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), name.hasSuffix(".tmp") else { continue }
            let digits = name.dropFirst(prefix.count).dropLast(4)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let pid = pid_t(digits), pid != getpid() else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(parent.hasSuffix("/") ? parent + name : parent + "/" + name)
            }
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = path[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
