/// Splits text into sentences, as Unicode-scalar offset ranges.
///
/// A sentence ends at `.`, `!`, `?` or `...` (with any closing quotes and
/// brackets after it) when the next token opens a sentence — a capital, a
/// digit, an opening quote — and the period is not part of a title (`Mr.`,
/// `Dr.`) or an initial (`J. K. Rowling`). After abbreviations that can also end
/// a sentence (`Inc.`, `U.S.`, `Jan.`), it ends only when a common opener
/// (`The`, `He`, `But` …) follows. A blank line always ends a sentence, so
/// headlines and list items without a final period stand alone.
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
                ends = hasBlankLine(text, from: tokens[index].end, to: tokens[index + 1].start)
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
