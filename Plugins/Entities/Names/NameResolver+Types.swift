import Textpipe

extension NameResolver {
    /// Nouns after which a capitalized name is a person ("general secretary KC Venugopal").
    static let personCues = WordSet(
        officeWords.subtracting([
            "head", "boss", "member", "members", "worker", "workers", "peer", "peers", "veteran", "house",
        ]).union(kinshipWords))

    /// Kin, after which a name is a person ("his son Daham", "whose son, Daham,").
    static let kinship = WordSet(kinshipWords)
    static let kinshipWords: Set<String> = [
        "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "nephew", "niece", "cousin",
        "uncle", "aunt", "widow", "widower", "grandson", "granddaughter", "son-in-law", "daughter-in-law",
    ]

    /// Credits before a name ("Edited by Zodwa Mkhize").
    static let bylines: WordSet = [
        "edited by", "written by", "reported by", "reporting by", "compiled by", "photo by", "photographs by",
        "interviewed by", "additional reporting",
    ]

    /// Verbs of saying; one followed by "he" or "she" tells a person ("Mithrapala said he …").
    static let speechVerbs: WordSet = ["said", "says", "told", "added", "claimed", "alleged", "insisted", "argued"]
    static let personalPronouns: WordSet = ["he", "she", "his", "her"]

    /// Keys of single words the rules look for.
    enum Key {
        static let of = WordSet.key("of")
        static let the = WordSet.key("the")
        static let `in` = WordSet.key("in")
        static let `for` = WordSet.key("for")
        static let who = WordSet.key("who")
        static let and = WordSet.key("and")
        static let channel = WordSet.key("channel")
        static let comma = WordSet.key(",")
    }

    /// ``organizationWords`` and ``nameHonorifics`` as word sets.
    static let organizationWordSet = WordSet(organizationWords)
    static let honorificSet = WordSet(nameHonorifics)
    static let personTitleSet = WordSet(personTitles)

    /// Words allowed between a name's comma and the role that describes it
    /// ("Om Mathur, BJP general secretary"); capitalized words are allowed too.
    static let appositionWords: WordSet = [
        "the", "a", "former", "senior", "deputy", "vice", "general", "joint", "party", "state", "district",
        "provincial", "national", "regional", "county", "city", "then", "acting", "'s",
    ]

    /// Words before a name that rule out a person in an apposition ("the Herald, …", "from Kinnaur, …").
    static let beforePlaces: WordSet = ["the", "from", "in", "at", "to", "near", "across"]

    /// Roles that can follow a name in an apposition.
    static let appositionRoles: WordSet = [
        "leader", "chairman", "chairperson", "chairwoman", "chief", "president", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "mp", "mna", "mpa", "mla", "mlc", "mep", "senator", "lawmaker", "legislator",
        "minister", "candidate", "founder", "convener", "convenor", "treasurer", "coordinator", "councillor",
        "councilor", "mayor", "governor", "whip", "in-charge", "president-elect", "speaker",
    ]

    /// Two words before a name that make it a place ("MP for Dover", "seat of Lalor").
    static let placeBefore: WordSet = [
        "mp for", "member for", "mla from", "mna from", "mpa from", "mp from", "seat of", "constituency of",
        "district of", "town of", "city of", "village of", "province of", "county of", "state of", "municipality of",
        "region of", "ward of", "suburb of", "outskirts of", "capital of", "residents of", "people of",
    ]

    /// Words after a name that make it a place ("Eldas MP", "Yavatmal district").
    static let placeAfter: WordSet = [
        "constituency", "constituencies", "seat", "district", "county", "province", "municipality", "ward",
        "village", "villages", "town", "suburb", "area", "areas", "locality",
    ]

    /// Compass words that end constituency and district names ("Bristol East").
    static let compassWords: WordSet = [
        "east", "west", "north", "south", "central", "north-east", "north-west", "south-east", "south-west",
        "northeast", "northwest", "southeast", "southwest", "rural", "urban", "city",
    ]

