import Testing

@testable import Dedupe

/// Words and shingles match Python's `re.findall(r"\w+", text.lower())`, which built the ground truth.
@Suite struct ShinglerTests {
    let shingler = WordShingler(size: 5, seed: 1)

    @Test(arguments: [
        ("Hello, World! it's 2005", ["hello", "world", "it", "s", "2005"]),
        ("snake_case and CamelCase", ["snake_case", "and", "camelcase"]),
        ("£600m (US$1.13bn)", ["600m", "us", "1", "13bn"]),
        // U+0301 (a combining mark) is not \w for Python's re.
        ("cafe\u{301} Café", ["cafe", "café"]),
        // Full case mapping: İ lower-cases to i + U+0307, which then splits the word.
        ("İstanbul", ["i", "stanbul"]),
        ("STRASSE Straße", ["strasse", "straße"]),
        // Final sigma: ΟΔΟΣ → οδος at the end of a word, σ inside.
        ("ΟΔΟΣ ΣΑΣ", ["οδος", "σας"]),
        ("x² ½ Ⅻ", ["x²", "½", "ⅻ"]),
        ("日本語の文章", ["日本語の文章"]),
    ])
    func wordsMatchPython(text: String, words: [String]) {
        #expect(shingler.words(of: text) == words)
    }

    @Test func shinglesNeedAsManyWordsAsTheirSize() {
        var shingles: [UInt64] = []
        var scratch = WordShingler.Scratch()
        shingler.hashShingles(of: ["one two three four"], into: &shingles, scratch: &scratch)
        #expect(shingles.isEmpty)
        shingler.hashShingles(of: ["one two three four five six"], into: &shingles, scratch: &scratch)
        #expect(shingles.count == 2)
    }

    @Test func caseAndPunctuationDoNotChangeShingles() {
        var a: [UInt64] = []
        var b: [UInt64] = []
        var scratch = WordShingler.Scratch()
        shingler.hashShingles(of: ["The council, on Monday, passed the budget."], into: &a, scratch: &scratch)
        shingler.hashShingles(of: ["the COUNCIL on monday -- passed the budget"], into: &b, scratch: &scratch)
        #expect(a == b)
        #expect(a.count == 3)
    }

    @Test func titleAndTextShingleAsOneText() {
        var joined: [UInt64] = []
        var parts: [UInt64] = []
        var scratch = WordShingler.Scratch()
        shingler.hashShingles(of: ["Budget passed\nThe council passed it"], into: &joined, scratch: &scratch)
        shingler.hashShingles(of: ["Budget passed", "The council passed it"], into: &parts, scratch: &scratch)
        #expect(joined == parts)
    }
}
