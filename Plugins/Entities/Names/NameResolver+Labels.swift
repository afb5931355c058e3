import Gazetteer
import Textpipe

/// What the gazetteers know of a span of an article's tokens: bits of
/// ``Lexicon/Category`` from the tagger's lexicon and the name lists.
struct Known {
    let bits: (Range<Int>) -> UInt16

    static func bit(_ category: Lexicon.Category) -> UInt16 { 1 << UInt16(category.rawValue) }
    static let place = bit(.place)
    static let nationality = bit(.nationality)
    static let firstName = bit(.firstName)
    static let organization = bit(.organization) | bit(.party)
    static let organizationWord = bit(.organizationWord)
    static let placeWord = bit(.placeWord)
    static let trainedNonPerson = bit(.trainedOrganization) | bit(.trainedLocation) | bit(.trainedMisc)

    /// The categories of the phrase made of `tokens`.
    func callAsFunction(_ tokens: Range<Int>) -> UInt16 { bits(tokens) }
    /// The categories of token `i` alone.
    func word(_ i: Int) -> UInt16 { bits(i..<(i + 1)) }
}

extension NameResolver {
    /// Fixes the labels and edges the newswire-trained tagger gets wrong most
    /// often in political news from other countries, from the words around a
    /// mention (``LabelWords.swift``) and the gazetteers (`gazetteer` gives a
    /// token range's ``Lexicon/Category`` bits):
    /// - edges: a broadcaster's number joins its name, a closing day or month
    ///   leaves it, "Jayadev Assembly constituency" gives the place;
    /// - labels (``labelRules``, first match wins): offices, appositions, kin,
    ///   bylines and pronouns make persons (not in Title Case headlines, where
    ///   every word is capitalized); constituency patterns, streets,
    ///   buildings and known places make places; legislatures, web addresses
    ///   and organization endings make organizations;
    /// - whole-article passes: names in one list share their kind, places
    ///   and persons glued to other names are split off, persons reach back over first names and
    ///   join their touching pieces, surnames follow their person, an office's
    ///   abbreviation alone is dropped, abbreviations the article defines in
    ///   brackets take their name's kind, and legislatures and web addresses the
    ///   tagger missed are added.
    ///
    /// Parties are labelled afterwards from the party gazetteer, which overrides these rules.
    func retype(_ mentions: inout [Mention], words: Words, gazetteer: @escaping (Range<Int>) -> UInt16) {
        let known = Known(bits: gazetteer)
        var sport: Bool?
        func isSport() -> Bool {
            if let sport { return sport }
            let found = isSports(words)
            sport = found
            return found
        }
        splitAtPrepositions(&mentions, words: words) {
            known($0) & Known.place != 0 || Self.institutions.contains(words.key($0))
        }
        for index in mentions.indices {
            var mention = fixEdges(mentions[index], among: mentions, words)
            if let label = contextLabel(mention, words, known, isSport: isSport) { mention.label = label }
            mentions[index] = mention
        }
        agreeWithinLists(&mentions, words: words) {
            known($0) & (Known.place | Known.organization | Known.nationality) != 0
        } isPlace: {
            known($0) & Known.place != 0 && known($0) & Known.firstName == 0
        }
        splitLeadingPlaces(&mentions, words: words) {
            known($0) & Known.place != 0 && known($0) & (Known.firstName | Known.organization) == 0
        }
        splitTrailingPersons(&mentions, words: words) {
            known($0) & Known.firstName != 0
        } isKnownName: {
            known($0) & (Known.organization | Known.place | Known.nationality) != 0
                || !parties.candidates(words.key($0)).isEmpty
                || known.word($0.upperBound - 1) & (Known.placeWord | Known.organizationWord) != 0
                // "San Diego Chargers", "St. Louis Cardinals": the first name belongs to a place.
                || known(($0.lowerBound - 1)..<($0.lowerBound + 1)) & Known.place != 0
        }
        dropPortfolios(&mentions, words, known)
        extendPersons(&mentions, words, known)
        joinTouchingPersons(&mentions, words)
        agreeWithPersons(&mentions, words: words) {
            known($0) & (Known.place | Known.organization | Known.nationality) != 0
        }
        // An office's abbreviation alone ("PM", "MLA") names no one.
        mentions.removeAll {
            $0.tokens.count == 1 && Self.officeAbbreviations.contains(words.key($0.tokens.lowerBound))
        }
        addBracketedAbbreviations(&mentions, words: words)
        addInstitutions(&mentions, words: words)
        agreeWithWebAddresses(&mentions, words: words)
    }

