/// Gives tagged mentions their canonical names and parties.
///
/// Works on one article at a time, in five passes:
/// 0. repairs: offices cut off the front of names, honorifics and initials
///    joined to them (see ``repairNames(_:words:)``), and labels fixed from
///    the words around a mention (see ``retype(_:words:gazetteer:)``);
/// 1. country evidence: which countries the article points to (``PartyGazetteer``);
/// 2. parties: every alias in the text becomes one `ORG` mention whose
///    `canonical` is the party's name, merging the tagger's pieces
///    (`Muttahida Qaumi Movement (MQM) Pakistan`) and adding parties it missed;
/// 3. names: surnames, first names and titled forms (`Sattar`, `Mr Sattar`)
///    resolve to the longest full name in the article; acronyms to the name
///    they abbreviate (`CEC` → `Central Executive Committee`);
/// 4. affiliation: patterns such as "MQM-P leader Farooq Sattar", "Farooq
///    Sattar of the MQM-P" and "PTI's Imran Khan" set `party` on every mention
///    of the person.
struct NameResolver: Sendable {
    let parties: PartyGazetteer
    /// Places and first names the label rules consult besides the tagger's lexicon.
    var lists = NameLists(text: "")

    /// A party found in the text: token range, party index, and whether the alias was ambiguous.
    struct PartyMatch {
        var tokens: Range<Int>
        var party: Int
        var ambiguous: Bool
    }

    /// Resolves `mentions` of `layout`; `gazetteer` gives the hand-written
    /// gazetteer categories of a token range (bits of ``Lexicon/Category``),
    /// `usuallyLowercase` whether a token is a word usually written in lower case.
    func resolve(
        _ mentions: inout [Mention], in layout: TextLayout, gazetteer: @escaping (Range<Int>) -> UInt16 = { _ in 0 },
        usuallyLowercase: ((Int) -> Bool)? = nil
    ) {
        let words = Words(layout, usuallyLowercase: usuallyLowercase)
        repairNames(&mentions, words: words)
        retype(&mentions, words: words) { gazetteer($0) | lists.categories($0, words) }
        let raw = rawPartyMatches(words)
        let evidence = countryEvidence(words, raw)
        let matches = partyMatches(words, raw, evidence: evidence)
        mergeParties(&mentions, matches: matches, words: words)
        canonicalizeNames(&mentions, words: words)
        assignParties(&mentions, words: words)
    }

    // MARK: - Countries and parties

    /// How many times the article points to each country.
    func countryEvidence(_ words: Words, _ raw: [RawMatch]) -> [String: Int] {
        var evidence: [String: Int] = [:]
        var i = 0
        while i < words.count {
            guard words.startsCapitalized(i) else {
                i += 1
                continue
            }
            var key = NameKey(foldCase: false)
            var found: (end: Int, countries: [String])?
            for end in i..<min(words.count, i + parties.longest) {
                key.add(words.scalars(end))
                if let countries = parties.cues[key.hash] { found = (end + 1, countries) }
                if !parties.prefixes.contains(key.hash) { break }
            }
            if let found {
                for country in Set(found.countries) { evidence[country, default: 0] += 1 }
                i = found.end
            } else {
                i += 1
            }
        }
        // Unambiguous party names count too.
        for match in raw where match.candidates.count == 1 && !match.candidates[0].ambiguous {
            evidence[parties.parties[match.candidates[0].party].country, default: 0] += 2
        }
        return evidence
    }

    /// A party alias found in the text, before choosing among the parties it may name.
    typealias RawMatch = (tokens: Range<Int>, candidates: [(party: Int, ambiguous: Bool)])

    /// Longest alias matches, left to right.
    func rawPartyMatches(_ words: Words) -> [RawMatch] {
        var result: [RawMatch] = []
        var i = 0
        while i < words.count {
            guard words.startsCapitalized(i) else {
                i += 1
                continue
            }
            var key = NameKey(foldCase: true)
            var found: (end: Int, candidates: [(party: Int, ambiguous: Bool)])?
            for end in i..<min(words.count, i + parties.longest + 2) {
                key.add(words.scalars(end))
                let candidates = parties.candidates(key.hash)
                // A name ends on a word, never on punctuation or a lower-case word.
                if !candidates.isEmpty, !words.startsLowercase(end) { found = (end + 1, candidates) }
                if !parties.prefixes.contains(key.hash) { break }
            }
            if let found {
                result.append((i..<found.end, found.candidates))
                i = found.end
            } else {
                i += 1
            }
        }
        return result
    }

    func partyMatches(_ words: Words, _ raw: [RawMatch], evidence: [String: Int]) -> [PartyMatch] {
        raw.compactMap { match in
            guard let party = parties.choose(match.candidates, evidence: evidence) else { return nil }
            let ambiguous = match.candidates.first { $0.party == party }?.ambiguous ?? true
            return PartyMatch(tokens: match.tokens, party: party, ambiguous: ambiguous)
        }
    }