    /// Words that end the names of newspapers and broadcasters ("Republic TV", "Colombo Gazette").
    static let mediaWords: WordSet = [
        "tv", "television", "radio", "gazette", "chronicle", "telegraph", "express", "observer", "mirror", "times",
        "post", "herald", "tribune", "journal", "news", "daily", "standard", "guardian", "courier", "dispatch",
    ]

    /// Buildings, which a person's name may precede ("Kiyani Hall") and "of" may follow ("Palace of Westminster").
    static let buildingWords: WordSet = [
        "hall", "bhavan", "bhawan", "mahal", "palace", "tower", "towers", "castle", "fort", "manor", "mansion",
        "auditorium",
    ]

    /// Bodies a nationality adjective names ("Scottish Executive").
    static let governmentWords: WordSet = [
        "executive", "government", "parliament", "assembly", "senedd", "cabinet", "administration",
    ]

    /// Words that end the names of streets, quarters and grounds ("University Road", "SBO Colony").
    static let streetWords: WordSet = [
        "street", "road", "avenue", "square", "lane", "colony", "chowk", "maidan", "bazar", "bazaar", "nagar", "marg",
        "ground", "grounds", "stadium", "airport", "bridge",
    ]

    /// Legislatures and like bodies written without a type word: always organizations.
    static let institutions: WordSet = [
        "parliament", "senate", "commons", "house of commons", "house of lords", "knesset", "bundestag", "bundesrat",
        "duma", "majlis", "lok sabha", "rajya sabha", "vidhan sabha", "national assembly", "storting", "riksdag",
        "folketing", "sejm", "dail", "oireachtas", "cortes", "congreso", "jatiya sangsad", "pratinidhi sabha",
        "g7", "g8", "g20",
    ]

    /// Words after a house of a legislature that make the name before it a constituency.
    static let constituencyWords: WordSet = [
        "constituency", "constituencies", "seat", "segment", "bypoll", "by-election", "by-poll",
    ]
    /// Houses written between a constituency and that word ("Jayadev Assembly constituency").
    static let houseWords: WordSet = ["assembly", "lok", "sabha", "vidhan", "parliamentary", "provincial"]

    /// Titles that open a person's name ("Lord Ashcroft", "Baroness Warsi", "Sir Keir Starmer").
    static let peerageTitles: WordSet = [
        "lord", "lady", "baroness", "baron", "sir", "dame", "mr", "mrs", "ms", "dr", "prof",
    ]

