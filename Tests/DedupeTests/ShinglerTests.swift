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
        ("Σ aΣ. AΣb ǅungla", ["σ", "aς", "aσb", "ǆungla"]),
    ])
    func wordsMatchPython(text: String, words: [String]) {
        #expect(shingler.words(of: text) == words)
    }

    /// The 8-bytes-at-a-time scanner hashes exactly what the byte-at-a-time one does.
    @Test func bothScannersAgree() {
        var random = SplitMix64(seed: 11)
        let pieces = [
            "a", "The", "COUNCIL", "passed", "budget_2005", "internationalisation", "x", "42", "1.13bn", "£600m",
            "café", "İstanbul", "ΟΔΟΣ", "—", ", ", ". ", "  ", "\n\n", "(", ")", "don't", "e-mail", "__init__",
            "supercalifragilisticexpialidocious", "日本語", "x²", "ǅungla",
        ]
        var texts = ["", "word", "two words", "12345678", "123456789 abcdefgh abcdefghi", "ab\u{301}cdefghijk"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(Int(random.next() % 40)) {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
                if random.next() % 3 != 0 { text += " " }
            }
            texts.append(text)
        }
        for size in [1, 2, 5] {
            let shingler = WordShingler(size: size, seed: 3)
            var scratch = WordShingler.Scratch()
            for text in texts {
                var fast: [UInt64] = []
                var slow: [UInt64] = []
                shingler.hashShingles(of: [text, "and a title"], into: &fast, scratch: &scratch)
                shingler.hashShingles(
                    of: [text, "and a title"], into: &slow, scratch: &scratch, eightBytesAtATime: false)
                #expect(fast == slow, "\(text)")
            }
        }
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
