import Textpipe

/// The parties an article names, read from the entities stage's output.
///
/// A mention is a party when the entities stage gave it a `party` (its
/// gazetteer knows the party), when an organization's name reads like a party
/// ("… Democratic Front", "… People's Movement"), or when it names an organ
/// of a party already seen ("MQM Central Committee"). Persons carry the
/// party the entities stage affiliated them with.
struct PartyMentions {
    /// One mention of a party, or of a person affiliated with one.
    struct Mention {
        var party: String
        var start: Int
        var end: Int
        /// Whether the mention names the party itself rather than a member.
        var isParty: Bool
        var entity: Entity
    }

    /// Mentions in text order.
    let mentions: [Mention]
    /// Lower-cased party names and aliases as written in the article → party, for the title.
    let surfaces: [String: String]
    /// The party the article is mostly about, if any: most mentions, earliest on ties.
    let focus: String?

    /// Words that end the names of parties the gazetteer may not know.
    static let headWords: Set<String> = [
        "party", "parti", "partido", "partei", "partij", "league", "front", "movement", "alliance", "democrats",
        "conservatives", "socialists", "liberals", "nationals", "greens", "tories",
    ]

    /// Words one of which a party name the gazetteer does not know must hold
    /// besides its head word: "league", "front" and "movement" alone also end
    /// the names of sports competitions ("Champions League") and campaigns.
    static let politicalWords: Set<String> = [
        "democratic", "democrats", "democrat", "socialist", "socialists", "communist", "communists", "liberal",
        "liberals", "conservative", "conservatives", "republican", "republicans", "labour", "labor", "workers",
        "people's", "peoples", "people", "popular", "progressive", "progressives", "nationalist", "national",
        "patriotic", "freedom", "liberation", "revolutionary", "islamic", "christian", "green", "greens",
        "unionist", "federal", "reform", "justice", "unity", "solidarity", "independence", "party", "parti",
        "partido", "partei", "partij", "tories", "nationals", "citizens", "civic", "renewal", "heritage",
    ]

    /// Words that make a name something other than a party: sport, business, culture.
    static let otherWords: Set<String> = [
        "football", "soccer", "rugby", "cricket", "hockey", "baseball", "basketball", "champions", "premier",
        "super", "chess", "tennis", "golf", "athletics", "inc", "ltd", "corp", "company", "club", "fc", "bank",
        "association", "federation", "union", "council", "music", "film", "student", "students", "youth",
    ]

    /// Words a tagger may join to the front of a party's name ("Dozens of Valmora Democratic Front").
    static let leadingWords: Set<String> = [
        "the", "of", "several", "dozens", "hundreds", "thousands", "scores", "many", "some", "angry", "rebel",
        "senior", "former", "disgruntled", "enraged", "ruling", "opposition",
    ]

    /// A party-like name without the words a tagger joined to its front.
    static func trimmed(_ name: String) -> String {
        var words = name.split(separator: " ")
        while words.count > 2, let first = words.first, leadingWords.contains(first.lowercased()) {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    init(entities: [Entity], aliases: PartyAliases) {
        var mentions: [Mention] = []
        var surfaces: [String: String] = [:]
        for entity in entities where entity.label == .organization {
            if let party = entity.party {
                surfaces[entity.text.lowercased()] = party
                mentions.append(
                    Mention(party: party, start: entity.start, end: entity.end, isParty: true, entity: entity))
                continue
            }
            // A party name inside a longer tagged name ("Several Trinamool Congress").
            if let party = aliases.party(endingName: entity.text) {
                mentions.append(
                    Mention(party: party, start: entity.start, end: entity.end, isParty: true, entity: entity))
                continue
            }
            let words = (entity.canonical ?? entity.text).lowercased().split(whereSeparator: { $0 == " " || $0 == "-" })
            let political = words.dropLast().contains { Self.politicalWords.contains(String($0)) }
            if words.count >= 2, let last = words.last,
                Self.headWords.contains(String(last)) || words.contains("party"),
                political || last == "party", !words.contains(where: { Self.otherWords.contains(String($0)) })
            {
                let name = Self.trimmed(entity.canonical ?? entity.text)
                surfaces[entity.text.lowercased()] = name
                mentions.append(
                    Mention(party: name, start: entity.start, end: entity.end, isParty: true, entity: entity))
            }
        }
        // Organs of a party ("MQM Central Committee") and persons with a party.
        // Longest surface first, so the choice never depends on dictionary order.
        // Starts of the mentions found so far, so each entity checks in constant time
        // (a scan per entity was quadratic in a long article's entities).
        let partyStarts = Set(mentions.map(\.start))
        let known = surfaces.sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }
        for entity in entities {
            if entity.label == .person, let party = entity.party {
                mentions.append(
                    Mention(party: party, start: entity.start, end: entity.end, isParty: false, entity: entity))
            } else if entity.label == .organization, entity.party == nil,
                !partyStarts.contains(entity.start)
            {
                let lower = entity.text.lowercased()
                if let (_, party) = known.first(where: { lower.hasPrefix($0.key + " ") }) {
                    mentions.append(
                        Mention(party: party, start: entity.start, end: entity.end, isParty: false, entity: entity))
                }
            }
        }
        mentions.sort { $0.start < $1.start }
        var counts: [String: (count: Int, first: Int)] = [:]
        for mention in mentions {
            let current = counts[mention.party] ?? (0, mention.start)
            counts[mention.party] = (current.count + (mention.isParty ? 2 : 1), current.first)
        }
        focus =
            counts.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.value.first > b.value.first
            }?.key
        self.mentions = mentions
        self.surfaces = surfaces
    }
}
