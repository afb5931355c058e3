import Textpipe

/// Subtype, party, evidence and actors of an article judged to report intra-party conflict.
struct ConflictJudgement {
    let article: ArticleAnalysis
    /// The sentences that count, in text order.
    let supporting: [SentenceFacts]
    /// Supported subtypes, strongest first.
    let subtypes: [CueClass]
    /// The party in conflict.
    let party: String?

    /// Subtype weight of a title or lead sentence relative to the rest: news puts the event first.
    static let leadBonus = 1.5

    init(article: ArticleAnalysis, evidenceThreshold: Double) {
        self.article = article
        var supporting = article.sentences.filter { $0.intra >= evidenceThreshold }
        if supporting.isEmpty, let best = article.sentences.max(by: { $0.intra < $1.intra }), best.intra > 0 {
            supporting = [best]
        }
        self.supporting = supporting
        // A subtype's score is its strongest sentence plus a quarter of the rest:
        // one clear "stake claim to the symbol" outweighs many passing "faction"s.
        var strongest = [Double](repeating: 0, count: CueClass.subtypes.count)
        var total = [Double](repeating: 0, count: CueClass.subtypes.count)
        var parties: [String: Double] = [:]
        for sentence in supporting {
            let lead = ConflictFeatures.isLead(sentence) ? Self.leadBonus : 1
            for subtype in CueClass.subtypes {
                let value = sentence.weight(subtype) * sentence.sameParty * lead
                strongest[subtype.index] = max(strongest[subtype.index], value)
                total[subtype.index] += value
            }
            if let context = sentence.context { parties[context, default: 0] += sentence.intra * lead }
        }
        var scores = CueClass.subtypes.map { strongest[$0.index] + 0.25 * (total[$0.index] - strongest[$0.index]) }
        // Ticket grievances taken to the street are member protests (labelling rules):
        // a strong protest action absorbs the selection dispute behind it.
        let protest = CueClass.memberProtest.index
        let selection = CueClass.candidateSelectionDispute.index
        if supporting.contains(where: { $0.weight(.memberProtest) >= 0.8 }), scores[selection] > 0 {
            scores[protest] += scores[selection]
            scores[selection] = 0
        }
        let top = scores.max() ?? 0
        subtypes =
            top > 0
            ? CueClass.subtypes.filter { scores[$0.index] >= 0.4 * top }.sorted { scores[$0.index] > scores[$1.index] }
            : []
        // The focus party wins ties, then the name, so the choice is the same on every run.
        party =
            parties.max { a, b in
                if a.value != b.value { return a.value < b.value }
                if (a.key == article.focus) != (b.key == article.focus) { return b.key == article.focus }
                return a.key > b.key
            }?.key ?? article.focus
    }

    /// The strongest subtype cue of a sentence.
    private func cue(_ sentence: SentenceFacts) -> CueLexicon.Match? {
        var best: (match: CueLexicon.Match, weight: Double)?
        for subtype in CueClass.subtypes {
            if let match = sentence.best[subtype.index], sentence.weight(subtype) > (best?.weight ?? 0) {
                best = (match, sentence.weight(subtype))
            }
        }
        return best?.match
    }

    /// Up to `limit` supporting sentences, strongest first, then listed in text order.
    func evidence(limit: Int) -> [ConflictReport.Evidence] {
        let chosen = supporting.enumerated().sorted { a, b in
            a.element.intra != b.element.intra ? a.element.intra > b.element.intra : a.offset < b.offset
        }.prefix(limit).sorted { $0.offset < $1.offset }.map(\.element)
        return chosen.map { sentence in
            ConflictReport.Evidence(
                sentence: sentence.index, text: article.text(of: sentence),
                cue: cue(sentence).map { article.text(of: $0, in: sentence) } ?? "")
        }
    }

    /// Persons named in the evidence who belong to the party in conflict (or to no known party).
    ///
    /// A person named after a discipline or leadership cue ("… expelled X",
    /// "… a challenge to X") is its target; everyone else is an actor.
    func actors() -> [ConflictReport.Actor] {
        var result: [ConflictReport.Actor] = []
        var seen = Set<String>()
        for sentence in supporting where sentence.index >= 0 {
            let match = cue(sentence)
            let cueClass = CueClass.subtypes.first { sentence.best[$0.index] == match && match != nil }
            let cueStart = match.map { article.offset(of: $0, in: sentence) } ?? Int.max
            for (entity, known) in article.persons where entity.start >= sentence.start && entity.end <= sentence.end {
                let party = known ?? (sentence.parties.count <= 1 ? sentence.context : nil)
                guard party == self.party || party == nil else { continue }
                let name = entity.canonical ?? entity.text
                guard seen.insert(name).inserted else { continue }
                let targeted = entity.start > cueStart && (cueClass == .discipline || cueClass == .leadershipChallenge)
                result.append(ConflictReport.Actor(name: name, party: party, role: targeted ? "target" : "actor"))
            }
        }
        return result
    }
}
