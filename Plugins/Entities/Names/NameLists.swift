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
        let (phrases, longest) = Self.entries(text)
        self.phrases = HashIndex(phrases, empty: 0)
        self.longest = longest
    }

    /// The key (``NameKey``, case folded) and category bits of every phrase in
    /// `text`, and the longest phrase in words.
    ///
    /// Lines are cut by scanning UTF-8 and each entry's scalars go into one
    /// reused buffer: cutting and counting words as `Character`s, and a `String`
    /// and an array per entry, were 60 % of reading the lists (85 M of 141 M
    /// instructions).
    static func entries(_ text: String) -> (phrases: [UInt64: UInt16], longest: Int) {
        var phrases: [UInt64: UInt16] = [:]
        var longest = 1
        var bits: UInt16 = 0
        var scalars: [Unicode.Scalar] = []
        for line in Substring(text).pieces(between: "\n") {
            let entry = line.trimmingWhitespace
            guard let first = entry.utf8.first else { continue }
            // The byte first, the `Character` to be sure: a mark may combine with it.
            if first == UInt8(ascii: "#") && entry.hasPrefix("#") { continue }
            if first == UInt8(ascii: "["), entry.hasPrefix("["), entry.hasSuffix("]") {
                let category = Lexicon.Category(section: String(entry.dropFirst().dropLast()))
                bits = category.map { 1 << UInt16($0.rawValue) } ?? 0
                continue
            }
            guard bits != 0 else { continue }
            scalars.removeAll(keepingCapacity: true)
            // An ASCII byte is its scalar; decoding `unicodeScalars` cost 1,000 instructions an entry.
            let ascii = entry.utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
                return true
            }
            if ascii != true { scalars.append(contentsOf: entry.unicodeScalars) }
            let key: UInt64
            let count: Int
            // ASCII letters answered without the Unicode property tables: they were
            // a quarter of reading the lists, which is a fifth of loading the stage.
            let wordsAndHyphens = scalars.allSatisfy { scalar in
                if scalar.isASCII {
                    let lower = scalar.value | 0x20
                    return (lower >= 0x61 && lower <= 0x7A) || scalar == " " || scalar == "-"
                }
                return scalar.properties.isAlphabetic
            }
            if wordsAndHyphens {
                // Words and hyphens: the tokenizer would cut at the spaces only.
                (key, count) = WordSet.key(words: scalars[...])
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
        return (phrases, longest)
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
    /// Without leading and trailing spaces and tabs, and a trailing carriage return.
    fileprivate var trimmingWhitespace: Substring {
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start != end, utf8[start] == UInt8(ascii: " ") || utf8[start] == UInt8(ascii: "\t") {
            start = utf8.index(after: start)
        }
        while start != end {
            let last = utf8[utf8.index(before: end)]
            guard last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") else { break }
            end = utf8.index(before: end)
        }
        return self[start..<end]
    }
}