    /// "Siva at Bank Officers' Colony", "Innisbrook Resort in Palm Harbor": two
    /// names the tagger joined over a lower-case "at", or over a lower-case "in"
    /// before a place or a legislature the gazetteers know ("Constitution in
    /// Parliament") and after no "of", "for" or "and". None of the CoNLL-2003 train
    /// and dev names holds "at"; the 17 that hold "in" all have one of those three
    /// words before it ("Organisation for Security and Cooperation in Europe"),
    /// and BBC names such as "Interactive Media in Retail Group" or "Lost in
    /// Translation" end in no known place. Each part keeps the label, for the rules to fix.
    func splitAtPrepositions(
        _ mentions: inout [Mention], words: Words, isPlaceOrLegislature: (Range<Int>) -> Bool
    ) {
        // Most articles hold no such name: the array is copied only from the first split on.
        var result: [Mention]?
        for (index, mention) in mentions.enumerated() {
            var start = mention.tokens.lowerBound
            var connected = false
            for i in mention.tokens.dropFirst().dropLast() {
                let key = words.key(i)
                if key == Key.of || key == Key.for || key == Key.and { connected = true }
                guard words.startsLowercase(i), words.startsCapitalized(i + 1), words.startsCapitalized(i - 1),
                    key == Key.at
                        || (key == Key.in && !connected
                            && isPlaceOrLegislature((i + 1)..<mention.tokens.upperBound))
                else { continue }
                if result == nil { result = Array(mentions[..<index]) }
                result?.append(make(start..<i, mention.label, words))
                start = i + 1
                connected = false
            }
            if start > mention.tokens.lowerBound {
                result?.append(make(start..<mention.tokens.upperBound, mention.label, words))
            } else {
                result?.append(mention)
            }
        }
        if let result { mentions = result }
    }

    /// "Mitsubishi Tokyo Financial Group (MTFG)": an abbreviation in capitals in
    /// brackets right after a name of two words or more, spelled from that name's
    /// initials, is a name of the same kind, there and wherever else the article
    /// writes it alone ("UFJ and MTFG") and the tagger saw nothing. A mention the
    /// tagger made of it keeps its label: where the two differ on AG News, the
    /// tagger was as often right ("International Olympic Committee (IOC)", the
    /// long name MISC) as the long name.
    func addBracketedAbbreviations(_ mentions: inout [Mention], words: Words) {
        var defined: [UInt64: EntityLabel] = [:]
        for mention in mentions where mention.label != .person && mention.tokens.count >= 2 {
            let open = mention.tokens.upperBound
            guard open + 2 < words.count, words.isToken(open, "("), words.isToken(open + 2, ")"),
                Self.isAbbreviation(words.scalars(open + 1)),
                Self.isSpelled(words.scalars(open + 1), fromInitialsOf: mention.tokens, words)
            else { continue }
            if defined[words.key(open + 1)] == nil { defined[words.key(open + 1)] = mention.label }
        }
        guard !defined.isEmpty else { return }
        let taken = words.covered(by: mentions)
        var added: [Mention] = []
        for i in 0..<words.count where !taken[i] {
            if let label = defined[words.key(i)], Self.isAbbreviation(words.scalars(i)) {
                added.append(make(i..<(i + 1), label, words))
            }
        }
        guard !added.isEmpty else { return }
        mentions = (mentions + added).sorted { $0.start < $1.start }
    }

    /// Whether the capitals of `abbreviation` appear in order among the initials of
    /// the words of `name` and the capitals inside its mixed-case words ("JUI-F" from
    /// "Jamiat Ulema-i-Islam-Fazl"): not "AP" after "SAN FRANCISCO".
    static func isSpelled(_ abbreviation: ArraySlice<Unicode.Scalar>, fromInitialsOf name: Range<Int>, _ words: Words)
        -> Bool
    {
        var initials: [Unicode.Scalar] = []
        for i in name {
            let word = words.scalars(i)
            guard let first = word.first, first.properties.isUppercase else { continue }
            initials.append(first)
            if word.contains(where: { $0.properties.isLowercase }) {
                initials += word.dropFirst().filter { $0.properties.isUppercase }
            }
        }
        var k = initials.startIndex
        for letter in abbreviation where letter.properties.isUppercase {
            while k < initials.endIndex, initials[k] != letter { k += 1 }
            guard k < initials.endIndex else { return false }
            k += 1
        }
        return true
    }

