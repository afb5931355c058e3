import Foundation
import Textpipe

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
        // Each mention's key made once, with its index, for the second loop: making it
        // twice was 2 string concatenations and lower-casings per mention (10.8 M
        // instructions on the 510 BBC business articles).
        var uncanonical: [(index: Int, key: String)] = []
        for index in mentions.indices where mentions[index].canonical == nil {
            let mention = mentions[index]
            let key = mention.label.rawValue + "\u{0}" + mention.text.lowercased()
            uncanonical.append((index, key))
            if let form = forms[key], !Self.isAllCaps(form) || Self.isAllCaps(mention.text) { continue }
            forms[key] = mention.text
        }
        for (index, key) in uncanonical {
            var name = forms[key] ?? mentions[index].text
            // A place in capitals (a dateline, `KARACHI`) is named as usually written; short ones are acronyms (`UAE`).
            if mentions[index].label != .organization, Self.isAllCaps(name), name.count >= 5 { name = name.capitalized }
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
        let persons = mentions.indices.filter { mentions[$0].label == .person }
        let names = persons.map { Self.nameWords(mentions[$0], words) }
        // The written form of each person's own name, without titles.
        func written(_ k: Int) -> String {
            let mention = mentions[persons[k]]
            let drop = names[k].count
            let tokens = mention.tokens.suffix(drop)
            guard let first = tokens.first, let last = tokens.last else { return mention.text }
            return words.layout.text(words.layout.tokens[first].lowerBound..<words.layout.tokens[last].upperBound)
        }
        // The longest name wins; among equals, the nearest one before this mention, else the first.
        // Asked once per distinct name, of the names indexed by their words: comparing every
        // person with every other was quadratic (5 % of a 2 MB article's run, growing with size).
        let longer = LongerNames(names)
        var occurrences: [[String]: [Int]] = [:]
        for (k, name) in names.enumerated() { occurrences[name, default: []].append(k) }
        for (name, ks) in occurrences {
            // Ascending: `names` is in text order, so are the candidates' positions.
            let candidates = longer.longest(containing: name)
            for k in ks {
                guard let first = candidates.first else {
                    mentions[persons[k]].canonical = written(k)
                    continue
                }
                // The last candidate before this mention (names are in text order, and k is not one).
                var low = 0
                var high = candidates.count
                while low < high {
                    let middle = (low + high) / 2
                    if candidates[middle] < k { low = middle + 1 } else { high = middle }
                }
                mentions[persons[k]].canonical = written(low > 0 ? candidates[low - 1] : first)
            }
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

    /// The person names of a document, found by the words a shorter name shares with them.
    struct LongerNames {
        private let names: [[String]]
        /// Positions in `names` by last word, and by first word, ascending.
        private var byLastWord: [String: [Int]] = [:]
        private var byFirstWord: [String: [Int]] = [:]

        init(_ names: [[String]]) {
            self.names = names
            for (k, name) in names.enumerated() {
                if let last = name.last { byLastWord[last, default: []].append(k) }
                if let first = name.first { byFirstWord[first, default: []].append(k) }
            }
        }

        /// The positions, ascending, of the longest names that `name` is a surname, shortened form or
        /// (one word) first name of; empty when there is none.
        func longest(containing name: [String]) -> [Int] {
            var found: [Int] = []
            var length = name.count
            func consider(_ k: Int) {
                let other = names[k]
                guard other.count >= length, other.count > name.count else { return }
                if other.count > length {
                    length = other.count
                    found.removeAll()
                }
                found.append(k)
            }
            if let last = name.last {
                for k in byLastWord[last] ?? [] where NameResolver.isSubsequence(name, of: names[k]) { consider(k) }
            }
            if name.count == 1, let first = name.first {
                // A name whose last word is also `first` is already in; merged below in order.
                for k in byFirstWord[first] ?? [] where names[k].last != first { consider(k) }
                found.sort()
            }
            return found
        }
    }

    /// `Central Executive Committee (CEC)` and later `CEC` share the long name.
    func canonicalizeAcronyms(_ mentions: inout [Mention], words: Words) {
        var expansions: [String: String] = [:]
        let organizations = mentions.indices.filter {
            mentions[$0].label == .organization && mentions[$0].canonical == nil
        }
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
        // Implicit: an all-capitals mention whose letters are a longer name's initials — the
        // first such name. Initials are computed once per name, not once per name per acronym:
        // that was quadratic (6 % of a 2 MB article's run, growing with size).
        var byInitials: [String: String] = [:]
        for other in organizations where mentions[other].tokens.count >= 2 {
            let initials = mentions[other].tokens.map { words.text($0) }
                .filter { !Self.acronymStopWords.contains($0.lowercased()) }
                .compactMap { $0.first }.filter { $0.isUppercase }
            let key = String(initials)
            if byInitials[key] == nil { byInitials[key] = mentions[other].text }
        }
        for index in organizations where Self.isAllCaps(mentions[index].text) && expansions[mentions[index].text] == nil
        {
            let letters = mentions[index].text.filter { $0.isLetter }
            guard letters.count >= 2, !mentions[index].text.contains(" ") else { continue }
            if let long = byInitials[String(letters)] { expansions[mentions[index].text] = long }
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
        // ASCII text byte by byte: each `Character` is then one scalar (or "\r\n"), a letter
        // is A–Z or a–z and a lower-case one a–z. Grapheme by grapheme, this was about
        // 1,100 instructions a name, 40.7 M of the stage on the 510 BBC business articles.
        // An a–z answers false before any non-ASCII byte is seen: the grapheme holding it is
        // lower-case whatever joins it (its upper-case mapping differs, its lower-case one does
        // not), as Swift's `isLowercase` says for "a", "z" and "m" with each of the 1.1 M scalars
        // before, after and on both sides.
        var capitals = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase) }
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { capitals = true }
        }
        return capitals
    }
}

extension String {
    /// Without a final period (`dr.` → `dr`).
    var trimmingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