    /// Day and month names, which end a name only by mistake ("Ashoka Road Wednesday").
    static let dateWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Fixes the labels and edges the newswire-trained tagger gets wrong most
    /// often in political news from other countries, from the words around a
    /// mention and the model's hand-written gazetteers:
    /// - a name after an office or followed by ", <party> <role>" is a person;
    /// - a name in "MP for …", "seat of …", "… constituency", "… MP" is a place,
    ///   and so is a name the place gazetteer knows that came out `ORG` (outside
    ///   sports reports, where countries are teams);
    /// - legislatures ("the Commons", "Parliament") are organizations;
    /// - a person's name reaches back over a first name or honorific the tagger
    ///   left out, two person mentions that touch are one, and a day or month
    ///   closing a name is dropped.
    ///
    /// Parties are labelled afterwards from the party gazetteer, which overrides these rules.
    func retype(_ mentions: inout [Mention], words: Words, gazetteer: (Range<Int>) -> UInt16) {
        let place = UInt16(1) << UInt16(Lexicon.Category.place.rawValue)
        let nationality = UInt16(1) << UInt16(Lexicon.Category.nationality.rawValue)
        let firstName = UInt16(1) << UInt16(Lexicon.Category.firstName.rawValue)
        let organization =
            UInt16(1) << UInt16(Lexicon.Category.organization.rawValue)
            | UInt16(1) << UInt16(Lexicon.Category.party.rawValue)
        let organizationWord = UInt16(1) << UInt16(Lexicon.Category.organizationWord.rawValue)
        let placeWord = UInt16(1) << UInt16(Lexicon.Category.placeWord.rawValue)
        let trainedNonPerson: UInt16 = [Lexicon.Category.trainedOrganization, .trainedLocation, .trainedMisc]
            .reduce(0) { $0 | 1 << UInt16($1.rawValue) }
        lazy var sports = isSports(words)
        func hasOrganizationWord(_ tokens: Range<Int>) -> Bool {
            tokens.contains { Self.organizationWordSet.contains(words.key($0)) }
        }
        func nameLike(_ tokens: Range<Int>) -> Bool {
            tokens.allSatisfy { words.startsCapitalized($0) || words.isToken($0, ".") }
        }

        for index in mentions.indices {
            var mention = mentions[index]
            // "BBC Radio 4", "Channel 4": a broadcaster's number belongs to its name.
            if let next = Optional(mention.tokens.upperBound), next < words.count,
                Self.mediaWords.contains(words.key(next - 1)) || words.key(next - 1) == Key.channel,
                words.scalars(next).count <= 2,
                words.scalars(next).allSatisfy({ $0.properties.numericType == .decimal }),
                !mentions.contains(where: { $0.tokens.contains(next) })
            {
                mention = make(mention.tokens.lowerBound..<(next + 1), mention.label, words)
            }
            // A day or month closing a longer name.
            while mention.tokens.count > 1, Self.dateWords.contains(words.key(mention.tokens.upperBound - 1)) {
                mention = make(mention.tokens.lowerBound..<(mention.tokens.upperBound - 1), mention.label, words)
            }
            // "Jayadev Assembly constituency": the constituency is the place.
            if mention.tokens.count >= 2, Self.constituencyWords.contains(words.key(mention.tokens.upperBound)) {
                var end = mention.tokens.upperBound
                while end > mention.tokens.lowerBound + 1, Self.houseWords.contains(words.key(end - 1)) { end -= 1 }
                if end < mention.tokens.upperBound { mention = make(mention.tokens.lowerBound..<end, "LOC", words) }
            }
            let tokens = mention.tokens
            let first = tokens.lowerBound
            let last = tokens.upperBound - 1
            var key = NameKey(foldCase: true)
            for i in tokens where words.key(i) != Key.the { key.add(words.scalars(i)) }
            let known = gazetteer(tokens)
            if Self.institutions.contains(key.hash) || (tokens.count == 1 && isWebAddress(first, words)) {
                mention.label = "ORG"
            } else if tokens.count >= 2, Self.peerageTitles.contains(words.key(first)),
                nameLike(tokens.dropFirst())
            {
                mention.label = "PER"
            } else if mention.label != "LOC", !hasOrganizationWord(tokens), known & (organization | nationality) == 0,
                Self.placeBefore.contains(words.key((first - 2)..<first))
                    || (last + 1 < words.count && words.startsLowercase(last + 1)
                        && Self.placeAfter.contains(words.key(last + 1)))
                    || (mention.label != "PER" && Self.electedOffices.contains(words.key(last + 1))
                        && !words.isAllCaps(tokens))
            {
                mention.label = "LOC"
            } else if mention.label == "PER", tokens.count >= 2, Self.buildingWords.contains(words.key(last)) {
                // "Kiyani Hall", "Sathyamoorthi Bhavan": a building named after a person.
                mention.label = "LOC"
            } else if mention.label != "LOC", tokens.count >= 3, Self.buildingWords.contains(words.key(first)),
                words.key(first + 1) == Key.of
            {
                // "Palace of Westminster", "Tower of London".
                mention.label = "LOC"
            } else if mention.label == "MISC", tokens.count == 2, gazetteer(first..<(first + 1)) & nationality != 0,
                Self.governmentWords.contains(words.key(last))
            {
                // "Scottish Executive", "Welsh Assembly": a nation's government, not an adjective.
                mention.label = "ORG"
            } else if mention.label != "LOC", tokens.count >= 2, Self.streetWords.contains(words.key(last)) {
                mention.label = "LOC"
            } else if mention.label == "ORG", known & place != 0, known & organization == 0, !sports {
                mention.label = "LOC"
            } else if mention.label != "LOC", tokens.count >= 2, Self.compassWords.contains(words.key(last)),
                gazetteer(first..<last) & place != 0, !sports
            {
                // A constituency or district named after a place: "Bristol East", "Mumbai North-West".
                mention.label = "LOC"
            } else if mention.label == "LOC" || mention.label == "PER", tokens.count >= 2,
                gazetteer(last..<(last + 1)) & organizationWord != 0 || Self.mediaWords.contains(words.key(last)),
                known & (place | nationality) == 0, gazetteer(first..<(first + 1)) & nationality == 0
            {
                // "Colombo Gazette", "Republic TV", "Racing Club": a name that ends like an organization's.
                mention.label = "ORG"
            } else if mention.label != "PER", (2...3).contains(tokens.count), nameLike(tokens),
                gazetteer(first..<(first + 1)) & firstName != 0, !hasOrganizationWord(tokens),
                !tokens.contains(where: { gazetteer($0..<($0 + 1)) & (placeWord | organizationWord) != 0 }),
                known & (place | organization | nationality | trainedNonPerson) == 0,
                !words.isAllCaps(last..<(last + 1))
            {
                // "Abhishek Thakur" (ORG): a known first name and a capitalized word or two.
                mention.label = "PER"
            } else if mention.label != "PER", tokens.count <= 4, nameLike(tokens), !hasOrganizationWord(tokens),
                known & (place | organization | nationality) == 0,
                !words.isAllCaps(tokens),
                Self.personCues.contains(words.key(first - 1))
                    || (words.key(first - 1) == Key.comma && Self.kinship.contains(words.key(first - 2)))
                    || Self.bylines.contains(words.key((first - 2)..<first))
                    || (words.key(last + 1) == Key.comma && words.key(last + 2) == Key.who)
                    || (Self.speechVerbs.contains(words.key(last + 1))
                        && Self.personalPronouns.contains(words.key(last + 2)))
                    || (!Self.beforePlaces.contains(words.key(first - 1)) && isApposition(after: last, words))
            {
                mention.label = "PER"
            }
            mentions[index] = mention
        }
        agreeWithinLists(&mentions, words: words) { gazetteer($0) & (place | organization | nationality) != 0 }
        // "Matatiele in the Eastern Cape": an unknown name placed in a place is a place.
        for index in mentions.indices.dropLast()
        where mentions[index].label == "ORG" && mentions[index].tokens.count <= 2
            && !words.isAllCaps(mentions[index].tokens)
            && nameLike(mentions[index].tokens)
            && gazetteer(mentions[index].tokens) & (place | organization | nationality | trainedNonPerson) == 0
        {
            let after = mentions[index].tokens.upperBound
            let next = mentions[index + 1]
            guard next.label == "LOC", words.key(after) == Key.in,
                next.tokens.lowerBound == after + 1
                    || (next.tokens.lowerBound == after + 2 && words.key(after + 1) == Key.the)
            else { continue }
            mentions[index].label = "LOC"
        }

        splitLeadingPlaces(&mentions, words: words) {
            gazetteer($0) & place != 0 && gazetteer($0) & (firstName | organization) == 0
        }
        splitTrailingPersons(&mentions, words: words) {
            gazetteer($0) & firstName != 0
        } isKnownName: {
            gazetteer($0) & (organization | place | nationality) != 0
                || !parties.candidates(words.key($0)).isEmpty
        }
        // "Minister for Finance Bishnu Paudel": a portfolio after "for"/"of" is not the person's first name.
        for index in mentions.indices where mentions[index].label == "PER" && mentions[index].tokens.count >= 3 {
            let tokens = mentions[index].tokens
            let first = tokens.lowerBound
            guard first > 0, words.key(first - 1) == Key.for || words.key(first - 1) == Key.of,
                gazetteer(first..<(first + 1)) & firstName == 0, !Self.honorificSet.contains(words.key(first)),
                gazetteer((first + 1)..<(first + 2)) & firstName != 0
            else { continue }
            mentions[index] = make((first + 1)..<tokens.upperBound, "PER", words)
        }
        // Person names: back over first names and honorifics the tagger left out, and touching pieces joined.
        let taken = words.covered(by: mentions)
        for index in mentions.indices where mentions[index].label == "PER" {
            var start = mentions[index].tokens.lowerBound
            while start > 0, !taken[start - 1], !words.isSentenceStart(start),
                words.startsCapitalized(start - 1),
                Self.honorificSet.contains(words.key(start - 1)) || gazetteer((start - 1)..<start) & firstName != 0
            {
                start -= 1
            }
            if start < mentions[index].tokens.lowerBound {
                mentions[index] = make(start..<mentions[index].tokens.upperBound, "PER", words)
            }
        }
        var joined: [Mention] = []
        for mention in mentions {
            if let previous = joined.last, previous.label == "PER", mention.label == "PER",
                previous.tokens.upperBound == mention.tokens.lowerBound,
                !words.isSentenceStart(mention.tokens.lowerBound),
                words.layout.scalars[previous.end..<mention.start].elementsEqual([" "])
            {
                joined[joined.count - 1] = make(previous.tokens.lowerBound..<mention.tokens.upperBound, "PER", words)
            } else {
                joined.append(mention)
            }
        }
        mentions = joined
        agreeWithPersons(&mentions, words: words)
        // An office's abbreviation alone ("PM", "MLA") names no one.
        mentions.removeAll {
            $0.tokens.count == 1 && Self.officeAbbreviations.contains(words.key($0.tokens.lowerBound))
        }
        addInstitutions(&mentions, words: words)
        agreeWithWebAddresses(&mentions, words: words)
    }

