import Textpipe

/// The options of the `normalize` stage.
///
/// Every key has a default that suits news text, so `- normalize` alone is the
/// usual way to use the stage. An enumerated key's typo is reported with the
/// values that would have worked (``OptionValue``).
public struct NormalizeOptions: StageOptions, Equatable {
    /// The Unicode normalization form applied last.
    public enum Form: String, Sendable, CaseIterable, OptionValue {
        case nfc, nfkc, none
    }

    /// What happens to white space.
    public enum Whitespace: String, Sendable, CaseIterable, OptionValue {
        case collapse, keep
    }

    /// Whether typographic characters stay as they are or become ASCII.
    public enum Style: String, Sendable, CaseIterable, OptionValue {
        case keep, ascii
    }

    /// Unicode normalization form (`form`).
    @StageOption(
        "form",
        help:
            "Unicode normalization form applied last. nfkc also folds compatibility characters (ﬁ → fi, ① → 1, full-width letters)."
    )
    public var form: Form = .nfc
    /// Decode HTML entities, AG News entity debris and strip tags (`html`).
    @StageOption(
        "html",
        help:
            "Decode HTML entities (named, &#39;, &#x2019;, &#146; read as Windows-1252), the entity debris of AG News "
            + "(' #39;', ' quot;', ' amp;' — a space where the '&' was), and remove HTML tags, escaped or not; "
            + "<br> and <li> become a line break, <p>, <div> and headings a paragraph break."
    )
    public var html = true
    /// Read AG News backslash escapes (`backslash_escapes`).
    @StageOption(
        "backslash_escapes",
        help: "Read AG News backslash escapes, where every line break became a backslash: '\\\\' is a paragraph "
            + "break, '\\$' is '$', and any other '\\' is a space (a wrapped line). Turn off for text with "
            + "real backslashes."
    )
    public var backslashEscapes = true
    /// Collapse or keep white space (`whitespace`).
    @StageOption(
        "whitespace",
        help: "collapse: tabs, no-break and other Unicode spaces become a space, runs of spaces one space, lines are "
            + "trimmed, blank lines become one paragraph break, and the text is trimmed. A single line break "
            + "joins lines with a space in hard-wrapped text (no line over 100 characters), except before a "
            + "bullet ('- ', '* ', '• ') or, where wrapped lines start flush, an indented line (Reuters); in "
            + "other text it is a paragraph break, one paragraph a line. keep: white space stays as it is, "
            + "apart from line endings."
    )
    public var whitespace: Whitespace = .collapse
    /// Keep paragraph breaks in `text` (`paragraph_breaks`).
    @StageOption(
        "paragraph_breaks",
        help:
            "Keep paragraph breaks ('\\n\\n') in text; false puts the whole text on one line. The title is always one line."
    )
    public var paragraphBreaks = true
    /// Re-decode text that was not valid UTF-8 (`latin1_fallback`).
    @StageOption(
        "latin1_fallback",
        help: "When the reader found invalid UTF-8, decode the original bytes again: valid UTF-8 sequences as UTF-8, "
            + "every other byte as Windows-1252 (Latin-1 where Windows-1252 has no character)."
    )
    public var latin1Fallback = true
    /// Repair UTF-8 that was decoded as Windows-1252 or Latin-1 (`fix_mojibake`).
    @StageOption(
        "fix_mojibake",
        help: "Repair UTF-8 that was read as Windows-1252 or Latin-1 ('â€™' → '’', 'Ã©' → 'é'): a run of such "
            + "characters is replaced only when all of it re-encodes to valid UTF-8, and a lone two-byte "
            + "sequence only when it starts with 'Â' or 'Ã'."
    )
    public var fixMojibake = true
    /// Curly quotes, primes and the ellipsis (`quotes`).
    @StageOption(
        "quotes",
        help: "ascii: curly quotes, low-9 quotes, guillemets and primes become \" and ', and '…' becomes '...'."
    )
    public var quotes: Style = .keep
    /// En and em dashes and their kin (`dashes`).
    @StageOption(
        "dashes",
        help: "ascii: hyphen, figure, en and em dashes, the horizontal bar and the minus sign become '-'."
    )
    public var dashes: Style = .keep
    /// Remove boilerplate paragraphs (`boilerplate`).
    @StageOption(
        "boilerplate",
        help: "Remove paragraphs that start (case-insensitively) with news boilerplate: 'Read more', 'Also read', "
            + "'Related', 'See also' or 'Advertisement' alone or before ':', '-', '|', '>', '.', '»', '›', "
            + "'–', '—' or '…'; "
            + "'Click here to', 'Subscribe to', 'Follow us on', 'Share this article', '(Reporting by', "
            + "'(Additional reporting by', '(Writing by', '(Editing by'; 'Copyright', '©' or '(c)' in a "
            + "paragraph that also says 'All rights reserved'."
    )
    public var boilerplate = false
    /// Extra boilerplate prefixes (`boilerplate_patterns`).
    @StageOption(
        "boilerplate_patterns",
        help: "More paragraph prefixes to remove, matched like the built-in ones (ASCII letters case-insensitively, "
            + "a prefix ending in a letter or digit only before a non-letter). Needs boilerplate: true."
    )
    public var boilerplatePatterns: [String] = []
    /// Drop documents shorter than this many Unicode scalars (`min_chars`).
    @StageOption(
        "min_chars",
        help: "When above 0, drop documents whose text is shorter than this many Unicode scalars after normalization."
    )
    public var minChars = 0

    public init() {}
}
