/// The character pass: control characters, line endings, white space, and
/// typographic characters, in one loop over UTF-8 bytes.
///
/// - Removed: C0 controls but tab and line feed, DEL, C1 controls, soft hyphen,
///   zero-width space, word joiner and byte-order mark. Zero-width (non-)joiners
///   stay: Persian, Urdu and emoji need them.
/// - Line breaks: CR LF, CR, NEL, vertical tab, form feed, U+2028 and U+2029
///   all become LF.
/// - `collapse`: every white-space character is a space; spaces run together;
///   lines are trimmed; one or more blank lines become exactly one paragraph
///   break `\n\n` (or a space without `paragraph_breaks`); the text is
///   trimmed. A single line break depends on the text's layout:
///   - in hard-wrapped text — no line longer than 100 characters (Reuters,
///     e-mail) — it joins the lines with a space; but a line that starts with
///     a list bullet (`-`, `*` or `•` and a space) starts a paragraph, and so
///     does an indented line when other wrapped lines start flush (Reuters
///     marks paragraphs by indentation only);
///   - in other text — one paragraph a line, as scrapers write it, often with
///     the headline on line 1 — it is a paragraph break.
/// - `keep`: white space stays; only line endings change.
struct TextCleaner: Sendable {
    var collapse: Bool
    var paragraphBreaks: Bool
    var asciiQuotes: Bool
    var asciiDashes: Bool
    var form: NormalizeOptions.Form

    /// The cleaned bytes, or `nil` when they are the input's; and whether they
    /// hold a scalar that may change under ``form``.
    func clean(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8]?, needsNormalization: Bool) {
        var needsNormalization = false
        // Output is never longer than input but for a bullet's extra line feed.
        let bytes = ByteWriter.write(capacity: input.count + input.count / 4) { out in
            var w = Writer(input: input, out: out, collapse: collapse, paragraphBreaks: paragraphBreaks)
            needsNormalization = clean(input, into: &w)
            out = w.out
        }
        // Most text is clean already; the caller then keeps its string as it is.
        let unchanged = bytes.withUnsafeBufferPointer { UTF8Scan.equal($0, input) }
        return (unchanged ? nil : bytes, needsNormalization)
    }

    /// Where the run of plain text that starts at `start` ends: printable ASCII
    /// with single spaces between words, which the pass copies as it is.
    ///
    /// Eight bytes at a time while they are printable ASCII with no two spaces
    /// together and no space last, then one byte at a time.
    @inline(__always)
    static func plainRunEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = input.count
        var end = start
        guard let base = input.baseAddress else { return end }
        let raw = UnsafeRawPointer(base)
        while true {
            while end + 8 <= n
                && isPlainBlock(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)))
            {
                end += 8
            }
            guard end < n else { return end }
            let byte = input[end]
            if byte >= 0x21 && byte <= 0x7E {
                end += 1
            } else if byte == 0x20 && end + 1 < n && input[end + 1] >= 0x21 && input[end + 1] <= 0x7E {
                end += 2
            } else {
                return end
            }
        }
    }

    /// Whether eight bytes are all printable ASCII or spaces, with no two
    /// spaces side by side and no space in the last byte (SWAR: bit tricks on
    /// a 64-bit word, one high bit per byte).
    @inline(__always)
    static func isPlainBlock(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // Some byte below 0x20, or above 0x7E.
        if (x &- ones &* 0x20) & ~x & highs != 0 { return false }
        if ((x &+ ones) | x) & highs != 0 { return false }
        // Exact mask of the spaces.
        let z = x ^ (ones &* 0x20)
        let spaces = ~(((z & lows) &+ lows) | z | lows)
        return spaces & (spaces >> 8) == 0 && spaces >> 56 == 0
    }

    private func clean(_ input: UnsafeBufferPointer<UInt8>, into w: inout Writer) -> Bool {
        var needsNormalization = false
        let n = input.count
        var i = 0
        while i < n {
            let byte = input[i]
            if byte >= 0x21 && byte <= 0x7E {
                if w.breaks == 1 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*")) {
                    w.visible(startsItem: Self.isFollowedBySpace(input, i + 1))
                } else {
                    w.visible()
                }
                let end = Self.plainRunEnd(input, from: i + 1)
                w.out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<end]))
                i = end
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09:
                    w.space(raw: byte, width: byte == 0x09 ? 2 : 1)
                case 0x0A, 0x0B, 0x0C:
                    w.lineBreak()
                case 0x0D:
                    w.lineBreak()
                    if i + 1 < n && input[i + 1] == 0x0A { i += 1 }
                default:
                    break
                }
                i += 1
                continue
            }
            let (value, length) = UTF8Scan.decode(input, at: i)
            switch value {
            case 0x85, 0x2028, 0x2029:
                w.lineBreak()
            case 0x80...0x9F, 0xAD, 0x200B, 0x2060, 0xFEFF:
                break
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                if collapse {
                    w.space(raw: 0x20, width: 1)
                } else {
                    w.out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<i + length]))
                    if !NormalizationCheck.isStable(value, under: form) { needsNormalization = true }
                }
            default:
                w.visible(startsItem: w.breaks == 1 && value == 0x2022 && Self.isFollowedBySpace(input, i + length))
                if let (ascii, count) = asciiReplacement(value) {
                    for _ in 0..<count { w.out.append(ascii) }
                } else {
                    w.out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<i + length]))
                    if !NormalizationCheck.isStable(value, under: form) { needsNormalization = true }
                }
            }
            i += length
        }
        return needsNormalization
    }

    @inline(__always)
    private static func isFollowedBySpace(_ input: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < input.count && (input[i] == 0x20 || input[i] == 0x09)
    }

    /// The ASCII spelling of a quote, dash or ellipsis when the options ask for
    /// one: a character and how many times to write it.
    @inline(__always)
    private func asciiReplacement(_ value: UInt32) -> (UInt8, Int)? {
        guard value >= 0xAB else { return nil }
        if asciiQuotes {
            switch value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x2039, 0x203A:
                return (UInt8(ascii: "'"), 1)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0xAB, 0xBB:
                return (UInt8(ascii: "\""), 1)
            case 0x2026:
                return (UInt8(ascii: "."), 3)
            default:
                break
            }
        }
        if asciiDashes {
            switch value {
            case 0x2010...0x2015, 0x2212:
                return (UInt8(ascii: "-"), 1)
            default:
                break
            }
        }
        return nil
    }
}

