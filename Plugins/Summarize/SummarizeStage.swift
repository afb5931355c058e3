import Textpipe

/// Picks the article's most central sentences as its summary.
///
/// The article's sentences (the shared ``SentenceSplitter``'s, or the document's
/// `sentences` annotation when an earlier stage wrote one) are ranked by
/// ``SentenceRanker`` (TextRank over the cosine similarity of content words);
/// the best `k` come back in article order. The title is never a summary
/// sentence, nor is a sentence without a letter or a digit.
///
/// How many sentences, first match wins:
/// 1. the document's own field `summary_sentences` when it is a whole number
///    (an upstream stage or the input sets it; `0` gives an empty summary);
/// 2. `ratio` of the article's sentences, rounded up, when set;
/// 3. `sentences` (default 3).
///
/// Writes `summary` (the sentences joined by one space, white space inside them
/// collapsed) and `summary_sentences`, the chosen sentences' indices into the
/// article's sentences, ascending. The output field has the input override's
/// name on purpose: an integer in means "pick this many", an array out says
/// which were picked, and an array arriving from an earlier summarize (as in
/// `textpipe run a | textpipe run b`) is not an override: it is replaced.
public struct SummarizeStage: Stage {
    /// The stage's options.
    public struct Options: StageOptions {
        /// How many sentences to pick; `nil` means 3 unless ``ratio`` is set.
        @StageOption(
            "sentences",
            help:
                "How many sentences to pick; null means 3 unless `ratio` is set. A document's own integer field `summary_sentences` overrides it."
        )
        public var sentences: Int? = nil
        /// The share of the article's sentences to pick, rounded up.
        @StageOption(
            "ratio",
            help:
                "Pick this share of the article's sentences instead, rounded up (0 < ratio <= 1). Not with `sentences`."
        )
        public var ratio: Double? = nil
        /// The longest summary in characters; 0 means no limit.
        @StageOption(
            "max_chars",
            help:
                "Longest summary in characters, 0 for no limit. A sentence that would overflow is passed over for a lower-ranked one that fits; if none fits, the best one is cut at a word boundary and ends with '…'."
        )
        public var maxChars = 0

        public init() {}
    }

    public static let name = "summarize"
    public static let summary = "Pick the most central sentences of each article as its summary (extractive, TextRank)"
    public static let outputs = ["summary", "summary_sentences"]
    public static let examples = [
        StageExample(
            "picks the three most central sentences, in article order",
            input:
                #"{"id": "harbour", "title": "Harbour budget approved", "text": "The Valmora council approved the harbour budget on Monday. The harbour budget funds new cranes and a wider harbour channel. Fishing crews welcomed the news. The council also named a new harbour master. The budget vote was close, with the harbour budget passing by one vote."}"#,
            expected:
                #"{"summary": "The Valmora council approved the harbour budget on Monday. The harbour budget funds new cranes and a wider harbour channel. The council also named a new harbour master.", "summary_sentences": [0, 1, 3]}"#
        ),
        StageExample(
            "an article's own summary_sentences sets the length",
            input:
                #"{"id": "harbour", "summary_sentences": 1, "text": "The Valmora council approved the harbour budget on Monday. The harbour budget funds new cranes and a wider harbour channel. Fishing crews welcomed the news."}"#,
            expected:
                #"{"summary": "The Valmora council approved the harbour budget on Monday.", "summary_sentences": [0]}"#
        ),
        StageExample(
            "a share of the sentences, within a character limit",
            options: "{ ratio: 0.5, max_chars: 80 }",
            input:
                #"{"id": "harbour", "text": "The Valmora council approved the harbour budget on Monday. The harbour budget funds new cranes and a wider harbour channel. Fishing crews welcomed the news. The council also named a new harbour master."}"#,
            expected:
                #"{"summary": "The harbour budget funds new cranes and a wider harbour channel.", "summary_sentences": [1]}"#
        ),
    ]

    /// How many sentences to pick when the document does not say.
    enum Length: Sendable, Equatable {
        case sentences(Int)
        case ratio(Double)
    }

    let length: Length
    let maxChars: Int
    let ranker = SentenceRanker()

