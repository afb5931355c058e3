/// A reference summary made of sentences copied from its article, and which of the article's sentences they are.
///
/// Extractive references such as the BBC News Summary set glue the copied
/// sentences together without spaces and in any order, so splitting the
/// reference on periods miscounts (`$10.9bn.For the full-year` is one
/// "sentence" to a splitter). Instead each article sentence is looked up in the
/// reference, longest first; a found sentence is cut out of the reference so a
/// short sentence cannot also match inside a longer one, and a sentence that
/// occurs twice in the article counts once per copy in the reference. White
/// space is collapsed on both sides first.
///
/// `k`, the length every system's summary is given in `textpipe eval
/// summarize` and in the benchmark, is the number of matched sentences.
package struct ReferenceSummary: Sendable {
    /// Indices of the article sentences found in the reference, ascending.
    package let matched: [Int]
    /// How many characters of the reference (white space collapsed, spaces not
    /// counted) no matched sentence accounts for; 0 when the reference is
    /// exactly a set of article sentences.
    package let unmatchedCharacters: Int

    /// Matches `sentences` (the article's, in order) against `reference`.
    package init(reference: String, sentences: [String]) {
        var remaining = Array(Self.collapsed(reference).unicodeScalars)
        let order = sentences.indices.sorted {
            sentences[$0].unicodeScalars.count != sentences[$1].unicodeScalars.count
                ? sentences[$0].unicodeScalars.count > sentences[$1].unicodeScalars.count : $0 < $1
        }
        var found: [Int] = []
        for index in order {
            let needle = Array(Self.collapsed(sentences[index]).unicodeScalars)
            guard !needle.isEmpty, let start = Self.firstOccurrence(of: needle, in: remaining) else { continue }
            // A marker no text contains, so matches cannot join across a removed sentence.
            remaining.replaceSubrange(start..<(start + needle.count), with: ["\u{0}"])
            found.append(index)
        }
        matched = found.sorted()
        unmatchedCharacters = remaining.filter { $0 != "\u{0}" && $0 != " " }.count
    }

    /// `k`: the number of article sentences the reference is made of.
    package var sentenceCount: Int { matched.count }

    /// `text` with every run of white space replaced by one space, and none at either end.
    package static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func firstOccurrence(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }
}
