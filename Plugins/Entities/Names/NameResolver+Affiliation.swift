import Textpipe

extension NameResolver {
    /// Words that may stand between a party and a person ("MQM-P senior leader
    /// Dr. Farooq Sattar"), lower-cased.
    static let roleWords: Set<String> = [
        "leader", "leaders", "chairman", "chairperson", "chairwoman", "chair", "chief", "president", "vice", "senior",
        "deputy", "general", "secretary", "spokesman", "spokeswoman", "spokesperson", "mp", "mps", "mna", "mpa",
        "mla", "mlc", "mep", "senator", "lawmaker", "legislator", "minister", "candidate", "member", "worker",
        "activist", "founder", "convener", "convenor", "co-chairman", "head", "stalwart", "veteran", "rebel",
        "dissident", "councillor", "councilor", "mayor", "governor", "whip", "backbencher", "parliamentarian",
        "former", "ex", "national", "provincial", "state", "central", "prime", "opposition", "party", "'s", "mr",
        "mrs", "ms", "dr", "dr.", "prof", "prof.", "sir", "lord", "baroness", "lady", "hon", "firebrand", "leader's",
        "co-founder", "patron", "supremo", "boss", "treasurer", "organiser", "organizer", "coordinator", "peer",
        "assemblyman", "congressman", "congresswoman", "representative", "rep.", "sen.", "mr.", "mrs.", "ms.",
    ]

    /// Role words that name people, which may end "PARTY role NAME".
    static let personRoles: Set<String> = [
        "leader", "leaders", "chairman", "chairperson", "chairwoman", "chief", "president", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "mp", "mps", "mna", "mnas", "mpa", "mpas", "mla", "mlas", "mlc", "mep", "meps",
        "senator", "senators", "lawmaker", "lawmakers", "legislator", "legislators", "minister", "candidate",
        "candidates", "member", "members", "worker", "workers", "activist", "activists", "founder", "convener",
        "convenor", "co-chairman", "head", "stalwart", "veteran", "rebel", "rebels", "dissident", "councillor",
        "councillors", "councilor", "mayor", "governor", "whip", "backbencher", "backbenchers", "parliamentarian",
        "supremo", "boss", "treasurer", "coordinator", "peer", "peers", "mr", "mrs", "ms", "dr", "dr.", "mr.", "mrs.",
        "ms.",
    ]

    /// Sets `party` on persons from patterns around them, then on every
    /// mention that shares the person's canonical name.
    func assignParties(_ mentions: inout [Mention], words: Words) {
        let parties = mentions.indices.filter { mentions[$0].party != nil && mentions[$0].label == .organization }
        guard !parties.isEmpty else { return }
        let partyAt = Dictionary(parties.map { (mentions[$0].tokens.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        let partyEndingAt = Dictionary(
            parties.map { (mentions[$0].tokens.upperBound, $0) }, uniquingKeysWith: { a, _ in a })
        let dominant = dominantParty(mentions, parties)
        var votes: [String: [String: Int]] = [:]
        for index in mentions.indices where mentions[index].label == .person {
            let person = mentions[index]
            guard let canonical = person.canonical else { continue }
            let found =
                partyBefore(person, words, partyEndingAt, dominant)
                ?? partyAfter(person, words, partyAt, mentions)
            if let found { votes[canonical, default: [:]][mentions[found].party ?? "", default: 0] += 1 }
            if found == nil, let dominant, mentionsPartyRole(before: person, words) {
                votes[canonical, default: [:]][dominant, default: 0] += 1
            }
        }
        for index in mentions.indices where mentions[index].label == .person {
            guard let canonical = mentions[index].canonical, let counts = votes[canonical] else { continue }
            // The most frequent party; ties go to the alphabetically first, so output is stable.
            mentions[index].party = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        }
    }

    /// The party of "PARTY [roles…] PERSON", "PTI's Imran Khan", "the Labour MP for Dover, PERSON".
    private func partyBefore(_ person: Mention, _ words: Words, _ partyEndingAt: [Int: Int], _ dominant: String?)
        -> Int?
    {
        var i = person.tokens.lowerBound
        var steps = 0
        while i > 0, steps < 8 {
            if let party = partyEndingAt[i] { return party }
            let previous = words.lower(i - 1)
            if words.isSentenceStart(i) { return nil }
            if Self.roleWords.contains(previous) {
                i -= 1
            } else if previous == ",", i >= 3, words.lower(i - 3) == "for" {
                // "… MP for Dover, Natalie Elphicke": skip the constituency.
                i -= 3
            } else if previous == ",", i >= 4, words.lower(i - 4) == "for" {
                i -= 4
            } else {
                return nil
            }
            steps += 1
        }
        return nil
    }

    /// The party of "PERSON of the PARTY", "PERSON (PARTY)", "PERSON, a senior PARTY leader".
    private func partyAfter(_ person: Mention, _ words: Words, _ partyAt: [Int: Int], _ mentions: [Mention]) -> Int? {
        var i = person.tokens.upperBound
        let end = words.count
        guard i < end else { return nil }
        if words.text(i) == "(" { return partyAt[i + 1] }
        var needsRole = false
        if words.text(i) == "," {
            i += 1
            needsRole = true
        }
        if i < end, ["of", "from"].contains(words.lower(i)) {
            i += 1
            needsRole = false
        } else if !needsRole {
            return nil
        }
        var steps = 0
        while i < end, steps < 4, partyAt[i] == nil,
            ["a", "an", "the", "senior", "veteran", "former", "leading", "prominent"].contains(words.lower(i))
        {
            i += 1
            steps += 1
        }
        guard i < end, let party = partyAt[i] else { return nil }
        // "PERSON, a senior PARTY leader" but not "PERSON, PARTY said".
        if needsRole {
            let next = mentions[party].tokens.upperBound
            guard next < end, Self.roleWords.contains(words.lower(next)) else { return nil }
        }
        return party
    }

    /// "party chairman Imran Khan": a role of "the party" right before the person.
    private func mentionsPartyRole(before person: Mention, _ words: Words) -> Bool {
        var i = person.tokens.lowerBound
        var sawRole = false
        while i > 0 {
            let previous = words.lower(i - 1)
            if previous == "party" || previous == "party's" { return sawRole }
            guard Self.roleWords.contains(previous), !words.isSentenceStart(i) else { return false }
            sawRole = sawRole || !["'s", "mr", "mrs", "ms", "dr", "dr.", "mr.", "mrs.", "ms."].contains(previous)
            i -= 1
        }
        return false
    }

    /// The party the article is about: two thirds or more of its party mentions.
    private func dominantParty(_ mentions: [Mention], _ parties: [Int]) -> String? {
        var counts: [String: Int] = [:]
        for index in parties { counts[mentions[index].party ?? "", default: 0] += 1 }
        guard let top = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return nil
        }
        return top.value * 3 >= parties.count * 2 ? top.key : nil
    }
}
