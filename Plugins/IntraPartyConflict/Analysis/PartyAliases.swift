import Gazetteer
import Textpipe

/// The unambiguous names and aliases of the parties in the entities stage's
/// gazetteer (``PartyGazetteer``), for names the tagger joined to a
/// neighbouring word ("Several Trinamool Congress") and so left without a party.
struct PartyAliases: Sendable {
    /// Normalized alias (lower case, words joined by single spaces) → canonical party name.
    let names: [String: String]
    /// Keys of aliases written in capitals (`INC`): they end a name only where the text is in capitals too.
    let capitals: Set<String>

    init(_ gazetteer: PartyGazetteer) {
        var names: [String: String] = [:]
        var shared = Set<String>()
        var capitals = Set<String>()
        for party in gazetteer.parties {
            // A `?` alias spelled like the canonical name makes the canonical ambiguous too ("Greens").
            let canonicalKey = Self.key(party.canonical)
            let ambiguousCanonical = party.aliases.contains { $0.ambiguous && Self.key($0.name) == canonicalKey }
            var entries = party.aliases.filter { !$0.ambiguous }.map { ($0.name, $0.writtenInCapitals) }
            if !ambiguousCanonical { entries.append((party.canonical, false)) }
            for (name, inCapitals) in entries {
                let key = Self.key(name)
                if let known = names[key], known != party.canonical { shared.insert(key) }
                names[key] = party.canonical
                if inCapitals { capitals.insert(key) }
            }
        }
        // A name two parties share is no evidence for either.
        for key in shared { names[key] = nil }
        self.names = names
        self.capitals = capitals
    }

    /// The gazetteer's aliases.
    static func key(_ name: String) -> String {
        Tokenizer.tokens(in: name).map { ArticleAnalysis.normalized($0.text) }
            .filter { $0 != "." && $0 != "'" }.joined(separator: " ")
    }

    /// Words that, before a party's name, make the name another party's ("New
    /// Democratic Party", "Social Democratic Party"), beside ``PartyMentions/politicalWords``.
    static let nameWords: Set<String> = ["new", "social", "free", "united", "radical", "agrarian", "farmers"]

    /// The party whose alias ends `name`, with at least one word before it.
    func party(endingName name: String) -> String? {
        let tokens = Tokenizer.tokens(in: name).map(\.text)
        let words = tokens.map { ArticleAnalysis.normalized($0) }
        guard words.count >= 2 else { return nil }
        for start in 1..<words.count {
            let key = words[start...].joined(separator: " ")
            guard let party = names[key] else { continue }
            // "Liberal Democratic Party" is a party of its own, not the "Democratic Party":
            // a political word just before the alias makes the longer name another party's.
            if PartyMentions.politicalWords.contains(words[start - 1]) || Self.nameWords.contains(words[start - 1]) {
                return nil
            }
            // "Hollinger Inc" does not end in the Indian National Congress's "INC".
            if capitals.contains(key),
                tokens[start...].contains(where: { $0.unicodeScalars.contains { $0.properties.isLowercase } })
            {
                continue
            }
            return party
        }
        return nil
    }
}
