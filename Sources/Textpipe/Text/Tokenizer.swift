/// Splits text into word and punctuation tokens, keeping Unicode-scalar offsets.
///
/// Tokens follow newswire conventions (CoNLL-2003, Penn Treebank), so a tagger
/// trained on them sees the same units at run time:
/// - hyphenated words stay whole: `MQM-P`, `Kilroy-Silk`, `25-year-old`, except a
///   name before a relation word: `Thackeray` `-` `led`, `Karachi` `-` `based`;
/// - abbreviations and initials keep their period: `Dr.`, `U.S.`, `Jan.`, `J.`;
/// - numbers keep their decimal point and thousands commas: `15.8`, `1,000`, `12:30`;
/// - clitics split off: `Germany 's`, `does n't`, `they 're`;
/// - names with apostrophes stay whole: `O'Brien`;
/// - web addresses stay whole: `Amazon.com`, `bbc.co.uk`;
/// - every other punctuation mark is a token of its own (`...` and `--` stay whole).
public enum Tokenizer {
    /// The tokens of `text`.
    public static func tokens(in text: String) -> [Token] {
        tokens(in: ScalarText(text))
    }

    /// The tokens of a text already split into scalars.
    public static func tokens(in text: ScalarText) -> [Token] {
        // A buffer pointer: no bounds checks or reference counting in the per-character loops.
        text.scalars.withUnsafeBufferPointer { tokens(in: text, scalars: $0) }
    }

