import Gazetteer
import Textpipe

/// An article's tokens, with what name matching asks about them.
struct Words {
    let layout: TextLayout
    private let sentenceStarts: Set<Int>

    /// Per token: whether its sentence is a Title Case headline (see ``isTitleCase(_:)``).
    private let titleCase: [Bool]

    /// Per token: its case-folded ``NameKey``, what ``key(_:)-(Int)`` answers. The
    /// name rules asked for the keys of the same few tokens over and over: hashing
    /// them again each time was most of the 433 M instructions `NameKey.add` took
    /// in the entities stage on the 2,225 BBC articles.
    private let keys: [UInt64]

    /// - Parameter usuallyLowercase: whether token `i` is a word usually written in
    ///   lower case (the tagger's casing statistics); without it every sentence
    ///   whose long words are all capitalized counts as Title Case.
    init(_ layout: TextLayout, usuallyLowercase: ((Int) -> Bool)? = nil) {
        self.layout = layout
        sentenceStarts = Set(layout.sentences.map(\.lowerBound))
        var titleCase = [Bool](repeating: false, count: layout.tokens.count)
        for sentence in layout.sentences {
            var long = 0
            var capitalized = 0
            var common = 0
            for i in sentence {
                let token = layout.tokens[i]
                guard token.count >= 4, layout.scalars[token.lowerBound].isWordLetter else { continue }
                long += 1
                guard layout.scalars[token.lowerBound].isUppercaseLetter else { continue }
                capitalized += 1
                if usuallyLowercase?(i) ?? true { common += 1 }
            }
            if long >= 3, capitalized == long, common >= 2 { for i in sentence { titleCase[i] = true } }
        }
        self.titleCase = titleCase
        keys = layout.tokens.map { token in
            var key = NameKey(foldCase: true)
            key.add(layout.scalars[token])
            return key.hash
        }
    }

    /// Whether token `i` is in a headline written in Title Case: at least three
    /// words of four letters or more, all capitalized, two of them words usually
    /// written in lower case ("Taiwan's Leader Urges China to Begin Talks"), where
    /// capitals say nothing about names. A line of names ("Phillip Price
    /// (Britain) 68 71") is not one.
    func isTitleCase(_ i: Int) -> Bool { i >= 0 && i < titleCase.count && titleCase[i] }

    var count: Int { layout.tokens.count }

    /// Token `i` as written.
    func text(_ i: Int) -> String { layout.text(layout.tokens[i]) }

    /// The scalars of token `i`.
    func scalars(_ i: Int) -> ArraySlice<Unicode.Scalar> { layout.scalars[layout.tokens[i]] }

    /// `scalars` lower-cased byte by byte when all are ASCII, else `nil`: appending to a
    /// `String.UnicodeScalarView` cost about 1,500 instructions a capitalized word.
    static func asciiLowered(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        guard scalars.allSatisfy(\.isASCII) else { return nil }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var k = 0
            for scalar in scalars {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                k += 1
            }
            return k
        }
    }

    /// Token `i` lower-cased with typographic apostrophes as `'`.
    func lower(_ i: Int) -> String {
        let scalars = layout.scalars[layout.tokens[i]]
        if let lowered = Self.asciiLowered(scalars) { return lowered }
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

extension Words {
    /// The case-folded ``NameKey`` of tokens `range`; 0 when the range leaves the text.
    func key(_ range: Range<Int>) -> UInt64 {
        guard range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else { return 0 }
        if range.count == 1 { return keys[range.lowerBound] }
        var key = NameKey(foldCase: true)
        for i in range { key.add(scalars(i)) }
        return key.hash
    }

    /// The case-folded ``NameKey`` of token `i`; 0 outside the text.
    func key(_ i: Int) -> UInt64 { i >= 0 && i < count ? keys[i] : 0 }
}

/// Words or short phrases compared by their case-folded ``NameKey``, so testing
/// an article's tokens against them allocates nothing (`Words.key(_:)`).
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    /// The phrases' keys, zero left out (``contains(_:)`` is false for it). A
    /// ``HashIndex``, not a `Set`: the name rules look up 51,000 words in 300 BBC
    /// articles, and SipHash made each look-up about 150 instructions.
    private let keys: HashIndex<Bool>

    init(_ phrases: some Sequence<String>) {
        let keys = phrases.map(Self.key).filter { $0 != 0 }
        self.keys = HashIndex(
            Dictionary(keys.map { ($0, true) }, uniquingKeysWith: { first, _ in first }), empty: false)
    }
    init(arrayLiteral phrases: String...) { self.init(phrases) }

    /// The key of a phrase written with single spaces between its words.
    static func key(_ phrase: String) -> UInt64 { key(words: Array(phrase.unicodeScalars)[...]).key }

    /// The key of a phrase given as its scalars, and how many words it has.
    static func key(words scalars: ArraySlice<Unicode.Scalar>) -> (key: UInt64, words: Int) {
        var key = NameKey(foldCase: true)
        var words = 0
        // Words found in place: `split` would allocate an array of them for each
        // of the name lists' 11,000 entries.
        var word: Int?
        for i in scalars.indices {
            if scalars[i] != " " {
                if word == nil { word = i }
            } else if let start = word {
                key.add(scalars[start..<i])
                words += 1
                word = nil
            }
        }
        if let start = word {
            key.add(scalars[start...])
            words += 1
        }
        return (key.hash, words)
    }

    func contains(_ key: UInt64) -> Bool { key != 0 && keys[key] != nil }
}

extension Words {
    /// Whether tokens `range` have letters and none of them lower case (`MQM`, `NEW YORK`).
    func isAllCaps(_ range: Range<Int>) -> Bool {
        var letters = false
        for i in range {
            for scalar in scalars(i) {
                // ASCII inline (Alphabetic there is A–Z and a–z, Lowercase a–z): the Unicode
                // properties of every scalar were 7.4 M instructions on the 510 BBC business articles.
                let value = scalar.value
                if value < 0x80 {
                    if value >= 0x61 && value <= 0x7A { return false }
                    if value >= 0x41 && value <= 0x5A { letters = true }
                    continue
                }
                guard scalar.properties.isAlphabetic else { continue }
                if scalar.properties.isLowercase { return false }
                letters = true
            }
        }
        return letters
    }

    /// Token by token, whether some mention covers it.
    func covered(by mentions: [Mention]) -> [Bool] {
        var covered = [Bool](repeating: false, count: count)
        for mention in mentions { for i in mention.tokens { covered[i] = true } }
        return covered
    }
}
