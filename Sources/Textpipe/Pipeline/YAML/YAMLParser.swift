import CLibYAML

/// A problem with the YAML itself, at the position libyaml (or the composer) gives.
struct YAMLError: Error, Sendable, Equatable {
    var message: String
    var mark: YAMLMark
    var hint: String?
}

/// Parses one YAML document into a ``YAMLNode`` tree with libyaml's event API.
///
/// ```
/// text ──► yaml_parser_parse (events) ──► compose (stack of open collections) ──► YAMLNode
///                                          anchors, aliases, limits, duplicate keys
/// ```
///
/// Composition keeps its own stack instead of recursing, so 10,000 nested
/// `[` end in a clear error at ``maxDepth`` rather than in a stack overflow.
/// Every alias adds the expanded size of its target to a running count; a
/// document whose count passes ``maxExpandedNodes`` (the "billion laughs"
/// alias bomb: ten aliases of ten aliases of …) ends at the alias that passes it,
/// before anything walks the tree.
enum YAMLParser {
    /// Nesting deeper than this is an error. A pipeline file nests four levels
    /// (top level, `stages`, an entry, its options); a list option one more.
    static let maxDepth = 100
    /// Expanded nodes a document may have. A 1 MiB file without aliases has
    /// at most about 500,000 (`[a,a,…]`, two bytes a node); an alias bomb
    /// of nine levels would reach 10⁹, this many after six.
    static let maxExpandedNodes = 1_000_000
    /// Bytes a file may have. The repository's pipelines are under 300 bytes;
    /// a file of megabytes is a corpus or a log passed by mistake, and saying
    /// so at once beats parsing it.
    static let maxBytes = 1 << 20

    /// The one document of `text`, or `nil` when it has none (empty, or only comments).
    static func parse(_ text: String) throws(YAMLError) -> YAMLNode? {
        let size = text.utf8.count
        guard size <= maxBytes else {
            let megabytes = (Double(size) / Double(1 << 20) * 10).rounded() / 10
            throw YAMLError(
                message: "the file is \(megabytes) MiB; a pipeline file is at most 1 MiB",
                mark: YAMLMark(line: 1, column: 1),
                hint: "is this the right file?")
        }
        var bytes = Array(text.utf8)
        // libyaml skips a byte-order mark but counts it as a column; editors show none.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(message: "invalid YAML: out of memory", mark: YAMLMark(line: 1, column: 1))
        }
        defer { yaml_parser_delete(parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLNode? in
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var composer = YAMLComposer()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else {
                    throw syntaxError(parser.pointee, bytes: buffer)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return composer.root }
                try composer.handle(event)
            }
        }
    }

    /// libyaml's error as a message: its problem, and its context when it has one
    /// ("did not find expected key while parsing a block mapping at line 2, column 3").
    private static func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(message: "invalid YAML: out of memory", mark: YAMLMark(line: 1, column: 1))
        case YAML_READER_ERROR:
            // A reader error has a byte offset, not a mark.
            return YAMLError(
                message: "invalid YAML: \(problem)", mark: mark(ofByteOffset: parser.problem_offset, in: bytes))
        default:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context {
                let at = parser.context_mark
                message += " \(String(cString: context)) at line \(at.line + 1), column \(at.column + 1)"
            }
            let at = mark(parser.problem_mark)
            let hint =
                scalar(at: at, in: bytes) == "\t" ? "YAML indents with spaces; a tab may not start a token" : nil
            return YAMLError(message: message, mark: at, hint: hint)
        }
    }

    /// The Unicode scalar at `mark` in UTF-8 `bytes`, if there is one.
    private static func scalar(at mark: YAMLMark, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let lines = bytes.split(separator: 0x0A, maxSplits: mark.line, omittingEmptySubsequences: false)
        guard mark.line <= lines.count else { return nil }
        let scalars = String(decoding: lines[mark.line - 1], as: UTF8.self).unicodeScalars
        return scalars.dropFirst(mark.column - 1).first
    }

    static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: mark.line + 1, column: mark.column + 1)
    }

    /// The line and column (in Unicode scalars) of the byte at `offset` in UTF-8 `bytes`.
    static func mark(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLMark {
        var line = 1
        var column = 1
        let end = min(offset, bytes.count)
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                // Continuation bytes (10xxxxxx) belong to the scalar their lead byte started.
                column += 1
            }
            index += 1
        }
        return YAMLMark(line: line, column: column)
    }
}

