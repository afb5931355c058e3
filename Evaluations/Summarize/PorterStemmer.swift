/// The Porter stemmer exactly as NLTK's `PorterStemmer()` runs it (mode
/// `NLTK_EXTENSIONS`, NLTK 3.x), which is what Google's `rouge-score` uses.
///
/// It works on lower-case ASCII words, the only ones ``RougeScorer`` hands it.
/// NLTK's departures from Porter's 1980 paper are kept on purpose — the
/// irregular forms (`dying` → `die`), `ies`/`ied` on four-letter words, the
/// extra `fulli` and `logi` rules, `*o` also true of a two-letter
/// vowel-consonant stem — because the point is to give the same numbers as
/// `rouge-score`.
package enum PorterStemmer {
    /// The stem of a lower-case ASCII word.
    package static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// The stem of a lower-case ASCII word given as bytes.
    package static func stem(_ word: [UInt8]) -> [UInt8] {
        if let irregular = irregularForms[word] { return irregular }
        if word.count <= 2 { return word }
        var w = word
        w = step1a(w)
        w = step1b(w)
        w = step1c(w)
        w = step2(w)
        w = step3(w)
        w = step4(w)
        w = step5a(w)
        w = step5b(w)
        return w
    }

    private static let irregularForms: [[UInt8]: [UInt8]] = {
        let forms: [String: [String]] = [
            "sky": ["sky", "skies"], "die": ["dying"], "lie": ["lying"], "tie": ["tying"], "news": ["news"],
            "inning": ["innings", "inning"], "outing": ["outings", "outing"], "canning": ["cannings", "canning"],
            "howe": ["howe"], "proceed": ["proceed"], "exceed": ["exceed"], "succeed": ["succeed"],
        ]
        var pool: [[UInt8]: [UInt8]] = [:]
        for (stem, words) in forms {
            for word in words { pool[Array(word.utf8)] = Array(stem.utf8) }
        }
        return pool
    }()

    // MARK: - Letters and measure

    private static func isVowelLetter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "u")
    }

    /// Whether each letter is a consonant: `y` is one at the start and after a vowel.
    private static func consonantFlags(_ w: ArraySlice<UInt8>) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(w.count)
        for (offset, c) in w.enumerated() {
            if isVowelLetter(c) {
                flags.append(false)
            } else if c == UInt8(ascii: "y") {
                flags.append(offset == 0 ? true : !flags[offset - 1])
            } else {
                flags.append(true)
            }
        }
        return flags
    }

    private static func isConsonant(_ w: ArraySlice<UInt8>, _ offset: Int) -> Bool {
        consonantFlags(w.prefix(offset + 1))[offset]
    }

    /// Porter's *m*: the number of vowel–consonant sequences.
    private static func measure(_ w: ArraySlice<UInt8>) -> Int {
        let flags = consonantFlags(w)
        var count = 0
        var index = 1
        while index < flags.count {
            if !flags[index - 1] && flags[index] { count += 1 }
            index += 1
        }
        return count
    }

    private static func containsVowel(_ w: ArraySlice<UInt8>) -> Bool { consonantFlags(w).contains(false) }

    private static func endsDoubleConsonant(_ w: ArraySlice<UInt8>) -> Bool {
        w.count >= 2 && w[w.endIndex - 1] == w[w.endIndex - 2] && isConsonant(w, w.count - 1)
    }

    /// Porter's *o: consonant–vowel–consonant, the last not w, x or y (NLTK: or a two-letter vowel–consonant word).
    private static func endsCVC(_ w: ArraySlice<UInt8>) -> Bool {
        let n = w.count
        if n >= 3 {
            let flags = consonantFlags(w)
            let last = w[w.endIndex - 1]
            if flags[n - 3] && !flags[n - 2] && flags[n - 1] && last != UInt8(ascii: "w") && last != UInt8(ascii: "x")
                && last != UInt8(ascii: "y")
            {
                return true
            }
        }
        if n == 2 {
            let flags = consonantFlags(w)
            return !flags[0] && flags[1]
        }
        return false
    }

    // MARK: - Rules

    private typealias Condition = @Sendable (ArraySlice<UInt8>) -> Bool

    /// A suffix rule: suffix, replacement, and the condition on the stem left after removing the suffix.
    private struct Rule: Sendable {
        var suffix: [UInt8]
        var replacement: [UInt8]
        var condition: Condition?

        init(_ suffix: String, _ replacement: String, _ condition: Condition? = nil) {
            self.suffix = Array(suffix.utf8)
            self.replacement = Array(replacement.utf8)
            self.condition = condition
        }
    }

    private static func hasSuffix(_ w: [UInt8], _ suffix: [UInt8]) -> Bool {
        w.count >= suffix.count && w[(w.count - suffix.count)...].elementsEqual(suffix)
    }

    private static func hasSuffix(_ w: [UInt8], _ suffix: String) -> Bool { hasSuffix(w, Array(suffix.utf8)) }

    private static func replacingSuffix(_ w: [UInt8], _ length: Int, with replacement: String) -> [UInt8] {
        Array(w[..<(w.count - length)]) + Array(replacement.utf8)
    }

    /// The first rule whose suffix matches decides: applied if its condition holds, else the word stays.
    private static func applyFirstMatching(_ w: [UInt8], _ rules: [Rule]) -> [UInt8] {
        for rule in rules where hasSuffix(w, rule.suffix) {
            let stem = w[..<(w.count - rule.suffix.count)]
            if rule.condition?(stem) ?? true { return Array(stem) + rule.replacement }
            return w
        }
        return w
    }

    private static let positiveMeasure: Condition = { measure($0) > 0 }
    private static let measureAboveOne: Condition = { measure($0) > 1 }

    private static func step1a(_ w: [UInt8]) -> [UInt8] {
        if hasSuffix(w, "ies"), w.count == 4 { return replacingSuffix(w, 3, with: "ie") }
        return applyFirstMatching(w, step1aRules)
    }

    private static let step1aRules = [Rule("sses", "ss"), Rule("ies", "i"), Rule("ss", "ss"), Rule("s", "")]

    private static func step1b(_ w: [UInt8]) -> [UInt8] {
        if hasSuffix(w, "ied") { return replacingSuffix(w, 3, with: w.count == 4 ? "ie" : "i") }
        if hasSuffix(w, "eed") {
            let stem = w[..<(w.count - 3)]
            return measure(stem) > 0 ? Array(stem) + Array("ee".utf8) : w
        }
        var intermediate: [UInt8]?
        for suffix in ["ed", "ing"] where hasSuffix(w, suffix) {
            let stem = w[..<(w.count - suffix.utf8.count)]
            if containsVowel(stem) {
                intermediate = Array(stem)
                break
            }
        }
        guard let stem = intermediate else { return w }
        for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] where hasSuffix(stem, suffix) {
            return replacingSuffix(stem, 2, with: replacement)
        }
        if endsDoubleConsonant(stem[...]) {
            let last = stem[stem.count - 1]
            if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") {
                return Array(stem[..<(stem.count - 1)])
            }
            return stem
        }
        if measure(stem[...]) == 1 && endsCVC(stem[...]) { return stem + [UInt8(ascii: "e")] }
        return stem
    }

    private static func step1c(_ w: [UInt8]) -> [UInt8] {
        guard hasSuffix(w, "y") else { return w }
        let stem = w[..<(w.count - 1)]
        if stem.count > 1 && isConsonant(stem, stem.count - 1) { return Array(stem) + [UInt8(ascii: "i")] }
        return w
    }

    private static func step2(_ w: [UInt8]) -> [UInt8] {
        if hasSuffix(w, "alli"), measure(w[..<(w.count - 4)]) > 0 {
            return step2(replacingSuffix(w, 4, with: "al"))
        }
        let logi = Rule("logi", "log") { _ in measure(w[..<(w.count - 3)]) > 0 }
        return applyFirstMatching(w, step2Rules + [logi])
    }

    private static let step2Rules = [
        Rule("ational", "ate", positiveMeasure), Rule("tional", "tion", positiveMeasure),
        Rule("enci", "ence", positiveMeasure), Rule("anci", "ance", positiveMeasure),
        Rule("izer", "ize", positiveMeasure), Rule("bli", "ble", positiveMeasure),
        Rule("alli", "al", positiveMeasure), Rule("entli", "ent", positiveMeasure), Rule("eli", "e", positiveMeasure),
        Rule("ousli", "ous", positiveMeasure), Rule("ization", "ize", positiveMeasure),
        Rule("ation", "ate", positiveMeasure), Rule("ator", "ate", positiveMeasure),
        Rule("alism", "al", positiveMeasure),
        Rule("iveness", "ive", positiveMeasure), Rule("fulness", "ful", positiveMeasure),
        Rule("ousness", "ous", positiveMeasure), Rule("aliti", "al", positiveMeasure),
        Rule("iviti", "ive", positiveMeasure), Rule("biliti", "ble", positiveMeasure),
        Rule("fulli", "ful", positiveMeasure),
    ]

    private static func step3(_ w: [UInt8]) -> [UInt8] { applyFirstMatching(w, step3Rules) }

    private static let step3Rules = [
        Rule("icate", "ic", positiveMeasure), Rule("ative", "", positiveMeasure), Rule("alize", "al", positiveMeasure),
        Rule("iciti", "ic", positiveMeasure), Rule("ical", "ic", positiveMeasure), Rule("ful", "", positiveMeasure),
        Rule("ness", "", positiveMeasure),
    ]

    private static func step4(_ w: [UInt8]) -> [UInt8] { applyFirstMatching(w, step4Rules) }

    private static let step4Rules = [
        Rule("al", "", measureAboveOne), Rule("ance", "", measureAboveOne), Rule("ence", "", measureAboveOne),
        Rule("er", "", measureAboveOne), Rule("ic", "", measureAboveOne), Rule("able", "", measureAboveOne),
        Rule("ible", "", measureAboveOne), Rule("ant", "", measureAboveOne), Rule("ement", "", measureAboveOne),
        Rule("ment", "", measureAboveOne), Rule("ent", "", measureAboveOne),
        Rule("ion", "") { stem in
            measure(stem) > 1 && (stem.last == UInt8(ascii: "s") || stem.last == UInt8(ascii: "t"))
        },
        Rule("ou", "", measureAboveOne), Rule("ism", "", measureAboveOne), Rule("ate", "", measureAboveOne),
        Rule("iti", "", measureAboveOne), Rule("ous", "", measureAboveOne), Rule("ive", "", measureAboveOne),
        Rule("ize", "", measureAboveOne),
    ]

    private static func step5a(_ w: [UInt8]) -> [UInt8] {
        guard hasSuffix(w, "e") else { return w }
        let stem = w[..<(w.count - 1)]
        let m = measure(stem)
        if m > 1 || (m == 1 && !endsCVC(stem)) { return Array(stem) }
        return w
    }

    private static func step5b(_ w: [UInt8]) -> [UInt8] {
        if hasSuffix(w, "ll"), measure(w[..<(w.count - 1)]) > 1 { return Array(w[..<(w.count - 1)]) }
        return w
    }
}
