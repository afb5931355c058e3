/// Splits text into sentences, as Unicode-scalar offset ranges.
///
/// A sentence ends at `.`, `!`, `?` or `...` (with any closing quotes and
/// brackets after it) when the next token opens a sentence — a capital, a
/// digit, an opening quote — and the period is not part of a title (`Mr.`,
/// `Dr.`) or an initial (`J. K. Rowling`). After abbreviations that can also end
/// a sentence (`Inc.`, `U.S.`, `Jan.`), it ends only when a common opener
/// (`The`, `He`, `But` …) follows. A blank line always ends a sentence, so
/// headlines and list items without a final period stand alone; so does a
/// single line break the writer chose rather than a wrap: one after which
/// the next word would still have fitted on the line (see ``LineLayout``).
public enum SentenceSplitter {
    /// The sentences of `text`.
    public static func sentences(in text: String) -> [TextSpan] {
        let scalars = ScalarText(text)
        return sentences(in: scalars, tokens: Tokenizer.tokens(in: scalars))
    }

    /// The sentences of a text already tokenized.
    public static func sentences(in text: ScalarText, tokens: [Token]) -> [TextSpan] {
        ranges(in: text, tokens: tokens).map {
            TextSpan(start: tokens[$0.lowerBound].start, end: tokens[$0.upperBound - 1].end)
        }
    }

    /// The sentences as ranges of token indices.
    public static func ranges(in text: ScalarText, tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var first = 0
        var index = 0
        var lines = LineLayout()
        while index < tokens.count {
            var last = index
            var ends = false
            let token = tokens[index].text
            let start = tokens[index].start
            let end = tokens[index].end
            // Most tokens are words; a look at their first character spares the set lookups.
            if !Self.isASCIIAlphanumeric(text[start]), terminators.contains(token) {
                ends = true
            } else if end - start > 1, text[end - 1] == ".", token.count > 1 {
                // An abbreviation or initial that swallowed the period.
                let word = String(token.dropLast())
                if index + 1 < tokens.count, opensSentence(tokens[index + 1].text) {
                    ends =
                        !Abbreviations.isTitle(word) && word.count > 1
                        && Abbreviations.sentenceOpeners.contains(tokens[index + 1].text.lowercased())
                }
            }
            if ends {
                // Closing quotes and brackets belong to the sentence they close. A straight
                // quote after a space opens the next sentence instead: `said. "I think`.
                while last + 1 < tokens.count, isCloser(tokens[last + 1].text),
                    !hasBlankLine(text, from: tokens[last].end, to: tokens[last + 1].start),
                    !(isStraightQuote(tokens[last + 1].text) && tokens[last + 1].start > tokens[last].end)
                {
                    last += 1
                }
                if last + 1 < tokens.count {
                    let next = tokens[last + 1]
                    ends = opensSentence(next.text) || hasBlankLine(text, from: tokens[last].end, to: next.start)
                }
            } else if index + 1 < tokens.count {
                let next = tokens[index + 1]
                ends =
                    hasBlankLine(text, from: tokens[index].end, to: next.start)
                    || lines.isChosenBreak(text, after: tokens[index], before: next)
            }
            if ends || last + 1 == tokens.count {
                result.append(first..<(last + 1))
                first = last + 1
            }
            index = last + 1
        }
        return result
    }

    /// Tokens that end a sentence: Latin, Arabic-script (Urdu `۔`), CJK and Devanagari full stops.
    private static let terminators: Set<String> = [
        ".", "!", "?", "...", "\u{2026}", "\u{06D4}", "\u{061F}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{0964}",
    ]

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    private static func opensSentence(_ token: String) -> Bool {
        guard let c = token.unicodeScalars.first else { return false }
        if c.isUppercaseLetter || c.isDigit { return true }
        switch token {
        case "\"", "\u{201C}", "\u{2018}", "'", "(", "[", "\u{00AB}": return true
        default: break
        }
        // Scripts without case (Urdu, Chinese, Hindi …) open sentences with any letter.
        return c.isWordLetter && !c.isLowercaseLetter && !c.properties.isUppercase
            && !c.properties.changesWhenCaseMapped
    }

    /// `"` and `'`, which open and close quotations alike.
    private static func isStraightQuote(_ token: String) -> Bool { token == "\"" || token == "'" }

