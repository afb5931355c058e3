import Foundation
import Textpipe

/// Places and first names beyond the tagger's lexicon, for the label rules
/// (``NameResolver/retype(_:words:gazetteer:)``): `Resources/names.txt`.
///
/// The tagger's own gazetteer is part of its trained model; these lists are
/// read as they are, so they can grow without retraining. A phrase is stored
/// as its lower-cased tokens joined by single spaces.
struct NameLists: Sendable {
    private var phrases: [String: UInt16] = [:]
    /// The longest phrase, in tokens.
    private(set) var longest = 1

    /// Reads `[place]` and `[first-name]` sections; `#` starts a comment line.
    init(text: String) {
        var bits: UInt16 = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            if entry.hasPrefix("["), entry.hasSuffix("]") {
                let category = Lexicon.Category(section: String(entry.dropFirst().dropLast()))
                bits = category.map { 1 << UInt16($0.rawValue) } ?? 0
                continue
            }
            guard bits != 0 else { continue }
            // Letters, spaces and hyphens tokenize at the spaces; anything else goes through the tokenizer.
            let key: String
            let count: Int
            if entry.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "-" }) {
                let parts = entry.lowercased().split(separator: " ")
                key = parts.joined(separator: " ")
                count = parts.count
            } else {
                let layout = TextLayout(entry)
                key = layout.tokens.map { layout.text($0).lowercased() }.joined(separator: " ")
                count = layout.tokens.count
            }
            phrases[key, default: 0] |= bits
            longest = max(longest, count)
        }
    }

    /// The categories (bits of ``Lexicon/Category``) of the phrase made of `tokens`.
    func categories(_ tokens: Range<Int>, _ words: Words) -> UInt16 {
        guard !tokens.isEmpty, tokens.count <= longest else { return 0 }
        return phrases[tokens.map { words.lower($0) }.joined(separator: " ")] ?? 0
    }
}
