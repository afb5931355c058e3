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
    }

    /// A problem in a gazetteer file.
    public struct FormatError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    public let parties: [Party]
    /// Alias key (``NameKey``, case folded) → (party index, ambiguous), in file order.
    let aliases: [UInt64: [(party: Int, ambiguous: Bool)]]
    /// Country cue key (``NameKey``, case kept) → countries.
    let cues: [UInt64: [String]]
    /// The longest alias or cue, in tokens.
    let longest: Int
    /// The keys of every proper prefix (in tokens) of an alias or a cue, so matching stops early.
    let prefixes: Set<UInt64>

    /// Reads the two tab-separated files.
    public init(tsv: String, countries: String) throws {
        var parties: [Party] = []
        var aliases: [UInt64: [(party: Int, ambiguous: Bool)]] = [:]
        var longest = 1
        var prefixes = Set<UInt64>()
        /// The key of a name and the keys of its token prefixes.
        func keys(_ name: String, foldCase: Bool) -> (key: UInt64, prefixes: [UInt64], count: Int) {
            let layout = TextLayout(name)
            var key = NameKey(foldCase: foldCase)
            var partial: [UInt64] = []
            for token in layout.tokens {
                key.add(layout.scalars[token])
                partial.append(key.hash)
            }
            return (key.hash, Array(partial.dropLast()), layout.tokens.count)
        }
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, !columns[1].isEmpty else {
                throw FormatError(
                    file: "parties.tsv", line: number + 1, message: "expected 'country<TAB>canonical<TAB>aliases'")
            }
            let party = Party(
                country: String(columns[0]), canonical: String(columns[1]),
                aliases: columns[2].split(separator: "|").map {
                    $0.hasPrefix("?")
                        ? Alias(name: String($0.dropFirst()), ambiguous: true)
                        : Alias(name: String($0), ambiguous: false)
                })
            let index = parties.count
            parties.append(party)
            for alias in [Alias(name: party.canonical, ambiguous: false)] + party.aliases {
                let (key, partial, count) = keys(alias.name, foldCase: true)
                longest = max(longest, count)
                prefixes.formUnion(partial)
                if aliases[key]?.contains(where: { $0.party == index }) == true { continue }
                aliases[key, default: []].append((index, alias.ambiguous))
            }
        }
        var cues: [UInt64: [String]] = [:]
        for line in countries.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else { continue }
            for cue in columns[1].split(separator: "|") {
                // Cues keep their case: "US" the country is not "us".
                let (key, partial, count) = keys(String(cue), foldCase: false)
                longest = max(longest, count)
                cues[key, default: []].append(String(columns[0]))
                prefixes.formUnion(partial)
            }
        }
        self.parties = parties
        self.aliases = aliases
        self.cues = cues
        self.longest = longest
        self.prefixes = prefixes
    }

    /// The parties an alias key may name.
    func candidates(_ key: UInt64) -> [(party: Int, ambiguous: Bool)] { aliases[key] ?? [] }

    /// Chooses among the parties a name may refer to, by the article's country evidence.
    ///
    /// The candidate whose country the article points to most wins; with no
    /// evidence for any candidate, an unambiguous alias still names its party,
    /// and an ambiguous one names its first party only when the article points
    /// to no country at all.
    func choose(_ candidates: [(party: Int, ambiguous: Bool)], evidence: [String: Int]) -> Int? {
        var best: (party: Int, score: Int)?
        for candidate in candidates {
            let score = evidence[parties[candidate.party].country] ?? 0
            if score > 0, score > (best?.score ?? 0) { best = (candidate.party, score) }
        }
        if let best { return best.party }
        if let plain = candidates.first(where: { !$0.ambiguous }) { return plain.party }
        return evidence.isEmpty ? candidates.first?.party : nil
    }
}

/// The hash of a name as a sequence of tokens, built one token at a time.
///
/// Hyphens and dashes count as spaces, periods and apostrophes are dropped
/// (`U.S.` = `US`, `MQM-P` = `MQM P`), and case is folded unless asked not to.
/// Hashing scalars directly keeps matching free of string allocations.
struct NameKey {
    private(set) var hash = FeatureHash.seed
    private var empty = true
    private var space = false
    let foldCase: Bool

    init(foldCase: Bool) { self.foldCase = foldCase }

    /// Adds the next token.
    mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) {
        if !empty { space = true }
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
