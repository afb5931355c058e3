/// What one sentence (or the title) says about contention and about whose.
public struct SentenceFacts: Sendable {
    /// Index into the text's sentences; -1 for the title.
    public var index: Int
    /// Unicode-scalar offsets of the sentence in its text (the title's own text for -1).
    public var start: Int
    public var end: Int
    /// The strongest weight of each ``CueClass`` found, by ``CueClass/index``.
    public var weights: [Double]
    /// The strongest match of each class, for evidence.
    public var best: [CueLexicon.Match?]
    /// Distinct parties named or affiliated in the sentence, in text order.
    public var parties: [String]
    /// The party the sentence is about: the only one named, else the article's focus party.
    public var context: String?
    /// Whether two or more different parties take part and nothing marks the contention as internal.
    public var crossParty: Bool
    /// How sure we are that the participants share one party, 0…1.
    public var sameParty: Double
    /// Contention (strongest subtype cue) × ``sameParty`` × negative damping: the sentence's evidence score.
    public var intra: Double

    /// The weight of `cueClass`.
    public func weight(_ cueClass: CueClass) -> Double { weights[cueClass.index] }

    /// The strongest subtype cue: its class and weight.
    public var contention: (cueClass: CueClass, weight: Double)? {
        var best: (CueClass, Double)?
        for subtype in CueClass.subtypes where weight(subtype) > (best?.1 ?? 0) { best = (subtype, weight(subtype)) }
        return best
    }
}
