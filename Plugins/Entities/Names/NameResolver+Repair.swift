import Textpipe

extension NameResolver {
    /// Honorifics that South Asian news writes as part of a name (`Maulana Fazlur Rehman`, `Syed Nayyar Hussain Bukhari`).
    static let nameHonorifics: Set<String> = [
        "syed", "sayed", "mian", "maulana", "hafiz", "chaudhry", "chaudhary", "choudhary", "pir", "makhdoom", "sardar",
        "khawaja", "khwaja", "haji", "alhaji", "mufti", "allama", "qazi", "mirza", "nawabzada", "sahibzada", "begum",
    ]

    /// Offices that precede a name in news but are not part of it (`MLA Subhash Chand Manglet`).
    static let officeWords: Set<String> = personRoles.union([
        "mla", "whip", "asp", "si", "dsp", "sho", "constable", "inspector", "cm", "pm", "selector", "representative",
        "officer-in-charge", "superintendent", "commissioner", "speaker",
    ])

    /// Words that may come before an office (`Deputy CM`, `Woman Representative`).
    static let officeModifiers: Set<String> = [
        "deputy", "senior", "vice", "general", "woman", "additional", "joint", "former", "ex",
    ]

    /// Words that open a sentence in capitals without being part of the name after them.
    static let leadingModifiers: Set<String> = [
        "former", "both", "ex", "then", "late", "outgoing", "incumbent", "acting",
    ]

    /// Titles news writes before a person's name but labelled sets leave out of it
    /// ("Madam Grace Kwaw", "Cde Emmerson Mnangagwa", "Chancellor Karl Nehammer",
    /// "Datuk Seri Anwar Ibrahim"): dropped from the front of a person the tagger ran
    /// over them. Unlike ``nameHonorifics`` ("Maulana Fazlur Rehman") and the British
    /// judge's "Mr Justice Harrison", which the labelled sets keep.
    static let leadingTitles: Set<String> = [
        "madam", "cde", "comrade", "chancellor", "advocate", "adv", "vp", "chair", "president-elect", "deputy", "hon",
        "honourable", "honorable", "datuk", "dato", "dato'", "tun",
    ]

    /// Malaysian titles of two words whose second, "Sri"/"Seri", is a first name elsewhere ("Sri Mulyani Indrawati").
    static let titlesBeforeSri: Set<String> = ["tan", "datuk", "dato", "dato'", "puan"]

    /// Whether token `i` is a title to drop from the front of a person's name (``leadingTitles``).
    func isLeadingTitle(_ i: Int, words: Words) -> Bool {
        let word = words.lower(i)
        if Self.leadingTitles.contains(word) { return true }
        if word == "sri" || word == "seri" { return i > 0 && Self.titlesBeforeSri.contains(words.lower(i - 1)) }
        return word == "tan" && i + 1 < words.count && words.lower(i + 1) == "sri"
    }

    /// Words that end organization names, so "Party Committee" after a role is not a person.
    static let organizationWords: Set<String> = [
        "committee", "council", "office", "house", "party", "league", "assembly", "commission", "board", "court",
        "station", "police", "ministry", "department", "secretariat", "bureau", "forum", "union", "federation", "group",
        "wing", "cell", "front", "movement", "congress", "association", "bank", "company", "university", "college",
    ]

    /// Words a name never ends on: a tagger that runs a name on across a
    /// connector ("Chandraganj Police Station and") leaves them at its end.
    static let trailingConnectors: Set<String> = ["and", "of", "the", "for", "in", "on", "at", "&", "or", "to"]

    /// Fixes the commonest ways a newswire-trained tagger cuts names in
    /// modern political news: an office glued to the front of a person
    /// (`MLA KL Thakur`, ORG), a trailing `MP`, honorifics and bare initials
    /// left outside the name (`Maulana` Fazlur Rehman, `K N` Nehru).
    func repairNames(_ mentions: inout [Mention], words: Words) {
        var result: [Mention] = []
        for mention in mentions {
            result.append(contentsOf: splitOffice(mention, words: words))
        }
        // A capitalized modifier at a sentence start is not part of the name ("Former Punjab Assembly"),
        // nor is a role after an organization ("Lok Sabha MPs", "Lok Sabha Speaker").
        result = result.map { mention in
            var tokens = mention.tokens
            while tokens.count > 1, Self.leadingModifiers.contains(words.lower(tokens.lowerBound)) {
                tokens = (tokens.lowerBound + 1)..<tokens.upperBound
            }
            while tokens.count > 1, Self.trailingConnectors.contains(words.lower(tokens.upperBound - 1)) {
                tokens = tokens.lowerBound..<(tokens.upperBound - 1)
            }
            if mention.label == .person {
                while tokens.count > 1, isLeadingTitle(tokens.lowerBound, words: words) {
                    tokens = (tokens.lowerBound + 1)..<tokens.upperBound
                }
            }
            if mention.label == .organization {
                while tokens.count > 1, Self.officeWords.contains(words.lower(tokens.upperBound - 1)),
                    !Self.organizationWords.contains(words.lower(tokens.upperBound - 2))
                {
                    tokens = tokens.lowerBound..<(tokens.upperBound - 1)
                }
            }
            return tokens == mention.tokens ? mention : make(tokens, mention.label, words)
        }
        let taken = Set(result.flatMap { Array($0.tokens) })
        for index in result.indices {
            var mention = result[index]
            if mention.label == .person, mention.tokens.count > 1,
                ["mp", "mna", "mpa", "mla", "mep"].contains(words.lower(mention.tokens.upperBound - 1))
            {
                mention = make(mention.tokens.lowerBound..<(mention.tokens.upperBound - 1), .person, words)
            }
            if mention.label != .person, isInitial(mention.tokens.lowerBound, words), mention.tokens.count > 1,
                mention.tokens.dropFirst().allSatisfy({ words.startsCapitalized($0) })
            {
                mention.label = .person
            }
            if mention.label == .person {
                var start = mention.tokens.lowerBound
                while start > 0, !taken.contains(start - 1),
                    Self.nameHonorifics.contains(words.lower(start - 1)) || isInitial(start - 1, words)
                        || isMohammedAbbreviated(start - 1, words) || isPairOfInitials(start - 1, before: start, words)
                {
                    start -= 1
                }
                if start < mention.tokens.lowerBound {
                    mention = make(start..<mention.tokens.upperBound, .person, words)
                }
            }
            result[index] = mention
        }
        mentions = result
    }

