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
    /// Works on the text's UTF-8 bytes, copying an entry's scalars into one
    /// reused buffer; a `Substring` is made only for section and comment lines
    /// and entries beyond ASCII. Cutting and counting words as `Character`s and
    /// a `String` and an array per entry took 140.5 M instructions; this, 16.6 M.
    static func entries(_ text: String) -> (phrases: [UInt64: UInt16], longest: Int) {
        var contiguous = text
        return contiguous.withUTF8 { bytes in entries(bytes, of: text) }
    }

    /// ``entries(_:)`` over `bytes`, the UTF-8 of `text`.
    private static func entries(
        _ bytes: UnsafeBufferPointer<UInt8>, of text: String
    ) -> (phrases: [UInt64: UInt16], longest: Int) {
        func substring(_ range: Range<Int>) -> Substring {
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
            return text[lower..<text.utf8.index(lower, offsetBy: range.count)]
        }
        func blank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var phrases: [UInt64: UInt16] = [:]
        phrases.reserveCapacity(bytes.count { $0 == UInt8(ascii: "\n") } + 1)
        var longest = 1
        var bits: UInt16 = 0
        var scalars: [Unicode.Scalar] = []
        var next = 0
        while next < bytes.count {
            var start = next
            var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            next = end + 1
            // Without leading spaces and tabs, and trailing ones and a carriage return.
            while start < end, blank(bytes[start]) { start += 1 }
            while start < end, blank(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            guard start < end else { continue }
            // The byte first, the `Character` to be sure: a mark may combine with it.
            if bytes[start] == UInt8(ascii: "#") && substring(start..<end).hasPrefix("#") { continue }
            if bytes[start] == UInt8(ascii: "[") {
                let entry = substring(start..<end)
                if entry.hasPrefix("["), entry.hasSuffix("]") {
                    let category = Lexicon.Category(section: String(entry.dropFirst().dropLast()))
                    bits = category.map { 1 << UInt16($0.rawValue) } ?? 0
                    continue
                }
            }
            guard bits != 0 else { continue }
            let entry = UnsafeBufferPointer(rebasing: bytes[start..<end])
            scalars.removeAll(keepingCapacity: true)
            if entry.allSatisfy({ $0 < 0x80 }) {
                for byte in entry { scalars.append(Unicode.Scalar(byte)) }
            } else {
                scalars.append(contentsOf: substring(start..<end).unicodeScalars)
            }
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
                let layout = TextLayout(String(substring(start..<end)))
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
        // One word's key is hashed once per article (``Words/key(_:)-(Int)``): most
        // of the 248,000 phrases asked of on the BBC articles are one word.
        return phrases[words.key(tokens)] ?? 0
    }
}
