import Textpipe

/// Political parties with their aliases, and the words that tie an article to a country.
///
/// Read from `parties.tsv` and `countries.tsv` in the module's resources.
/// Names are matched as token sequences by ``NameKey``, so `MQM-P`, `MQM P`
/// and `mqm-p` are one key and `JD(U)` matches however it is spaced.
public struct PartyGazetteer: Sendable {
    /// One party.
    public struct Party: Sendable, Equatable {
        /// ISO 3166 alpha-2 code of the party's country.
        public var country: String
        /// The name every alias resolves to.
        public var canonical: String
        public var aliases: [Alias]
    }

    /// One alias of a party.
    public struct Alias: Sendable, Equatable {
        public var name: String
        /// A common word or a name shared across countries: it names this party
        /// only when the article points to the party's country.
        public var ambiguous: Bool

        public init(name: String, ambiguous: Bool) {
            self.name = name
            self.ambiguous = ambiguous
        }

        /// Whether the alias is an abbreviation written in capitals (`INC`, `ALP`,
        /// `MQM-P`): at least two letters, none of them lower case. Such an alias
        /// names the party only in text written in capitals, so the "Inc." of a
        /// company is not the Indian National Congress.
        public var writtenInCapitals: Bool {
            var letters = 0
            for scalar in name.unicodeScalars {
                // ASCII answered without the Unicode property tables, which were 2.5 %
                // of reading the gazetteer (5.3 M instructions).
                if scalar.isASCII {
                    switch scalar.value {
                    case 0x61...0x7A: return false
                    case 0x41...0x5A: letters += 1
                    default: break
                    }
                    continue
                }
                guard scalar.properties.isAlphabetic else { continue }
                if scalar.properties.isLowercase { return false }
                letters += 1
            }
            return letters >= 2
        }
    }

    /// A party an alias key may name, and how the alias may match.
    package struct Candidate: Sendable {
        package var party: Int
        /// Marked `?` in the file: a common word or a name shared across countries.
        package var ambiguous: Bool
        /// Every spelling of the alias with this key is in capitals: it matches only text in capitals.
        package var capitals: Bool
        /// A single ambiguous word not in capitals ("Labour", "Congress", "Greens"):
        /// it names the party only under the stricter rules of the entities stage's name resolver.
        package var commonWord: Bool
        /// Some spelling ends on a word in lower case ("La France insoumise"), so a
        /// match may end on one; other names never do ("Congress party" is "Congress").
        package var lowercaseEnd = false
    }

    /// A problem in a gazetteer file.
    public struct FormatError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    public let parties: [Party]
    /// Alias key (``NameKey``, case folded) → the parties it may name, in file order.
    package let aliases: [UInt64: [Candidate]]
    /// Country cue key (``NameKey``, case kept) → countries.
    package let cues: [UInt64: [String]]
    /// The longest alias or cue, in tokens.
    package let longest: Int
    /// The keys of every proper prefix (in tokens) of an alias or a cue, so matching stops early.
    package let prefixes: Set<UInt64>

