import Foundation

extension NameResolver {
    /// Titles stripped from a person's name before matching (`Mr Sattar` → `Sattar`).
    static let personTitles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "pm", "president", "senator", "sen",
        "rep", "gov", "governor", "gen", "general", "minister", "chairman", "chief", "justice", "judge", "mayor",
        "sheikh", "maulana", "mufti", "begum", "shri", "smt", "alhaji", "hon", "col", "capt", "lt",
    ]

    /// Small words that acronyms skip (`Bank of England` → `BoE`, `BE`).
    static let acronymStopWords: Set<String> = ["of", "the", "and", "for", "&", "in", "on", "de", "la", "e"]

    /// Sets `canonical` on every mention that has none yet.
    func canonicalizeNames(_ mentions: inout [Mention], words: Words) {
        canonicalizePersons(&mentions, words: words)
        canonicalizeAcronyms(&mentions, words: words)
        // Everything else: the most common written form among same-text
        // mentions of the label, preferring one not in capitals (`BERLIN` → `Berlin`).
        var forms: [String: String] = [:]
        for mention in mentions where mention.canonical == nil {
            let key = mention.label + "\u{0}" + mention.text.lowercased()
            if let form = forms[key], !Self.isAllCaps(form) || Self.isAllCaps(mention.text) { continue }
            forms[key] = mention.text
        }
        for index in mentions.indices where mentions[index].canonical == nil {
            var name =
                forms[mentions[index].label + "\u{0}" + mentions[index].text.lowercased()] ?? mentions[index].text
            // A place in capitals (a dateline, `KARACHI`) is named as usually written; short ones are acronyms (`UAE`).
            if mentions[index].label != "ORG", Self.isAllCaps(name), name.count >= 5 { name = name.capitalized }
            if name.hasPrefix("the ") || name.hasPrefix("The ") { name.removeFirst(4) }
            mentions[index].canonical = name
        }
    }

    /// A person's name words without leading titles, each lower-cased.
    static func nameWords(_ mention: Mention, _ words: Words) -> [String] {
        var result = mention.tokens.map { words.lower($0) }.filter { $0 != "." }
        while result.count > 1, let first = result.first, personTitles.contains(first.trimmingPeriod) {
            result.removeFirst()
        }
        return result
    }

    /// Surnames, first names and shortened forms resolve to the longest full name that contains them.
    func canonicalizePersons(_ mentions: inout [Mention], words: Words) {
        let persons = mentions.indices.filter { mentions[$0].label == "PER" }
        let names = persons.map { Self.nameWords(mentions[$0], words) }
        // The written form of each person's own name, without titles.
        func written(_ k: Int) -> String {
            let mention = mentions[persons[k]]
            let drop = names[k].count
            let tokens = mention.tokens.suffix(drop)
            guard let first = tokens.first, let last = tokens.last else { return mention.text }
            return words.layout.text(words.layout.tokens[first].lowerBound..<words.layout.tokens[last].upperBound)
        }
        for (k, index) in persons.enumerated() {
            let name = names[k]
            var best: Int?
            for (j, other) in names.enumerated() where other.count > name.count {
                let matches =
                    (other.last == name.last && Self.isSubsequence(name, of: other))
                    || (name.count == 1 && other.first == name.first)
                guard matches else { continue }
                // The longest name wins; among equals, the nearest one before this mention.
                if let current = best {
                    let longer = other.count > names[current].count
                    let nearer =
                        other.count == names[current].count && persons[j] < index && persons[j] > persons[current]
                    if longer || nearer { best = j }
                } else {
                    best = j
                }
            }
            mentions[index].canonical = written(best ?? k)
        }
        // Every mention of one person carries the written form of its longest name.
        var forms: [String: String] = [:]
        for index in persons {
            guard let canonical = mentions[index].canonical else { continue }
            let key = canonical.lowercased()
            if forms[key] == nil || (Self.isAllCaps(forms[key] ?? "") && !Self.isAllCaps(canonical)) {
                forms[key] = canonical
            }
        }
        for index in persons {
            mentions[index].canonical = mentions[index].canonical.flatMap { forms[$0.lowercased()] }
        }
    }

    /// `Central Executive Committee (CEC)` and later `CEC` share the long name.
    func canonicalizeAcronyms(_ mentions: inout [Mention], words: Words) {
        var expansions: [String: String] = [:]
        let organizations = mentions.indices.filter { mentions[$0].label == "ORG" && mentions[$0].canonical == nil }
        // Explicit: a name followed by its acronym in brackets.
        for (a, b) in zip(organizations, organizations.dropFirst()) {
            let long = mentions[a].tokens
            let short = mentions[b].tokens
            if short.lowerBound == long.upperBound + 1, short.upperBound < words.count,
                words.text(long.upperBound) == "(", words.text(short.upperBound) == ")"
            {
                expansions[mentions[b].text] = mentions[a].text
            }
        }
        // Implicit: an all-capitals mention whose letters are a longer name's initials.
        for index in organizations where Self.isAllCaps(mentions[index].text) && expansions[mentions[index].text] == nil
        {
            let letters = mentions[index].text.filter(\.isLetter)
            guard letters.count >= 2, !mentions[index].text.contains(" ") else { continue }
            for other in organizations where mentions[other].tokens.count >= 2 {
                let initials = mentions[other].tokens.map { words.text($0) }
                    .filter { !Self.acronymStopWords.contains($0.lowercased()) }
                    .compactMap(\.first).filter(\.isUppercase)
                if String(initials) == letters {
                    expansions[mentions[index].text] = mentions[other].text
                    break
                }
            }
        }
        for index in organizations {
            if let long = expansions[mentions[index].text] { mentions[index].canonical = long }
        }
    }

    static func isSubsequence<Word: Equatable>(_ short: [Word], of long: [Word]) -> Bool {
        var k = 0
        for word in long where k < short.count && word == short[k] { k += 1 }
        return k == short.count
    }

    static func isAllCaps(_ text: String) -> Bool {
        text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }
}

extension String {
    /// Without a final period (`dr.` → `dr`).
    var trimmingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