    /// `Amazon` in an article that names `Amazon.com` is that organization.
    func agreeWithWebAddresses(_ mentions: inout [Mention], words: Words) {
        let sites = Set(
            mentions.filter { $0.tokens.count == 1 && isWebAddress($0.tokens.lowerBound, words) }.compactMap {
                words.lower($0.tokens.lowerBound).split(separator: ".").first.map(String.init)
            })
        guard !sites.isEmpty else { return }
        for index in mentions.indices where mentions[index].tokens.count == 1 {
            if sites.contains(words.lower(mentions[index].tokens.lowerBound)) { mentions[index].label = "ORG" }
        }
    }

    /// `Punjab Rana Sanaullah` (PER) → the place, then the person: a name never
    /// opens with a place the gazetteer knows and that is no first name.
    func splitLeadingPlaces(_ mentions: inout [Mention], words: Words, isPlace: (Range<Int>) -> Bool) {
        var result: [Mention] = []
        for mention in mentions {
            let tokens = mention.tokens
            guard mention.label == "PER", tokens.count >= 3,
                let cut = (tokens.lowerBound + 1...tokens.upperBound - 2).first(where: { k in
                    isPlace(tokens.lowerBound..<k) && tokens.upperBound - k >= 2
                })
            else {
                result.append(mention)
                continue
            }
            result.append(make(tokens.lowerBound..<cut, "LOC", words))
            result.append(make(cut..<tokens.upperBound, "PER", words))
        }
        mentions = result
    }

