/// What the report knows of one input line.
enum ReportItem {
    /// An article, with whatever stage outputs it carries.
    case article(ReportArticle)
    /// A dead-letter record: an article a run could not process.
    case failed(FailedRecord)
}

/// One article of a run's output, every stage output optional.
struct ReportArticle {
    var id: String
    var title: String?
    var text: String
    var source: String?
    /// Where the line was read: `run.jsonl:12`.
    var location: String
    var summary: String?
    /// The day of the first of `date`, `published`, `published_at` that holds an ISO 8601 date.
    var day: ReportDay?
    /// `entities`, offsets as written (Unicode scalars into ``text``).
    var entities: [ReportEntity] = []
    /// `intra_party_conflict`, when the run had that stage.
    var conflict: ReportConflict?

    /// Whether the conflict stage flagged this article.
    var isFlagged: Bool { conflict?.label ?? false }
}

/// One entity of the `entities` field.
struct ReportEntity: Decodable, Equatable {
    var text: String?
    var label: String
    var start: Int
    var end: Int
    var canonical: String?
    var party: String?

    init(text: String?, label: String, start: Int, end: Int, canonical: String? = nil, party: String? = nil) {
        self.text = text
        self.label = label
        self.start = start
        self.end = end
        self.canonical = canonical
        self.party = party
    }

    private enum CodingKeys: String, CodingKey { case text, label, start, end, canonical, party }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Without offsets there is nothing to highlight; everything else may be missing.
        start = try container.decode(Int.self, forKey: .start)
        end = try container.decode(Int.self, forKey: .end)
        label = container.lenient(String.self, .label) ?? "MISC"
        text = container.lenient(String.self, .text)
        canonical = container.lenient(String.self, .canonical)
        party = container.lenient(String.self, .party)
    }
}

/// The `intra_party_conflict` field.
struct ReportConflict: Decodable, Equatable {
    var label = false
    var score: Double?
    var subtype: String?
    var subtypes: [String] = []
    var party: String?
    var actors: [ReportActor] = []
    var evidence: [ReportEvidence] = []

    init(
        label: Bool, score: Double? = nil, subtype: String? = nil, subtypes: [String] = [], party: String? = nil,
        actors: [ReportActor] = [], evidence: [ReportEvidence] = []
    ) {
        self.label = label
        self.score = score
        self.subtype = subtype
        self.subtypes = subtypes
        self.party = party
        self.actors = actors
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey { case label, score, subtype, subtypes, party, actors, evidence }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = container.lenient(Bool.self, .label) ?? false
        score = container.lenient(Double.self, .score)
        subtype = container.lenient(String.self, .subtype)
        subtypes = container.lenientArray(String.self, .subtypes)
        party = container.lenient(String.self, .party)
        actors = container.lenientArray(ReportActor.self, .actors)
        evidence = container.lenientArray(ReportEvidence.self, .evidence)
    }
}

/// A person or group the conflict stage names, with their role and party.
struct ReportActor: Decodable, Equatable {
    var name: String
    var party: String?
    var role: String?

    init(name: String, party: String? = nil, role: String? = nil) {
        self.name = name
        self.party = party
        self.role = role
    }

    private enum CodingKeys: String, CodingKey { case name, party, role }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        party = container.lenient(String.self, .party)
        role = container.lenient(String.self, .role)
    }
}

/// A sentence the conflict stage quotes as evidence, with the cue that made it count.
struct ReportEvidence: Decodable, Equatable {
    /// The sentence's index in the article; -1 for the headline.
    var sentence: Int?
    var text: String
    var cue: String?

    init(sentence: Int?, text: String, cue: String?) {
        self.sentence = sentence
        self.text = text
        self.cue = cue
    }

    private enum CodingKeys: String, CodingKey { case sentence, text, cue }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        sentence = container.lenient(Int.self, .sentence)
        cue = container.lenient(String.self, .cue)
    }

    /// Whether the sentence is the headline rather than one of the text's.
    var isHeadline: Bool { sentence == -1 }
}

/// A dead-letter record (`{"id","source","stage","error","input"}`).
struct FailedRecord: Decodable, Equatable {
    var id: String?
    var source: String?
    var stage: String?
    var error: String
    /// Where the line was read.
    var location = ""

    init(id: String?, source: String?, stage: String?, error: String, location: String) {
        self.id = id
        self.source = source
        self.stage = stage
        self.error = error
        self.location = location
    }

    private enum CodingKeys: String, CodingKey { case id, source, stage, error }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error = try container.decode(String.self, forKey: .error)
        id = container.lenient(String.self, .id)
        source = container.lenient(String.self, .source)
        stage = container.lenient(String.self, .stage)
    }
}
