/// Decides who a sentence's contention is aimed at (``TargetKind``).
///
/// The candidates are the target phrases of `targets.tsv` ("the party
/// leadership", "the chief minister", "the opposition"), the parties the
/// entities stage named, and persons it affiliated with a party. A named party
/// other than the actors' own turns an "own" phrase into `otherParty` ("stormed
/// the Congress office" by another party's workers). The candidate that wins is
/// the surest one nearest after the cue — news names the object after the verb
/// ("protested against the chief minister") — with a candidate right after
/// "against" first and one before the cue last.
struct TargetResolver: Sendable {
    /// The target phrases.
    let lexicon: TargetLexicon
    /// Word → its id in the cue lexicon and in ``lexicon`` (-1 where absent), so
    /// an article's words are hashed once for both.
    let wordIDs: WordIDTable

    init(lexicon: TargetLexicon, cues: CueLexicon? = nil) {
        self.lexicon = lexicon
        var ids: [String: (cue: Int32, target: Int32)] = [:]
        for (word, id) in cues?.vocabulary ?? [:] { ids[word] = (id, -1) }
        for (word, id) in lexicon.vocabulary { ids[word] = (ids[word]?.cue ?? -1, id) }
        wordIDs = WordIDTable(ids)
    }

    /// One token of a sentence as the resolver sees it.
    struct Slot: Sendable, Equatable {
        /// The token as the lexicon writes it (a party's name reads "party").
        var word: String
        /// The party this token names, when it is part of a party's name.
        var party: String?
        /// The party of the person this token is part of, when known.
        var personParty: String?
        /// Whether this token starts a person's name.
        var startsPerson = false
        /// Whether this token is part of the name of a state body the entities stage found ("Election Commission").
        var stateBody = false
        /// Whether this token is part of a place's or a people's name the entities stage found, outside any party's.
        var place = false
        /// Whether this token starts the name of a person the entities stage tied to no party.
        var startsUnaffiliatedPerson = false
    }

    /// Words that make an organization's name a state body.
    static let stateWords: Set<String> = [
        "ministry", "ministries", "department", "directorate", "commission", "police", "court", "tribunal",
        "government", "authority", "agency", "bureau", "army", "military", "navy", "cabinet", "parliament",
        "assembly", "senate", "judiciary", "prosecutor", "prosecutors", "treasury", "presidency",
    ]

    /// A possible target, before the nearest and surest is chosen.
    struct Candidate: Equatable {
        var kind: TargetKind
        var start: Int
        var end: Int
        var weight: Double
    }

    /// How much a token of distance costs a candidate's weight: a sure phrase
    /// three tokens further on still beats an unsure one next to the cue.
    static let distanceCost = 0.06
    /// The bonus of a candidate within three tokens after "against".
    static let againstBonus = 0.5
    /// The cost of a candidate standing before the cue rather than after it.
    static let beforeCost = 0.3

    /// The target of the contention cue at `cue` among `slots`, whose actors are of `actorParty`.
    func target(_ slots: [Slot], cue: Range<Int>, actorParty: String?) -> TargetKind {
        resolve(slots, words: lexicon.ids(slots.map(\.word)), range: 0..<slots.count, cue: cue, actorParty: actorParty)?
            .kind
            ?? .none
    }

    /// The chosen candidate for the cue at `cue` in the sentence `slots[range]`
    /// (`words` are the slots' word ids in ``lexicon``, computed once per article).
    func resolve(_ slots: [Slot], words: [Int32], range: Range<Int>, cue: Range<Int>, actorParty: String?)
        -> Candidate?
    {
        best(
            candidates(slots, words: words, range: range, cue: cue, actorParty: actorParty), cue: cue, slots: slots,
            range: range)
    }

