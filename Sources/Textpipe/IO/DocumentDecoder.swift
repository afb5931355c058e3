/// A record that could not be turned into a ``Document``.
///
/// Either the bytes are not valid JSON (or not UTF-8) — then ``offset`` says
/// where — or they are a well-formed value that is not an article record.
public struct RecordError: Error, Equatable, CustomStringConvertible {
    /// What is wrong: `invalid JSON: expected ',' or '}' after object member, found 'x'`.
    public var message: String
    /// Byte offset (from 0) into the given bytes where the problem is, for
    /// syntax and encoding errors; for invalid UTF-8, the first byte of the
    /// bad sequence.
    public var offset: Int?

    /// Creates an error.
    public init(message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String {
        offset.map { "\(message) at byte \($0)" } ?? message
    }
}

/// Turns JSON records into ``Document``s, working directly on UTF-8 bytes.
///
/// A record is a JSON object with a string `"text"`:
///
/// - `"id"`: a string becomes ``Document/id``; a number becomes ``Document/id``
///   as written (`"1.50"`) and ``Document/rawID`` too, so it is written back as
///   a number; `null` or no `"id"` gives `defaultID`.
/// - `"title"`, `"source"`: strings become ``Document/title`` and
///   ``Document/source``; values of other types stay ordinary fields. With no
///   `"source"` key at all, ``Document/source`` is the `source` argument.
/// - Every other key becomes a field, in input order, as compact JSON: the
///   input bytes minus white space outside strings, string escapes untouched.
///
/// Choices where JSON leaves room:
///
/// - The input must be strict RFC 8259 JSON in UTF-8, checked everywhere,
///   including in fields that are only copied. A leading UTF-8 byte order mark
///   is ignored. Containers nest at most 512 deep (the record counts as 1).
/// - A `\u` escape of a lone UTF-16 surrogate is an error, as in Foundation:
///   it cannot be decoded to a `String`, and copying it into a field would hand
///   the next program JSON it may reject.
/// - A repeated key: the last value wins. A repeated field keeps the place
///   where it first appeared. Keys are compared code point by code point
///   ("é" and "e\u0301" are different keys).
public enum DocumentDecoder {
    /// Parses one JSON object (a JSONL line without its newline, perhaps with
    /// white space around it) into a document.
    ///
    /// - Throws: ``RecordError``, with an offset for a syntax or encoding error.
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, defaultID: String, source: String?
    ) throws(RecordError) -> Document {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw RecordError(message: "invalid JSON: expected a JSON object, found end of input", offset: 0)
        }
        var scanner = JSONScanner(base: base, count: bytes.count)
        scanner.skipByteOrderMark()
        scanner.skipWhitespace()
        let record = try DocumentRecordParser.parse(&scanner, depth: 0, defaultID: defaultID, source: source)
        try expectEnd(&scanner)
        return try record.get()
    }

    /// Parses one JSON object, given as an array, into a document.
    public static func decode(_ bytes: [UInt8], defaultID: String, source: String?) throws(RecordError) -> Document {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(RecordError) in try decode(buffer, defaultID: defaultID, source: source) }
        }
        return try result.get()
    }

    /// Parses a whole `.json` file: one object, or an array of objects.
    ///
    /// A syntax or encoding error anywhere throws. A well-formed element that is
    /// not a valid record (not an object, no `"text"`) becomes a `.failure` in
    /// its place; a file holding one value that is neither an object nor an
    /// array gives one `.failure`. Element `i` (from 0) gets `idForIndex(i)` as
    /// its default id.
    public static func decodeFile(
        _ bytes: [UInt8], idForIndex: (Int) -> String, source: String?
    ) throws(RecordError) -> [Result<Document, RecordError>] {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(RecordError) in try decodeFile(buffer, idForIndex: idForIndex, source: source) }
        }
        return try result.get()
    }

    private static func decodeFile(
        _ bytes: UnsafeRawBufferPointer, idForIndex: (Int) -> String, source: String?
    ) throws(RecordError) -> [Result<Document, RecordError>] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw RecordError(message: "invalid JSON: expected a JSON object or array, found end of input", offset: 0)
        }
        var scanner = JSONScanner(base: base, count: bytes.count)
        scanner.skipByteOrderMark()
        scanner.skipWhitespace()
        var records: [Result<Document, RecordError>] = []
        switch scanner.current {
        case UInt8(ascii: "["):
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "]") {
                scanner.position += 1
                break
            }
            while true {
                let id = idForIndex(records.count)
                records.append(try DocumentRecordParser.parse(&scanner, depth: 1, defaultID: id, source: source))
                if try scanner.endOfElement() { break }
            }
        case UInt8(ascii: "{"):
            records.append(try DocumentRecordParser.parse(&scanner, depth: 0, defaultID: idForIndex(0), source: source))
        default:
            let kind = try scanner.skipValue(depth: 0)
            records.append(
                .failure(RecordError(message: "expected a JSON object or an array of objects, found \(kind)")))
        }
        try expectEnd(&scanner)
        return records
    }

    private static func expectEnd(_ scanner: inout JSONScanner) throws(RecordError) {
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.unexpected(expected: "end of input after the JSON value") }
    }
}

/// Reads one record object into a document.
///
/// Syntax errors throw at once; problems with a well-formed value (no text, a
/// bad id) are found only once the whole value has been validated and come
/// back as a `.failure`, so a `.json` array can carry on past them.
enum DocumentRecordParser {
    /// The keys a record gives meaning to.
    private enum Key {
        case id, text, title, source
        case field(String)
    }

    private enum ID {
        case absent
        case string(String)
        case number(JSONFragment, String)
        case invalid(JSONValueKind)
    }