    /// A mention that is a party, then role words, then perhaps a name, cut
    /// into its parts (`ORG` party, `PER` name): `Labour MPs`, `Congress MPs
    /// Jothimani`; `nil` for any other shape.
    func splitRoleSuffix(_ mention: Mention, party: PartyMatch, words: Words) -> [Mention]? {
        guard mention.tokens.lowerBound == party.tokens.lowerBound, mention.tokens.upperBound > party.tokens.upperBound
        else {
            return nil
        }
        var i = party.tokens.upperBound
        while i < mention.tokens.upperBound, Self.roleWords.contains(words.lower(i)) { i += 1 }
        // The role must name people ("MPs", "leader"), not an organ ("Central Committee").
        guard i > party.tokens.upperBound, Self.personRoles.contains(words.lower(i - 1)) else { return nil }
        func make(_ tokens: Range<Int>, _ label: String) -> Mention {
            let start = words.layout.tokens[tokens.lowerBound].lowerBound
            let end = words.layout.tokens[tokens.upperBound - 1].upperBound
            return Mention(text: words.layout.text(start..<end), label: label, start: start, end: end, tokens: tokens)
        }
        var parts = [make(party.tokens, "ORG")]
        if i < mention.tokens.upperBound {
            guard (i..<mention.tokens.upperBound).allSatisfy({ words.startsCapitalized($0) }) else { return nil }
            parts.append(make(i..<mention.tokens.upperBound, "PER"))
        }
        return parts
    }

    /// Turns party matches into `ORG` mentions with the party's canonical name.
    func mergeParties(_ mentions: inout [Mention], matches: [PartyMatch], words: Words) {
        var added: [Mention] = []
        var removed = Set<Int>()
        // Token ranges do not change in the loop (only labels, names and parties do).
        let overlaps = MentionOverlaps(mentions)
        for match in matches {
            let name = parties.parties[match.party].canonical
            let overlapping = overlaps.indices(overlapping: match.tokens)
            if overlapping.count == 1, mentions[overlapping[0]].tokens == match.tokens {
                // The tagger found it: whatever label it gave, a party is an organization.
                mentions[overlapping[0]].label = "ORG"
                mentions[overlapping[0]].canonical = name
                mentions[overlapping[0]].party = name
                continue
            }
            // A common word opening a sentence ("Reform of …") is not a party on the gazetteer's word alone.
            if match.ambiguous, match.tokens.count == 1, words.isSentenceStart(match.tokens.lowerBound),
                !overlapping.contains(where: { mentions[$0].tokens.lowerBound == match.tokens.lowerBound })
            {
                continue
            }
            if overlapping.count == 1, let split = splitRoleSuffix(mentions[overlapping[0]], party: match, words: words)
            {
                // "Labour MPs", "Congress MPs Jothimani": the party, then a role, then perhaps a person.
                removed.insert(overlapping[0])
                added.append(
                    contentsOf: split.map { mention in
                        var mention = mention
                        if mention.label == "ORG" {
                            mention.canonical = name
                            mention.party = name
                        }
                        return mention
                    })
                continue
            }
            let inside = overlapping.allSatisfy {
                match.tokens.contains(mentions[$0].tokens.lowerBound)
                    && mentions[$0].tokens.upperBound <= match.tokens.upperBound && mentions[$0].label != "PER"
            }
            if !inside {
                // The party is part of a longer name: "MQM Central Committee", "Iowa Democratic
                // Party", "DA Western Cape" keep their own name and get the party. An ambiguous
                // word inside a longer name ("Valmora Democratic Front") says nothing of a party.
                if match.ambiguous { continue }
                for index in overlapping
                where mentions[index].label == "ORG" && mentions[index].party == nil
                    && mentions[index].tokens.lowerBound <= match.tokens.lowerBound
                    && mentions[index].tokens.upperBound >= match.tokens.upperBound
                {
                    mentions[index].party = name
                }
                continue
            }
            // The tagger's pieces, or nothing, become one mention of the whole name.
            // Without the tagger's support, an ambiguous name needs the article's country.
            removed.formUnion(overlapping)
            let start = words.layout.tokens[match.tokens.lowerBound].lowerBound
            let end = words.layout.tokens[match.tokens.upperBound - 1].upperBound
            added.append(
                Mention(
                    text: words.layout.text(start..<end), label: "ORG", start: start, end: end, tokens: match.tokens,
                    canonical: name, party: name))
        }
        guard !added.isEmpty || !removed.isEmpty else { return }
        // Parts of a split that the tagger also found on their own are kept once.
        let found = Set(mentions.map(\.tokens))
        let replaced = Set(removed.map { mentions[$0].tokens })
        added.removeAll { found.contains($0.tokens) && !replaced.contains($0.tokens) }
        mentions = (mentions.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + added)
            .sorted { $0.start < $1.start }
    }
}