    /// Reads the two tab-separated files.
    public init(tsv: String, countries: String) throws {
        var parties: [Party] = []
        var aliases: [UInt64: [Candidate]] = [:]
        var longest = 1
        var prefixes = Set<UInt64>()
        // Lines and columns are cut at their ASCII separators by scanning UTF-8
        // (``Substring/pieces(between:omittingEmpty:)``): `split(separator:)` walks
        // `Character`s, and that was 58 % of reading the two files (121 M of 211 M
        // instructions). Likewise a first byte is tested before the `Character`
        // (a mark may combine with it), which costs more.
        func starts(_ text: Substring, with mark: Character) -> Bool {
            text.utf8.first == mark.asciiValue && text.hasPrefix(String(mark))
        }
        let countryLines = Substring(countries).pieces(between: "\n").filter { !starts($0, with: "#") }
        // Each country's own names ("Japan", "South Korea"), to read canonical names'
        // qualifiers: "Liberal Democratic Party (Japan)" is also called "Liberal
        // Democratic Party", in Japan.
        var countryNames: [String: Set<String>] = [:]
        for line in countryLines {
            let columns = line.pieces(between: "\t")
            guard columns.count == 2 else { continue }
            countryNames[String(columns[0]), default: []].formUnion(columns[1].pieces(between: "|").map(String.init))
        }
        for (number, line) in Substring(tsv).pieces(between: "\n", omittingEmpty: false).enumerated() {
            if starts(line, with: "#") || line.allSatisfy(\.isWhitespace) { continue }
            let columns = line.pieces(between: "\t", omittingEmpty: false)
            guard columns.count == 3, !columns[1].isEmpty else {
                throw FormatError(
                    file: "parties.tsv", line: number + 1, message: "expected 'country<TAB>canonical<TAB>aliases'")
            }
            var party = Party(
                country: String(columns[0]), canonical: String(columns[1]),
                aliases: columns[2].pieces(between: "|").map {
                    starts($0, with: "?")
                        ? Alias(name: String($0.dropFirst()), ambiguous: true)
                        : Alias(name: String($0), ambiguous: false)
                })
            if let name = Self.unqualified(party.canonical, country: countryNames[party.country] ?? []),
                !party.aliases.contains(where: { $0.name == name })
            {
                party.aliases.append(Alias(name: name, ambiguous: true))
            }
            let index = parties.count
            parties.append(party)
            // One candidate per key and party. The canonical name comes last so that a `?`
            // alias spelled like it ("Greens") keeps it ambiguous; a key is in capitals only
            // if every spelling is ("SWAPO" and "Swapo" match any case).
            var own: [UInt64: (candidate: Candidate, single: Bool)] = [:]
            var order: [UInt64] = []
            for (alias, isCanonical) in party.aliases.map({ ($0, false) })
                + [(Alias(name: party.canonical, ambiguous: false), true)]
            {
                let keys = Self.keys(alias.name, foldCase: true)
                let key = keys.key
                longest = max(longest, keys.count)
                prefixes.formUnion(keys.prefixes)
                let lowercaseEnd = Self.lastWord(of: alias.name)?.first?.isLowercase ?? false
                if var known = own[key] {
                    if !isCanonical { known.candidate.ambiguous = known.candidate.ambiguous || alias.ambiguous }
                    known.candidate.capitals = known.candidate.capitals && alias.writtenInCapitals
                    known.candidate.lowercaseEnd = known.candidate.lowercaseEnd || lowercaseEnd
                    own[key] = known
                } else {
                    let candidate = Candidate(
                        party: index, ambiguous: alias.ambiguous, capitals: alias.writtenInCapitals, commonWord: false,
                        lowercaseEnd: lowercaseEnd)
                    own[key] = (candidate, keys.count == 1)
                    order.append(key)
                }
            }
            for key in order {
                guard let (found, single) = own[key] else { continue }
                var candidate = found
                candidate.commonWord = candidate.ambiguous && !candidate.capitals && single
                aliases[key, default: []].append(candidate)
            }
        }
        var cues: [UInt64: [String]] = [:]
        for line in countryLines {
            let columns = line.pieces(between: "\t")
            guard columns.count == 2 else { continue }
            for cue in columns[1].pieces(between: "|") {
                // Cues keep their case: "US" the country is not "us".
                let keys = Self.keys(String(cue), foldCase: false)
                longest = max(longest, keys.count)
                cues[keys.key, default: []].append(String(columns[0]))
                prefixes.formUnion(keys.prefixes)
            }
        }
        self.parties = parties
        self.aliases = aliases
        self.cues = cues
        self.longest = longest
        self.prefixes = prefixes
    }