/// Builds the tree from parser events: one frame per open collection.
private struct YAMLComposer {
    /// An open collection; items are appended in place, so a long list costs no copies.
    private struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// A mapping's key waiting for its value.
        var key: YAMLNode?
        /// A mapping's keys so far, with where each is written.
        var seen: [String: YAMLMark] = [:]
    }

    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var documents = 0
    /// Nodes of the document with aliases expanded, so far.
    private var expandedSize = 0

    mutating func handle(_ event: yaml_event_t) throws(YAMLError) {
        let mark = YAMLParser.mark(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError(
                    message: "a pipeline file holds one YAML document, found a second one", mark: mark,
                    hint: "remove the '---' line or split the file")
            }
        case YAML_SCALAR_EVENT:
            let node = YAMLNode(.scalar(try Self.scalar(event, at: mark)), at: mark)
            try add(node, size: 1, anchor: Self.string(event.data.scalar.anchor), at: mark)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else {
                throw YAMLError(
                    message: "invalid YAML: found undefined alias '*\(name)'", mark: mark,
                    hint: "an alias names an anchor written before it, as '&\(name)'")
            }
            try count(node.expandedSize, alias: name, at: mark)
            try add(node, size: 0, anchor: nil, at: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try Self.checkCollectionTag(data.tag, expected: "tag:yaml.org,2002:seq", at: mark)
            try open(Frame(isMapping: false, mark: mark, anchor: Self.string(data.anchor)))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try Self.checkCollectionTag(data.tag, expected: "tag:yaml.org,2002:map", at: mark)
            try open(Frame(isMapping: true, mark: mark, anchor: Self.string(data.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            // The collection counted itself when it opened.
            try add(YAMLNode(content, at: frame.mark), size: 0, anchor: frame.anchor, at: frame.mark)
        default:
            // Stream start, document end: nothing to build.
            break
        }
    }

    private mutating func open(_ frame: Frame) throws(YAMLError) {
        guard stack.count < YAMLParser.maxDepth else {
            throw YAMLError(
                message: "YAML nested deeper than \(YAMLParser.maxDepth) levels", mark: frame.mark,
                hint: "a pipeline file needs a few levels; is this the right file?")
        }
        try count(1, alias: nil, at: frame.mark)
        stack.append(frame)
    }

    /// Counts `size` more expanded nodes, failing at once past the bound.
    private mutating func count(_ size: Int, alias: String?, at mark: YAMLMark) throws(YAMLError) {
        expandedSize += size
        guard expandedSize > YAMLParser.maxExpandedNodes else { return }
        let what = alias.map { "alias '*\($0)' expands" } ?? "the document grows"
        throw YAMLError(
            message: "\(what) the document past \(YAMLParser.maxExpandedNodes) nodes", mark: mark,
            hint: alias == nil
                ? "a pipeline file has a few dozen; is this the right file?"
                : "aliases of aliases multiply (an alias bomb); write the values out or alias less")
    }

    /// Puts a finished node, written at `mark` (an alias's own position), into the
    /// open collection or makes it the root, and registers its anchor; `size` is
    /// what it adds to the expanded count.
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, at mark: YAMLMark) throws(YAMLError) {
        try count(size, alias: nil, at: mark)
        if let anchor { anchors[anchor] = node }
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].key {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].key = nil
            return
        }
        // A key is told apart by its text and whether it is a string: `1` and `'1'` differ.
        if let scalar = node.scalar {
            let identity = "\(scalar.value == .string ? "s" : "v"):\(scalar.text)"
            if let first = stack[top].seen[identity] {
                throw YAMLError(
                    message: "duplicate key '\(scalar.text)' in a mapping", mark: mark,
                    hint: "each key may appear once; the first is at line \(first.line), column \(first.column)")
            }
            stack[top].seen[identity] = mark
        }
        stack[top].key = node
    }

    /// A scalar event as a ``YAMLScalar``, typed by its tag or the core schema.
    private static func scalar(_ event: yaml_event_t, at mark: YAMLMark) throws(YAMLError) -> YAMLScalar {
        let data = event.data.scalar
        let text =
            data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) }
            ?? ""
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        guard let tag = string(data.tag) else {
            let value = style == .plain ? YAMLCoreSchema.resolve(text) : .string
            return YAMLScalar(text, style: style, value: value, isMergeKey: style == .plain && text == "<<")
        }
        let resolved = YAMLCoreSchema.resolve(text)
        let value: YAMLScalar.Value?
        switch tag {
        case "!", "tag:yaml.org,2002:str": value = .string
        case "tag:yaml.org,2002:null": value = resolved == .null ? .null : nil
        case "tag:yaml.org,2002:bool": value = resolved == .bool(true) || resolved == .bool(false) ? resolved : nil
        case "tag:yaml.org,2002:int": value = resolved == .int ? .int : nil
        case "tag:yaml.org,2002:float": value = resolved == .int || resolved == .float ? .float : nil
        default: throw unsupported(tag, at: mark)
        }
        guard let value else {
            throw YAMLError(message: "'\(text)' is not a valid \(shortTag(tag)) value", mark: mark)
        }
        return YAMLScalar(text, style: style, value: value)
    }

    private static func checkCollectionTag(
        _ tag: UnsafeMutablePointer<yaml_char_t>?, expected: String, at mark: YAMLMark
    )
        throws(YAMLError)
    {
        guard let tag = string(tag), tag != expected, tag != "!" else { return }
        throw unsupported(tag, at: mark)
    }

    private static func unsupported(_ tag: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            message: "unsupported YAML tag '\(shortTag(tag))'", mark: mark,
            hint: "a pipeline file needs no tags; remove it, or quote the value to make it a string")
    }

    /// `tag:yaml.org,2002:int` as written, `!!int`.
    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
