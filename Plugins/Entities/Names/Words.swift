import Textpipe

/// An article's tokens, with what name matching asks about them.
struct Words {
    let layout: TextLayout
    private let sentenceStarts: Set<Int>

    init(_ layout: TextLayout) {
        self.layout = layout
        sentenceStarts = Set(layout.sentences.map(\.lowerBound))
    }

    var count: Int { layout.tokens.count }

    /// Token `i` as written.
    func text(_ i: Int) -> String { layout.text(layout.tokens[i]) }

    /// The scalars of token `i`.
    func scalars(_ i: Int) -> ArraySlice<Unicode.Scalar> { layout.scalars[layout.tokens[i]] }

    /// Token `i` lower-cased with typographic apostrophes as `'`.
    func lower(_ i: Int) -> String {
        let scalars = layout.scalars[layout.tokens[i]]
        if scalars.allSatisfy({ $0.isASCII && !$0.isUppercaseLetter }) { return ScalarText.string(scalars) }
        var view = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "\u{2019}" {
                view.append("'")
            } else if scalar.isASCII {
                view.append(scalar.isUppercaseLetter ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
            } else {
                view.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(view)
    }

    /// Whether token `i` is exactly `text` (cheap: compares scalars).
    func isToken(_ i: Int, _ text: Unicode.Scalar) -> Bool {
        let range = layout.tokens[i]
        return range.count == 1 && layout.scalars[range.lowerBound] == text
    }

    func startsCapitalized(_ i: Int) -> Bool { layout.scalars[layout.tokens[i].lowerBound].isUppercaseLetter }
    func startsLowercase(_ i: Int) -> Bool { layout.scalars[layout.tokens[i].lowerBound].isLowercaseLetter }
    func isSentenceStart(_ i: Int) -> Bool { sentenceStarts.contains(i) }
}
