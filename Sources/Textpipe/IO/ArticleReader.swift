import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads every input named on the command line, in order, as ``InputRecord``s.
///
/// Directories are walked recursively and sorted by relative path, so the
/// order — and with it the output — is the same on every machine. `.txt` and
/// `.md` files are one article each, `.json` files an object or an array of
/// objects, `.jsonl` files one object per line. Hidden files are skipped, as
/// ripgrep does; files with other extensions are reported and skipped.
public struct ArticleReader {
    /// Largest article (file, or JSON line) accepted, in bytes.
    public var maxBytes: Int
    /// Where notices that are not about an article go (a skipped `.csv`, say).
    public var notice: (String) -> Void

    public init(maxBytes: Int, notice: @escaping (String) -> Void) {
        self.maxBytes = maxBytes
        self.notice = notice
    }

    /// A top-level input that cannot be opened at all: the run stops with exit 74.
    public struct InputError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// Checks that every named path exists, before any output is written.
    public func check(_ inputs: [InputSpec]) throws(InputError) {
        for input in inputs {
            switch input {
            case .path(let path):
                try checkExists(Array(path.utf8))
            case .rawPath(let bytes):
                try checkExists(bytes)
            case .stdin, .stdinPart, .documents, .lines:
                // `< somedir` opens fine and fails only at read(2): it used to give one empty article.
                var info = stat()
                guard fstat(0, &info) == 0 else { throw InputError(path: "stdin", reason: errorText()) }
                // textpipe puts a write-only /dev/null on a closed stdin (`<&-`), so reading it fails here, once.
                guard fcntl(0, F_GETFL) & O_ACCMODE != O_WRONLY else {
                    throw InputError(path: "stdin", reason: "it is closed or not open for reading")
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    throw InputError(path: "stdin", reason: "it is a directory; name the directory as an INPUT instead")
                }
            }
        }
    }

