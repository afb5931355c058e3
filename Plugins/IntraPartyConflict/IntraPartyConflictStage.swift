import Entities
import Foundation
import Textpipe

/// Decides whether an article reports a party fighting itself, and shows why.
///
/// Every sentence is scanned for contention cues, organized by subtype
/// (`Resources/cues.tsv`: expel, show-cause, quit the party, slogans against,
/// no-confidence, rebel, faction …), and for who takes part: the parties the
/// entities stage found in it, "the party", "its own", "party workers". A
/// sentence is evidence when a cue meets participants of one party; a second,
/// different party, the government as the target, coalition, merger, health
/// and non-political cues weigh against it. A logistic regression over a
/// handful of article-level counts of these (``ConflictFeatures``, trained with
/// `textpipe train conflict`) gives the score, so one unrelated paragraph
/// neither creates nor cancels the label. The subtype is the one whose cues
/// carry the most evidence, the title and lead counting more.
public struct IntraPartyConflictStage: Stage {
    /// The stage's options.
    public struct Options: StageOptions {
        /// The score at or above which `label` is true.
        public var threshold = 0.5
        /// The most evidence sentences to list.
        public var maxEvidence = 5
        /// The sentence score at or above which a sentence counts as evidence.
        public var evidenceThreshold = 0.35
        /// Whether to write actors, evidence and subtypes (else only label, score, subtype and party).
        public var details = true
        /// A model trained with `textpipe train conflict`; empty for the bundled one.
        public var model = ""

        public init() {}

        public init(from decoder: any Decoder) throws {
            let options = try decoder.options()
            threshold = try options.option("threshold", default: threshold)
            maxEvidence = try options.option("max_evidence", default: maxEvidence)
            evidenceThreshold = try options.option("evidence_threshold", default: evidenceThreshold)
            details = try options.option("details", default: details)
            model = try options.option("model", default: model)
        }

        public static let fields: [OptionField] = [
            OptionField(
                "threshold", type: "number", default: "0.5",
                "Score (0…1) at or above which 'label' is true; raise it for precision, lower it for recall."),
            OptionField(
                "max_evidence", type: "int", default: "5", "The most evidence sentences to list, strongest first."),
            OptionField(
                "evidence_threshold", type: "number", default: "0.35",
                "Sentence score (cue strength × same-party certainty, 0…1) at or above which a sentence is evidence."),
            OptionField(
                "details", type: "bool", default: "true",
                "Write actors, evidence and all supported subtypes; false writes only label, score, subtype and party."),
            OptionField(
                "model", type: "string", default: "\"\"",
                "Path of weights trained with 'textpipe train conflict'; empty for the bundled ones."),
        ]
    }

    public static let name = "intra-party-conflict"
    public static let summary =
        "Flag articles in which a party is fighting itself: label, subtype, party, actors and evidence"
    public static let requires = ["entities"]
    public static let outputs = ["intra_party_conflict"]
    public static let examples: [StageExample] = IntraPartyConflictExamples.all

    let options: Options
    /// The cue lexicon.
    public let lexicon: CueLexicon
    /// The classifier.
    public let model: ConflictModel
    let aliases: PartyAliases

    public init(options: Options) throws {
        guard (0...1).contains(options.threshold) else {
            throw StageError("'threshold' must be between 0 and 1, not \(options.threshold)")
        }
        guard options.maxEvidence >= 0 else { throw StageError("'max_evidence' must not be negative") }
        self.options = options
        lexicon = try Self.bundled.lexicon.get()
        aliases = try Self.bundled.aliases.get()
        if options.model.isEmpty {
            model = try Self.bundled.model.get()
        } else {
            do {
                model = try JSONDecoder().decode(
                    ConflictModel.self, from: Data(contentsOf: URL(fileURLWithPath: options.model)))
            } catch {
                throw StageError(
                    "cannot load model '\(options.model)': \(error)", hint: "train one with 'textpipe train conflict'")
            }
        }
        guard model.features == ConflictFeatures.names, model.weights.count == model.features.count else {
            throw StageError(
                "the model's features do not match this version of the stage",
                hint: "retrain it with 'textpipe train conflict'")
        }
    }

    /// The bundled lexicon and model, read once per process: both are immutable.
    static let bundled = (
        lexicon: Result { try CueLexicon(tsv: String(decoding: ConflictResources.data("cues.tsv"), as: UTF8.self)) },
        model: Result { try JSONDecoder().decode(ConflictModel.self, from: ConflictResources.data("model.json")) },
        aliases: Result {
            PartyAliases(
                try PartyGazetteer(
                    tsv: EntitiesResources.text("parties.tsv"), countries: EntitiesResources.text("countries.tsv")))
        }
    )

    /// Builds the stage with the bundled lexicon and the given model (for training and cross-validation).
    public init(options: Options = Options(), model: ConflictModel) throws {
        self.options = options
        lexicon = try Self.bundled.lexicon.get()
        aliases = try Self.bundled.aliases.get()
        self.model = model
    }

    public func process(_ document: inout Document) throws -> Disposition {
        try document.setValue("intra_party_conflict", report(for: document))
        return .keep
    }

    /// The analysis of a document, before classification.
    public func analyze(_ document: Document) -> ArticleAnalysis {
        ArticleAnalysis(document: document, lexicon: lexicon, aliases: aliases)
    }

    /// The stage's judgement of a document.
    public func report(for document: Document) -> ConflictReport {
        report(for: analyze(document))
    }

    /// The stage's judgement of an analysed article.
    public func report(for article: ArticleAnalysis) -> ConflictReport {
        let score = model.probability(ConflictFeatures.vector(article))
        let rounded = (score * 1000).rounded() / 1000
        guard rounded >= options.threshold else {
            return ConflictReport(
                label: false, score: rounded, subtype: nil, subtypes: [], party: nil, actors: [], evidence: [])
        }
        let judgement = ConflictJudgement(article: article, evidenceThreshold: options.evidenceThreshold)
        var report = ConflictReport(
            label: true, score: rounded, subtype: judgement.subtypes.first?.rawValue,
            subtypes: judgement.subtypes.map(\.rawValue), party: judgement.party, actors: [], evidence: [])
        if options.details {
            report.evidence = judgement.evidence(limit: options.maxEvidence)
            report.actors = judgement.actors()
        } else {
            report.subtypes = []
        }
        return report
    }
}
