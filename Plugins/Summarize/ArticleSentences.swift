import Textpipe

/// An article's sentences, both as Unicode-scalar spans of its text and as ranges of its tokens.
///
/// They come from the document's `sentences` annotation when it has one — a
/// `sentences` field, so `summary_sentences` indexes the list the input
/// carried, or the split the entities stage shared (made by the same
/// ``SentenceSplitter`` over the same tokens, so the same sentences) —
/// otherwise from ``SentenceSplitter``.
struct ArticleSentences {
    let text: ScalarText
    let spans: [TextSpan]
    let tokenRanges: [Range<Int>]

    var count: Int { spans.count }

    init(document: Document, text: ScalarText, tokens: [Token]) throws {
        self.text = text
        if let annotated = try document.sentences {
            for span in annotated where span.start < 0 || span.end < span.start || span.end > text.count {
                throw StageError(
                    "the 'sentences' annotation has a span \(span.start)..<\(span.end) outside the text (\(text.count) characters)"
                )
            }
            spans = annotated
            tokenRanges = tokens.indices(inside: annotated)
        } else {
            let ranges = SentenceSplitter.ranges(in: text, tokens: tokens)
            tokenRanges = ranges
            spans = ranges.map { TextSpan(start: tokens[$0.lowerBound].start, end: tokens[$0.upperBound - 1].end) }
        }
    }

    /// The sentences that may be chosen: those with a letter or a digit that are not the title.
    func candidates(excludingTitle title: String?) -> [Int] {
        let titleScalars = title.map(Self.collapsedScalars) ?? []
        return (0..<count).filter { index in
            let span = spans[index]
            guard (span.start..<span.end).contains(where: { Self.isWordCharacter(text.scalars[$0]) }) else {
                return false
            }
            return titleScalars.isEmpty || !isTitle(index, titleScalars)
        }
    }

    /// Whether sentence `index`, white space collapsed, is `title`; without building its text.
    private func isTitle(_ index: Int, _ title: [Unicode.Scalar]) -> Bool {
        let span = spans[index]
        // Only a span about as long as the title can be the title.
        guard span.end - span.start >= title.count, span.end - span.start <= 2 * title.count else { return false }
        var position = 0
        var pendingSpace = false
        for offset in span.start..<span.end {
            let scalar = text.scalars[offset]
            if Self.isSpace(scalar) {
                pendingSpace = position > 0
                continue
            }
            if pendingSpace {
                guard position < title.count, title[position] == " " else { return false }
                position += 1
                pendingSpace = false
            }
            guard position < title.count, title[position] == scalar else { return false }
            position += 1
        }
        return position == title.count
    }

    /// Sentence `index` with every run of white space replaced by one space.
    func collapsedText(_ index: Int) -> String {
        let span = spans[index]
        // Encoded straight into the string's buffer: this runs for every chosen sentence.
        return String(unsafeUninitializedCapacity: (span.end - span.start) * 4) { buffer in
            var count = 0
            var pendingSpace = false
            for offset in span.start..<span.end {
                let scalar = text.scalars[offset]
                if Self.isSpace(scalar) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                if scalar.value < 0x80 {
                    buffer[count] = UInt8(truncatingIfNeeded: scalar.value)
                    count += 1
                } else {
                    for byte in scalar.utf8 {
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }

    /// The scalars of `string` with every run of white space replaced by one space, none at either end.
    static func collapsedScalars(_ string: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(string.utf8.count)
        var pendingSpace = false
        for scalar in string.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return result
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
