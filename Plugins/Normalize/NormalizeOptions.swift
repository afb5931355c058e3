import Textpipe

/// The options of the `normalize` stage.
///
/// Every key has a default that suits news text, so `- normalize` alone is the
/// usual way to use the stage. Enumerated keys are decoded as strings and
/// checked here, so a typo is reported with the values that would have worked.
public struct NormalizeOptions: StageOptions, Equatable {
    /// The Unicode normalization form applied last.
    public enum Form: String, Sendable, CaseIterable {
        case nfc, nfkc, none
    }

    /// What happens to white space.
    public enum Whitespace: String, Sendable, CaseIterable {
        case collapse, keep
    }

    /// Whether typographic characters stay as they are or become ASCII.
    public enum Style: String, Sendable, CaseIterable {
        case keep, ascii
    }

    /// Unicode normalization form (`form`).
    public var form: Form = .nfc
    /// Decode HTML entities, AG News entity debris and strip tags (`html`).
    public var html = true
    /// Read AG News backslash escapes (`backslash_escapes`).
    public var backslashEscapes = true
    /// Collapse or keep white space (`whitespace`).
    public var whitespace: Whitespace = .collapse
    /// Keep paragraph breaks in `text` (`paragraph_breaks`).
    public var paragraphBreaks = true
    /// Re-decode text that was not valid UTF-8 (`latin1_fallback`).
    public var latin1Fallback = true
    /// Repair UTF-8 that was decoded as Windows-1252 or Latin-1 (`fix_mojibake`).
    public var fixMojibake = true
    /// Curly quotes, primes and the ellipsis (`quotes`).
    public var quotes: Style = .keep
    /// En and em dashes and their kin (`dashes`).
    public var dashes: Style = .keep
    /// Remove boilerplate paragraphs (`boilerplate`).
    public var boilerplate = false
    /// Extra boilerplate prefixes (`boilerplate_patterns`).
    public var boilerplatePatterns: [String] = []
    /// Drop documents shorter than this many Unicode scalars (`min_chars`).
    public var minChars = 0

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.options()
        form = try Self.choice("form", try c.option("form", default: form.rawValue))
        html = try c.option("html", default: html)
        backslashEscapes = try c.option("backslash_escapes", default: backslashEscapes)
        whitespace = try Self.choice("whitespace", try c.option("whitespace", default: whitespace.rawValue))
        paragraphBreaks = try c.option("paragraph_breaks", default: paragraphBreaks)
        latin1Fallback = try c.option("latin1_fallback", default: latin1Fallback)
        fixMojibake = try c.option("fix_mojibake", default: fixMojibake)
        quotes = try Self.choice("quotes", try c.option("quotes", default: quotes.rawValue))
        dashes = try Self.choice("dashes", try c.option("dashes", default: dashes.rawValue))
        boilerplate = try c.option("boilerplate", default: boilerplate)
        boilerplatePatterns = try c.option("boilerplate_patterns", default: boilerplatePatterns)
        minChars = try c.option("min_chars", default: minChars)
    }

    /// Reads an enumerated option, naming the accepted values when `value` is not one.
    private static func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ value: String) throws -> T
    where T.RawValue == String {
        if let choice = T(rawValue: value) { return choice }
        let accepted = T.allCases.map(\.rawValue)
        let lowered = value.lowercased()
        let hint = T(rawValue: lowered) != nil ? "did you mean '\(lowered)'?" : nil
        throw StageError(
            "normalize: option '\(key)' is '\(value)'; expected one of \(accepted.joined(separator: ", "))",
            hint: hint)
    }

    public static let fields: [OptionField] = [
        OptionField(
            "form", type: "nfc | nfkc | none", default: "nfc",
            "Unicode normalization form applied last. nfkc also folds compatibility characters (ﬁ → fi, ① → 1, full-width letters)."
        ),
        OptionField(
            "html", type: "bool", default: "true",
            "Decode HTML entities (named, &#39;, &#x2019;, &#146; read as Windows-1252), the entity debris of AG News "
                + "(' #39;', ' quot;', ' amp;' — a space where the '&' was), and remove HTML tags, escaped or not; "
                + "<br> and <li> become a line break, <p>, <div> and headings a paragraph break."
        ),
        OptionField(
            "backslash_escapes", type: "bool", default: "true",
            "Read AG News backslash escapes, where every line break became a backslash: '\\\\' is a paragraph "
                + "break, '\\$' is '$', and any other '\\' is a space (a wrapped line). Turn off for text with "
                + "real backslashes."
        ),
        OptionField(
            "whitespace", type: "collapse | keep", default: "collapse",
            "collapse: tabs, no-break and other Unicode spaces become a space, runs of spaces one space, lines are "
                + "trimmed, blank lines become one paragraph break, and the text is trimmed. A single line break "
                + "joins lines with a space in hard-wrapped text (no line over 100 characters), except before a "
                + "bullet ('- ', '* ', '• ') or, where wrapped lines start flush, an indented line (Reuters); in "
                + "other text it is a paragraph break, one paragraph a line. keep: white space stays as it is, "
                + "apart from line endings."
        ),
        OptionField(
            "paragraph_breaks", type: "bool", default: "true",
            "Keep paragraph breaks ('\\n\\n') in text; false puts the whole text on one line. The title is always one line."
        ),
        OptionField(
            "latin1_fallback", type: "bool", default: "true",
            "When the reader found invalid UTF-8, decode the original bytes again: valid UTF-8 sequences as UTF-8, "
                + "every other byte as Windows-1252 (Latin-1 where Windows-1252 has no character)."
        ),
        OptionField(
            "fix_mojibake", type: "bool", default: "true",
            "Repair UTF-8 that was read as Windows-1252 or Latin-1 ('â€™' → '’', 'Ã©' → 'é'): a run of such "
                + "characters is replaced only when all of it re-encodes to valid UTF-8, and a lone two-byte "
                + "sequence only when it starts with 'Â' or 'Ã'."
        ),
        OptionField(
            "quotes", type: "keep | ascii", default: "keep",
            "ascii: curly quotes, low-9 quotes, guillemets and primes become \" and ', and '…' becomes '...'."
        ),
        OptionField(
            "dashes", type: "keep | ascii", default: "keep",
            "ascii: hyphen, figure, en and em dashes, the horizontal bar and the minus sign become '-'."
        ),
        OptionField(
            "boilerplate", type: "bool", default: "false",
            "Remove paragraphs that start (case-insensitively) with news boilerplate: 'Read more', 'Also read', "
                + "'Related', 'See also' or 'Advertisement' alone or before ':', '-', '|', '>', '.', '»', '›', "
                + "'–', '—' or '…'; "
                + "'Click here to', 'Subscribe to', 'Follow us on', 'Share this article', '(Reporting by', "
                + "'(Additional reporting by', '(Writing by', '(Editing by'; 'Copyright', '©' or '(c)' in a "
                + "paragraph that also says 'All rights reserved'."
        ),
        OptionField(
            "boilerplate_patterns", type: "[string]", default: "[]",
            "More paragraph prefixes to remove, matched like the built-in ones (ASCII letters case-insensitively, "
                + "a prefix ending in a letter or digit only before a non-letter). Needs boilerplate: true."
        ),
        OptionField(
            "min_chars", type: "int", default: "0",
            "When above 0, drop documents whose text is shorter than this many Unicode scalars after normalization."
        ),
    ]
}
