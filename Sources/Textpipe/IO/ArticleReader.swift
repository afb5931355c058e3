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
        for case .path(let path) in inputs where !FileManager.default.fileExists(atPath: path) {
            throw InputError(path: path, reason: "no such file or directory")
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
            case .stdin(.text):
                let bytes = readAll(fd: 0)
                guard
                    emit(
                        limit(TextArticle.record(bytes: bytes, id: "stdin", source: "stdin"), size: bytes.count),
                        bytes.count)
                else { return }
            case .path(let path):
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw InputError(path: path, reason: "no such file or directory")
                }
                if isDirectory.boolValue {
                    for relative in try files(under: path) {
                        let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                        guard readFile(full, id: relative, emit: emit, idle: idle) else { return }
                    }
                } else {
                    guard readFile(path, id: path, emit: emit, idle: idle) else { return }
                }
            }
        }
    }

    /// Files under `directory`, relative, sorted by their UTF-8 bytes; hidden entries skipped.
    func files(under directory: String) throws(InputError) -> [String] {
        var result: [String] = []
        guard let root = opendir(directory) else {
            throw InputError(path: directory, reason: "cannot list directory: \(String(cString: strerror(errno)))")
        }
        closedir(root)
        collect(directory, relative: "", into: &result)
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Adds the regular files under `path` (symbolic links followed for files, not
    /// for directories, as FileManager's enumerator does). readdir's type field spares
    /// a stat per file: listing is most of the cost of reading a folder of small articles.
    private func collect(_ path: String, relative: String, into result: inout [String]) {
        guard let directory = opendir(path) else {
            notice("skipping '\(path)': cannot list it (\(String(cString: strerror(errno))))")
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var info = stat()
                let found = type == Int32(DT_LNK) ? stat(full, &info) : lstat(full, &info)
                guard found == 0 else { continue }
                let mode = info.st_mode & S_IFMT
                type = mode == S_IFREG ? Int32(DT_REG) : mode == S_IFDIR && type != Int32(DT_LNK) ? Int32(DT_DIR) : -1
            }
            if type == Int32(DT_REG) {
                result.append(child)
            } else if type == Int32(DT_DIR) {
                collect(full, relative: child, into: &result)
            }
        }
    }

    private func readFile(_ path: String, id: String, emit: (InputRecord, Int) -> Bool, idle: () -> Void) -> Bool {
        let kind = Self.fileExtension(path)
        guard ["txt", "md", "json", "jsonl"].contains(kind) else {
            notice("skipping '\(path)': not .txt, .md, .json or .jsonl")
            return true
        }
        func unreadable(_ reason: String) -> Bool {
            emit(.unreadable(UnreadableInput(id: id, source: path, error: reason, input: "")), 0)
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return unreadable("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if kind == "jsonl" {
            return readLines(fd: fd, name: path, idPrefix: id, source: path, emit: emit, idle: {})
        }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > maxBytes {
            return unreadable("file is \(info.st_size) bytes, over --max-bytes \(maxBytes)")
        }
        let bytes = readAll(fd: fd, sizeHint: Int(info.st_size))
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
                            UnreadableInput(id: "\(id)#\(index + 1)", source: path, error: error.description, input: "")
                        )
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
        fd: Int32, name: String, idPrefix: String, source: String?, emit: (InputRecord, Int) -> Bool, idle: () -> Void
    ) -> Bool {
        var reader = LineReader(fd: fd, maxLineBytes: maxBytes)
        defer { reader.close() }
        var lineNumber = 0
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
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                record = .jsonLine(
                    bytes: Array(bytes), id: id, source: source.map { "\($0):\(lineNumber)" }, location: where_)
            }
            guard emit(record, size) else { return false }
        }
        if let error = reader.readError {
            return emit(
                .unreadable(
                    UnreadableInput(
                        id: "\(idPrefix):\(lineNumber + 1)", source: name,
                        error: "read failed: \(String(cString: strerror(error)))", input: "")), 0)
        }
        return true
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
    /// `sizeHint`, the file's size, when known).
    private func readAll(fd: Int32, sizeHint: Int = 0) -> [UInt8] {
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
                result.removeLast(result.count - filled)
                return result
            }
        }
    }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