    /// `EADS Philippe Camus` (ORG) → the organization, then the person: the last two to four capitalized words, when they open with a
    /// first name or honorific, or end with a surname the article gives a person.
    func splitTrailingPersons(
        _ mentions: inout [Mention], words: Words, isFirstName: (Range<Int>) -> Bool,
        isKnownName: (Range<Int>) -> Bool
    ) {
        let surnames = Set(mentions.filter { $0.label == "PER" }.map { words.key($0.tokens.upperBound - 1) })
        var result: [Mention] = []
        for mention in mentions {
            let tokens = mention.tokens
            guard mention.label != "PER", tokens.count >= 3,
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
            result.append(make(cut..<tokens.upperBound, "PER", words))
        }
        mentions = result
    }

    /// A mention whose words are the surname or a shortened form of a person the
    /// article names in full is that person (the tagger's own consistency pass
    /// ran before the labels above were fixed).
    func agreeWithPersons(_ mentions: inout [Mention], words: Words) {
        let persons = mentions.filter { $0.label == "PER" }.map { nameKeys($0, words) }.filter { $0.count >= 2 }
        guard !persons.isEmpty else { return }
        for index in mentions.indices where mentions[index].label != "PER" && mentions[index].tokens.count <= 4 {
            let name = nameKeys(mentions[index], words)
            guard (1...3).contains(name.count), !Self.institutions.contains(words.key(mentions[index].tokens)) else {
                continue
            }
            if persons.contains(where: {
                $0.count > name.count && $0.last == name.last && Self.isSubsequence(name, of: $0)
            }) {
                mentions[index].label = "PER"
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
    /// other, the others the gazetteers do not know take it.
    func agreeWithinLists(_ mentions: inout [Mention], words: Words, isKnown: (Range<Int>) -> Bool) {
        var start = 0
        while start < mentions.count {
            var end = start + 1
            while end < mentions.count,
                isListGap(mentions[end - 1].tokens.upperBound, mentions[end].tokens.lowerBound, words)
            {
                end += 1
            }
            if end - start >= 3 {
                var counts: [String: Int] = [:]
                for k in start..<end { counts[mentions[k].label, default: 0] += 1 }
                if let (label, count) = counts.max(by: { $0.value < $1.value }), label != "MISC", count >= 2,
                    counts.values.filter({ $0 == count }).count == 1
                {
                    for k in start..<end
                    where mentions[k].label != label && mentions[k].label != "MISC" && !isKnown(mentions[k].tokens) {
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
        guard let dot = scalars.lastIndex(of: "."), dot > scalars.startIndex, dot + 1 < scalars.endIndex else {
            return false
        }
        guard scalars[(dot + 1)...].allSatisfy(\.isLowercaseLetter) else { return false }
        let word = words.lower(i)
        guard !word.hasPrefix("www."), !word.contains("@") else { return false }
        guard let last = word.split(separator: ".").last else { return false }
        return Tokenizer.domainLabels.contains(String(last))
    }

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
                added.append(make(i..<(i + 1), "ORG", words))
                continue
            }
            guard words.startsCapitalized(i) else { continue }
            for length in [2, 1] where i + length <= words.count {
                let tokens = i..<(i + length)
                guard !tokens.contains(where: { taken[$0] || !words.startsCapitalized($0) }),
                    Self.institutions.contains(words.key(tokens))
                else { continue }
                added.append(make(tokens, "ORG", words))
                i += length - 1
                break
            }
        }
        guard !added.isEmpty else { return }
        mentions = (mentions + added).sorted { $0.start < $1.start }
    }

    /// Abbreviated offices and titles, which the tagger sometimes takes for an organization on their own.
    static let officeAbbreviations: WordSet = [
        "pm", "cm", "mp", "mps", "mla", "mlas", "mna", "mnas", "mpa", "mpas", "mep", "meps", "mlc", "dsp", "sho", "asp",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    ]

    /// Offices named after a constituency ("Dover MP", "Eldas MP").
    static let electedOffices: WordSet = ["mp", "mla", "mna", "mpa", "mep", "mlc"]

    /// Whether a comma after token `last` opens "…, <a few modifiers or names> <role>".
    private func isApposition(after last: Int, _ words: Words) -> Bool {
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

    /// Words of sports reporting; two of them, or a score, mark an article as sport.
    static let sportsWords: WordSet = [
        "innings", "wicket", "wickets", "striker", "midfielder", "goalkeeper", "defender", "footballer", "cricketer",
        "batsman", "bowler", "halftime", "half-time", "semifinal", "semi-final", "quarterfinal", "quarter-final",
        "playoff", "play-off", "playoffs", "olympic", "olympics", "medal", "medallist", "tournament", "championship",
        "unbeaten", "scored", "stadium", "premiership", "fixture", "fixtures", "coach", "match", "matches", "goals",
        "cup", "season", "squad", "referee", "referees", "player", "players", "game", "games", "derby", "hat-trick",
        "kick-off", "scorer", "penalty", "penalties", "sprint", "marathon", "inning", "quarterback",
    ]

    /// Whether the article reads like sport (countries and cities there are teams):
    /// a score such as `2-1`, a standings fraction such as `.545`, three sports
    /// words, or a table (more than one word in five a number).
    private func isSports(_ words: Words) -> Bool {
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
        return numbers * 5 > all
    }
}
