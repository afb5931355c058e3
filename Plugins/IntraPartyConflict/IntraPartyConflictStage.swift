import Foundation
import Gazetteer
import Textpipe

/// Decides whether an article reports a party fighting itself, and shows why.
///
/// Every sentence is scanned for contention cues by subtype (`Resources/cues.tsv`:
/// expel, show-cause, quit the party, slogans against, no-confidence, rebel,
/// faction …) and for who takes part: the parties the entities stage found, "the
/// party", "its own", "party workers". For the strongest cue, ``TargetResolver``
/// decides who it is aimed at (`Resources/targets.tsv`): the party's own
/// leadership, organs or members, or the state, another party, a coalition
/// partner. A logistic regression over named sentence features pooled to the
/// article (``ConflictFeatures``, trained with `textpipe train conflict`) gives
/// a calibrated score, so one unrelated paragraph neither creates nor cancels the
/// label; the same weights score each sentence for evidence, and a second,
/// multinomial regression names the subtype.
public struct IntraPartyConflictStage: Stage {
    /// The stage's options.
    public struct Options: StageOptions {
        /// The score at or above which `label` is true.
        @StageOption(
            "threshold",
            help: "Score (0…1) at or above which 'label' is true; raise it for precision, lower it for recall."
        )
        public var threshold = 0.5
        /// The most evidence sentences to list.
        @StageOption(
            "max_evidence",
            help: "The most evidence sentences to list, strongest first."
        )
        public var maxEvidence = 5
        /// The sentence score at or above which a sentence counts as evidence.
        @StageOption(
            "evidence_threshold",
            help: "Sentence score (0…1: the probability the sentence alone would get) at or above which it is evidence."
        )
        public var evidenceThreshold = 0.5
        /// Whether to write actors, evidence and subtypes (else only label, score, subtype and party).
        @StageOption(
            "details",
            help:
                "Write actors, evidence and all supported subtypes; false writes only label, score, subtype and party."
        )
        public var details = true
        /// A model trained with `textpipe train conflict`; empty for the bundled one.
        @StageOption(
            "model",
            help: "Path of weights trained with 'textpipe train conflict'; empty for the bundled ones."
        )
        public var model = ""

        public init() {}

    }

    public static let name = "intra-party-conflict"
    public static let summary =
        "Flag articles in which a party is fighting itself: label, subtype, party, actors and evidence"
    public static let requires = ["entities"]
    public static let outputs = ["intra_party_conflict"]
    public static let examples: [StageExample] = IntraPartyConflictExamples.all

    let options: Options
    /// What reads an article before any weight is applied: cues, targets, parties.
    package let analyzer: ConflictAnalyzer
    /// The cue lexicon.
    package var lexicon: CueLexicon { analyzer.lexicon }
    /// The classifiers.
    package let model: ConflictModel
    let dense: DenseConflictModel

    public init(options: Options) throws {
        let model: ConflictModel
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
        try self.init(options: options, model: model)
    }

    /// Builds the stage with `model` (for training and cross-validation), checking both.
    package init(options: Options = Options(), model: ConflictModel) throws {
        guard (0...1).contains(options.threshold) else {
            throw StageError("'threshold' must be between 0 and 1, not \(options.threshold)")
        }
        guard options.maxEvidence >= 0 else { throw StageError("'max_evidence' must not be negative") }
        guard (0...1).contains(options.evidenceThreshold) else {
            throw StageError("'evidence_threshold' must be between 0 and 1, not \(options.evidenceThreshold)")
        }
        if let mismatch = model.mismatch {
            throw StageError(
                "the model does not match this version of the stage: \(mismatch)",
                hint: "retrain it with 'textpipe train conflict'")
        }
        self.options = options
        self.model = model
        dense = DenseConflictModel(model)
        analyzer = try ConflictAnalyzer.bundled()
    }

