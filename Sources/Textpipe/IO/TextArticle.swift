/// Turns the bytes of a plain-text article (`.txt`, `.md`, or stdin in text mode) into a document.
///
/// The first line is the title when a blank line follows it (the BBC layout)
/// and it reads like a headline — short, no closing full stop — so an article
/// that starts straight with its lead paragraph keeps it as text.
/// Bytes that are not UTF-8 are decoded lossily and kept in
/// ``Document/undecodedText`` so a stage such as normalize can repair them; a
/// file with a NUL byte is binary and is not an article.
enum TextArticle {
    static func record(bytes: [UInt8], id: String, source: String) -> InputRecord {
        if let nul = bytes.prefix(8192).firstIndex(of: 0) {
            return .unreadable(
                UnreadableInput(
                    id: id, source: source, error: "binary file (NUL byte at offset \(nul)); not an article",
                    input: ""))
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
