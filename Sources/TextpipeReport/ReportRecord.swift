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
struct ReportEntity: Equatable {
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

    /// Reads one element of `entities`; `nil` without offsets, since there is nothing to highlight then.
    init?(json: JSONValue) {
        guard let start = json["start"]?.int, let end = json["end"]?.int else { return nil }
        self.start = start
        self.end = end
        label = json["label"]?.string ?? "MISC"
        text = json["text"]?.string
        canonical = json["canonical"]?.string
        party = json["party"]?.string
    }
}

/// The `intra_party_conflict` field.
struct ReportConflict: Equatable {
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

    /// Reads the field; `nil` when it is not an object. Members of other types than expected are left out.
    init?(json: JSONValue) {
        guard case .object = json else { return nil }
        label = json["label"]?.bool ?? false
        score = json["score"]?.double
        subtype = json["subtype"]?.string
        subtypes = json["subtypes"]?.elements.compactMap(\.string) ?? []
        party = json["party"]?.string
        actors = json["actors"]?.elements.compactMap(ReportActor.init(json:)) ?? []
        evidence = json["evidence"]?.elements.compactMap(ReportEvidence.init(json:)) ?? []
    }
}

/// A person or group the conflict stage names, with their role and party.
struct ReportActor: Equatable {
    var name: String
    var party: String?
    var role: String?

    init(name: String, party: String? = nil, role: String? = nil) {
        self.name = name
        self.party = party
        self.role = role
    }

    init?(json: JSONValue) {
        guard let name = json["name"]?.string else { return nil }
        self.name = name
        party = json["party"]?.string
        role = json["role"]?.string
    }
}

/// A sentence the conflict stage quotes as evidence, with the cue that made it count.
struct ReportEvidence: Equatable {
    /// The sentence's index in the article; -1 for the headline.
    var sentence: Int?
    var text: String
    var cue: String?

    init(sentence: Int?, text: String, cue: String?) {
        self.sentence = sentence
        self.text = text
        self.cue = cue
    }

    init?(json: JSONValue) {
        guard let text = json["text"]?.string else { return nil }
        self.text = text
        sentence = json["sentence"]?.int
        cue = json["cue"]?.string
    }

    /// Whether the sentence is the headline rather than one of the text's.
    var isHeadline: Bool { sentence == -1 }
}

/// A dead-letter record (`{"id","source","stage","error","input"}`).
struct FailedRecord: Equatable {
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

    /// Reads a dead-letter record; `nil` without a string `error`.
    init?(json: JSONValue, location: String) {
        guard let error = json["error"]?.string else { return nil }
        self.error = error
        self.location = location
        id = json["id"]?.string
        source = json["source"]?.string
        stage = json["stage"]?.string
    }
}