    /// Two to eight characters, capital letters (at least two) and digits or hyphens: "EEOC", "JUI-F", "G20".
    static func isAbbreviation(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (2...8).contains(scalars.count) else { return false }
        var capitals = 0
        for scalar in scalars {
            if scalar.properties.isUppercase {
                capitals += 1
            } else if !(scalar == "-" || scalar.properties.numericType == .decimal) {
                return false
            }
        }
        return capitals >= 2
    }

    /// A mention's edges, fixed: "BBC Radio 4" keeps its number, "Lord Justice"
    /// takes the judge's name, "LJP National" its "Executive", "Ashoka Road
    /// Wednesday" loses its day, "Jayadev Assembly constituency" is the place "Jayadev".
    private func fixEdges(_ mention: Mention, among mentions: [Mention], _ words: Words) -> Mention {
        var mention = mention
        let next = mention.tokens.upperBound
        if next < words.count,
            Self.mediaWords.contains(words.key(next - 1)) || words.key(next - 1) == Key.channel,
            words.scalars(next).count <= 2, words.scalars(next).allSatisfy({ $0.properties.numericType == .decimal }),
            !mentions.contains(where: { $0.tokens.contains(next) })
        {
            mention = make(mention.tokens.lowerBound..<(next + 1), mention.label, words)
        }
        // "Lord Justice May", "Mr Justice Harrison": a judge's title ends with the name after it.
        if mention.label == .person || Self.peerageTitles.contains(words.key(mention.tokens.lowerBound)),
            mention.tokens.count >= 2, words.key(next - 1) == Key.justice, next < words.count,
            words.startsCapitalized(next), !mentions.contains(where: { $0.tokens.contains(next) })
        {
            mention = make(mention.tokens.lowerBound..<(next + 1), .person, words)
        }
        // "LJP National" + "Executive": an organization that ends on an organ's modifier
        // takes the capitalized organ noun after it, which the tagger left out.
        if mention.label == .organization, mention.tokens.count >= 2, next < words.count,
            Self.organModifiers.contains(words.key(next - 1)), words.startsCapitalized(next),
            Self.organNouns.contains(words.key(next)), !words.isTitleCase(next),
            !mentions.contains(where: { $0.tokens.contains(next) })
        {
            mention = make(mention.tokens.lowerBound..<(next + 1), .organization, words)
        }
        while mention.tokens.count > 1, Self.dateWords.contains(words.key(mention.tokens.upperBound - 1)) {
            mention = make(mention.tokens.lowerBound..<(mention.tokens.upperBound - 1), mention.label, words)
        }
        if mention.tokens.count >= 2, Self.constituencyWords.contains(words.key(mention.tokens.upperBound)) {
            var end = mention.tokens.upperBound
            while end > mention.tokens.lowerBound + 1, Self.houseWords.contains(words.key(end - 1)) { end -= 1 }
            if end < mention.tokens.upperBound { mention = make(mention.tokens.lowerBound..<end, .location, words) }
        }
        return mention
    }

    /// The label the words around `mention` and the gazetteers give it, or nil
    /// to keep the tagger's: the decision of the first of ``labelRules`` that applies.
    private func contextLabel(_ mention: Mention, _ words: Words, _ known: Known, isSport: () -> Bool) -> EntityLabel? {
        firstLabelRule(mention, words, known, isSport: isSport)?.decision.label
    }

    /// "Minister for Finance Bishnu Paudel": a portfolio after "for"/"of" is not the person's first name.
    private func dropPortfolios(_ mentions: inout [Mention], _ words: Words, _ known: Known) {
        for index in mentions.indices where mentions[index].label == .person && mentions[index].tokens.count >= 3 {
            let tokens = mentions[index].tokens
            let first = tokens.lowerBound
            guard first > 0, words.key(first - 1) == Key.for || words.key(first - 1) == Key.of,
                known.word(first) & Known.firstName == 0, !Self.honorificSet.contains(words.key(first)),
                known.word(first + 1) & Known.firstName != 0
            else { continue }
            mentions[index] = make((first + 1)..<tokens.upperBound, .person, words)
        }
    }

