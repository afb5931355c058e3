import Textpipe

/// One article read sentence by sentence: which cues each sentence holds and
/// whether its participants share a party.
///
/// The title (when the document has one apart from its text) is analysed as
/// sentence -1; party names in it are recognized by the names the entities
/// stage found in the text.
package struct ArticleAnalysis: Sendable {
    /// The title's facts first (when there is a title), then one per sentence of the text.
    package let sentences: [SentenceFacts]
    /// The party the article is mostly about.
    package let focus: String?
    /// Mentions of parties and of persons affiliated with one.
    package let partyMentionCount: Int
    /// Distinct parties in the article.
    package let distinctParties: Int
    /// Whether the word "party" occurs in its political sense.
    package let mentionsParty: Bool
    /// Persons with their party, by scalar offset, for actors.
    let persons: [(entity: Entity, party: String?)]
    let text: ScalarText
    let title: ScalarText?
    let tokens: [Token]
    let titleTokens: [Token]

    /// Analyses `document`, using its `entities` and `sentences` when present.
    ///
    /// - Throws: ``DocumentError`` when either field is malformed.
    init(document: Document, lexicon: CueLexicon, resolver: TargetResolver, aliases: PartyAliases) throws {
        let entities = try document.entities ?? []
        let parties = PartyMentions(entities: entities, aliases: aliases)
        // The entities stage's tokens of this text, when it ran before (conflict-watch): the
        // same Tokenizer over the same text, so the same tokens; tokenizing again was 170 M
        // of the stage's 614 M instructions on BBC politics.
        let shared = document.sharedTokens
        let text = shared?.text ?? ScalarText(document.text)
        let tokens = shared?.tokens ?? Tokenizer.tokens(in: text)
        var slots = tokens.map { TargetResolver.Slot(word: Self.normalized($0.text)) }
        // The tokens a span (scalar offsets) covers, for spans visited in text order:
        // `cursor` only moves forward, so each pass over the entities is linear.
        func covered(_ start: Int, _ end: Int, from cursor: inout Int) -> Range<Int> {
            while cursor < tokens.count, tokens[cursor].end <= start { cursor += 1 }
            var k = cursor
            while k < tokens.count, tokens[k].start < end { k += 1 }
            return cursor..<k
        }
        // The words of a party's name read as "party", so cues about "the party" match named parties.
        var tokenIndex = 0
        for mention in parties.mentions {
            let span = covered(mention.start, mention.end, from: &tokenIndex)
            for k in span {
                if mention.isParty {
                    slots[k].word = CueLexicon.nameWord
                    slots[k].party = mention.party
                } else if mention.entity.label == .person {
                    slots[k].personParty = mention.party
                    slots[k].startsPerson = k == span.lowerBound
                }
            }
        }
        // Organizations that are state bodies ("Enforcement Directorate", "Election Commission").
        tokenIndex = 0
        for entity in entities where entity.label == .organization && entity.party == nil {
            let words = entity.text.lowercased().split { $0 == " " || $0 == "-" }
            guard words.contains(where: { TargetResolver.stateWords.contains(String($0)) }) else { continue }
            for k in covered(entity.start, entity.end, from: &tokenIndex) where slots[k].party == nil {
                slots[k].stateBody = true
            }
        }
        // Places and peoples ("Nicaragua", "Kurdish") the entities stage found, outside
        // any party's name, and persons it tied to no party: who rebels belong to.
        tokenIndex = 0
        for entity in entities where (entity.label == .location || entity.label == .misc) && entity.party == nil {
            for k in covered(entity.start, entity.end, from: &tokenIndex) where slots[k].party == nil {
                slots[k].place = true
            }
        }
        // A full name (two words or more, so a tagger's "UP" or "SLFPers" is not one)
        // that no seat word follows ("Rebel UP chairman candidates").
        tokenIndex = 0
        for entity in entities where entity.label == .person && entity.party == nil {
            let span = covered(entity.start, entity.end, from: &tokenIndex)
            if span.count >= 2, span.upperBound == tokens.count || !Self.seatWords.contains(slots[span.upperBound].word)
            {
                slots[span.lowerBound].startsUnaffiliatedPerson = true
            }
        }
        let insurgents = Self.rebelsAreInsurgents(slots)
        var facts: [SentenceFacts] = []
        var titleTokens: [Token] = []
        var title: ScalarText?
        if let documentTitle = document.title, !documentTitle.isEmpty {
            let scalars = ScalarText(documentTitle)
            titleTokens = Tokenizer.tokens(in: scalars)
            var titleSlots = titleTokens.map { TargetResolver.Slot(word: Self.normalized($0.text)) }
            var named: [String] = []
            // Longest surface first, so "Democratic Party of X" is not read as "Democratic".
            let surfaces = parties.surfaces.map { surface, party in
                (Tokenizer.tokens(in: surface).map { Self.normalized($0.text) }, party)
            }.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.1 < $1.1 }
            for (key, party) in surfaces where !key.isEmpty && key.count <= titleSlots.count {
                for start in 0...(titleSlots.count - key.count)
                where titleSlots[start].party == nil
                    && (0..<key.count).allSatisfy({ titleSlots[start + $0].word == key[$0] })
                {
                    for k in start..<start + key.count {
                        titleSlots[k].word = CueLexicon.nameWord
                        titleSlots[k].party = party
                    }
                    if !named.contains(party) { named.append(party) }
                }
            }
            facts.append(
                Self.facts(
                    index: -1, span: 0..<scalars.count, slots: titleSlots,
                    words: Self.ids(titleSlots, resolver),
                    range: 0..<titleSlots.count, parties: named,
                    focus: parties.focus, insurgents: insurgents, lexicon: lexicon, resolver: resolver))
            title = scalars
        }
        let words = Self.ids(slots, resolver)
        // The party the article calls the opposition, looked for only once a sentence's
        // contention turns out to be the opposition's (few do), and then once.
        var oppositionScan: String??
        func opposition() -> String? {
            if let oppositionScan { return oppositionScan }
            let found = Self.oppositionParty(slots)
            oppositionScan = .some(found)
            return found
        }
        var mentionIndex = 0
        var partyWord = false
        for (number, range) in try Self.sentenceRanges(of: document, text: text, tokens: tokens).enumerated() {
            let start = tokens[range.lowerBound].start
            let end = tokens[range.upperBound - 1].end
            var named: [String] = []
            while mentionIndex < parties.mentions.count, parties.mentions[mentionIndex].start < end {
                let mention = parties.mentions[mentionIndex]
                if mention.start >= start, !named.contains(mention.party) { named.append(mention.party) }
                mentionIndex += 1
            }
            // A sentence whose subject is a pronoun ("They shouted slogans against
            // the PTI chairman") is about the previous sentence's parties too.
            if Self.pronouns.contains(slots[range.lowerBound].word), let previous = facts.last, previous.index >= 0 {
                for party in previous.parties where !named.contains(party) { named.insert(party, at: 0) }
            }
            var sentence = Self.facts(
                index: number, span: start..<end, slots: slots, words: words, range: range, parties: named,
                focus: parties.focus, insurgents: insurgents,
                lexicon: lexicon, resolver: resolver)
            // "Tony Blair's feud with Gordon Brown is damaging the country, Tory leader Michael
            // Howard has claimed": the party of who reports a contention is not the party in it.
            if let cue = sentence.contention.flatMap({ sentence.best[$0.cueClass.index] }) {
                let speakers = named.filter {
                    Self.onlyReports($0, slots, range: range, after: cue.end)
                        || Self.onlyAccuses($0, slots, range: range, before: cue.start)
                }
                if !speakers.isEmpty {
                    sentence = Self.facts(
                        index: number, span: start..<end, slots: slots, words: words, range: range,
                        parties: named.filter { !speakers.contains($0) }, focus: parties.focus,
                        insurgents: insurgents, lexicon: lexicon, resolver: resolver)
                }
            }
            // "The ruling Labour Party ... with the opposition in disarray after a leadership
            // crisis": the crisis is the opposition's, not the party the sentence names.
            if let cue = sentence.contention.flatMap({ sentence.best[$0.cueClass.index] }),
                Self.belongsToOpposition(slots, cue: cue.start, from: range.lowerBound)
            {
                let owner = opposition()
                sentence = Self.facts(
                    index: number, span: start..<end, slots: slots, words: words, range: range,
                    parties: owner.map { [$0] } ?? [], focus: owner, insurgents: insurgents, lexicon: lexicon,
                    resolver: resolver)
            }
            partyWord =
                partyWord || (sentence.weight(.nonpolitical) < 1 && slots[range].contains { $0.word == "party" })
            facts.append(sentence)
        }
        sentences = facts
        focus = parties.focus
        partyMentionCount = parties.mentions.count
        distinctParties = Set(parties.mentions.map(\.party)).count
        mentionsParty = partyWord
        persons = entities.filter { $0.label == .person }.sorted { $0.start < $1.start }.map { ($0, $0.party) }
        self.text = text
        self.title = title
        self.tokens = tokens
        self.titleTokens = titleTokens
    }

    /// The text's sentences as ranges of `tokens`, none of them empty.
    ///
    /// The document's `sentences` when it has them — in `conflict-watch`, the
    /// split the entities stage shared, made by the same ``SentenceSplitter``
    /// over the same tokens, so the ranges are the ones splitting here would
    /// give — else a split of its own.
    static func sentenceRanges(of document: Document, text: ScalarText, tokens: [Token]) throws -> [Range<Int>] {
        guard let spans = try document.sentences else { return SentenceSplitter.ranges(in: text, tokens: tokens) }
        return tokens.indices(inside: spans).filter { !$0.isEmpty }
    }

    /// Whether a party name names an alliance of parties ("National Democratic Alliance").
    static func isAlliance(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("alliance") || lower.contains("coalition")
    }

    /// Nouns for people who defy a leadership: a party's rebels, or a country's insurgents and dissidents.
    static let rebelWords: Set<String> = ["rebel", "rebels", "rebellion", "dissident", "dissidents"]

    /// Words after a rebel noun that make the rebels a party's: "rebel MPs", "rebel candidates".
    static let seatWords: Set<String> = [
        "mp", "mps", "mla", "mlas", "lawmakers", "legislators", "senators", "deputies", "councillors", "councilors",
        "members", "leaders", "leader", "candidate", "candidates", "ministers", "faction", "group", "bloc",
    ]

    /// Words that end a rebel noun's modifiers when reading back from it ("aid to the Nicaraguan rebels").
    static let phraseBreaks: Set<String> = [
        "the", "a", "an", "to", "of", "for", "in", "on", "at", "by", "with", "from", "and", "or", "that", "which",
        "who", "said", "says", ",", ".", ";", ":", "(", ")",
    ]

    /// Whether the article's rebels and dissidents are a country's or a people's
    /// ("Nicaraguan rebels", "Kurdish dissidents") and never a party's ("Labour
    /// rebels", "rebel MPs"): then "the rebels" further on are the same insurgents.
    ///
    /// News names a party's rebels by their party or their seat and a
    /// country's by its name or its people; an article that does the second
    /// and never the first is about insurgents or political dissidents.
    static func rebelsAreInsurgents(_ slots: [TargetResolver.Slot]) -> Bool {
        var placed = false
        var sawRebel = false
        // Whether the article speaks of armed struggle: asked only once a rebel word turns up
        // (most articles have none), and then once. Computed for every article, this scan was
        // 227 M of the stage's 911 M instructions on BBC politics.
        var armedScan: Bool?
        func armed() -> Bool {
            if let armedScan { return armedScan }
            let found = slots.indices.contains { k in
                guard let last = slots[k].word.utf8.last else { return false }
                // "d" ends "-held" and "held" as well as words of armed struggle.
                if last == 0x64 { return holdsGround(slots, at: k) || armedWords.contains(slots[k].word) }
                return armedEndings[Int(last)] && armedWords.contains(slots[k].word)
            }
            armedScan = found
            return found
        }
        // The first byte rules out nearly every token before a hashed set lookup, and the
        // loop goes by index, not `enumerated()`, which copies each slot (three strings to
        // retain and release): 114 M instructions on BBC politics before, 17 M after.
        for k in slots.indices
        where slots[k].word.utf8.first.map({ rebelInitials[Int($0)] }) == true && rebelWords.contains(slots[k].word) {
            sawRebel = true
            // "Rebel forces", "rebel fighters" are an army's, whatever name comes first
            // ("UNITA rebel forces"); "rebel group" is one too where the article speaks
            // of armed struggle ("the UNITA rebel group ... UNITA-held territory"), while
            // a party's rebels are "a group of rebels".
            if k + 1 < slots.count, armedHeads.contains(slots[k + 1].word) || (slots[k + 1].word == "group" && armed())
            {
                placed = true
                continue
            }
            if k + 1 < slots.count, slots[k + 1].party != nil || seatWords.contains(slots[k + 1].word) { return false }
            // "Dissident Kim Dae-jung", "rebel Ana Ruiz": the noun as the title of a
            // person of no known party names a dissident of the state.
            if k + 1 < slots.count, slots[k + 1].startsUnaffiliatedPerson { placed = true }
            // The words just before it, two of them besides quotation marks and
            // the second half of "U.S.-backed": the nearest one names a party
            // ("Labour rebels", "party rebels"), or one names a place or a people
            // ("Nicaraguan \"contra\" rebels", "U.S.-backed contra rebels"). Two,
            // not more: in "Thakur from Nalagarh also turned rebel" the place is not the rebel's.
            var j = k - 1
            var modifiers = 0
            while j >= 0, modifiers < 2, !phraseBreaks.contains(slots[j].word) {
                if modifierMarks.contains(slots[j].word) || (j > 0 && slots[j - 1].word == "-") {
                    j -= 1
                    continue
                }
                if modifiers == 0, slots[j].party != nil || slots[j].word == CueLexicon.nameWord { return false }
                if slots[j].place { placed = true }
                modifiers += 1
                j -= 1
            }
        }
        // Rebels no word ties to a party, in an article that speaks of an armed
        // struggle ("aid to the Nicaraguan Contras … diverted to the rebels"), are its fighters.
        return placed || (sawRebel && armed())
    }

    /// Whether every word of `party` (its name, its members) in `range` stands in a
    /// trailing attribution after the cue ending at `cueEnd`: past a comma, with a
    /// reporting verb at most four words after it ("…, Tory leader Michael Howard has
    /// claimed in a heated debate.", "…, BJP spokesman Ravi Kumar said.").
    static func onlyReports(_ party: String, _ slots: [TargetResolver.Slot], range: Range<Int>, after cueEnd: Int)
        -> Bool
    {
        let words = positions(of: party, slots, range: range)
        guard let first = words.first, first >= cueEnd, let last = words.last else { return false }
        guard slots[cueEnd..<first].contains(where: { $0.word == "," }) else { return false }
        let reach = min(range.upperBound, last + 5)
        guard let verb = (last + 1..<reach).first(where: { attributionVerbs.contains(slots[$0].word) }) else {
            return false
        }
        // The attribution runs from the comma to the verb: no clause break inside it.
        let comma = (cueEnd..<first).last { slots[$0].word == "," } ?? cueEnd
        return !slots[(comma + 1)..<verb].contains { TargetResolver.clauseEnds.contains($0.word) && $0.word != "," }
    }

    /// The tokens of `slots[range]` that name `party` or one of its persons.
    static func positions(of party: String, _ slots: [TargetResolver.Slot], range: Range<Int>) -> [Int] {
        range.filter { slots[$0].party == party || slots[$0].personParty == party }
    }

    /// Whether `party` is named only before the cue at `cueStart`, as the subject of an
    /// accusation that the cue is part of ("The Liberal Democrats have claimed infighting
    /// in Labour is …"): a verb of ``accusationVerbs`` at most three words after its last
    /// mention, before the cue, with no clause break between.
    static func onlyAccuses(_ party: String, _ slots: [TargetResolver.Slot], range: Range<Int>, before cueStart: Int)
        -> Bool
    {
        let words = positions(of: party, slots, range: range)
        guard let last = words.last, last < cueStart else { return false }
        guard let verb = (last + 1..<min(cueStart, last + 5)).first(where: { accusationVerbs.contains(slots[$0].word) })
        else { return false }
        return !slots[(last + 1)..<verb].contains { TargetResolver.clauseEnds.contains($0.word) }
    }

    /// Verbs with which one side says something of another ("claimed", "accused").
    static let accusationVerbs: Set<String> = [
        "claimed", "claims", "claim", "alleged", "alleges", "allege", "accused", "accuses", "accuse", "charged",
        "charges", "blamed", "blames", "blame",
    ]

    /// The parties of `named` that `slots[range]` names only as where someone went: each of
    /// their names follows "to", "into" or "join(ed)", with at most three of
    /// ``destinationModifiers`` between ("defected to the ruling All Progressives Congress",
    /// "joined the BJP"). A party named only through a person's affiliation is never one.
    static func destinations(_ named: [String], _ slots: [TargetResolver.Slot], range: Range<Int>) -> [String] {
        named.filter { party in
            let starts = range.filter {
                slots[$0].party == party && ($0 == range.lowerBound || slots[$0 - 1].party != party)
            }
            return !starts.isEmpty
                && starts.allSatisfy { start in
                    var j = start - 1
                    while j >= range.lowerBound, start - j <= 3, destinationModifiers.contains(slots[j].word) { j -= 1 }
                    return j >= range.lowerBound && destinationWords.contains(slots[j].word)
                }
        }
    }

    /// Words before the party a defector goes to.
    static let destinationWords: Set<String> = ["to", "into", "join", "joins", "joined", "joining"]

    /// Words that may stand between a destination word and the party's name ("to the ruling …").
    static let destinationModifiers: Set<String> = ["the", "ruling", "governing", "opposition", "rival", "new"]

    /// Verbs of a trailing attribution ("…, the leader said", "…, she has claimed").
    static let attributionVerbs: Set<String> = [
        "said", "says", "told", "added", "stated", "claimed", "claims", "alleged", "alleges", "warned", "argued",
        "insisted", "charged", "declared", "wrote", "tweeted",
    ]

    /// Whether the nearest actor before the cue at `cue` (back to `start`) is "the
    /// opposition" as a side ("the conservative opposition ... faces controversy in its own
    /// ranks"), not a party, a party's member, or "opposition to" a plan.
    static func belongsToOpposition(_ slots: [TargetResolver.Slot], cue: Int, from start: Int) -> Bool {
        var j = cue - 1
        while j >= start {
            let slot = slots[j]
            if slot.party != nil || slot.personParty != nil || slot.word == "party" { return false }
            if slot.word == "opposition" {
                let next = j + 1 < slots.count ? slots[j + 1].word : ""
                let before = j > start ? slots[j - 1].word : ""
                let previous = j - 1 > start ? slots[j - 2].word : ""
                // "The opposition in disarray" is the side; "opposition in the party" a stance.
                let after = j + 3 < slots.count ? [slots[j + 2].word, slots[j + 3].word] : []
                let inParty = next == "in" && (after.first == "party" || after.last == "party")
                return !oppositionObjects.contains(next) && !inParty && (before == "the" || previous == "the")
            }
            j -= 1
        }
        return false
    }

    /// Words after "opposition" that make it a stance ("opposition to the plan", "opposition within the party").
    static let oppositionObjects: Set<String> = [
        "to", "from", "within", "inside", "among", "of", "against", "leader", "leaders", "party", "parties",
        "benches", "mps", "members", "lawmakers",
    ]

    /// The party the article calls the opposition: named right after the word
    /// ("the opposition Liberal Party") or through its leader ("opposition leader
    /// John Howard"), and never called ruling or governing.
    static func oppositionParty(_ slots: [TargetResolver.Slot]) -> String? {
        var votes: [String: Int] = [:]
        var ruling: Set<String> = []
        for k in slots.indices {
            // One byte first: three string comparisons for every token were 34 M instructions
            // on BBC politics, 4.5 % of the stage.
            guard let head = slots[k].word.utf8.first, head == 0x72 || head == 0x67 || head == 0x6F else { continue }
            let word = slots[k].word
            if word == "ruling" || word == "governing", k + 1 < slots.count, let party = slots[k + 1].party {
                ruling.insert(party)
            }
            guard word == "opposition", k + 1 < slots.count else { continue }
            if let party = slots[k + 1].party {
                votes[party, default: 0] += 1
            } else if ["leader", "chief"].contains(slots[k + 1].word), k + 2 < slots.count,
                let party = slots[k + 2].personParty
            {
                votes[party, default: 0] += 1
            }
        }
        return votes.filter { !ruling.contains($0.key) }.max { a, b in
            a.value != b.value ? a.value < b.value : a.key > b.key
        }?.key
    }

    /// The first bytes of ``rebelWords``, and the last bytes of ``armedWords``.
    /// (Tables of 256 flags: a `Set<UInt8>` would hash every byte it is asked about.)
    static let rebelInitials = byteTable(rebelWords.compactMap(\.utf8.first))
    static let armedEndings = byteTable(armedWords.compactMap(\.utf8.last))

    static func byteTable(_ bytes: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes { table[Int(byte)] = true }
        return table
    }

    /// Nouns that make "rebel" an army's: "rebel forces", "rebel troops".
    static let armedHeads: Set<String> = [
        "forces", "army", "armies", "fighters", "troops", "soldiers", "militia", "militias", "militiamen", "commander",
        "commanders", "strongholds", "stronghold", "bases", "positions",
    ]

    /// Whether slot `k` starts "X-held territory" (or "X - held town", as the tokenizer
    /// may split a name off): ground an armed side holds. Only before a place noun, so
    /// a "closely-held" firm is no battlefield.
    static func holdsGround(_ slots: [TargetResolver.Slot], at k: Int) -> Bool {
        let word = slots[k].word.utf8
        // Byte comparison: String.hasSuffix compares Unicode grapheme by grapheme.
        let held =
            (word.count > 5 && word.suffix(5).elementsEqual("-held".utf8))
            || (word.elementsEqual("held".utf8) && k > 0 && slots[k - 1].word == "-")
        return held && k + 1 < slots.count && groundWords.contains(slots[k + 1].word)
    }

    static let groundWords: Set<String> = [
        "territory", "territories", "area", "areas", "region", "regions", "town", "towns", "city", "village",
        "villages", "zone", "zones", "enclave", "district", "districts", "province", "stronghold", "north", "south",
        "east", "west",
    ]

    /// Words of an armed struggle: an article that uses one and never ties its
    /// rebels to a party or a seat is about insurgents.
    static let armedWords: Set<String> = [
        "guerrilla", "guerrillas", "insurgent", "insurgents", "insurgency", "contra", "contras", "militia",
        "militias", "rebel-held",
    ]

    /// Quotation marks and the hyphen of "U.S.-backed" (split off a name before a
    /// relation word), which a rebel noun's modifiers may hold ("the Nicaraguan \"contra\" rebels").
    static let modifierMarks: Set<String> = ["\"", "'", "\u{201C}", "\u{201D}", "``", "''", "-"]

    /// Subject pronouns that carry the previous sentence's participants.
    static let pronouns: Set<String> = ["they", "he", "she", "their", "his", "her", "both"]

    /// A token as the lexicon writes it: lower case, straight apostrophes, ASCII hyphens.
    static func normalized(_ token: String) -> String {
        // Most tokens are ASCII: lower-case them byte by byte, without Unicode case tables,
        // in one pass that also tells whether there is anything to lower (two passes, ASCII
        // then capitals, were 70 M instructions on BBC politics, 9 % of the stage).
        var ascii = true
        var capitals = false
        for byte in token.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { capitals = true }
        }
        if ascii {
            guard capitals else { return token }
            // Written in place: `String(decoding: token.utf8.map …)` allocated an array first.
            return String(unsafeUninitializedCapacity: token.utf8.count) { buffer in
                var count = 0
                for byte in token.utf8 {
                    buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                    count += 1
                }
                return count
            }
        }
        let lower = token.lowercased()
        var result = ""
        result.unicodeScalars.append(
            contentsOf: lower.unicodeScalars.map { scalar -> Unicode.Scalar in
                switch scalar.value {
                case 0x2018, 0x2019: "'"
                case 0x2010, 0x2011, 0x2013: "-"
                default: scalar
                }
            })
        return result
    }

    /// The slots' word ids in the cue and the target lexicon.
    static func ids(_ slots: [TargetResolver.Slot], _ resolver: TargetResolver) -> (
        cues: [Int32], targets: [Int32]
    ) {
        var cues = [Int32](repeating: -1, count: slots.count)
        var targets = [Int32](repeating: -1, count: slots.count)
        for k in slots.indices {
            guard let ids = resolver.wordIDs[slots[k].word] else { continue }
            cues[k] = ids.cue
            targets[k] = ids.target
        }
        return (cues, targets)
    }

    /// The facts of the sentence `slots[range]`.
    static func facts(
        index: Int, span: Range<Int>, slots: [TargetResolver.Slot], words: (cues: [Int32], targets: [Int32]),
        range: Range<Int>,
        parties: [String], focus: String?, insurgents: Bool = false, lexicon: CueLexicon, resolver: TargetResolver
    ) -> SentenceFacts {
        var weights = [Double](repeating: 0, count: CueClass.allCases.count)
        var best = [CueLexicon.Match?](repeating: nil, count: CueClass.allCases.count)
        var subtypeCues: [Int] = []
        let matches = lexicon.matches(in: words.cues, range: range)
        // Stock phrases ("left the party facing its worst crisis", "a party in
        // disarray") hold words that read as cues; a match inside one is not evidence,
        // nor is one whose first word the stock phrase has taken in another sense
        // ("exit polls: the Democrats win" is no exit from a party).
        let idioms = matches.filter { lexicon.cues[$0.cue].label == .idiom }.map { $0.start..<$0.end }
        for match in matches {
            let cue = lexicon.cues[match.cue]
            if cue.label == .idiom { continue }
            // In an article about insurgents, "the rebels" are theirs, not a party's.
            if insurgents, match.end - match.start == 1, Self.rebelWords.contains(slots[match.start].word) { continue }
            if idioms.contains(where: { $0.contains(match.start) }) { continue }
            let k = cue.label.index
            if cue.label.isSubtype, !subtypeCues.contains(match.cue) { subtypeCues.append(match.cue) }
            if cue.weight > weights[k] {
                weights[k] = cue.weight
                best[k] = match
            }
        }
        // "The ODM has expelled 10 members who defected to Jubilee": in a defection the party in
        // conflict is the one left, not the one joined (the labelled sets name the party left
        // first, the one joined second). The party joined still counts among the sentence's parties.
        var joined =
            weights[CueClass.defectionOrExit.index] > 0 ? Self.destinations(parties, slots, range: range) : []
        if joined.count == parties.count { joined = [] }
        let actors = joined.isEmpty ? parties : parties.filter { !joined.contains($0) }
        let context =
            actors.count == 1 ? actors[0] : (actors.contains { $0 == focus } ? focus : actors.first ?? focus)
        var facts = SentenceFacts(
            index: index, start: span.lowerBound, end: span.upperBound, weights: weights, best: best,
            subtypeCues: subtypeCues,
            parties: parties, context: context, target: .none, targetWords: nil)
        if let contention = facts.contention, let match = best[contention.cueClass.index] {
            if let chosen = resolver.resolve(
                slots, words: words.targets, range: range, cue: match.start..<match.end, actorParty: context)
            {
                facts.target = chosen.kind
                facts.targetWords = chosen.start..<chosen.end
                // "defected to Labour": the party joined is where the defector went, and what
                // the exit is aimed at is the party left.
                if chosen.kind == .otherParty, !joined.isEmpty,
                    slots[chosen.start..<chosen.end].contains(where: { $0.party.map(joined.contains) ?? false })
                {
                    facts.target = .ownParty
                }
            }
        }
        return facts
    }

    /// The text of a sentence.
    package func text(of sentence: SentenceFacts) -> String {
        (sentence.index < 0 ? title ?? text : text).slice(sentence.start, sentence.end)
    }

    /// The surface text a cue match covers in a sentence.
    package func text(of match: CueLexicon.Match, in sentence: SentenceFacts) -> String {
        let tokens = sentence.index < 0 ? titleTokens : self.tokens
        return (sentence.index < 0 ? title ?? text : text).slice(tokens[match.start].start, tokens[match.end - 1].end)
    }

    /// The scalar offset where a match starts, in the sentence's own text.
    func offset(of match: CueLexicon.Match, in sentence: SentenceFacts) -> Int {
        (sentence.index < 0 ? titleTokens : tokens)[match.start].start
    }
}