    public init(options: Options) throws {
        switch (options.sentences, options.ratio) {
        case (.some, .some):
            throw StageError(
                "options 'sentences' and 'ratio' cannot both be set", hint: "keep one: a fixed count or a share")
        case (.some(let count), nil):
            guard count >= 1 else { throw StageError("option 'sentences' must be at least 1, got \(count)") }
            length = .sentences(count)
        case (nil, .some(let ratio)):
            guard ratio > 0, ratio <= 1 else {
                throw StageError("option 'ratio' must be greater than 0 and at most 1, got \(ratio)")
            }
            length = .ratio(ratio)
        case (nil, nil):
            length = .sentences(3)
        }
        guard options.maxChars >= 0 else {
            throw StageError(
                "option 'max_chars' must not be negative, got \(options.maxChars)", hint: "0 means no limit")
        }
        maxChars = options.maxChars
    }

    public func process(_ document: inout Document) throws -> Disposition {
        let requested = try Self.requestedCount(in: document)
        // The entities stage's tokens of this text when it ran before (see Document.shareTokens).
        let shared = document.sharedTokens
        let text = shared?.text ?? ScalarText(document.text)
        let tokens = shared?.tokens ?? Tokenizer.tokens(in: text)
        let sentences = try ArticleSentences(document: document, text: text, tokens: tokens)
        let candidates = sentences.candidates(excludingTitle: document.title)

        let wanted: Int
        switch (requested, length) {
        case (.some(let count), _): wanted = count
        case (nil, .sentences(let count)): wanted = count
        case (nil, .ratio(let ratio)):
            // The epsilon keeps 0.4 × 15 = 6.000000000000001 from rounding up to 7.
            wanted = max(1, Int((ratio * Double(sentences.count) - 1e-9).rounded(.up)))
        }

        var chosen: [Int] = []
        if wanted > 0, !candidates.isEmpty {
            let scores = ranker.scores(text: text, tokens: tokens, sentences: sentences.tokenRanges)
            // Best first; ties go to the earlier sentence so the output never depends on sort stability.
            let ranked = candidates.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            chosen = Array(ranked.prefix(wanted))
            if maxChars > 0 { chosen = fitting(ranked, wanted: wanted, sentences: sentences) }
            chosen.sort()
        }
        var summary = chosen.map { sentences.collapsedText($0) }.joined(separator: " ")
        if maxChars > 0, summary.count > maxChars { summary = Self.truncated(summary, to: maxChars) }

        document.setField("summary", JSONFragment(string: summary))
        document.setField("summary_sentences", Self.indexArray(chosen))
        return .keep
    }

    /// The best sentences, in rank order, that fit in ``maxChars`` together; the best one alone if none fits.
    private func fitting(_ ranked: [Int], wanted: Int, sentences: ArticleSentences) -> [Int] {
        var chosen: [Int] = []
        var used = 0
        for index in ranked where chosen.count < wanted {
            let length = sentences.collapsedText(index).count
            let added = chosen.isEmpty ? length : length + 1
            if used + added <= maxChars {
                chosen.append(index)
                used += added
            }
        }
        return chosen.isEmpty ? Array(ranked.prefix(1)) : chosen
    }

    /// `text` cut to at most `limit` characters at a word boundary, ending with '…'.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard limit > 1 else { return String(text.prefix(limit)) }
        let head = text.prefix(limit - 1)
        let cut = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
        var kept = cut
        while let last = kept.last, last.isWhitespace || last == "," || last == ";" || last == ":" {
            kept = kept.dropLast()
        }
        return (kept.isEmpty ? head : kept) + "…"
    }

    /// The document's own sentence count from its integer field `summary_sentences`, if it has one.
    ///
    /// An array in that field is an earlier summarize's output, not a request.
    static func requestedCount(in document: Document) throws -> Int? {
        guard let fragment = document.field("summary_sentences"), !fragment.isNull else { return nil }
        let bytes = fragment.bytes
        if bytes.first == UInt8(ascii: "[") { return nil }
        if !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        throw StageError(
            "field 'summary_sentences' must be a whole number of sentences, got \(fragment)",
            hint: "0 or more; or drop the field to use the stage's 'sentences' option")
    }

    /// `[1,4,7]` as JSON.
    static func indexArray(_ indices: [Int]) -> JSONFragment {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, index) in indices.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += String(index).utf8
        }
        bytes.append(UInt8(ascii: "]"))
        return JSONFragment(trustedBytes: bytes)
    }
}
