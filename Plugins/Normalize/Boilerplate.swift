/// Removes paragraphs that are news-site boilerplate rather than the article.
///
/// A paragraph is text between blank lines, judged by how it starts (ASCII
/// letters compared case-insensitively, leading spaces ignored); a matching
/// paragraph goes whole, with the break after it. It runs after white space is
/// collapsed, so in hard-wrapped text a line inside a paragraph never counts as
/// a start, and running the stage twice removes nothing more.
///
/// The built-in list, three kinds:
/// - labels, which must stand alone or before `:`, `-`, `|`, `>`, `.`, `»`,
///   `›`, `–`, `—` or `…` (so "Related: …" goes, "Related talks began" stays):
///   `Read more`, `Also read`, `Related`, `See also`, `Advertisement`;
/// - prefixes, which must end at a word boundary: `Click here to`,
///   `Subscribe to`, `Follow us on`, `Share this article`, `(Reporting by`,
///   `(Additional reporting by`, `(Writing by`, `(Editing by`;
/// - copyright lines: a paragraph starting with `Copyright`, `©` or `(c)` that
///   also says `All rights reserved`.
///
/// `boilerplate_patterns` adds prefixes.
struct BoilerplateFilter: Sendable {
    /// How a pattern must end.
    enum Kind: Sendable {
        /// Alone, or followed by punctuation that introduces a link or title.
        case label
        /// Followed by a word boundary.
        case prefix
        /// Followed by a word boundary, and `All rights reserved` somewhere in the paragraph.
        case copyright
    }

    /// One phrase, lower-cased, as UTF-8.
    struct Pattern: Sendable {
        var phrase: [UInt8]
        var kind: Kind
        init(_ phrase: String, _ kind: Kind) {
            self.phrase = Array(phrase.lowercased().utf8)
            self.kind = kind
        }
    }

    static let builtIn: [Pattern] = [
        Pattern("read more", .label), Pattern("also read", .label), Pattern("related", .label),
        Pattern("see also", .label), Pattern("advertisement", .label),
        Pattern("click here to", .prefix), Pattern("subscribe to", .prefix), Pattern("follow us on", .prefix),
        Pattern("share this article", .prefix), Pattern("(reporting by", .prefix),
        Pattern("(additional reporting by", .prefix), Pattern("(writing by", .prefix),
        Pattern("(editing by", .prefix),
        Pattern("copyright", .copyright), Pattern("©", .copyright), Pattern("(c)", .copyright),
    ]

    static let rightsReserved = Array("all rights reserved".utf8)

    let patterns: [Pattern]
    /// The first byte of every pattern, to turn most paragraphs away at once.
    let firstBytes: Set<UInt8>

    /// The built-in patterns and `extra` prefixes (blank ones are ignored).
    init(extra: [String]) {
        patterns =
            Self.builtIn
            + extra.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.map { Pattern($0, .prefix) }
        firstBytes = Set(patterns.compactMap(\.phrase.first))
    }

    /// `input` without boilerplate paragraphs, or `nil` when it has none.
    func filter(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let paragraphs = Self.paragraphs(input)
        var dropped: [Bool] = []
        for (index, paragraph) in paragraphs.enumerated()
        where isBoilerplate(UnsafeBufferPointer(rebasing: input[paragraph])) {
            if dropped.isEmpty { dropped = Array(repeating: false, count: paragraphs.count) }
            dropped[index] = true
        }
        guard !dropped.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<(paragraphs.first?.lowerBound ?? 0)]))
        var previousKept: Int?
        for (index, paragraph) in paragraphs.enumerated() where !dropped[index] {
            if let previous = previousKept {
                // The gap that followed the previous kept paragraph.
                let gap = paragraphs[previous].upperBound..<paragraphs[previous + 1].lowerBound
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[gap]))
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[paragraph]))
            previousKept = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[(paragraphs.last?.upperBound ?? 0)...]))
        return out
    }

    /// The byte ranges of paragraphs: runs of non-blank lines, from the first
    /// line's start to the last line's end.
    static func paragraphs(_ input: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let n = input.count
        var paragraphStart: Int?
        var paragraphEnd = 0
        var i = 0
        while i < n {
            let end = UTF8Scan.index(of: 0x0A, in: input, from: i) ?? n
            var k = i
            while k < end && (input[k] == 0x20 || input[k] == 0x09) { k += 1 }
            if k == end {
                if let start = paragraphStart {
                    result.append(start..<paragraphEnd)
                    paragraphStart = nil
                }
            } else {
                if paragraphStart == nil { paragraphStart = i }
                paragraphEnd = end
            }
            i = end + 1
        }
        if let start = paragraphStart { result.append(start..<paragraphEnd) }
        return result
    }

    /// Whether `paragraph` starts with one of the patterns.
    func isBoilerplate(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < paragraph.count && (paragraph[start] == 0x20 || paragraph[start] == 0x09) { start += 1 }
        guard start < paragraph.count, firstBytes.contains(UTF8Scan.lowered(paragraph[start])) else { return false }
        for pattern in patterns {
            guard let end = Self.match(pattern.phrase, in: paragraph, at: start) else { continue }
            switch pattern.kind {
            case .label:
                if Self.endsLabel(paragraph, at: end) { return true }
            case .prefix:
                if Self.isBoundary(paragraph, after: pattern.phrase, at: end) { return true }
            case .copyright:
                if Self.isBoundary(paragraph, after: pattern.phrase, at: end),
                    Self.contains(Self.rightsReserved, in: paragraph, from: end)
                {
                    return true
                }
            }
        }
        return false
    }

    /// The index after `phrase` when `text` has it at `start`, ASCII letters compared case-insensitively.
    static func match(_ phrase: [UInt8], in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start + phrase.count <= text.count else { return nil }
        for k in 0..<phrase.count where UTF8Scan.lowered(text[start + k]) != phrase[k] { return nil }
        return start + phrase.count
    }

    /// Whether a phrase ending in a letter or digit is followed by something else.
    static func isBoundary(_ text: UnsafeBufferPointer<UInt8>, after phrase: [UInt8], at end: Int) -> Bool {
        guard let last = phrase.last, UTF8Scan.isAlphanumeric(last), end < text.count else { return true }
        return text[end] < 0x80 && !UTF8Scan.isAlphanumeric(text[end])
    }

    /// The punctuation that may follow a label, as UTF-8.
    static let labelEnds: [[UInt8]] = [":", "-", "|", ">", ".", "»", "›", "–", "—", "…"].map { Array($0.utf8) }

    /// Whether a label ends the paragraph or is followed (after spaces) by label punctuation.
    static func endsLabel(_ text: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        var j = end
        while j < text.count && text[j] == 0x20 { j += 1 }
        if j == text.count { return true }
        return labelEnds.contains { match($0, in: text, at: j) != nil }
    }

    /// Whether `phrase` occurs in `text` at or after `start`, ASCII case-insensitively.
    static func contains(_ phrase: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var j = start
        while j + phrase.count <= text.count {
            if match(phrase, in: text, at: j) != nil { return true }
            j += 1
        }
        return false
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