    /// A person's name reaches back over a first name or honorific the tagger left out ("Suraj Bhan Singh").
    private func extendPersons(_ mentions: inout [Mention], _ words: Words, _ known: Known) {
        let taken = words.covered(by: mentions)
        for index in mentions.indices where mentions[index].label == .person {
            var start = mentions[index].tokens.lowerBound
            while start > 0, !taken[start - 1], !words.isSentenceStart(start), !words.isTitleCase(start),
                words.startsCapitalized(start - 1),
                Self.honorificSet.contains(words.key(start - 1)) || known.word(start - 1) & Known.firstName != 0
            {
                start -= 1
            }
            if start < mentions[index].tokens.lowerBound {
                mentions[index] = make(start..<mentions[index].tokens.upperBound, .person, words)
            }
        }
    }

    /// Two person mentions one space apart in a sentence are one person ("Bishwa" "Prakash Sharma").
    private func joinTouchingPersons(_ mentions: inout [Mention], _ words: Words) {
        var joined: [Mention] = []
        for mention in mentions {
            if let previous = joined.last, previous.label == .person, mention.label == .person,
                previous.tokens.upperBound == mention.tokens.lowerBound,
                !words.isSentenceStart(mention.tokens.lowerBound),
                words.layout.scalars[previous.end..<mention.start].elementsEqual([" "])
            {
                joined[joined.count - 1] = make(previous.tokens.lowerBound..<mention.tokens.upperBound, .person, words)
            } else {
                joined.append(mention)
            }
        }
        mentions = joined
    }

    /// `Amazon` in an article that names `Amazon.com` is that organization.
    func agreeWithWebAddresses(_ mentions: inout [Mention], words: Words) {
        let sites = Set(
            mentions.filter { $0.tokens.count == 1 && isWebAddress($0.tokens.lowerBound, words) }.compactMap {
                words.lower($0.tokens.lowerBound).split(separator: ".").first.map(String.init)
            })
        guard !sites.isEmpty else { return }
        for index in mentions.indices where mentions[index].tokens.count == 1 {
            if sites.contains(words.lower(mentions[index].tokens.lowerBound)) { mentions[index].label = .organization }
        }
    }

    /// `Punjab Rana Sanaullah` (PER) → the place, then the person: a name never
    /// opens with a place the gazetteer knows and that is no first name.
    func splitLeadingPlaces(_ mentions: inout [Mention], words: Words, isPlace: (Range<Int>) -> Bool) {
        var result: [Mention] = []
        for mention in mentions {
            let tokens = mention.tokens
            guard mention.label == .person, tokens.count >= 3,
                let cut = (tokens.lowerBound + 1...tokens.upperBound - 2).first(where: { k in
                    isPlace(tokens.lowerBound..<k) && tokens.upperBound - k >= 2
                })
            else {
                result.append(mention)
                continue
            }
            result.append(make(tokens.lowerBound..<cut, .location, words))
            result.append(make(cut..<tokens.upperBound, .person, words))
        }
        mentions = result
    }

    /// `EADS Philippe Camus` (ORG) → the organization, then the person (not in
    /// Title Case headlines): the last two to four capitalized words, when they open with a
    /// first name or honorific, or end with a surname the article gives a person.
    func splitTrailingPersons(
        _ mentions: inout [Mention], words: Words, isFirstName: (Range<Int>) -> Bool,
        isKnownName: (Range<Int>) -> Bool
    ) {
        let surnames = Set(mentions.filter { $0.label == .person }.map { words.key($0.tokens.upperBound - 1) })
        var result: [Mention] = []
        for mention in mentions {
            let tokens = mention.tokens
            guard mention.label == .organization, tokens.count >= 3, !words.isTitleCase(tokens.lowerBound),
                let cut = ((tokens.upperBound - 4)...(tokens.upperBound - 2)).first(where: { k in
                    guard k > tokens.lowerBound else { return false }
                    let name = k..<tokens.upperBound
                    guard
                        name.allSatisfy({
                            words.startsCapitalized($0) && !Self.organizationWordSet.contains(words.key($0))
                                && !(words.isAllCaps($0..<($0 + 1)) && words.scalars($0).count >= 3)
                        }),
                        !words.isAllCaps((tokens.upperBound - 1)..<tokens.upperBound),
                        words.startsCapitalized(k - 1) || words.isToken(k - 1, ")"),
                        !isFirstName((k - 1)..<k), !Self.honorificSet.contains(words.key(k - 1))
                    else { return false }
                    guard !isKnownName(name) else { return false }
                    return isFirstName(k..<(k + 1)) || Self.honorificSet.contains(words.key(k))
                        || surnames.contains(words.key(tokens.upperBound - 1))
                })
            else {
                result.append(mention)
                continue
            }
            result.append(make(tokens.lowerBound..<cut, mention.label, words))
            result.append(make(cut..<tokens.upperBound, .person, words))
        }
        mentions = result
    }