    /// Every target candidate in `slots` for the cue at `cue`.
    ///
    /// The actors' own party, members and workers named before the cue are its
    /// subject ("PPP workers held a protest"), not its target, so they are left out.
    func candidates(_ slots: [Slot], words: [Int32], range: Range<Int>, cue: Range<Int>, actorParty: String?)
        -> [Candidate]
    {
        var result: [Candidate] = []
        var covered = [Bool](repeating: false, count: range.count)
        for match in lexicon.matches(in: words, range: range) {
            let phrase = lexicon.cues[match.cue]
            var kind = phrase.label
            let named = slots[match.start..<match.end].compactMap(\.party)
            if kind.isInternal, let actorParty, named.contains(where: { $0 != actorParty }) { kind = .otherParty }
            for k in match.start..<match.end { covered[k - range.lowerBound] = true }
            if match.end <= cue.lowerBound, kind == .ownMember || kind == .ownParty { continue }
            result.append(Candidate(kind: kind, start: match.start, end: match.end, weight: phrase.weight))
        }
        for k in range {
            let slot = slots[k]
            let subject = k < cue.lowerBound
            if slot.startsPerson, let party = slot.personParty, let actorParty, !(subject && party == actorParty) {
                result.append(
                    Candidate(kind: party == actorParty ? .ownMember : .otherParty, start: k, end: k + 1, weight: 0.8))
            }
            if slot.stateBody, k == range.lowerBound || !slots[k - 1].stateBody {
                var end = k + 1
                while end < range.upperBound, slots[end].stateBody { end += 1 }
                result.append(Candidate(kind: .government, start: k, end: end, weight: 1))
            }
            if !covered[k - range.lowerBound], let party = slot.party,
                k == range.lowerBound || slots[k - 1].party != party
            {
                let own = actorParty == nil || party == actorParty
                if own, subject { continue }
                result.append(
                    Candidate(kind: own ? .ownParty : .otherParty, start: k, end: k + 1, weight: own ? 0.3 : 1))
            }
        }
        return result.filter { $0.start < cue.upperBound || !Self.isSpeaker($0, slots: slots, range: range) }
    }

    /// Whether the candidate names who speaks, not whom the contention is aimed at:
    /// it follows a reporting verb ("…,\" said the party's emir.") and ends its
    /// clause, so it is the attribution. "Said the party leadership had betrayed
    /// them" goes on past the phrase and keeps it a target. Measured: train-CV F1,
    /// mean of fold seeds 1-3, 0.902 -> 0.903 (seed 1 0.906 -> 0.914); dev unchanged.
    static func isSpeaker(_ candidate: Candidate, slots: [Slot], range: Range<Int>) -> Bool {
        let from = max(range.lowerBound, candidate.start - Self.attributionReach)
        guard slots[from..<candidate.start].contains(where: { reportingVerbs.contains($0.word) }) else { return false }
        let to = min(range.upperBound, candidate.end + Self.attributionReach)
        return to == range.upperBound && to - candidate.end < Self.attributionReach
            || slots[candidate.end..<to].contains { clauseEnds.contains($0.word) }
    }

    /// How many tokens may stand between a reporting verb and the speaker's name,
    /// and after it before the clause ends ("said the JI emir ."; "said senior party leader Ana Ruiz ,").
    static let attributionReach = 3

    /// Verbs that introduce the speaker of a quotation or a reported statement.
    static let reportingVerbs: Set<String> = ["said", "says", "told", "added", "stated", "according", "asked"]

    /// Tokens that end the clause an attribution stands in.
    static let clauseEnds: Set<String> = [".", ",", ";", ":", "!", "?", "while", "on", "in", "at", "during"]

    /// The candidate nearest after the cue, surest first; `nil` when there is none.
    func best(_ candidates: [Candidate], cue: Range<Int>, slots: [Slot], range: Range<Int>) -> Candidate? {
        func priority(_ candidate: Candidate) -> Double {
            // The cue's own words ("quit the party") may hold the target.
            if candidate.start >= cue.lowerBound {
                var value = candidate.weight - Self.distanceCost * Double(max(0, candidate.start - cue.upperBound))
                let from = max(range.lowerBound, candidate.start - 3)
                if slots[from..<candidate.start].contains(where: { $0.word == "against" }) {
                    value += Self.againstBonus
                }
                return value
            }
            return candidate.weight - Self.beforeCost
                - Self.distanceCost * Double(max(0, cue.lowerBound - candidate.end))
        }
        return candidates.max { a, b in
            let (pa, pb) = (priority(a), priority(b))
            return pa != pb ? pa < pb : a.start > b.start
        }
    }
}
