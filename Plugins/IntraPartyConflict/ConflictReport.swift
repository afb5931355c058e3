/// What the stage writes as `intra_party_conflict`.
public struct ConflictReport: Codable, Sendable, Equatable {
    /// A person taking part in the conflict.
    public struct Actor: Codable, Sendable, Equatable {
        public var name: String
        /// The person's party (canonical name), when known.
        public var party: String?
        /// `actor` (acts, protests, challenges) or `target` (is expelled, challenged, protested against).
        public var role: String

        public init(name: String, party: String?, role: String) {
            self.name = name
            self.party = party
            self.role = role
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(party, forKey: .party)
            try container.encode(role, forKey: .role)
        }
    }

    /// A sentence that supports the label.
    public struct Evidence: Codable, Sendable, Equatable {
        /// Index into the text's sentences (0-based); -1 for the title.
        public var sentence: Int
        public var text: String
        /// The words that signal the contention.
        public var cue: String
        /// Who the contention is aimed at (``TargetKind``): `own_leadership`, `government`, ….
        public var target: String
        /// The sentence's probability of reporting intra-party conflict as if it were the whole article.
        public var score: Double

        public init(sentence: Int, text: String, cue: String, target: String, score: Double) {
            self.sentence = sentence
            self.text = text
            self.cue = cue
            self.target = target
            self.score = score
        }
    }

    /// Whether the article reports intra-party conflict.
    public var label: Bool
    /// The classifier's calibrated probability, 0…1, rounded to three decimals.
    public var score: Double
    /// The primary subtype when `label` is true, else `nil`.
    public var subtype: String?
    /// Every subtype the subtype classifier gives at least 10 % probability, most probable first.
    public var subtypes: [String]
    /// The party in conflict with itself (canonical name), when `label` is true and it is known.
    public var party: String?
    public var actors: [Actor]
    public var evidence: [Evidence]

    public init(
        label: Bool, score: Double, subtype: String?, subtypes: [String], party: String?, actors: [Actor],
        evidence: [Evidence]
    ) {
        self.label = label
        self.score = score
        self.subtype = subtype
        self.subtypes = subtypes
        self.party = party
        self.actors = actors
        self.evidence = evidence
    }

    /// Writes `null` for a missing subtype or party rather than leaving the key out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(score, forKey: .score)
        try container.encode(subtype, forKey: .subtype)
        try container.encode(subtypes, forKey: .subtypes)
        try container.encode(party, forKey: .party)
        try container.encode(actors, forKey: .actors)
        try container.encode(evidence, forKey: .evidence)
    }
}
