import Gazetteer

/// What the features need to know about one token, computed once per token as hashes.
package struct TokenFacts {
    /// The token as written (quotes and dashes normalized).
    var raw: UInt64 = FeatureHash.seed
    /// Lower case, digits as `0`.
    package var folded: UInt64 = FeatureHash.seed
    /// `Xxxx`, `dd-dd`, `X.X.`: character classes, runs capped at four.
    var shape: UInt64 = FeatureHash.seed
    /// Character classes with runs collapsed: `Xx`, `d-d`, `X.X.`.
    var shortShape: UInt64 = FeatureHash.seed
    /// Folded prefixes and suffixes of 1…4 scalars (0 when the token is shorter).
    var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var length = 0
    /// Starts with an upper-case letter.
    package var capitalized = false
    /// Has letters, and all of them upper case.
    package var allCaps = false
    /// Starts with a lower-case letter.
    package var lowercase = false
    /// Gazetteer categories of phrases this token begins, and of phrases it continues.
    var gazetteerBegin: UInt16 = 0
    var gazetteerInside: UInt16 = 0
    /// The word's cluster path (``Lexicon/clusters``); 0 when it has none.
    var cluster: UInt32 = 0
    /// The word's capitalization bucket in the lexicon.
    var casing: UInt8 = 0
    /// How the same word is written elsewhere in the document: bit 0 capitalized
    /// away from a sentence start, bit 1 in lower case.
    var documentCasing: UInt8 = 0
    /// A lower-case word that can join the words of a name ("of", "de", "van").
    var connector = false
    /// Tagged `O` without scoring (see ``FeatureExtractor/markInert(_:sentence:)``):
    /// a lower-case word, or punctuation that never sits inside a name.
    package var inert = false
    /// A comma, full stop, colon, semicolon or quote, which no gazetteer phrase contains.
    var phraseBreak = false

    package init() {}

    /// Computes the token-local facts of `scalars[range]`.
    package init(_ s: [Unicode.Scalar], _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= s.count, "token range")
        self = s.withUnsafeBufferPointer { Self(unchecked: $0, range) }
    }

    /// ``init(_:_:)`` over a buffer whose bounds the caller has checked.
    ///
    /// ASCII is classified and folded inline; only other scalars go out of
    /// line to their Unicode properties. With the properties inline, every
    /// token paid for their resilient types (metadata look-ups and stack
    /// allocations) on entry, and this initializer was 630 instructions a token.
    @inline(__always)
    init(unchecked s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) {
        length = range.count
        var previousClass: UInt32 = 0
        var run = 0
        var letters = 0
        var upper = 0
        var k = 0
        for i in range {
            let c = s[i]
            let value = c.value
            let normalized: UInt32
            let foldedValue: UInt32
            let characterClass: UInt32
            if value < 0x80 {
                // `FeatureHash.normalized` and `.folded` of ASCII, and the classes below.
                normalized = value
                if value >= 0x41 && value <= 0x5A {
                    foldedValue = value + 32
                    characterClass = 88  // X
                    letters += 1
                    upper += 1
                } else if value >= 0x61 && value <= 0x7A {
                    foldedValue = value
                    characterClass = 120  // x
                    letters += 1
                } else if value >= 0x30 && value <= 0x39 {
                    foldedValue = 0x30
                    characterClass = 100  // d
                } else {
                    foldedValue = value
                    characterClass = value
                }
            } else {
                normalized = FeatureHash.normalized(c).value
                foldedValue = FeatureHash.foldedBeyondASCII(c).value
                let (scalarClass, letter, upperCase) = Self.classBeyondASCII(c)
                characterClass = scalarClass
                if letter { letters += 1 }
                if upperCase { upper += 1 }
            }
            raw = FeatureHash.add(raw, normalized)
            folded = FeatureHash.add(folded, foldedValue)
            switch k {
            case 0: prefixes.0 = folded
            case 1: prefixes.1 = folded
            case 2: prefixes.2 = folded
            case 3: prefixes.3 = folded
            default: break
            }
            if k == 0 {
                capitalized = characterClass == 88
                lowercase = characterClass == 120
            }
            if characterClass == previousClass {
                run += 1
            } else {
                run = 1
                shortShape = FeatureHash.add(shortShape, characterClass)
            }
            if run <= 4 { shape = FeatureHash.add(shape, characterClass) }
            previousClass = characterClass
            k += 1
        }
        allCaps = letters > 0 && upper == letters
        if lowercase && upper == 0 {
            connector = Self.isConnector(folded)
            inert = !connector
        } else if length == 1 {
            let mark = FeatureHash.normalized(s[range.lowerBound])
            inert = Self.isInertMark(mark)
            phraseBreak = mark == "," || mark == "." || mark == "\"" || mark == ";" || mark == ":"
        }
        var suffix = FeatureHash.seed
        var i = range.upperBound
        k = 0
        while k < 4 && i > range.lowerBound {
            i -= 1
            suffix = FeatureHash.add(suffix, FeatureHash.folded(s[i]).value)
            switch k {
            case 0: suffixes.0 = suffix
            case 1: suffixes.1 = suffix
            case 2: suffixes.2 = suffix
            default: suffixes.3 = suffix
            }
            k += 1
        }
    }

    /// The shape class of a scalar beyond ASCII (`X`, `x`, `d`, a caseless
    /// letter, or the scalar itself), whether it counts as a letter, and whether
    /// as an upper-case one: the tests of `Unicode.Scalar`'s `isUppercaseLetter`,
    /// `isLowercaseLetter`, `isDigit` and `isWordLetter`, in that order.
    @inline(never)
    static func classBeyondASCII(_ c: Unicode.Scalar) -> (UInt32, letter: Bool, upper: Bool) {
        if c.isUppercaseLetter { return (88, true, true) }
        if c.isLowercaseLetter { return (120, true, false) }
        if c.isDigit { return (100, false, false) }
        if c.isWordLetter { return (97, true, false) }
        return (FeatureHash.normalized(c).value, false, false)
    }

    /// Lower-case words found inside names in newswire ("Bank of England",
    /// "Charles de Gaulle", "Ministry for the Environment"), as folded hashes.
    static let connectors: Set<UInt64> = Set(
        connectorWords.map { word in
            let scalars = Array(word.unicodeScalars)
            return foldedHash(scalars, 0..<scalars.count)
        })

    /// ``connectors`` as a ``HashIndex``: `Set` ran SipHash on every lower-case
    /// word, 145 instructions a look-up.
    private static let connectorIndex = HashIndex(
        Dictionary(uniqueKeysWithValues: connectors.map { ($0, true) }), empty: false)

    /// Whether the folded hash is one of ``connectors``.
    static func isConnector(_ folded: UInt64) -> Bool { connectorIndex[folded] ?? false }
    static let connectorWords = [
        "of", "and", "the", "for", "in", "on", "at", "upon", "et", "y", "e",
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les",
        "van", "von", "der", "den", "ten", "ter", "zu", "al", "el", "bin", "ibn", "bint", "ul", "ud",
    ]

    /// One-scalar tokens that newswire never puts inside a name (CoNLL-2003
    /// training has none): quotes, sentence punctuation, currency and percent signs.
    static let inertMarks: Set<Unicode.Scalar> = ["\"", ";", "?", "!", "%", "$", "£", "€", "-", "*", "="]

    /// Whether `mark` is one of ``inertMarks``, without hashing it.
    static func isInertMark(_ mark: Unicode.Scalar) -> Bool {
        switch mark {
        case "\"", ";", "?", "!", "%", "$", "£", "€", "-", "*", "=": return true
        default: return false
        }
    }

    /// The folded hash of one token (for gazetteer phrases).
    package static func foldedHash(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt64 {
        var hash = FeatureHash.seed
        for i in range { hash = FeatureHash.add(hash, FeatureHash.folded(s[i]).value) }
        return hash
    }

    /// The folded spelling of one token: what ``foldedHash(_:_:)`` hashes, as text
    /// (for word lists such as clusters, read back with ``foldedHash(_:_:)``).
    package static func foldedWord(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for i in range { view.append(FeatureHash.folded(s[i])) }
        return String(view)
    }

    /// Token ranges of a text, tokenized the way articles are.
    static func tokenize(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return TextLayout(String(view)).tokens
    }
}
