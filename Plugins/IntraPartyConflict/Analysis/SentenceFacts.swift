/// What one sentence (or the title) says about contention and about whose.
package struct SentenceFacts: Sendable {
    /// Index into the text's sentences; -1 for the title.
    package var index: Int
    /// Unicode-scalar offsets of the sentence in its text (the title's own text for -1).
    package var start: Int
    package var end: Int
    /// The strongest weight of each ``CueClass`` found, by ``CueClass/index``.
    package var weights: [Double]
    /// The strongest match of each class, for evidence.
    package var best: [CueLexicon.Match?]
    /// Every subtype cue found (lexicon indices), for the subtype classifier.
    package var subtypeCues: [Int]
    /// Distinct parties named or affiliated in the sentence, in text order.
    package var parties: [String]
    /// The party whose members act: the only one named, else the article's focus party if named, else the first.
    package var context: String?
    /// Who the strongest contention cue is aimed at (``TargetKind/none`` without one).
    package var target: TargetKind
    /// The words that name the target, when a phrase or a name does.
    package var targetWords: Range<Int>?

    /// The weight of `cueClass`.
    package func weight(_ cueClass: CueClass) -> Double { weights[cueClass.index] }

    /// The strongest subtype cue: its class and weight.
    package var contention: (cueClass: CueClass, weight: Double)? {
        var best: (CueClass, Double)?
        for subtype in CueClass.subtypes where weight(subtype) > (best?.1 ?? 0) { best = (subtype, weight(subtype)) }
        return best
    }

    /// Whether the sentence is the title or one of the first two sentences: news puts the event first.
    package var isLead: Bool { index < 2 }
}