/// Builds the output of ``TextCleaner``, holding back white space until it
/// knows what comes after it.
private struct Writer {
    let input: UnsafeBufferPointer<UInt8>
    let collapse: Bool
    let paragraphBreaks: Bool
    var out: ByteWriter
    /// A space is owed before the next visible character.
    var pendingSpace = false
    /// Line breaks since the last visible character.
    var breaks = 0
    /// Columns of indentation on the current line so far.
    var indent = 0
    /// How this text's lines are laid out; worked out when first needed.
    var layout: LineLayout?

    init(input: UnsafeBufferPointer<UInt8>, out: ByteWriter, collapse: Bool, paragraphBreaks: Bool) {
        self.input = input
        self.out = out
        self.collapse = collapse
        self.paragraphBreaks = paragraphBreaks
    }

    /// Settles the white space owed before a visible character; `startsItem`
    /// when that character is a list bullet (`-`, `*`, `•` and a space).
    @inline(__always)
    mutating func visible(startsItem: Bool = false) {
        guard collapse, breaks > 0 || pendingSpace else { return }
        if !out.isEmpty {
            if breaks > 0 && paragraphBreaks && (breaks >= 2 || startsItem || lineBreakStartsParagraph()) {
                out.append(0x0A)
                out.append(0x0A)
            } else {
                out.append(0x20)
            }
        }
        breaks = 0
        indent = 0
        pendingSpace = false
    }

    @inline(__always)
    mutating func space(raw: UInt8, width: Int) {
        if collapse {
            if breaks > 0 { indent += width }
            pendingSpace = true
        } else {
            out.append(raw)
        }
    }

    @inline(__always)
    mutating func lineBreak() {
        if collapse {
            breaks += 1
            indent = 0
            pendingSpace = false
        } else {
            out.append(paragraphBreaks ? 0x0A : 0x20)
        }
    }

    /// Whether a single line break, before the current line, is a paragraph break.
    private mutating func lineBreakStartsParagraph() -> Bool {
        let layout = self.layout ?? LineLayout(input)
        self.layout = layout
        return !layout.isHardWrapped || (indent >= 2 && layout.indentationMarksParagraphs)
    }
}

/// What a text's line breaks mean, from the lengths and indentation of its lines.
struct LineLayout {
    /// Longer lines than this are not hard-wrapped: nobody wraps wider.
    static let widestWrap = 100

    /// No line is longer than ``widestWrap`` characters.
    var isHardWrapped: Bool
    /// Among lines that directly follow another non-blank line, some start
    /// flush and some start indented by two or more columns.
    var indentationMarksParagraphs: Bool

    init(_ input: UnsafeBufferPointer<UInt8>) {
        let n = input.count
        var flush = false
        var indented = false
        var previousBlank = true
        var i = 0
        while i < n {
            let newline = UTF8Scan.index(of: 0x0A, in: input, from: i) ?? n
            var end = newline
            if end > i && input[end - 1] == 0x0D { end -= 1 }
            var j = i
            var width = 0
            while j < end && (input[j] == 0x20 || input[j] == 0x09) {
                width += input[j] == 0x09 ? 2 : 1
                j += 1
            }
            let blank = j == end
            if !blank && !previousBlank {
                if width >= 2 { indented = true } else { flush = true }
            }
            previousBlank = blank
            // A line of at most so many bytes has at most so many characters.
            if end - i > Self.widestWrap
                && Self.characters(UnsafeBufferPointer(rebasing: input[i..<end])) > Self.widestWrap
            {
                // Not hard-wrapped: how indentation is used no longer matters.
                isHardWrapped = false
                indentationMarksParagraphs = false
                return
            }
            i = newline + 1
        }
        isHardWrapped = true
        indentationMarksParagraphs = indented && flush
    }

    /// Characters in `line`, trailing white space left out: bytes that start a scalar.
    private static func characters(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var end = line.count
        while end > 0 && (line[end - 1] == 0x20 || line[end - 1] == 0x09) { end -= 1 }
        var count = 0
        for k in 0..<end where line[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