    /// `Rajasthan Deputy CM Sachin Pilot` → `Rajasthan`, `Sachin Pilot` (PER).
    private func splitOffice(_ mention: Mention, words: Words) -> [Mention] {
        guard mention.tokens.count >= 2 else { return [mention] }
        var last: Int?
        for i in mention.tokens.dropLast() where Self.officeWords.contains(words.lower(i)) { last = i }
        guard let last else { return [mention] }
        let name = (last + 1)..<mention.tokens.upperBound
        guard name.count <= 4,
            name.allSatisfy({ words.startsCapitalized($0) && !Self.organizationWords.contains(words.lower($0)) })
        else { return [mention] }
        var first = last
        while first > mention.tokens.lowerBound,
            Self.officeWords.contains(words.lower(first - 1)) || Self.officeModifiers.contains(words.lower(first - 1))
        {
            first -= 1
        }
        var parts: [Mention] = []
        if first > mention.tokens.lowerBound {
            parts.append(
                make(mention.tokens.lowerBound..<first, mention.label == .person ? .organization : mention.label, words)
            )
        }
        parts.append(make(name, .person, words))
        return parts
    }

    /// A single capital letter without a period, other than the words `A` and `I`.
    private func isInitial(_ i: Int, _ words: Words) -> Bool {
        let scalars = words.scalars(i)
        guard scalars.count == 1, let letter = scalars.first else { return false }
        return letter.isUppercaseLetter && letter != "A" && letter != "I"
    }

    /// "Md" or "Mohd", Bangladeshi and Malaysian news's short form of Mohammed, which
    /// belongs to the name after it ("Md Abdul Hamid"). Only in that spelling: an
    /// all-caps "MD" before a name is a managing director (``notInitials``).
    private func isMohammedAbbreviated(_ i: Int, _ words: Words) -> Bool {
        let lower = words.lower(i)
        return (lower == "md" || lower == "mohd") && words.startsCapitalized(i) && !words.isAllCaps(i..<(i + 1))
    }

    /// Two capitals written together as initials before a name, as South Asian news
    /// writes them ("KP Sharma Oli", "DV Sadananda Gowda", "BY Vijayendra"): before a
    /// word in Title Case, not after a word in capitals (a headline's "STATEMENT BY"),
    /// and neither an office ("PM", "CM", "MP") nor one of the abbreviations that
    /// stand before names for something else (``notInitials``).
    private func isPairOfInitials(_ i: Int, before next: Int, _ words: Words) -> Bool {
        let scalars = words.scalars(i)
        guard scalars.count == 2, scalars.allSatisfy({ $0.isASCII && $0.isUppercaseLetter }),
            next < words.count, !words.isAllCaps(next..<(next + 1))
        else { return false }
        let lower = words.lower(i)
        if Self.officeWords.contains(lower) || Self.notInitials.contains(lower) { return false }
        return i == 0 || !(words.scalars(i - 1).count >= 2 && words.isAllCaps((i - 1)..<i))
    }

    /// Two-capital abbreviations that come before a name without being its initials
    /// (offices, countries, legal forms such as "NV Nederlandse Gasunie").
    static let notInitials: Set<String> = [
        "us", "uk", "un", "eu", "tv", "vp", "md", "gm", "dg", "ig", "sp", "dc", "ag", "dj", "mc", "hr", "pr", "ex",
        "st", "dr", "mr", "ms", "jr", "sr", "ap", "ok", "nv", "bv", "sa", "ab", "oy", "kk", "co",
    ]

    func make(_ tokens: Range<Int>, _ label: EntityLabel, _ words: Words) -> Mention {
        let start = words.layout.tokens[tokens.lowerBound].lowerBound
        let end = words.layout.tokens[tokens.upperBound - 1].upperBound
        return Mention(text: words.layout.text(start..<end), label: label, start: start, end: end, tokens: tokens)
    }
}