    /// Parses the value at the scanner's position; `depth` is that of its container.
    static func parse(
        _ scanner: inout JSONScanner, depth: Int, defaultID: String, source defaultSource: String?
    ) throws(RecordError) -> Result<Document, RecordError> {
        guard scanner.current == UInt8(ascii: "{") else {
            let kind = try scanner.skipValue(depth: depth)
            return .failure(RecordError(message: "expected a JSON object, found \(kind)"))
        }
        guard depth < JSONScanner.maxDepth else { throw scanner.tooDeep() }
        let depth = depth + 1
        scanner.position += 1
        scanner.skipWhitespace()

        var id = ID.absent
        var text: String?
        var textKind: JSONValueKind?
        var title: String?
        var source: String?
        var hasSourceKey = false
        var fields: [(name: String, value: JSONFragment)] = []

        if scanner.current == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpectedKey() }
                let key = try readKey(&scanner)
                try scanner.expectColon()
                let valueStart = scanner.position
                switch key {
                case .text:
                    if let string = try readString(&scanner) {
                        text = string
                        textKind = .string
                    } else {
                        text = nil
                        textKind = try scanner.skipValue(depth: depth)
                    }
                case .id:
                    id = try readID(&scanner, depth: depth)
                case .title:
                    title = try readStringOrField("title", &scanner, depth: depth, into: &fields)
                case .source:
                    hasSourceKey = true
                    source = try readStringOrField("source", &scanner, depth: depth, into: &fields)
                case .field(let name):
                    scanner.sawWhitespace = false
                    _ = try scanner.skipValue(depth: depth)
                    let value = scanner.fragment(from: valueStart, to: scanner.position, compact: scanner.sawWhitespace)
                    setField(name, value, in: &fields)
                }
                if try scanner.endOfMember() { break }
            }
        }

        guard let text else {
            let found = textKind.map { " (found \($0))" } ?? ""
            return .failure(RecordError(message: "record has no \"text\" string field\(found)"))
        }
        var document = Document(
            id: defaultID, text: text, title: title, source: hasSourceKey ? source : defaultSource, fields: fields)
        switch id {
        case .absent: break
        case .string(let string): document.id = string
        case .number(let fragment, let literal):
            document.id = literal
            document.rawID = fragment
        case .invalid(let kind):
            return .failure(RecordError(message: "\"id\" must be a string or a number (found \(kind))"))
        }
        return .success(document)
    }

    /// Reads the key at the scanner's position (its opening quote).
    @inline(__always)
    private static func readKey(_ scanner: inout JSONScanner) throws(RecordError) -> Key {
        let start = scanner.position + 1
        let escaped = try scanner.scanString()
        let end = scanner.position - 1
        if !escaped {
            switch end - start {
            case 2 where scanner.matches("id", at: start): return .id
            case 4 where scanner.matches("text", at: start): return .text
            case 5 where scanner.matches("title", at: start): return .title
            case 6 where scanner.matches("source", at: start): return .source
            default: break
            }
        }
        let name = scanner.decodeString(from: start, to: end, escaped: escaped)
        switch name {
        case "id": return .id
        case "text": return .text
        case "title": return .title
        case "source": return .source
        default: return .field(name)
        }
    }

    /// The string at the scanner's position, or `nil` (scanner unmoved) when the value is not a string.
    @inline(__always)
    private static func readString(_ scanner: inout JSONScanner) throws(RecordError) -> String? {
        guard scanner.current == UInt8(ascii: "\"") else { return nil }
        let start = scanner.position + 1
        let escaped = try scanner.scanString()
        return scanner.decodeString(from: start, to: scanner.position - 1, escaped: escaped)
    }

    private static func readID(_ scanner: inout JSONScanner, depth: Int) throws(RecordError) -> ID {
        if let string = try readString(&scanner) { return .string(string) }
        let start = scanner.position
        let kind = try scanner.skipValue(depth: depth)
        switch kind {
        case .null:
            return .absent
        case .number:
            let fragment = scanner.fragment(from: start, to: scanner.position, compact: false)
            return .number(fragment, String(decoding: fragment.bytes, as: UTF8.self))
        default:
            return .invalid(kind)
        }
    }

    /// A string value, or `nil` after keeping a value of another type as field `name`.
    private static func readStringOrField(
        _ name: String, _ scanner: inout JSONScanner, depth: Int,
        into fields: inout [(name: String, value: JSONFragment)]
    ) throws(RecordError) -> String? {
        if let string = try readString(&scanner) {
            // A later string wins over an earlier value of another type.
            if !fields.isEmpty { fields.removeAll { $0.name.utf8.elementsEqual(name.utf8) } }
            return string
        }
        let start = scanner.position
        scanner.sawWhitespace = false
        _ = try scanner.skipValue(depth: depth)
        setField(name, scanner.fragment(from: start, to: scanner.position, compact: scanner.sawWhitespace), in: &fields)
        return nil
    }

    @inline(__always)
    private static func setField(
        _ name: String, _ value: JSONFragment, in fields: inout [(name: String, value: JSONFragment)]
    ) {
        // Keys are compared as code points, not as canonically equivalent `String`s:
        // "é" and "e\u0301" are different JSON keys.
        if let index = fields.firstIndex(where: { $0.name.utf8.elementsEqual(name.utf8) }) {
            fields[index].value = value
        } else {
            fields.append((name, value))
        }
    }
}

extension JSONScanner {
    /// Whether the bytes at `offset` are `literal`; the caller has checked the length.
    @inline(__always)
    fileprivate func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let pointer = literal.utf8Start
        for index in 0..<literal.utf8CodeUnitCount where byte(at: offset + index) != pointer[index] {
            return false
        }
        return true
    }
}