    private func checkExists(_ path: [UInt8]) throws(InputError) {
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
            let code = errno
            throw InputError(
                path: FileName.display(path), reason: code == ENOENT ? "no such file or directory" : errorText(code))
        }
    }

    /// Reads `inputs` in order. `emit` receives each record and the number of
    /// input bytes it stood for, and returns false to stop; `idle` runs before
    /// a read from stdin that may block.
    public func read(
        _ inputs: [InputSpec], emit: (InputRecord, Int) -> Bool, idle: () -> Void
    ) throws(InputError) {
        for input in inputs {
            switch input {
            case .stdin(.jsonl):
                guard readLines(fd: 0, name: "stdin", idPrefix: "stdin", source: nil, emit: emit, idle: idle) else {
                    return
                }
            case .stdinPart(let source, let idPrefix, let firstLine):
                guard
                    readLines(
                        fd: 0, name: "stdin", idPrefix: idPrefix, source: source, firstLine: firstLine, emit: emit,
                        idle: idle)
                else { return }
            case .stdin(.text):
                let (bytes, readError) = readAll(fd: 0)
                if let readError { throw InputError(path: "stdin", reason: "read failed: \(errorText(readError))") }
                guard
                    emit(
                        limit(TextArticle.record(bytes: bytes, id: "stdin", source: "stdin"), size: bytes.count),
                        bytes.count)
                else { return }
            case .path(let path):
                guard try readPath(Array(path.utf8), emit: emit, idle: idle) else { return }
            case .rawPath(let bytes):
                guard try readPath(bytes, emit: emit, idle: idle) else { return }
            case .documents(let documents):
                for document in documents {
                    let size = document.text.utf8.count
                    guard emit(limit(.document(document), size: size), size) else { return }
                }
            case .lines(let lines, let name):
                for (index, bytes) in lines.enumerated() {
                    let id = "\(name):\(index + 1)"
                    if bytes.count > maxBytes {
                        let record = InputRecord.unreadable(
                            UnreadableInput(
                                id: id, source: id, error: "line is \(bytes.count) bytes, over --max-bytes \(maxBytes)",
                                input: String(decoding: bytes.prefix(200), as: UTF8.self) + "…"))
                        guard emit(record, bytes.count) else { return }
                    } else if let record = lineRecord(bytes, id: id, source: nil) {
                        guard emit(record, bytes.count + 1) else { return }
                    }
                }
            }
        }
    }

    /// Reads one named file or directory; false when `emit` asked to stop.
    private func readPath(_ path: [UInt8], emit: (InputRecord, Int) -> Bool, idle: () -> Void) throws(InputError)
        -> Bool
    {
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
            throw InputError(path: FileName.display(path), reason: "no such file or directory")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return readFile(path, id: FileName.display(path), emit: emit, idle: idle)
        }
        let root = path + (path.last == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")])
        for entry in try entries(under: path) {
            let full = root + entry.relative
            let id = FileName.display(entry.relative)
            if let problem = entry.problem {
                let source = FileName.display(full)
                guard emit(.unreadable(UnreadableInput(id: id, source: source, error: problem, input: "")), 0) else {
                    return false
                }
                continue
            }
            guard readFile(full, id: id, emit: emit, idle: idle) else { return false }
        }
        return true
    }

    /// An entry found under a directory: a regular file to read, or one that cannot be (`problem`).
    struct Entry {
        /// The path below the directory, as the file system's bytes (not always UTF-8).
        var relative: [UInt8]
        /// Why it is not an article: a symbolic link loop, a dangling link, a FIFO.
        var problem: String?
    }

    /// Every entry under `directory` that is read or reported, sorted by its bytes.
    func entries(under directory: [UInt8]) throws(InputError) -> [Entry] {
        var result: [Entry] = []
        guard let root = FileName.withCString(directory, { opendir($0) }) else {
            throw InputError(path: FileName.display(directory), reason: "cannot list directory: \(errorText())")
        }
        closedir(root)
        collect(directory, relative: [], into: &result)
        return result.sorted { $0.relative.lexicographicallyPrecedes($1.relative) }
    }

    /// Adds the entries under `path` (symbolic links followed for files, not for
    /// directories, as FileManager's enumerator does). readdir's type field spares
    /// a stat per file: listing is most of the cost of reading a folder of small articles.
    ///
    /// Entries that can never be read — symbolic link loops, dangling links, FIFOs,
    /// sockets and devices — are kept with their problem, so the run reports and
    /// counts each one instead of skipping it without a word.
    private func collect(_ path: [UInt8], relative: [UInt8], into result: inout [Entry]) {
        guard let directory = FileName.withCString(path, { opendir($0) }) else {
            notice("skipping '\(FileName.display(path))': cannot list it (\(errorText()))")
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard name.first != UInt8(ascii: ".") else { continue }
            let full = path + (path.last == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]) + name
            let child = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                let isLink = type == Int32(DT_LNK)
                var info = stat()
                let found = FileName.withCString(full) { isLink ? stat($0, &info) : lstat($0, &info) }
                guard found == 0 else {
                    let code = errno
                    let problem =
                        code == ELOOP
                        ? "symbolic link loop"
                        : code == ENOENT ? "dangling symbolic link" : "cannot open: \(errorText(code))"
                    result.append(Entry(relative: child, problem: problem))
                    continue
                }
                let mode = info.st_mode & S_IFMT
                if mode == S_IFDIR && isLink {
                    notice("skipping '\(FileName.display(full))': a symbolic link to a directory (not followed)")
                    continue
                }
                type =
                    mode == S_IFREG
                    ? Int32(DT_REG)
                    : mode == S_IFDIR
                        ? Int32(DT_DIR)
                        : mode == S_IFIFO
                            ? Int32(DT_FIFO)
                            : mode == S_IFSOCK ? Int32(DT_SOCK) : Int32(DT_CHR)
            }
            if type == Int32(DT_REG) {
                result.append(Entry(relative: child))
            } else if type == Int32(DT_DIR) {
                collect(full, relative: child, into: &result)
            } else {
                let kind = type == Int32(DT_FIFO) ? "a FIFO" : type == Int32(DT_SOCK) ? "a socket" : "a device"
                result.append(Entry(relative: child, problem: "not a regular file (\(kind))"))
            }
        }
    }

    private func readFile(_ pathBytes: [UInt8], id: String, emit: (InputRecord, Int) -> Bool, idle: () -> Void) -> Bool
    {
        let path = FileName.display(pathBytes)
        let kind = Self.fileExtension(path)
        guard ["txt", "md", "json", "jsonl"].contains(kind) else {
            notice("skipping '\(path)': not .txt, .md, .json or .jsonl")
            return true
        }
        func unreadable(_ reason: String) -> Bool {
            emit(.unreadable(UnreadableInput(id: id, source: path, error: reason, input: "")), 0)
        }
        let fd = FileName.withCString(pathBytes) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return unreadable("cannot open: \(errorText())") }
        defer { close(fd) }
        if kind == "jsonl" {
            return readLines(fd: fd, name: path, idPrefix: id, source: path, emit: emit, idle: {})
        }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > maxBytes {
            return unreadable("file is \(info.st_size) bytes, over --max-bytes \(maxBytes)")
        }
        let (bytes, readError) = readAll(fd: fd, sizeHint: Int(info.st_size))
        if let readError { return unreadable("read failed: \(errorText(readError))") }
        if bytes.count > maxBytes { return unreadable("file is \(bytes.count) bytes, over --max-bytes \(maxBytes)") }
        if kind == "json" {
            do throws(RecordError) {
                let results = try DocumentDecoder.decodeFile(bytes, idForIndex: { "\(id)#\($0 + 1)" }, source: path)
                for (index, result) in results.enumerated() {
                    let record: InputRecord
                    switch result {
                    case .success(let document): record = .document(document)
                    case .failure(let error):
                        record = .unreadable(
                            UnreadableInput(
                                id: "\(id)#\(index + 1)", source: "\(path)#\(index + 1)", error: error.description,
                                input: ""))
                    }
                    guard emit(record, index == 0 ? bytes.count : 0) else { return false }
                }
                return true
            } catch {
                return emit(
                    .unreadable(
                        UnreadableInput(
                            id: id, source: path, error: error.description,
                            input: String(decoding: bytes.prefix(4096), as: UTF8.self))), bytes.count)
            }
        }
        return emit(TextArticle.record(bytes: bytes, id: id, source: path), bytes.count)
    }

    /// Reads JSON Lines; blank lines are skipped.
    private func readLines(
        fd: Int32, name: String, idPrefix: String, source: String?, firstLine: Int = 1,
        emit: (InputRecord, Int) -> Bool, idle: () -> Void
    ) -> Bool {
        var reader = LineReader(fd: fd, maxLineBytes: maxBytes)
        defer { reader.close() }
        var lineNumber = firstLine - 1
        while let line = reader.next(beforeBlocking: idle) {
            lineNumber += 1
            let id = "\(idPrefix):\(lineNumber)"
            let where_ = source.map { "\($0):\(lineNumber)" } ?? id
            let record: InputRecord
            let size: Int
            switch line {
            case .oversized(let prefix, let length):
                size = length
                record = .unreadable(
                    UnreadableInput(
                        id: id, source: where_, error: "line is \(length) bytes, over --max-bytes \(maxBytes)",
                        input: String(decoding: prefix, as: UTF8.self) + "…"))
            case .line(let bytes):
                size = bytes.count + 1
                guard let line = lineRecord(bytes, id: id, source: source.map { "\($0):\(lineNumber)" }) else {
                    continue
                }
                record = line
            }
            guard emit(record, size) else { return false }
        }
        if let error = reader.readError {
            return emit(
                .unreadable(
                    UnreadableInput(
                        id: "\(idPrefix):\(lineNumber + 1)", source: name, error: "read failed: \(errorText(error))",
                        input: "")), 0)
        }
        return true
    }

    /// One JSON Lines line as a record to parse on a worker; nil for a blank line, which is skipped.
    private func lineRecord<Bytes: Collection<UInt8>>(_ bytes: Bytes, id: String, source: String?) -> InputRecord? {
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return nil }
        return .jsonLine(bytes: Array(bytes), id: id, source: source, location: source ?? id)
    }

    private func limit(_ record: InputRecord, size: Int) -> InputRecord {
        guard size > maxBytes, case .document(let document) = record else { return record }
        return .unreadable(
            UnreadableInput(
                id: document.id, source: document.source ?? document.id,
                error: "article is \(size) bytes, over --max-bytes \(maxBytes)", input: ""))
    }

    /// The lower-cased extension of the last path component, without the dot.
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// All the bytes left in `fd`, read straight into the result (sized from
    /// `sizeHint`, the file's size, when known), and the errno of a failed read.
    private func readAll(fd: Int32, sizeHint: Int = 0) -> (bytes: [UInt8], error: Int32?) {
        var result = [UInt8](repeating: 0, count: max(sizeHint + 1, 1 << 12))
        var filled = 0
        while true {
            if filled == result.count { result += [UInt8](repeating: 0, count: result.count) }
            let count = result.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count > 0 {
                filled += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                let error = count < 0 ? errno : nil
                result.removeLast(result.count - filled)
                return (result, error)
            }
        }
    }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
