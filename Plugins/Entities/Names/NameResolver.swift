import Gazetteer
import Textpipe

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
        let persons = words.covered(by: mentions.filter { $0.label == .person })
        let matches = partyMatches(words, raw, evidence: evidence, persons: persons)
        mergeParties(&mentions, matches: matches, words: words) {
            // A nationality too ("Scottish Labour"), but not one of the lexicon's party
            // adjectives ("Democratic Justice Party" is no branch of a Justice Party).
            let known = gazetteer($0) | lists.categories($0, words)
            return known & Known.place != 0
                || (known & Known.nationality != 0 && parties.candidates(words.key($0)).isEmpty)
        }
        canonicalizeNames(&mentions, words: words)
        assignParties(&mentions, words: words)
    }

    // MARK: - Countries and parties

    /// What the article says of its countries: how many times it points to each
    /// (what ``PartyGazetteer/choose(_:evidence:)`` weighs), and by how many
    /// different words.
    struct CountryEvidence {
        /// Country → pointers: each country cue once per use, each unambiguous
        /// party name ``NameResolver/nameEvidence`` times, and so each name plain
        /// for one party and ambiguous for others when nothing points elsewhere.
        var counts: [String: Int] = [:]
        /// Country → the different cues and party names in full that point to it;
        /// abbreviations leave it alone (see ``NameResolver/abbreviationPointsElsewhere(_:evidence:)``).
        var distinct: [String: Set<UInt64>] = [:]
        /// Party → the part of its country's count that its own abbreviations add.
        var abbreviated: [Int: Int] = [:]
    }

    /// How many times, and with how many different words, the article points to each country.
    func countryEvidence(_ words: Words, _ raw: [RawMatch]) -> CountryEvidence {
        // A cue that is itself an ambiguous party name says nothing of the country:
        // "Congress" is a US cue, but in an Indian article it is the party.
        var inAmbiguousName = Set<Int>()
        var inName = Set<Int>()
        for match in raw {
            inName.formUnion(match.tokens)
            if match.candidates.allSatisfy(\.ambiguous) { inAmbiguousName.formUnion(match.tokens) }
        }
        // The countries pointed to by something other than a word inside a party name
        // ("Congress" of Ghana's "National Democratic Congress" is no US pointer here).
        var pointers = Set<String>()
        var evidence = CountryEvidence()
        var i = 0
        while i < words.count {
            guard words.startsCapitalized(i) else {
                i += 1
                continue
            }
            var key = NameKey(foldCase: false)
            var found: (end: Int, key: UInt64, countries: [String])?
            for end in i..<min(words.count, i + parties.longest) {
                key.add(words.scalars(end))
                if let countries = parties.cues[key.hash] { found = (end + 1, key.hash, countries) }
                if !parties.prefixes.contains(key.hash) { break }
            }
            if let found {
                if !(i..<found.end).allSatisfy(inName.contains) { pointers.formUnion(found.countries) }
                if !(i..<found.end).allSatisfy(inAmbiguousName.contains) {
                    for country in Set(found.countries) {
                        evidence.counts[country, default: 0] += 1
                        evidence.distinct[country, default: []].insert(found.key)
                    }
                }
                i = found.end
            } else {
                i += 1
            }
        }
        // Unambiguous party names count too; then a name that is plain for one party and
        // ambiguous for others, when nothing so far points to another country: "National
        // Democratic Congress" is Ghana's unless the article is about Grenada. Without that,
        // adding Grenada's party of that name took Ghana's evidence from an article that names
        // "the National Democratic Congress (NDC)" but never Ghana, and its "NDC" named nothing.
        // Any other country stops it, not only the namesakes': "Hawke's Labour Party" in an
        // Australian story is no pointer to Britain, nor "PPP" in a Korean one to Pakistan.
        func add(_ candidate: PartyGazetteer.Candidate) {
            let country = parties.parties[candidate.party].country
            evidence.counts[country, default: 0] += Self.nameEvidence
            if candidate.capitals {
                evidence.abbreviated[candidate.party, default: 0] += Self.nameEvidence
            } else {
                // Party indices stand apart from cue hashes in the top bit.
                evidence.distinct[country, default: []].insert(UInt64(candidate.party) | 1 << 63)
            }
        }
        for match in raw where match.candidates.count == 1 && !match.candidates[0].ambiguous {
            add(match.candidates[0])
            pointers.insert(parties.parties[match.candidates[0].party].country)
        }
        for match in raw where match.candidates.count > 1 {
            let plain = match.candidates.filter { !$0.ambiguous }
            guard plain.count == 1, pointers.isSubset(of: [parties.parties[plain[0].party].country]) else { continue }
            add(plain[0])
        }
        return evidence
    }

    /// The country evidence of one unambiguous party name: a party named outright
    /// says more of the country than one place name.
    static let nameEvidence = 2

    /// Whether an abbreviation in capitals ("ANP", "MDP") is the only thing in an
    /// article about other countries that points to its party's country.
    ///
    /// Three or four capitals name many things: "ANP" is a Dutch news agency as
    /// well as Pakistan's Awami National Party, "MDP" Chile's Popular Democratic
    /// Movement as well as the Maldivian Democratic Party, "CCC" the US Commodity
    /// Credit Corporation as well as Zimbabwe's Citizens Coalition for Change. The
    /// abbreviation names its party when the article also names the party's
    /// country, a place in it, its full name or another party of that country, or
    /// when fewer than ``elsewhere`` different words point to other countries.
    func abbreviationPointsElsewhere(_ party: Int, evidence: CountryEvidence) -> Bool {
        let country = parties.parties[party].country
        guard (evidence.counts[country] ?? 0) - (evidence.abbreviated[party] ?? 0) <= 0 else { return false }
        let others = evidence.distinct.reduce(0) { $0 + ($1.key == country ? 0 : $1.value.count) }
        return others >= Self.elsewhere
    }

    /// How many different words pointing to other countries make an article about
    /// somewhere else for ``abbreviationPointsElsewhere(_:evidence:)``. Three, because one
    /// or two are often a name that is also a place ("Kochi", "Juba Dal" in a
    /// Bangladeshi story) or a title other countries use too ("MP" in an Indian one),
    /// and the same word repeated says no more than once.
    static let elsewhere = 3

    /// A party alias found in the text, before choosing among the parties it may name.
    typealias RawMatch = (tokens: Range<Int>, candidates: [PartyGazetteer.Candidate])

    /// Longest alias matches, left to right. An alias in capitals (`INC`) matches
    /// only text in capitals, so "Inc." and "Dems" are no abbreviations.
    func rawPartyMatches(_ words: Words) -> [RawMatch] {
        var result: [RawMatch] = []
        var i = 0
        while i < words.count {
            guard words.startsCapitalized(i) else {
                i += 1
                continue
            }
            var key = NameKey(foldCase: true)
            var found: (end: Int, candidates: [PartyGazetteer.Candidate])?
            for end in i..<min(words.count, i + parties.longest + 2) {
                // Never across a sentence: the key drops periods, so "… Europe. Now …" read as Montenegro's "Europe Now".
                if end > i, words.isSentenceStart(end) { break }
                let before = key.hash
                key.add(words.scalars(end))
                // A period, apostrophe or dash adds nothing to the key: a name never ends
                // on one ("the Labour Party." and "the Social Democrats’ leader" were
                // matched through it, and the sentence's period became part of the party).
                if end > i, key.hash == before { continue }
                var candidates = parties.candidates(key.hash)
                if candidates.contains(where: \.capitals), !words.isAllCaps(i..<(end + 1)) {
                    candidates.removeAll(where: \.capitals)
                }
                // A name ends on a word, never on punctuation or a lower-case word,
                // unless the gazetteer spells it so ("La France insoumise").
                if !candidates.isEmpty, !words.startsLowercase(end) || candidates.contains(where: \.lowercaseEnd) {
                    found = (end + 1, candidates)
                }
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

    /// Chooses each raw match's party by the article's country evidence.
    ///
    /// A common word ("Labour", "Congress", "Greens"; see ``PartyGazetteer/Candidate/commonWord``)
    /// names a party only where nothing makes it something else: not in a Title
    /// Case headline, not followed by a word that makes it another thing ("Labor
    /// Department", "Labour market", "Congress of …") or by another capitalized
    /// word that is neither a role nor a person ("Green Bay", "Reform Club"; but
    /// "Democrat John Kerry"), not after "Library of" nor, for another country's
    /// party, after "US", and at the start of a sentence only when a role follows
    /// ("Labour MPs", "Labour's"), a use mid-sentence, or another name of the same
    /// party elsewhere in the article ("the Labour Party … Labour said"). `persons` marks
    /// the tokens of the tagger's `PER` mentions.
    func partyMatches(_ words: Words, _ raw: [RawMatch], evidence: CountryEvidence, persons: [Bool] = [])
        -> [PartyMatch]
    {
        var usedMidSentence = Set<UInt64>()
        var plausible = [Bool](repeating: true, count: raw.count)
        var raw = raw
        for index in raw.indices where raw[index].tokens.lowerBound > 0 {
            // "US Congress", "American Labor Department": a US body, unless the party is American.
            let previous = words.lower(raw[index].tokens.lowerBound - 1)
            guard Self.american.contains(previous) else { continue }
            raw[index].candidates.removeAll { $0.commonWord && parties.parties[$0.party].country != "US" }
        }
        // The parties the article names other than by a common word opening a sentence.
        var namedElsewhere = Set<Int>()
        for (index, match) in raw.enumerated() {
            let i = match.tokens.lowerBound
            if match.candidates.allSatisfy(\.commonWord) {
                plausible[index] = commonWordIsPlausible(at: i, words, persons: persons)
                guard plausible[index], !words.isSentenceStart(i) else { continue }
                usedMidSentence.insert(words.key(i))
            }
            if let party = parties.choose(match.candidates, evidence: evidence.counts) { namedElsewhere.insert(party) }
        }
        return raw.enumerated().compactMap { index, match in
            var candidates = match.candidates
            if match.candidates.allSatisfy(\.commonWord) {
                let i = match.tokens.lowerBound
                guard plausible[index] else { return nil }
                let next = i + 1 < words.count ? words.lower(i + 1) : ""
                if words.isSentenceStart(i), !usedMidSentence.contains(words.key(i)), !Self.personRoles.contains(next),
                    next != "'s",
                    !(parties.choose(candidates, evidence: evidence.counts).map(namedElsewhere.contains) ?? false)
                {
                    return nil
                }
            } else if !match.candidates.contains(where: \.commonWord) {
                // Nothing to filter.
            } else if !commonWordIsPlausible(at: match.tokens.lowerBound, words, persons: persons) {
                candidates.removeAll(where: \.commonWord)
            }
            guard let party = parties.choose(candidates, evidence: evidence.counts) else { return nil }
            let chosen = candidates.first { $0.party == party }
            if chosen?.capitals == true, chosen?.ambiguous == false,
                abbreviationPointsElsewhere(party, evidence: evidence)
            {
                return nil
            }
            return PartyMatch(tokens: match.tokens, party: party, ambiguous: chosen?.ambiguous ?? true)
        }
    }

    /// Whether the common word at token `i` may be a party name at all (see ``partyMatches(_:_:evidence:)``).
    func commonWordIsPlausible(at i: Int, _ words: Words, persons: [Bool] = []) -> Bool {
        if words.isTitleCase(i) { return false }
        if i > 0 {
            let previous = words.lower(i - 1)
            if Self.notAPartyBefore.contains(previous) { return false }
            if previous == "of", i > 1, Self.notAPartyBeforeOf.contains(words.lower(i - 2)) { return false }
        }
        guard i + 1 < words.count else { return true }
        let next = words.lower(i + 1)
        if Self.notAPartyAfter.contains(next) { return false }
        // "the Congress of Trade Unions", but "accused Labour of lying".
        if next == "of", i > 0, ["the", "a"].contains(words.lower(i - 1)) { return false }
        // "Labor Department", "Green Bay": another name, unless the word is a role ("Labour MP").
        let person = i + 1 < persons.count && persons[i + 1]
        if words.startsCapitalized(i + 1), !person, !Self.roleWords.contains(next), !Self.personRoles.contains(next),
            !Self.partyBodies.contains(next)
        {
            return false
        }
        return true
    }

    /// Words after a common word that make it something other than a party:
    /// "Labor Department", "Labour market", "Congress of South African Trade Unions".
    static let notAPartyAfter: Set<String> = [
        "department", "dept", "departments", "day", "ministry", "library", "market", "markets", "union", "unions",
        "force", "forces", "law", "laws", "cost", "costs", "relations", "rights", "board", "court", "courts", "office",
        "bureau", "statistics", "shortage", "shortages", "camp", "camps", "productivity", "supply", "pool", "card",
        "cards", "energy", "belt", "light", "bonds", "bond", "jobs", "technology", "technologies", "bill", "act",
        "package", "club", "guard", "park", "bank", "anthem", "cup", "season", "game", "games", "match", "team",
        "stadium", "football", "hall", "zone", "arts", "democracy", "democracies", "secretary",
        "organisation", "organization", "organisations", "organizations", "movement", "movements", "agreement",
        "contract", "contracts", "economy", "economics", "house", "building", "buildings", "hotel", "street", "road",
        "center", "centre", "square", "tax", "taxes", "trust", "fund", "funds", "index",
    ]

    /// Capitalized words after a common word that still leave it the party ("Labour Government", "Labor Caucus").
    static let partyBodies: Set<String> = [
        "chancellor", "premier", "treasurer", "government", "governments", "administration", "cabinet", "caucus",
        "conference", "convention", "manifesto", "campaign", "headquarters", "hq", "peer", "peers", "frontbencher",
        "frontbenchers", "backbenchers", "ministers", "councillors", "deputies", "victory", "win", "defeat",
    ]

    /// Words before a common word that make it another body: "US Congress", "World Cup".
    static let notAPartyBefore: Set<String> = [
        "continental", "world", "international", "global",
        "organised", "organized", "child", "forced", "cheap", "skilled", "unskilled", "casual", "migrant", "bonded",
        "manual", "hard", "golden", "diamond", "silver", "queen's", "royal",
    ]

    /// Words before a common word that make it American: "US Congress" is no Indian party, "US Democrats" are.
    static let american: Set<String> = ["us", "u.s", "u.s.", "american", "america's"]

    /// Words before "of" before a common word: "Library of Congress", "Act of Congress".
    static let notAPartyBeforeOf: Set<String> = [
        "library", "act", "acts", "member", "members", "session", "sessions", "joint", "speaker", "houses",
    ]

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
        func make(_ tokens: Range<Int>, _ label: EntityLabel) -> Mention {
            let start = words.layout.tokens[tokens.lowerBound].lowerBound
            let end = words.layout.tokens[tokens.upperBound - 1].upperBound
            return Mention(text: words.layout.text(start..<end), label: label, start: start, end: end, tokens: tokens)
        }
        var parts = [make(party.tokens, .organization)]
        if i < mention.tokens.upperBound {
            guard (i..<mention.tokens.upperBound).allSatisfy({ words.startsCapitalized($0) }) else { return nil }
            parts.append(make(i..<mention.tokens.upperBound, .person))
        }
        return parts
    }

    /// Turns party matches into `ORG` mentions with the party's canonical name;
    /// `isPlace` tells whether a token range is a known place or nationality.
    func mergeParties(
        _ mentions: inout [Mention], matches: [PartyMatch], words: Words, isPlace: (Range<Int>) -> Bool
    ) {
        var added: [Mention] = []
        var removed = Set<Int>()
        // Token ranges do not change in the loop (only labels, names and parties do).
        let overlaps = MentionOverlaps(mentions)
        for match in matches {
            let name = parties.parties[match.party].canonical
            let overlapping = overlaps.indices(overlapping: match.tokens)
            if overlapping.count == 1, mentions[overlapping[0]].tokens == match.tokens {
                // The tagger found it: whatever label it gave, a party is an organization.
                mentions[overlapping[0]].label = .organization
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
                        if mention.label == .organization {
                            mention.canonical = name
                            mention.party = name
                        }
                        return mention
                    })
                continue
            }
            // A person inside the name is the tagger's misreading only when the name is the
            // gazetteer's alone ("Shiv Sena" tagged PER in "Shiv Sena (UBT)"); an ambiguous
            // name does not outweigh the tagger's person.
            let inside = overlapping.allSatisfy {
                match.tokens.contains(mentions[$0].tokens.lowerBound)
                    && mentions[$0].tokens.upperBound <= match.tokens.upperBound
                    && (mentions[$0].label != .person || !match.ambiguous)
            }
            if !inside {
                // The party is part of a longer name: "MQM Central Committee", "Iowa Democratic
                // Party", "DA Western Cape" keep their own name and get the party. An ambiguous
                // word inside a longer name ("Valmora Democratic Front") says nothing of a party,
                // unless all the name has before it is a place, the party's branch there:
                // "Karnataka Congress", "Scottish Conservative", "Queensland Labor".
                if match.ambiguous {
                    // The tagger may call the branch MISC, as CoNLL calls "British" ("British Conservative").
                    if overlapping.count == 1,
                        [EntityLabel.organization, .misc].contains(mentions[overlapping[0]].label),
                        mentions[overlapping[0]].party == nil,
                        mentions[overlapping[0]].tokens.upperBound == match.tokens.upperBound,
                        mentions[overlapping[0]].tokens.lowerBound < match.tokens.lowerBound,
                        isPlace(mentions[overlapping[0]].tokens.lowerBound..<match.tokens.lowerBound)
                    {
                        mentions[overlapping[0]].label = .organization
                        mentions[overlapping[0]].party = name
                    }
                    continue
                }
                for index in overlapping
                where mentions[index].label == .organization && mentions[index].party == nil
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
                    text: words.layout.text(start..<end), label: .organization, start: start, end: end,
                    tokens: match.tokens,
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
