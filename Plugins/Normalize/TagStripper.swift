/// Removes HTML tags, comments and the contents of `<script>` and `<style>`.
///
/// Only names of HTML elements count as tags, and the name must end at `>`,
/// `/` or white space, so `a < b`, `<TXN.N>` and `<CIEN.O>` stay. Reuters
/// writes company tickers as `<GM>`, `<S>`, `<U>`, `<DD>` — upper-case, with no
/// attributes, and sometimes HTML element names. Such an ambiguous tag is
/// removed only when the text also holds unmistakable HTML (a lower-case tag,
/// a closing tag, attributes, `<br>`, a comment); otherwise it is a ticker.
///
/// Block elements leave a break behind so words on either side stay apart:
/// a paragraph break for `<p>`, `<div>`, headings, lists, tables and the like;
/// a line break for `<br>`, `<li>`, `<tr>`, `<dt>`, `<dd>`; a space for cells.
struct TagStripper: Sendable {
    /// What a tag leaves behind.
    enum Gap: UInt8, Sendable {
        case none, space, line, paragraph
    }

    /// Every HTML element name (HTML 4 and 5, plus `nobr`), lower-case, with its gap.
    static let elements: [String: Gap] = {
        var elements: [String: Gap] = [:]
        let inline = """
            a abbr acronym applet area audio b base basefont bdi bdo big body button canvas cite code data \
            datalist del dfn em embed font frame head html i iframe img input ins kbd label link map mark \
            meta meter nobr noframes noscript object optgroup option output param picture progress q rp rt \
            ruby s samp script select small source span strike strong style sub summary sup template \
            textarea time title track tt u var video wbr
            """
        let paragraph = """
            address article aside blockquote center details dialog dir div dl fieldset figure footer form \
            frameset h1 h2 h3 h4 h5 h6 header hr legend main menu nav ol p pre section table tbody tfoot \
            thead ul
            """
        let line = "br caption colgroup col dd dt figcaption li tr"
        let space = "td th"
        for (names, gap) in [(inline, Gap.none), (paragraph, .paragraph), (line, .line), (space, .space)] {
            for name in names.split(separator: " ") { elements[String(name)] = gap }
        }
        return elements
    }()

    /// How far to look for a tag's `>` before deciding `<` was just text.
    static let maximumTagLength = 2048
    /// How far to look for the end of a comment or of a script's contents.
    static let maximumSkip = 200_000

    /// A tag found at some position.
    struct Tag {
        var length: Int
        var gap: Gap
        /// An upper-case opening tag without attributes: maybe a Reuters ticker.
        var isAmbiguous: Bool
        /// For `<script>` and `<style>`: skip to the matching end tag.
        var skipsContentsOf: String?
    }

    /// Whether `input` has a tag to remove: one that is unmistakably HTML, for
    /// without one the ambiguous tags stay too.
    func applies(to input: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.hasDefiniteHTML(input)
    }

    /// `input` without its tags, ambiguous ones included: call it when
    /// ``applies(to:)`` is true.
    func strip(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        let n = input.count
        var i = 0
        while i < n {
            let byte = input[i]
            guard byte == UInt8(ascii: "<"), let tag = Self.tag(input, at: i) else {
                out.append(byte)
                i += 1
                continue
            }
            switch tag.gap {
            case .none: break
            case .space: out.append(0x20)
            case .line: out.append(0x0A)
            case .paragraph: out.append(contentsOf: [0x0A, 0x0A])
            }
            i += tag.length
            if let element = tag.skipsContentsOf, let end = Self.find(closing: element, in: input, from: i) {
                i = end
            }
        }
        return out
    }

    /// Whether some tag in `input` is unmistakably HTML.
    static func hasDefiniteHTML(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var next = UTF8Scan.index(of: UInt8(ascii: "<"), in: input)
        while let i = next {
            if let tag = tag(input, at: i), !tag.isAmbiguous { return true }
            next = UTF8Scan.index(of: UInt8(ascii: "<"), in: input, from: i + 1)
        }
        return false
    }

