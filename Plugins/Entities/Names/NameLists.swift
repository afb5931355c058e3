import Foundation
import Gazetteer
import Textpipe

/// Places and first names beyond the tagger's lexicon, for the label rules
/// (``NameResolver/retype(_:words:gazetteer:)``): `Resources/names.txt`.
///
/// The tagger's own gazetteer is part of its trained model; these lists are
/// read as they are, so they can grow without retraining. Phrases are stored
/// by their case-folded ``NameKey``, so reading ten thousand of them costs a
/// few milliseconds and a lookup allocates nothing.
struct NameLists: Sendable {
    private let phrases: HashIndex<UInt16>
    /// The longest phrase, in words.
    let longest: Int

    /// Reads `[place]` and `[first-name]` sections; `#` starts a comment line.
    init(text: String) {
        var phrases: [UInt64: UInt16] = [:]
        var longest = 1
        var bits: UInt16 = 0
        for line in text.unicodeScalars.split(separator: "\n") {
            let entry = Substring(line).trimmingWhitespace
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            if entry.hasPrefix("["), entry.hasSuffix("]") {
                let category = Lexicon.Category(section: String(entry.dropFirst().dropLast()))
                bits = category.map { 1 << UInt16($0.rawValue) } ?? 0
                continue
            }
            guard bits != 0 else { continue }
            let key: UInt64
            let count: Int
            // ASCII letters answered without the Unicode property tables: they were
            // a quarter of reading the lists, which is a fifth of loading the stage.
            let wordsAndHyphens = entry.unicodeScalars.allSatisfy { scalar in
                if scalar.isASCII {
                    let lower = scalar.value | 0x20
                    return (lower >= 0x61 && lower <= 0x7A) || scalar == " " || scalar == "-"
                }
                return scalar.properties.isAlphabetic
            }
            if wordsAndHyphens {
                // Words and hyphens: the tokenizer would cut at the spaces only.
                key = WordSet.key(String(entry))
                count = entry.split(separator: " ").count
            } else {
                // Tokens as the tokenizer cuts them, so "St. Helens" and "Bank Officers' Colony" match as written.
                let layout = TextLayout(String(entry))
                var name = NameKey(foldCase: true)
                for token in layout.tokens { name.add(layout.scalars[token]) }
                key = name.hash
                count = layout.tokens.count
            }
            phrases[key, default: 0] |= bits
            longest = max(longest, count)
        }
        self.phrases = HashIndex(phrases, empty: 0)
        self.longest = longest
    }

    /// The categories (bits of ``Lexicon/Category``) of the phrase made of `tokens`.
    func categories(_ tokens: Range<Int>, _ words: Words) -> UInt16 {
        guard !tokens.isEmpty, tokens.count <= longest else { return 0 }
        var key = NameKey(foldCase: true)
        for i in tokens { key.add(words.scalars(i)) }
        return phrases[key.hash] ?? 0
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    fileprivate var trimmingWhitespace: Substring {
        var result = self
        while let first = result.unicodeScalars.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            result.removeLast()
        }
        return result
    }
}
