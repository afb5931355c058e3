import Foundation

/// The named features the classifiers weigh, each one something a person can
/// check against the sentence it came from.
///
/// A sentence gives sparse features: the strength of each cue class it holds
/// (`cue=discipline`), and, when it holds a contention cue, who that cue is
/// aimed at (`target=government`), the cue and the target together
/// (`member_protest&target=government` — the pair that tells party workers
/// protesting against their leaders from the same workers protesting against
/// the state), how many parties take part, whether it is denied, and whether
/// it leads the article. Each such feature carries the contention cue's
/// strength as its value. An article's vector is the maximum of each feature
/// over its sentences, plus a few article-level counts, so one unrelated
/// paragraph adds at most one sentence's worth.
package enum ConflictFeatures {
    /// Cue classes that are not subtypes: markers and look-alikes.
    static let markerClasses: [CueClass] = CueClass.weighed.filter { !$0.isSubtype }

    /// Article-level features, after the pooled sentence features.
    static let articleNames = [
        "internal_target_sentences",  // log(1 + contention sentences aimed inside the party)
        "external_target_sentences",  // log(1 + contention sentences aimed at the state, another party or a partner)
        "party_mentions",  // log(1 + mentions of parties and their members)
        "distinct_parties",  // log(1 + distinct parties)
        "no_party",  // 1 when the article names no party and never says "party"
    ]

    /// Every feature name, in vector order: sentence features, then article features.
    package static let names: [String] = {
        var names = CueClass.weighed.map { "cue=\($0.rawValue)" }
        names += CueClass.weighed.map { "lead&cue=\($0.rawValue)" }
        names += TargetKind.allCases.map { "target=\($0.rawValue)" }
        for subtype in CueClass.subtypes {
            names += TargetKind.allCases.map { "\(subtype.rawValue)&target=\($0.rawValue)" }
        }
        names += ["parties=0", "parties=1", "parties=2+", "lead", "denied", "internal_marker"]
        return names + articleNames
    }()

    /// The number of features computed per sentence (the first ones of ``names``).
    static let sentenceCount = names.count - articleNames.count

    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    private static func position(_ name: String) -> Int {
        guard let position = index[name] else { preconditionFailure("no conflict feature named '\(name)'") }
        return position
    }

    private static let cueOffset = position("cue=\(CueClass.weighed[0].rawValue)")
    private static let leadCueOffset = position("lead&cue=\(CueClass.weighed[0].rawValue)")
    private static let targetOffset = position("target=\(TargetKind.allCases[0].rawValue)")
    private static let pairOffset = position(
        "\(CueClass.subtypes[0].rawValue)&target=\(TargetKind.allCases[0].rawValue)")
    private static let partiesOffset = position("parties=0")
    private static let lead = position("lead")
    private static let denied = position("denied")
    private static let internalMarker = position("internal_marker")

    /// The sparse features of one sentence: (index into ``names``, value).
    static func sentence(_ sentence: SentenceFacts) -> [(Int, Double)] {
        var features: [(Int, Double)] = []
        for cueClass in CueClass.weighed where sentence.weight(cueClass) > 0 {
            features.append((cueOffset + cueClass.index, sentence.weight(cueClass)))
            if sentence.isLead { features.append((leadCueOffset + cueClass.index, sentence.weight(cueClass))) }
        }
        guard let contention = sentence.contention else { return features }
        let strength = contention.weight
        let target = TargetKind.allCases.firstIndex(of: sentence.target) ?? 0
        let subtype = CueClass.subtypes.firstIndex(of: contention.cueClass) ?? 0
        features.append((targetOffset + target, strength))
        features.append((pairOffset + subtype * TargetKind.allCases.count + target, strength))
        features.append((partiesOffset + min(sentence.parties.count, 2), strength))
        if sentence.isLead { features.append((lead, strength)) }
        if sentence.weight(.denial) > 0 { features.append((denied, strength * sentence.weight(.denial))) }
        if sentence.weight(.internal) > 0 { features.append((internalMarker, strength * sentence.weight(.internal))) }
        return features
    }

    /// The article's features: each sentence feature's maximum, then the article-level ones.
    package static func vector(_ article: ArticleAnalysis) -> [Double] {
        vector(article, sentences: article.sentences.map(sentence))
    }

    /// The article's features from its sentences' sparse features (computed once by the caller).
    static func vector(_ article: ArticleAnalysis, sentences: [[(Int, Double)]]) -> [Double] {
        var x = [Double](repeating: 0, count: names.count)
        for features in sentences {
            for (k, value) in features where value > x[k] { x[k] = value }
        }
        var inside = 0
        var outside = 0
        for sentence in article.sentences where (sentence.contention?.weight ?? 0) >= 0.5 {
            if sentence.target.isInternal {
                inside += 1
            } else if sentence.target != .none {
                outside += 1
            }
        }
        let noParty = article.partyMentionCount == 0 && !article.mentionsParty
        x[sentenceCount] = log1p(Double(inside))
        x[sentenceCount + 1] = log1p(Double(outside))
        x[sentenceCount + 2] = log1p(Double(article.partyMentionCount))
        x[sentenceCount + 3] = log1p(Double(article.distinctParties))
        x[sentenceCount + 4] = noParty ? 1 : 0
        return x
    }

    /// The subtype classifier's features, all about the subtypes' own cues:
    /// their strength anywhere and in the lead, weighted by each sentence's
    /// evidence score — so the cue of the
    /// sentence that carries the label counts most — and in the headline and
    /// first sentence, plus the targets; how many sentences each subtype's cues
    /// fill and its share of the article's subtype cue weight; and each strongest
    /// cue with the number of parties its sentence names.
    package static let subtypeNames: [String] = {
        var names: [String] = []
        // No "inside&cue" (a cue's strength in sentences aimed inside the party): the
        // cue × target pairs below say the same, weighted by the sentence score. Without
        // it train-CV subtype accuracy, mean of seeds 1-3, is 0.719 -> 0.727, dev 40 -> 42 of 45.
        for prefix in ["cue", "lead&cue", "evidence_max&cue", "evidence_sum&cue", "head&cue"] {
            names += CueClass.subtypes.map { "\(prefix)=\($0.rawValue)" }
        }
        names += TargetKind.allCases.map { "target=\($0.rawValue)" }
        // Each subtype cue with the target of its sentence: "suspended" aimed at the
        // party's leader reads as a leadership challenge, aimed at a member as discipline.
        for subtype in CueClass.subtypes {
            names += TargetKind.allCases.map { "\(subtype.rawValue)&target=\($0.rawValue)" }
        }
        // The labelling rule "a ticket grievance taken to the street is a member
        // protest" as a feature the classifier weighs: both cues, the weaker's strength.
        names.append("member_protest&candidate_selection_dispute")
        // How much of the article each subtype takes up, not only its strongest
        // sentence: log(1 + sentences holding its cue), its share of all subtype
        // cue weight, and log(1 + sentences where it is the strongest cue). A feud
        // that mentions one suspension is mostly faction talk.
        for prefix in ["sentences&cue", "share&cue", "strongest_sentences&cue"] {
            names += CueClass.subtypes.map { "\(prefix)=\($0.rawValue)" }
        }
        // Each sentence's strongest subtype cue with how many parties it names:
        // an exit naming the party left and the one joined, a split naming the new
        // party, a feud or a discipline inside one party.
        for subtype in CueClass.subtypes {
            names += ["0", "1", "2+"].map { "\(subtype.rawValue)&parties=\($0)" }
        }
        // One feature per subtype phrase of the bundled lexicon: "expelled" and
        // "show-cause" are both discipline, but say it with different certainty.
        var seen = Set(names)
        for cue in bundledCues where cue.label.isSubtype {
            let name = "phrase=\(cue.label.rawValue):\(cue.phrase)"
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }()

    /// The bundled lexicon's cues (empty if it cannot be read; the stage then fails to build with the reason).
    private static let bundledCues = (try? IntraPartyConflictStage.bundled.lexicon.get().cues) ?? []

    /// Cue index → its `phrase=` feature's index in ``subtypeNames`` (nil for non-subtype cues).
    private static let phraseFeature: [Int?] = {
        let index = Dictionary(uniqueKeysWithValues: subtypeNames.enumerated().map { ($1, $0) })
        return bundledCues.map { cue in cue.label.isSubtype ? index["phrase=\(cue.label.rawValue):\(cue.phrase)"] : nil
        }
    }()

    private static let subtypeIndex = Dictionary(uniqueKeysWithValues: subtypeNames.enumerated().map { ($1, $0) })

    private static func position(subtype name: String) -> Int {
        guard let position = subtypeIndex[name] else { preconditionFailure("no subtype feature named '\(name)'") }
        return position
    }

    /// The subtype classifier's vector, in ``subtypeNames`` order.
    package static func subtypeVector(_ article: ArticleAnalysis, sentenceScores: [Double]) -> [Double] {
        let n = CueClass.subtypes.count
        let targets = TargetKind.allCases.count
        var x = [Double](repeating: 0, count: subtypeNames.count)
        for (sentence, score) in zip(article.sentences, sentenceScores) {
            for (k, subtype) in CueClass.subtypes.enumerated() {
                let weight = sentence.weight(subtype)
                guard weight > 0 else { continue }
                x[k] = max(x[k], weight)
                if sentence.isLead { x[n + k] = max(x[n + k], weight) }
                x[2 * n + k] = max(x[2 * n + k], weight * score)
                x[3 * n + k] += weight * score
                // The headline and the first sentence (index -1 and 0; most gold texts have no
                // separate headline, so 0 is it) state the article's main event; "lead" (index
                // < 2) also takes in the background the next sentence gives. Train-CV subtype accuracy, mean of seeds 1-3: 0.650 -> 0.660.
                if sentence.index <= 0 { x[4 * n + k] = max(x[4 * n + k], weight) }
            }
            if let contention = sentence.contention, let t = TargetKind.allCases.firstIndex(of: sentence.target) {
                x[5 * n + t] = max(x[5 * n + t], contention.weight * score)
                for (k, subtype) in CueClass.subtypes.enumerated() where sentence.weight(subtype) > 0 {
                    let pair = 5 * n + targets + k * targets + t
                    x[pair] = max(x[pair], sentence.weight(subtype) * score)
                }
            }
            for cue in sentence.subtypeCues where cue < phraseFeature.count {
                if let k = phraseFeature[cue] { x[k] = max(x[k], score) }
            }
        }
        for k in 0..<n { x[3 * n + k] = log1p(x[3 * n + k]) }
        let protest = CueClass.subtypes.firstIndex(of: .memberProtest) ?? 0
        let selection = CueClass.subtypes.firstIndex(of: .candidateSelectionDispute) ?? 0
        x[5 * n + targets + n * targets] = min(x[protest], x[selection])
        // The extent features and the cue × parties pairs (see ``subtypeNames``).
        // Train-CV subtype accuracy, mean of seeds 1-3, class-balanced fit at
        // --subtype-l2 0.02: 0.671 without them, 0.714 with them (dev 39/45 either way).
        let extent = position(subtype: "sentences&cue=\(CueClass.subtypes[0].rawValue)")
        var sentences = [Double](repeating: 0, count: n)
        var strongest = [Double](repeating: 0, count: n)
        var mass = [Double](repeating: 0, count: n)
        for (sentence, score) in zip(article.sentences, sentenceScores) {
            for (k, subtype) in CueClass.subtypes.enumerated() where sentence.weight(subtype) > 0 {
                sentences[k] += 1
                mass[k] += sentence.weight(subtype)
            }
            guard let contention = sentence.contention,
                let k = CueClass.subtypes.firstIndex(of: contention.cueClass)
            else { continue }
            strongest[k] += 1
            let pair = extent + 3 * n + 3 * k + min(sentence.parties.count, 2)
            x[pair] = max(x[pair], contention.weight * score)
        }
        let total = mass.reduce(0, +)
        for k in 0..<n {
            x[extent + k] = log1p(sentences[k])
            x[extent + n + k] = total > 0 ? mass[k] / total : 0
            x[extent + 2 * n + k] = log1p(strongest[k])
        }
        return x
    }
}