    /// A canonical name without its country qualifier, when it has one: "Liberal
    /// Democratic Party" for "Liberal Democratic Party (Japan)" and "Social
    /// Democratic Party" for "Social Democratic Party (Brazil, 2011)", but nothing for
    /// "Janata Dal (United)" or "Good (political party)", whose qualifier is no country.
    /// The short name is what the news writes, and which party it names depends on
    /// the country, so it is an ambiguous alias.
    static func unqualified(_ canonical: String, country names: Set<String>) -> String? {
        // The last byte first: most names have no qualifier, and `hasSuffix` compares `Character`s.
        guard canonical.utf8.last == UInt8(ascii: ")"), canonical.hasSuffix(")"),
            let open = canonical.lastIndex(of: "("), open > canonical.startIndex
        else {
            return nil
        }
        let qualifier = canonical[canonical.index(after: open)..<canonical.index(before: canonical.endIndex)]
        let place = (qualifier.pieces(between: ",").first ?? "").pieces(between: " ").joined(separator: " ")
        guard names.contains(place) else { return nil }
        let name = canonical[..<open].pieces(between: " ").joined(separator: " ")
        return name.isEmpty ? nil : name
    }

    /// The last word of `name`, as `name.split(separator: " ").last` gives it
    /// but found from the end, without cutting the name into an array of words.
    package static func lastWord(of name: String) -> Substring? {
        let space = UInt8(ascii: " ")
        let utf8 = name.utf8
        guard let last = utf8.lastIndex(where: { $0 != space }) else { return nil }
        let start = utf8[..<last].lastIndex(of: space).map { utf8.index(after: $0) } ?? utf8.startIndex
        return name[start..<utf8.index(after: last)]
    }

    /// The parties an alias key may name.
    package func candidates(_ key: UInt64) -> [Candidate] { aliases[key] ?? [] }

    /// Chooses among the parties a name may refer to, by the article's country evidence.
    ///
    /// The candidate whose country the article points to most wins; with no
    /// evidence for any candidate, an unambiguous alias still names its party
    /// and an ambiguous one names none: "NASA" in a story without a country is
    /// the space agency, not Kenya's National Super Alliance. A common word ("Labour", "Congress") needs
    /// its party's country to lead the article, or to have at least half the
    /// leading country's evidence: a US article that mentions Delhi once still
    /// means the US Congress.
    package func choose(_ candidates: [Candidate], evidence: [String: Int]) -> Int? {
        let leading = evidence.values.max() ?? 0
        var best: (party: Int, score: Int)?
        for candidate in candidates {
            let score = evidence[parties[candidate.party].country] ?? 0
            if candidate.commonWord, score * 2 < leading { continue }
            if score > 0, score > (best?.score ?? 0) { best = (candidate.party, score) }
        }
        if let best { return best.party }
        return candidates.first(where: { !$0.ambiguous })?.party
    }
}

/// The hash of a name as a sequence of tokens, built one token at a time.
///
/// Hyphens and dashes count as spaces, periods and apostrophes are dropped
/// (`U.S.` = `US`, `MQM-P` = `MQM P`), and case is folded unless asked not to.
/// Hashing scalars directly keeps matching free of string allocations.
package struct NameKey {
    package private(set) var hash = FeatureHash.seed
    private var empty = true
    private var space = false
    package let foldCase: Bool

    package init(foldCase: Bool) { self.foldCase = foldCase }

    /// Adds the next token.
    package mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) {
        if !empty { space = true }
        // Through a buffer pointer rather than the slice's own iterator: on the
        // 2,225 BBC articles (978,000 tokens hashed by Words alone) this took
        // `add` from 330.9 M instructions to 303.4 M.
        scalars.withUnsafeBufferPointer { add($0) }
    }

    private mutating func add(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        for scalar in scalars {
            switch scalar.value {
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014:
                space = !empty
                continue
            case 0x2E, 0x27, 0x2018, 0x2019:
                continue
            default:
                break
            }
            if space {
                hash = FeatureHash.add(hash, 0x20)
                space = false
            }
            hash = FeatureHash.add(hash, (foldCase ? FeatureHash.folded(scalar) : FeatureHash.normalized(scalar)).value)
            empty = false
        }
    }
}