    /// The bundled lexicon and model, read once per process: both are immutable.
    /// The files the stage carries in the binary: cue lexicon, target phrases, weights.
    package static var embeddedResources: StageResources { ConflictResources.embedded }

    static let bundled = (
        lexicon: Result { try CueLexicon(tsv: String(decoding: ConflictResources.data("cues.tsv"), as: UTF8.self)) },
        targets: Result {
            try TargetLexicon(
                tsv: String(decoding: ConflictResources.data("targets.tsv"), as: UTF8.self), file: "targets.tsv")
        },
        model: Result { try JSONDecoder().decode(ConflictModel.self, from: ConflictResources.data("model.json")) },
        aliases: Result { PartyAliases(try Gazetteer.shared.get()) }
    )

    public func process(_ document: inout Document) throws -> Disposition {
        try document.setValue("intra_party_conflict", try report(for: document))
        return .keep
    }

    /// The analysis of a document, before classification.
    ///
    /// - Throws: ``DocumentError`` when its `entities` or `sentences` field is malformed.
    package func analyze(_ document: Document) throws -> ArticleAnalysis {
        try analyzer.analyze(document)
    }

    /// The model's judgement of an analysed article: scores of the article and its sentences.
    package func judge(_ article: ArticleAnalysis) -> ConflictJudgement {
        ConflictJudgement(article: article, model: dense)
    }

    /// The stage's judgement of a document.
    ///
    /// - Throws: ``DocumentError`` when its `entities` or `sentences` field is malformed.
    package func report(for document: Document) throws -> ConflictReport {
        report(for: try analyze(document))
    }

    /// The stage's report on an analysed article.
    package func report(for article: ArticleAnalysis) -> ConflictReport {
        let judgement = judge(article)
        let rounded = (judgement.score * 1000).rounded() / 1000
        guard rounded >= options.threshold else {
            return ConflictReport(
                label: false, score: rounded, subtype: nil, subtypes: [], party: nil, actors: [], evidence: [])
        }
        let supporting = judgement.supporting(threshold: options.evidenceThreshold)
        let party = judgement.party(supporting: supporting)
        let ranked = judgement.subtypes
        var report = ConflictReport(
            label: true, score: rounded, subtype: ranked.first?.subtype.rawValue,
            subtypes: ranked.filter { $0.probability >= Self.subtypeFloor }.map(\.subtype.rawValue), party: party,
            actors: [], evidence: [])
        if options.details {
            report.evidence = judgement.evidence(supporting, limit: options.maxEvidence)
            report.actors = judgement.actors(supporting, party: party)
        } else {
            report.subtypes = []
        }
        return report
    }

    /// The least probability at which a subtype is listed in `subtypes`.
    static let subtypeFloor = 0.1
}

/// The first half of the stage, without its weights: an article's sentences with
/// their cues, targets, parties and actors (``ArticleAnalysis``). Training reads
/// the labelled articles through this, so it needs no stage with a dummy model.
package struct ConflictAnalyzer: Sendable {
    let lexicon: CueLexicon
    let resolver: TargetResolver
    let aliases: PartyAliases

    /// The analyzer of the bundled cue and target lexicons and party gazetteer.
    package static func bundled() throws -> ConflictAnalyzer {
        let lexicon = try IntraPartyConflictStage.bundled.lexicon.get()
        return ConflictAnalyzer(
            lexicon: lexicon,
            resolver: TargetResolver(lexicon: try IntraPartyConflictStage.bundled.targets.get(), cues: lexicon),
            aliases: try IntraPartyConflictStage.bundled.aliases.get())
    }

    /// The analysis of a document, before classification.
    ///
    /// - Throws: ``DocumentError`` when its `entities` or `sentences` field is malformed.
    package func analyze(_ document: Document) throws -> ArticleAnalysis {
        try ArticleAnalysis(document: document, lexicon: lexicon, resolver: resolver, aliases: aliases)
    }
}