    private static func isCloser(_ token: String) -> Bool {
        switch token {
        case "\"", "\u{201D}", "\u{2019}", "'", ")", "]", "\u{00BB}": return true
        default: return false
        }
    }

    /// How a text's lines are laid out, measured once and only for a text that has
    /// a single line break between two words.
    ///
    /// A line break inside a sentence is either a wrap (the line was full) or a
    /// line the writer ended: a table row, a dateline, a headline, a list item. In
    /// a text whose lines usually stay under 50 scalars (tables, lists: nobody
    /// wraps prose that narrow) every break before a word that can open a sentence
    /// is chosen, unless the line ends in a lowercase word ("The Agricultural
    /// Stabilization and / Conservation Service" between two tables). In a text wrapped at 50–100 scalars (a fifth or more of its lines
    /// within 15 of the usual width, the upper quartile of line lengths) none is:
    /// Reuters-21578 bodies lose their dateline from the first line, so a short
    /// first line is still a wrap ("Standard Oil Co and BP North America / Inc
    /// said"). Elsewhere (lines of paragraphs or sentences), a break is chosen
    /// when the next word would still have fitted on the line. Two capitalized
    /// words either side of a break are never cut apart: they may be one name.
    ///
    /// Measured on CoNLL-2003 dev with each sentence on its own line, tagger
    /// trained on CoNLL train alone, through `textpipe run`: micro-F1 over
    /// PER/ORG/LOC 0.9171 when line breaks read as spaces (fixture lists and
    /// tables ran together: "CLEVELAND AT TEXAS BOSTON AT OAKLAND"), 0.9363 with a
    /// blank line between the sentences, and 0.9302 with this rule.
    struct LineLayout {
        private var measured: (usual: Int, wrapped: Bool)?

        /// Lines usually shorter than this are not wrapped prose.
        static let narrow = 50

        mutating func isChosenBreak(_ text: ScalarText, after last: Token, before next: Token) -> Bool {
            guard SentenceSplitter.opensSentence(next.text), !(isTitleCase(last.text) && isTitleCase(next.text))
            else { return false }
            var lineBreak: Int?
            for i in last.end..<next.start where text[i] == "\n" {
                guard lineBreak == nil else { return false }  // a blank line: the caller's rule
                lineBreak = i
            }
            guard let lineBreak else { return false }
            let layout = measured ?? Self.measure(text)
            measured = layout
            // Rows end in figures and names; prose between the rows ends lines in any word.
            if layout.usual < Self.narrow { return !isLowercaseWord(last.text) }
            if layout.wrapped { return false }
            var lineStart = lineBreak
            while lineStart > 0, text[lineStart - 1] != "\n" { lineStart -= 1 }
            return (lineBreak - lineStart) + 1 + (next.end - next.start) <= layout.usual
        }

        /// A capital and then a lowercase letter ("Shultz", "McLean").
        private func isTitleCase(_ word: String) -> Bool {
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
            return word.unicodeScalars.dropFirst().contains { $0.properties.isLowercase }
        }

        /// A word in lowercase letters ("and", "of", "said").
        private func isLowercaseWord(_ word: String) -> Bool {
            word.unicodeScalars.allSatisfy { $0.properties.isLowercase }
        }

        /// The upper quartile of the non-empty lines' lengths, and whether the text is wrapped.
        private static func measure(_ text: ScalarText) -> (usual: Int, wrapped: Bool) {
            var lengths: [Int] = []
            var start = 0
            for i in 0...text.count where i == text.count || text[i] == "\n" {
                if i > start { lengths.append(i - start) }
                start = i + 1
            }
            guard !lengths.isEmpty else { return (0, false) }
            lengths.sort()
            let usual = lengths[min(lengths.count - 1, Int((Double(lengths.count - 1) * 0.75).rounded(.up)))]
            let full = lengths.filter { $0 >= usual - 15 && $0 <= usual }.count
            return (usual, usual >= narrow && usual <= 100 && full * 5 >= lengths.count)
        }
    }

    /// Whether two or more line breaks separate `from` and `to`.
    private static func hasBlankLine(_ text: ScalarText, from: Int, to: Int) -> Bool {
        var breaks = 0
        for i in from..<to where text[i] == "\n" {
            breaks += 1
            if breaks >= 2 { return true }
        }
        return false
    }
}