    /// A mention whose words are the surname or a shortened form of a person the
    /// article names in full is that person (the tagger's own consistency pass
    /// ran before the labels above were fixed).
    func agreeWithPersons(_ mentions: inout [Mention], words: Words, isKnown: (Range<Int>) -> Bool) {
        let persons = mentions.filter { $0.label == .person }.map { nameKeys($0, words) }.filter { $0.count >= 2 }
        guard !persons.isEmpty else { return }
        // The distinct full names by last word: asking every person about every other mention
        // was quadratic (11 % of a 2 MB article's run, debug build, and growing with size).
        var byLastKey: [UInt64: Set<[UInt64]>] = [:]
        for person in persons { if let last = person.last { byLastKey[last, default: []].insert(person) } }
        for index in mentions.indices where mentions[index].label != .person && mentions[index].tokens.count <= 4 {
            let name = nameKeys(mentions[index], words)
            guard (1...3).contains(name.count), !Self.institutions.contains(words.key(mentions[index].tokens)),
                !isKnown(mentions[index].tokens)
            else {
                continue
            }
            if let last = name.last,
                byLastKey[last]?.contains(where: { $0.count > name.count && Self.isSubsequence(name, of: $0) }) == true
            {
                mentions[index].label = .person
            }
        }
    }

    /// The keys of a mention's words without periods and leading titles (``nameWords(_:_:)``, allocation-free words).
    func nameKeys(_ mention: Mention, _ words: Words) -> [UInt64] {
        var keys = mention.tokens.filter { !words.isToken($0, ".") }.map { words.key($0) }
        while keys.count > 1, let first = keys.first, Self.personTitleSet.contains(first) { keys.removeFirst() }
        return keys
    }

    /// Names in one list ("Vijay, Durai Raj, Muthuselvam and Ramadoss") are of one
    /// kind: when more of a list's names (at least two) share a label than any
    /// other, the others the gazetteers do not know take it (a person stays a
    /// person: "China and India, Bill Gates, …" is no list of places, unless a list
    /// of places names a place the gazetteers know).
    func agreeWithinLists(
        _ mentions: inout [Mention], words: Words, isKnown: (Range<Int>) -> Bool, isPlace: (Range<Int>) -> Bool
    ) {
        var start = 0
        while start < mentions.count {
            var end = start + 1
            while end < mentions.count,
                isListGap(mentions[end - 1].tokens.upperBound, mentions[end].tokens.lowerBound, words)
            {
                end += 1
            }
            if end - start >= 3 {
                var counts: [EntityLabel: Int] = [:]
                for k in start..<end { counts[mentions[k].label, default: 0] += 1 }
                if let (label, count) = counts.max(by: { $0.value < $1.value }), label != .misc, count >= 2,
                    counts.values.filter({ $0 == count }).count == 1
                {
                    for k in start..<end
                    where mentions[k].label != label && mentions[k].label != .misc
                        && !words.isTitleCase(mentions[k].tokens.lowerBound)
                    {
                        // A person stays one unless the list is of places and the gazetteers know
                        // this one as a place ("Guntur, Tirupati, Kadapa", Tirupati tagged PER).
                        if mentions[k].label == .person {
                            guard label == .location, isPlace(mentions[k].tokens) else { continue }
                        } else if isKnown(mentions[k].tokens) {
                            continue
                        }
                        mentions[k].label = label
                    }
                }
            }
            start = end
        }
    }

    /// Whether only a list separator lies between tokens `from` and `to`: ",", "and", ", and", "&".
    private func isListGap(_ from: Int, _ to: Int, _ words: Words) -> Bool {
        switch to - from {
        case 1: return words.key(from) == Key.comma || words.key(from) == Key.and || words.isToken(from, "&")
        case 2: return words.key(from) == Key.comma && words.key(from + 1) == Key.and
        default: return false
        }
    }