    private static func tokens(in text: ScalarText, scalars s: UnsafeBufferPointer<Unicode.Scalar>) -> [Token] {
        let n = s.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 5)
        var i = 0
        func emit(_ start: Int, _ end: Int) {
            tokens.append(Token(text: text.slice(start, end), start: start, end: end))
        }
        while i < n {
            let c = s[i]
            if c.isSpace {
                i += 1
                continue
            }
            if c.isWordLetter || c.isDigit {
                var end = wordEnd(s, from: i)
                // A clitic at the end of the word becomes its own token.
                if let split = cliticStart(s, start: i, end: end) {
                    emit(i, split)
                    emit(split, end)
                    i = end
                    continue
                }
                if end < n, s[end] == "." && takesPeriod(s, start: i, end: end) { end += 1 }
                emit(i, end)
                i = end
                continue
            }
            if c == ".", i + 2 < n, s[i + 1] == ".", s[i + 2] == "." {
                emit(i, i + 3)
                i += 3
                continue
            }
            if c == "-", i + 1 < n, s[i + 1] == "-" {
                emit(i, i + 2)
                i += 2
                continue
            }
            // An apostrophe opening a clitic after a space-less word was handled above;
            // here it is a quote mark, unless it starts `'s`-like clitics after a quote.
            emit(i, i + 1)
            i += 1
        }
        return tokens
    }

    /// The end of the word starting at `start`: letters and digits, joined by
    /// hyphens, apostrophes, `&` between capitals, and number punctuation.
    static func wordEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        let n = s.count
        var i = start
        // Acronyms with periods, single letters each: U.S., U.K., e.g., a.m.
        var j = i
        var letters = 0
        while j + 1 < n, s[j].isWordLetter, s[j + 1] == "." {
            letters += 1
            j += 2
        }
        if letters >= 2, j >= n || !s[j].isWordLetter { return j }
        while i < n {
            let c = s[i]
            if c.isWordLetter || c.isDigit {
                i += 1
                continue
            }
            // Most words end at a space: nothing below can join across one.
            if c == " " { break }
            guard i + 1 < n else { break }
            let next = s[i + 1]
            let previous = s[i - 1]
            if c.isJoiningHyphen, next.isWordLetter || next.isDigit {
                // "Thackeray-led", "Karachi-based": the name ends at the hyphen.
                if s[start].isUppercaseLetter, next.isLowercaseLetter, isRelationSuffix(s, from: i + 1) { break }
                i += 1
            } else if c.isApostrophe, next.isWordLetter, previous.isWordLetter {
                i += 1
            } else if (c == "." || c == "," || c == ":"), previous.isDigit, next.isDigit {
                if c == "," {
                    // 1,000 but not "3,4" lists: exactly three digits follow.
                    var digits = 0
                    var j = i + 1
                    while j < n, s[j].isDigit { digits += 1; j += 1 }
                    guard digits == 3 else { break }
                }
                i += 1
            } else if c == "&", previous.isUppercaseLetter, next.isUppercaseLetter {
                i += 1
            } else if c == ".", previous.isWordLetter || previous.isDigit, isDomainSuffix(s, from: i + 1) {
                i += 1
            } else {
                break
            }
        }
        return i
    }

    /// Words that, hyphenated to a name, say how something relates to it ("Thackeray-led", "Karachi-based").
    static let relationSuffixes: Set<String> = [
        "led", "backed", "headed", "ruled", "run", "controlled", "allied", "dominated", "owned", "funded",
        "sponsored", "linked", "affiliated", "based", "born", "aligned", "supported", "governed", "majority",
    ]

    /// Whether a lower-case word from ``relationSuffixes`` starts at `start` and ends the token.
    static func isRelationSuffix(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Bool {
        var end = start
        while end < s.count, end - start <= 10, s[end].isASCII, s[end].isLowercaseLetter { end += 1 }
        guard end > start, end == s.count || !(s[end].isWordLetter || s[end].isDigit || s[end].isJoiningHyphen)
        else { return false }
        var word = ""
        for k in start..<end { word.unicodeScalars.append(s[k]) }
        return relationSuffixes.contains(word)
    }

    /// Top-level and second-level domain labels that join a web address into one token (`Amazon.com`, `dawn.com.pk`).
    public static let domainLabels: Set<String> = [
        "com", "org", "net", "gov", "edu", "co", "info", "io", "tv", "news", "uk", "in", "pk", "bd", "lk", "np",
        "ng", "ke", "za", "gh", "au", "ca", "de", "fr", "es", "it", "my", "mx", "br", "ie", "nz",
    ]

    /// Whether a lower-case domain label starts at `start` and ends the word or
    /// continues with another dot (`com` in `Amazon.com`, `co` in `bbc.co.uk`).
    static func isDomainSuffix(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Bool {
        var end = start
        while end < s.count, end - start <= 4, s[end].isASCII, s[end].isLowercaseLetter { end += 1 }
        guard end > start, end - start <= 4, end == s.count || !(s[end].isWordLetter || s[end].isDigit) else {
            return false
        }
        var label = ""
        for k in start..<end { label.unicodeScalars.append(s[k]) }
        return domainLabels.contains(label)
    }

    /// Where a trailing clitic (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`) starts, if the word has one.
    static func cliticStart(_ s: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int) -> Int? {
        guard end - start >= 3 else { return nil }
        // Compares scalars in place: this runs for every word, so it must not allocate.
        func lower(_ i: Int) -> UInt8 {
            let v = s[i].value
            guard v < 0x80 else { return 0 }
            return UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)
        }
        // n't
        if end - start >= 4, lower(end - 1) == UInt8(ascii: "t"), s[end - 2].isApostrophe,
            lower(end - 3) == UInt8(ascii: "n")
        {
            return end - 3
        }
        // 's 'd 'm
        if s[end - 2].isApostrophe {
            switch lower(end - 1) {
            case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "m"): return end - 2
            default: break
            }
        }
        // 're 've 'll
        if end - start > 3, s[end - 3].isApostrophe {
            switch (lower(end - 2), lower(end - 1)) {
            case (UInt8(ascii: "r"), UInt8(ascii: "e")), (UInt8(ascii: "v"), UInt8(ascii: "e")),
                (UInt8(ascii: "l"), UInt8(ascii: "l")):
                return end - 3
            default: break
            }
        }
        return nil
    }

    /// Whether the word `start..<end`, followed by a period, keeps the period:
    /// a known abbreviation or a single capital (an initial).
    static func takesPeriod(_ s: UnsafeBufferPointer<Unicode.Scalar>, start: Int, end: Int) -> Bool {
        if end - start == 1 { return s[start].isUppercaseLetter }
        // No listed abbreviation is longer than this; most words end a sentence here.
        if end - start > Abbreviations.longest { return false }
        var word = ""
        for i in start..<end { word.unicodeScalars.append(s[i]) }
        if Abbreviations.isTitle(word) || Abbreviations.isAmbiguous(word) {
            // `No.` only before a number; `no.` at a sentence end is the word "no".
            if word.lowercased() == "no" {
                var j = end + 1
                while j < s.count, s[j] == " " { j += 1 }
                return j < s.count && s[j].isDigit
            }
            return true
        }
        return false
    }
}
