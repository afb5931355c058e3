import Textpipe

/// A text split into scalars, tokens and sentences, the units the tagger works on.
package struct TextLayout: Sendable {
    /// The text's Unicode scalars; offsets everywhere index this array.
    package let scalars: [Unicode.Scalar]
    /// Token ranges into ``scalars``.
    package let tokens: [Range<Int>]
    /// Sentences as ranges of token indices.
    package let sentences: [Range<Int>]
    /// The text and its tokens as the shared ``Tokenizer`` gave them, for later stages
    /// (``Document/shareTokens(_:)``); `nil` for a layout cut beforehand.
    package let tokenized: TokenizedText?

    /// Tokenizes and splits `text` with the shared ``Tokenizer`` and ``SentenceSplitter``.
    package init(_ text: String) {
        let scalarText = ScalarText(text)
        let tokens = Tokenizer.tokens(in: scalarText)
        scalars = scalarText.scalars
        self.tokens = tokens.map { $0.start..<$0.end }
        sentences = SentenceSplitter.ranges(in: scalarText, tokens: tokens)
        tokenized = TokenizedText(text: scalarText, tokens: tokens)
    }

    /// A layout already cut into tokens and sentences (a CoNLL document).
    package init(scalars: [Unicode.Scalar], tokens: [Range<Int>], sentences: [Range<Int>]) {
        self.scalars = scalars
        self.tokens = tokens
        self.sentences = sentences
        tokenized = nil
    }

    /// The sentences as Unicode-scalar spans of the text.
    package var sentenceSpans: [TextSpan] {
        sentences.map { TextSpan(start: tokens[$0.lowerBound].lowerBound, end: tokens[$0.upperBound - 1].upperBound) }
    }

    /// The text of `range` (scalar offsets).
    package func text(_ range: Range<Int>) -> String {
        ScalarText.string(scalars[range])
    }
}
