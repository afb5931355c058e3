/// Turns the bytes of a plain-text article (`.txt`, `.md`, or stdin in text mode) into a document.
///
/// The first line is the title when a blank line follows it (the BBC layout)
/// and it reads like a headline — short, no closing full stop — so an article
/// that starts straight with its lead paragraph keeps it as text.
/// Bytes that are not UTF-8 are decoded lossily and kept in
/// ``Document/undecodedText`` so a stage such as normalize can repair them; a
/// binary file (see ``binaryReason(_:)``) is not an article.
enum TextArticle {
    /// How much of a file the binary test looks at, as git and grep do.
    static let sampleBytes = 8192

    static func record(bytes: [UInt8], id: String, source: String) -> InputRecord {
        if let reason = binaryReason(bytes) {
            return .unreadable(UnreadableInput(id: id, source: source, error: "\(reason); not an article", input: ""))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var title: String?
        if let split = titleSplit(body),
            let line = String(validating: body[body.startIndex..<split.titleEnd], as: UTF8.self)
        {
            let trimmed = line.trimmingSpaces
            if looksLikeHeadline(trimmed) {
                title = trimmed
                body = body[split.bodyStart...]
            }
        }
        var document: Document
        if let text = String(validating: body, as: UTF8.self) {
            document = Document(id: id, text: text, title: title, source: source)
        } else {
            document = Document(id: id, text: String(decoding: body, as: UTF8.self), title: title, source: source)
            document.undecodedText = Array(body)
        }
        return .document(document)
    }

    /// Why `bytes` are binary rather than text, or nil for text. Looks at the first 8 KiB:
    ///
    /// - a NUL byte;
    /// - more than 1 in 32 bytes (and at least 4), or more than half, a control
    ///   character other than tab, line and page breaks (random bytes have 27 in
    ///   256; the 3,642 .txt/.md files in ../shared/data have none — a stray
    ///   `\x1A` at the end of a short file stays text);
    /// - not UTF-8 and under half printable ASCII: Latin-1 or Windows-1252 text
    ///   in a Latin script, which normalize repairs, is mostly ASCII letters and
    ///   spaces; random or compressed bytes are 100 in 256.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(sampleBytes)
        if let nul = sample.firstIndex(of: 0) { return "binary file (NUL byte at offset \(nul))" }
        var controls = 0
        var ascii = 0
        for byte in sample {
            switch byte {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20..<0x7F: ascii += 1
            case 0x01..<0x20, 0x7F: controls += 1
            default: break
            }
        }
        if controls * 2 > sample.count || (controls >= 4 && controls * 32 > sample.count) {
            return "binary file (\(controls) control bytes in the first \(sample.count))"
        }
        if ascii * 2 < sample.count, String(validating: bytes, as: UTF8.self) == nil {
            return
                "binary file (not UTF-8, and only \(ascii * 100 / sample.count)% text bytes in the first \(sample.count))"
        }
        return nil
    }

    /// Whether a first line is a headline rather than a lead paragraph: headlines
    /// are short and do not end in a full stop (an ellipsis is fine).
    static func looksLikeHeadline(_ line: String) -> Bool {
        guard !line.isEmpty, line.unicodeScalars.count <= 160 else { return false }
        return !line.hasSuffix(".") || line.hasSuffix("...")
    }

    /// Where line 1 ends and the body starts, when line 1 is followed by a blank line.
    private static func titleSplit(_ bytes: ArraySlice<UInt8>) -> (titleEnd: Int, bodyStart: Int)? {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        var index = newline + 1
        var sawBlankLine = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                sawBlankLine = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                break
            }
            index += 1
        }
        guard sawBlankLine || index == bytes.endIndex else { return nil }
        // Only trailing white space after line 1 makes a one-line file, whose line is its text, not a title.
        guard index < bytes.endIndex else { return nil }
        var titleEnd = newline
        if titleEnd > bytes.startIndex, bytes[titleEnd - 1] == UInt8(ascii: "\r") { titleEnd -= 1 }
        // Start the body at the first non-blank line, keeping its indentation.
        var bodyStart = index
        while bodyStart > newline + 1, bytes[bodyStart - 1] != UInt8(ascii: "\n") { bodyStart -= 1 }
        return (titleEnd, bodyStart)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