    /// Whether token `i` is a site's address (`Amazon.com`, `3news.com`; not `www.…`), which names an organization.
    func isWebAddress(_ i: Int, _ words: Words) -> Bool {
        let scalars = words.scalars(i)
        // The last dot, found from the end through lower-case letters only: what
        // follows it must be those, and most words have no dot, so most scans
        // stop at once instead of running over the whole token.
        var dot = scalars.endIndex - 1
        while dot > scalars.startIndex, scalars[dot] != "." {
            let value = scalars[dot].value
            // ASCII tested here: with `isLowercaseLetter` inline, its Unicode properties
            // cost every call metadata look-ups on entry.
            guard value < 0x80 ? value >= 0x61 && value <= 0x7A : Self.isLowercaseBeyondASCII(scalars[dot]) else {
                return false
            }
            dot -= 1
        }
        guard dot > scalars.startIndex, dot + 1 < scalars.endIndex else { return false }
        let word = words.lower(i)
        guard !word.hasPrefix("www."), !word.contains("@") else { return false }
        guard let last = word.split(separator: ".").last else { return false }
        return Tokenizer.domainLabels.contains(String(last))
    }

    @inline(never) static func isLowercaseBeyondASCII(_ scalar: Unicode.Scalar) -> Bool { scalar.isLowercaseLetter }

    /// Legislatures the tagger passed over ("in Parliament", "the Lok Sabha") and
    /// web addresses, as organizations.
    func addInstitutions(_ mentions: inout [Mention], words: Words) {
        let taken = words.covered(by: mentions)
        var added: [Mention] = []
        var i = 0
        while i < words.count {
            defer { i += 1 }
            guard !taken[i] else { continue }
            if isWebAddress(i, words) {
                added.append(make(i..<(i + 1), .organization, words))
                continue
            }
            guard words.startsCapitalized(i) else { continue }
            for length in [2, 1] where i + length <= words.count {
                let tokens = i..<(i + length)
                guard !tokens.contains(where: { taken[$0] || !words.startsCapitalized($0) }),
                    Self.institutions.contains(words.key(tokens))
                else { continue }
                added.append(make(tokens, .organization, words))
                i += length - 1
                break
            }
        }
        guard !added.isEmpty else { return }
        mentions = (mentions + added).sorted { $0.start < $1.start }
    }

    /// Whether a comma after token `last` opens "…, <a few modifiers or names> <role>".
    func isApposition(after last: Int, _ words: Words) -> Bool {
        guard last + 2 < words.count, words.isToken(last + 1, ",") else { return false }
        var i = last + 2
        while i < words.count, i <= last + 6 {
            let word = words.key(i)
            if Self.appositionRoles.contains(word) {
                // "…, former MP Kripal Parmar": the role is the next person's.
                return i + 1 >= words.count || !words.startsCapitalized(i + 1)
            }
            guard Self.appositionWords.contains(word) || words.startsCapitalized(i) else { return false }
            i += 1
        }
        return false
    }

    /// Whether the article reads like sport (countries and cities there are teams):
    /// a score such as `2-1`, a standings fraction such as `.545`, three sports
    /// words (one in an item of under 120 words), or a table (more than one
    /// word in five a number).
    func isSports(_ words: Words) -> Bool {
        var cues = 0
        var numbers = 0
        var all = 0
        for i in 0..<words.count {
            let scalars = words.scalars(i)
            if let head = scalars.first {
                if head.isDigit {
                    numbers += 1
                    all += 1
                } else if head.isWordLetter {
                    all += 1
                }
            }
            func digits(_ part: ArraySlice<Unicode.Scalar>) -> Bool { !part.isEmpty && part.allSatisfy(\.isDigit) }
            if scalars.count >= 3, scalars.count <= 5, let dash = scalars.firstIndex(of: "-") {
                let left = scalars[scalars.startIndex..<dash]
                let right = scalars[(dash + 1)...]
                if left.count <= 2, right.count <= 2, digits(left), digits(right) { return true }
            }
            if scalars.count == 4, scalars.first == ".", digits(scalars.dropFirst()) { return true }
            if scalars.count >= 3, words.startsLowercase(i) || words.startsCapitalized(i),
                Self.sportsWords.contains(words.key(i))
            {
                cues += 1
                if cues >= 3 { return true }
            }
        }
        // A short item (a wire brief, a headline and its lead) needs one sports word.
        return numbers * 5 > all || (cues >= 1 && all < 120)
    }
}
