import Foundation

/// The article-level features the classifier weighs: each one a count or a
/// strength a person can check against the evidence.
public enum ConflictFeatures {
    /// Feature names, in vector order.
    public static let names = [
        "intra_sum",  // log(1 + Σ sentence evidence scores ≥ 0.3)
        "intra_max",  // the strongest sentence
        "intra_lead",  // the strongest of the title and the first two sentences
        "intra_sentences",  // log(1 + sentences with evidence ≥ 0.5)
        "internal_markers",  // log(1 + Σ "within the party", "its own" … in sentences about a party)
        "cross_party",  // log(1 + contention sentences between two different parties)
        "cross_party_lead",  // 1 when the title or first two sentences set two parties against each other
        "inter_party_cues",  // log(1 + Σ "rival parties", "opposition supporters" …)
        "government_cues",  // log(1 + Σ "against the government", strikes …)
        "coalition_cues",  // log(1 + Σ "coalition partner", "snapped ties" …)
        "merger_cues",  // log(1 + Σ "merged", "unity" …)
        "voluntary_cues",  // log(1 + Σ "ill health", "retire" …)
        "routine_cues",  // log(1 + Σ "unopposed", "re-elected" …)
        "nonpolitical_cues",  // log(1 + Σ clubs, firms, bands, "birthday party" …)
        "party_mentions",  // log(1 + mentions of parties and their members)
        "no_party",  // 1 when the article names no party and never says "party"
        "distinct_parties",  // log(1 + distinct parties)
    ]

    /// The sign each weight is held to when fitting: +1 for evidence of
    /// intra-party conflict, -1 for evidence against it, 0 where either
    /// direction makes sense. It keeps the weights readable and stops a small
    /// training set from teaching, say, that "ill health" makes conflict likelier.
    public static let signs: [Double] = [1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, -1, 0]

    /// The sentences counted as the article's lead: the title and the first two sentences.
    static func isLead(_ sentence: SentenceFacts) -> Bool { sentence.index < 2 }

    /// The feature vector of an analysed article.
    public static func vector(_ article: ArticleAnalysis) -> [Double] {
        var sum = 0.0
        var maximum = 0.0
        var lead = 0.0
        var strong = 0
        var internalMarkers = 0.0
        var cross = 0
        var crossLead = 0.0
        var negatives = [Double](repeating: 0, count: 7)
        let negativeClasses: [CueClass] = [
            .inter, .government, .coalition, .merger, .voluntary, .routine, .nonpolitical,
        ]
        for sentence in article.sentences {
            if sentence.intra >= 0.3 { sum += sentence.intra }
            maximum = max(maximum, sentence.intra)
            if isLead(sentence) { lead = max(lead, sentence.intra) }
            if sentence.intra >= 0.5 { strong += 1 }
            if sentence.context != nil { internalMarkers += sentence.weight(.internal) }
            if sentence.crossParty, (sentence.contention?.weight ?? 0) >= 0.5 || sentence.weight(.inter) >= 0.7 {
                cross += 1
                if isLead(sentence) { crossLead = 1 }
            }
            for (k, cueClass) in negativeClasses.enumerated() { negatives[k] += sentence.weight(cueClass) }
        }
        let noParty = article.partyMentionCount == 0 && !article.mentionsParty ? 1.0 : 0.0
        return [
            log1p(sum), maximum, lead, log1p(Double(strong)), log1p(internalMarkers), log1p(Double(cross)), crossLead,
        ] + negatives.map { log1p($0) } + [
            log1p(Double(article.partyMentionCount)), noParty, log1p(Double(article.distinctParties)),
        ]
    }
}
