import Foundation
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the JSON Lines a run wrote, one ``ReportItem`` at a time.
///
/// Lines are split by the core's `LineReader` and parsed by its
/// `DocumentDecoder`, so a line `textpipe run` accepts, the report accepts,
/// and a bad line is reported at the same line and column. Only one line is
/// in memory at once.
struct ReportReader {
    /// A line longer than this is refused rather than buffered: 64 MiB is over 6× the
    /// largest article `textpipe run` accepts by default (`--max-bytes`).
    var maxLineBytes = 64 << 20

    /// Reads every input in order, handing each record to `emit`.
    ///
    /// - Throws: ``ReportError`` for a missing input (66), a line that is not a
    ///   record (65) or a failed read (74), at the first one found.
    func read(_ inputs: [ReportInput], emit: (ReportItem) throws(ReportError) -> Void) throws(ReportError) {
        for input in inputs {
            let fd = try openInput(input)
            defer { if input != .standardInput { close(fd) } }
            try readLines(fd: fd, name: input.name, emit: emit)
        }
    }

    private func openInput(_ input: ReportInput) throws(ReportError) -> Int32 {
        let bytes: [UInt8]
        switch input {
        case .standardInput: return 0
        case .file(let path): bytes = Array(path.utf8)
        case .fileBytes(let path): bytes = path
        }
        let path = input.name
        let fd = FileName.withCString(bytes) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
            throw ReportError(
                message: "textpipe: error: cannot read '\(path)': \(reason)", exitCode: ReportError.noInput)
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw ReportError(
                message:
                    "textpipe: error: cannot read '\(path)': is a directory; pass the JSON Lines file a run wrote (textpipe run … --output run.jsonl)",
                exitCode: ReportError.noInput)
        }
        return fd
    }

    private func readLines(
        fd: Int32, name: String, emit: (ReportItem) throws(ReportError) -> Void
    ) throws(ReportError) {
        var reader = LineReader(fd: fd, maxLineBytes: maxLineBytes)
        defer { reader.close() }
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            let location = "\(name):\(lineNumber)"
            switch line {
            case .oversized(_, let length):
                throw ReportError(
                    message: "\(location): error: line is \(length) bytes, over the \(maxLineBytes >> 20) MiB limit",
                    exitCode: ReportError.dataError)
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                try emit(item(bytes, location: location))
            }
        }
        if let error = reader.readError {
            throw ReportError(
                message:
                    "textpipe: error: cannot read '\(name)' after line \(lineNumber): \(String(cString: strerror(error)))",
                exitCode: ReportError.ioError)
        }
    }

    /// The record on one line.
    func item(_ bytes: UnsafeRawBufferPointer, location: String) throws(ReportError) -> ReportItem {
        let document: Document
        do throws(RecordError) {
            document = try DocumentDecoder.decode(bytes, defaultID: location, source: nil)
        } catch {
            if let offset = error.offset {
                throw ReportError(
                    message: "\(location):\(offset + 1): error: \(error.message)", exitCode: ReportError.dataError)
            }
            // Well-formed JSON that is not an article: a dead-letter record is welcome.
            if let json = JSONValue(parsing: bytes), let failed = FailedRecord(json: json, location: location) {
                return .failed(failed)
            }
            throw ReportError(
                message:
                    "\(location): error: \(error.message); textpipe report reads the JSON Lines that textpipe run writes",
                exitCode: ReportError.dataError)
        }
        return .article(article(document, location: location))
    }

    /// The report's view of a document; a stage output of an unexpected shape is left out.
    func article(_ document: Document, location: String) -> ReportArticle {
        var article = ReportArticle(
            id: document.id, title: document.title, text: document.text, source: document.source, location: location)
        article.summary = value("summary", of: document)?.string
        article.entities = value("entities", of: document)?.elements.compactMap(ReportEntity.init(json:)) ?? []
        article.conflict = value("intra_party_conflict", of: document).flatMap(ReportConflict.init(json:))
        for name in ReportDay.fieldNames {
            if let string = value(name, of: document)?.string, let day = ReportDay(iso8601: string) {
                article.day = day
                break
            }
        }
        return article
    }

    private func value(_ name: String, of document: Document) -> JSONValue? {
        document.field(name).flatMap { JSONValue(parsing: $0.bytes) }
    }
}