    /// The tag, comment or declaration starting at `i` (which holds `<`), if it is one.
    static func tag(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Tag? {
        let n = input.count
        var j = i + 1
        guard j < n else { return nil }
        if input[j] == UInt8(ascii: "!") || input[j] == UInt8(ascii: "?") {
            return declaration(input, at: i)
        }
        let closing = input[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        let nameStart = j
        var hasUpper = false
        while j < n, j - nameStart < 12, UTF8Scan.isAlphanumeric(input[j]) {
            if input[j] >= 0x41 && input[j] <= 0x5A { hasUpper = true }
            j += 1
        }
        guard j > nameStart, j < n, input[nameStart] > 0x40 else { return nil }
        let terminator = input[j]
        guard terminator == UInt8(ascii: ">") || terminator == UInt8(ascii: "/") || isSpace(terminator) else {
            return nil
        }
        var name = ""
        name.unicodeScalars.reserveCapacity(j - nameStart)
        for k in nameStart..<j { name.unicodeScalars.append(Unicode.Scalar(UTF8Scan.lowered(input[k]))) }
        guard let gap = elements[name] else { return nil }
        guard let end = tagEnd(input, from: j) else { return nil }
        let bare = terminator == UInt8(ascii: ">")
        let selfClosing = end >= 2 && input[end - 2] == UInt8(ascii: "/")
        let skips = !closing && !selfClosing && (name == "script" || name == "style") ? name : nil
        return Tag(
            length: end - i, gap: gap, isAmbiguous: hasUpper && bare && !closing && name != "br",
            skipsContentsOf: skips)
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>` or `<? … ?>` at `i`.
    private static func declaration(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Tag? {
        let n = input.count
        if i + 3 < n, input[i + 2] == UInt8(ascii: "-"), input[i + 3] == UInt8(ascii: "-") {
            var j = i + 4
            while j + 2 < n, j - i < maximumSkip {
                if input[j] == UInt8(ascii: "-"), input[j + 1] == UInt8(ascii: "-"), input[j + 2] == UInt8(ascii: ">") {
                    return Tag(length: j + 3 - i, gap: .none, isAmbiguous: false, skipsContentsOf: nil)
                }
                j += 1
            }
            return nil
        }
        guard i + 2 < n, input[i + 2] > 0x40, UTF8Scan.isAlphanumeric(input[i + 2]) || input[i + 2] == UInt8(ascii: "[")
        else { return nil }
        var j = i + 2
        while j < n, j - i < maximumTagLength {
            if input[j] == UInt8(ascii: ">") {
                return Tag(length: j + 1 - i, gap: .none, isAmbiguous: false, skipsContentsOf: nil)
            }
            j += 1
        }
        return nil
    }

    /// The index just past the `>` that closes a tag whose name ends before `j`,
    /// skipping quoted attribute values; `nil` when there is none nearby or a
    /// `<` comes first.
    private static func tagEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var j = start
        var quote: UInt8 = 0
        let limit = min(input.count, start + maximumTagLength)
        while j < limit {
            let byte = input[j]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: ">") {
                return j + 1
            } else if byte == UInt8(ascii: "<") {
                return nil
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            }
            j += 1
        }
        return nil
    }

    /// The index just past `</element …>` at or after `start`, case-insensitively.
    private static func find(closing element: String, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let name = Array(element.utf8)
        var j = start
        let limit = min(input.count, start + maximumSkip)
        while j + name.count + 2 < limit {
            if input[j] == UInt8(ascii: "<"), input[j + 1] == UInt8(ascii: "/") {
                var k = 0
                while k < name.count, UTF8Scan.lowered(input[j + 2 + k]) == name[k] { k += 1 }
                if k == name.count, let end = tagEnd(input, from: j + 2 + k) { return end }
            }
            j += 1
        }
        return nil
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}
