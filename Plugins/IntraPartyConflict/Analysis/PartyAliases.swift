import Entities
import Textpipe

/// The unambiguous names and aliases of the parties in the entities stage's
/// gazetteer (``PartyGazetteer``), for names the tagger joined to a
/// neighbouring word ("Several Trinamool Congress") and so left without a party.
struct PartyAliases: Sendable {
    /// Normalized alias (lower case, words joined by single spaces) → canonical party name.
    let names: [String: String]

    init(_ gazetteer: PartyGazetteer) {
        var names: [String: String] = [:]
        var shared = Set<String>()
        for party in gazetteer.parties {
            for alias in [party.canonical] + party.aliases.filter({ !$0.ambiguous }).map(\.name) {
                let key = Self.key(alias)
                if let known = names[key], known != party.canonical { shared.insert(key) }
                names[key] = party.canonical
            }
        }
        // A name two parties share is no evidence for either.
        for key in shared { names[key] = nil }
        self.names = names
    }

    /// The gazetteer's aliases.
    static func key(_ name: String) -> String {
        Tokenizer.tokens(in: name).map { ArticleAnalysis.normalized($0.text) }
            .filter { $0 != "." && $0 != "'" }.joined(separator: " ")
    }

    /// The party whose alias ends `name`, with at least one word before it.
    func party(endingName name: String) -> String? {
        let words = Tokenizer.tokens(in: name).map { ArticleAnalysis.normalized($0.text) }
        guard words.count >= 2 else { return nil }
        for start in 1..<words.count {
            if let party = names[words[start...].joined(separator: " ")] { return party }
        }
        return nil
    }
}
