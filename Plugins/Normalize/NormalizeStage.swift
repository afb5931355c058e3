import Textpipe

/// Cleans up the text and title of news articles so later stages see plain,
/// consistent Unicode.
///
/// It repairs the encoding (a Windows-1252 re-decoding of text that was not
/// UTF-8, mojibake), decodes HTML entities and the entity debris of scraped
/// corpora, strips tags, removes control and invisible characters, collapses
/// white space into lines and paragraphs, optionally makes quotes and dashes
/// ASCII and drops boilerplate paragraphs, and applies NFC or NFKC. See
/// ``NormalizeOptions`` for each step's key.
///
/// The stage is idempotent: normalizing its own output changes nothing.
public struct NormalizeStage: Stage {
    public typealias Options = NormalizeOptions

    public static let name = "normalize"
    public static let summary =
        "Clean up text and title: encoding, HTML entities and tags, white space, Unicode normalization"
    public static let outputs: [String] = []

    let options: NormalizeOptions
    let text: Normalizer
    let title: Normalizer

    public init(options: NormalizeOptions) throws {
        guard options.minChars >= 0 else {
            throw StageError("normalize: min_chars is \(options.minChars); it must be 0 or more")
        }
        if !options.boilerplatePatterns.isEmpty && !options.boilerplate {
            throw StageError(
                "normalize: boilerplate_patterns is set but boilerplate is false, so the patterns would never be used",
                hint: "add 'boilerplate: true'")
        }
        self.options = options
        text = Normalizer(options: options, title: false)
        title = Normalizer(options: options, title: true)
    }

    public func process(_ document: inout Document) throws -> Disposition {
        if options.latin1Fallback, let bytes = document.undecodedText {
            document.text = Latin1Fallback.decode(bytes)
            document.undecodedText = nil
        }
        document.text = text.normalize(document.text)
        if let original = document.title {
            document.title = title.normalize(original)
        }
        if options.minChars > 0 && isShort(document.text) {
            return .drop(reason: "too short after normalization")
        }
        return .keep
    }

    /// Whether `text` has fewer than `min_chars` Unicode scalars, counting no further than that.
    private func isShort(_ text: String) -> Bool {
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count >= options.minChars { return false }
        }
        return true
    }
}
