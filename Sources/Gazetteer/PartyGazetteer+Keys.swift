import Textpipe

extension PartyGazetteer {
    /// The ``NameKey`` of a name, the keys of its proper token prefixes, and its number of tokens.
    package struct NameKeys: Equatable {
        package var key: UInt64
        package var prefixes: [UInt64]
        package var count: Int
    }

    /// The keys of `name` as the ``Tokenizer`` cuts it into tokens.
    ///
    /// A name of ASCII letters and single spaces ("Pheu Thai Party", "Karachi"),
    /// as most of the gazetteer's are, is cut at its spaces without the
    /// tokenizer, whose tokens those are: no other rule of it applies to letters
    /// alone. Tokenizing all 5,557 names and cues was 15 M of the 70 M
    /// instructions of reading the gazetteer; with this, reading it takes 61 M.
    /// A test holds the two to the same keys for every name in the bundled files.
    package static func keys(_ name: String, foldCase: Bool) -> NameKeys {
        var previous = UInt8(ascii: " ")
        let words = name.utf8.allSatisfy { byte in
            defer { previous = byte }
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte == UInt8(ascii: " ") && previous != byte)
        }
        guard words, previous != UInt8(ascii: " ") else { return tokenizedKeys(name, foldCase: foldCase) }
        let scalars = name.utf8.map { Unicode.Scalar($0) }
        var key = NameKey(foldCase: foldCase)
        var partial: [UInt64] = []
        var start = 0
        for end in scalars.indices where scalars[end] == " " {
            key.add(scalars[start..<end])
            partial.append(key.hash)
            start = end + 1
        }
        key.add(scalars[start...])
        return NameKeys(key: key.hash, prefixes: partial, count: partial.count + 1)
    }

    /// The keys of `name`, always cut by the ``Tokenizer``.
    package static func tokenizedKeys(_ name: String, foldCase: Bool) -> NameKeys {
        let text = ScalarText(name)
        let tokens = Tokenizer.tokens(in: text)
        var key = NameKey(foldCase: foldCase)
        var partial: [UInt64] = []
        for token in tokens {
            key.add(text.scalars[token.start..<token.end])
            partial.append(key.hash)
        }
        return NameKeys(key: key.hash, prefixes: Array(partial.dropLast()), count: tokens.count)
    }
}
