import Foundation
import Gazetteer
import Textpipe

/// Named-entity recognition: people, organizations, places and other names,
/// with a canonical name per entity and the party of politicians.
///
/// A statistical tagger (an averaged structured perceptron over BIO tags,
/// decoded with Viterbi; see ``TaggerModel``) finds the mentions; rules over
/// the mentions then give every mention of one entity the same `canonical`
/// name (`Mr Sattar` → `Farooq Sattar`, `MQM` → the party's canonical name
/// through the party gazetteer) and read party affiliation from patterns such
/// as "MQM-P leader Farooq Sattar" or "PTI's Imran Khan".
public struct EntitiesStage: Stage {
    /// The stage's options.
    public struct Options: StageOptions {
        /// Entity types to keep.
        @StageOption(
            "labels",
            help: "Entity types to write; the others are dropped."
        )
        public var labels: [String] = TagSet.types.map(\.rawValue)
        /// Whether to write `canonical` names.
        @StageOption(
            "canonical",
            help:
                "Give every mention of one entity the same 'canonical' name (surnames and titles resolved to the full name, party aliases to the party's name)."
        )
        public var canonical = true
        /// Whether to write `party` on persons and parties.
        @StageOption(
            "party",
            help:
                "Write 'party' (a canonical party name) on persons whose party the article states, on party mentions, and on organizations named after a party (its branches and organs: 'MQM Central Committee')."
        )
        public var party = true
        /// A model file trained with `textpipe train entities`; empty for the bundled one.
        @StageOption(
            "model",
            help: "Path of a model trained with 'textpipe train entities'; empty for the bundled CoNLL-2003 model."
        )
        public var model = ""

        public init() {}
    }

    public static let name = "entities"
    public static let summary = "Find people, organizations and places, with canonical names and party affiliation"
    public static let outputs = ["entities"]
    public static let examples: [StageExample] = [
        StageExample(
            "people, a party and a city, with the party's canonical name",
            input: #"{"text": "MQM-P leader Farooq Sattar spoke in Karachi on Saturday."}"#,
            expected:
                #"{"entities": [{"text": "MQM-P", "label": "ORG", "start": 0, "end": 5, "canonical": "MQM-P", "party": "MQM-P"}, {"text": "Farooq Sattar", "label": "PER", "start": 13, "end": 26, "canonical": "Farooq Sattar", "party": "MQM-P"}, {"text": "Karachi", "label": "LOC", "start": 36, "end": 43, "canonical": "Karachi"}]}"#
        ),
        StageExample(
            "a surname and a title share the full name",
            options: "{ labels: [PER] }",
            input: #"{"text": "Tony Blair met Angela Merkel in Berlin. Mr Blair said the talks went well."}"#,
            expected:
                #"{"entities": [{"text": "Tony Blair", "label": "PER", "start": 0, "end": 10, "canonical": "Tony Blair"}, {"text": "Angela Merkel", "label": "PER", "start": 15, "end": 28, "canonical": "Angela Merkel"}, {"text": "Blair", "label": "PER", "start": 43, "end": 48, "canonical": "Tony Blair"}]}"#
        ),
        StageExample(
            "mentions only, without canonical names or parties",
            options: "{ canonical: false, party: false }",
            input: #"{"text": "PTI's Imran Khan addressed a rally in Lahore."}"#,
            expected:
                #"{"entities": [{"text": "PTI", "label": "ORG", "start": 0, "end": 3}, {"text": "Imran Khan", "label": "PER", "start": 6, "end": 16}, {"text": "Lahore", "label": "LOC", "start": 38, "end": 44}]}"#
        ),
    ]

    let options: Options
    /// The tagger this stage runs.
    package let model: TaggerModel
    let names: NameResolver
    let keep: Set<EntityLabel>

    public init(options: Options) throws {
        let unknown = options.labels.filter { EntityLabel(rawValue: $0) == nil }
        if let label = unknown.first {
            throw StageError("unknown label '\(label)' in 'labels'", hint: "use PER, ORG, LOC or MISC")
        }
        self.options = options
        keep = Set(options.labels.compactMap(EntityLabel.init(rawValue:)))
        if options.model.isEmpty {
            model = try Self.bundled.model.get()
        } else {
            do {
                model = try ModelFile.load(URL(fileURLWithPath: options.model))
            } catch {
                throw StageError(
                    "cannot load model '\(options.model)': \(error)", hint: "train one with 'textpipe train entities'")
            }
        }
        names = NameResolver(parties: try Self.bundled.parties.get(), lists: try Self.bundled.lists.get())
    }

    /// The bundled model, party gazetteer and name lists, loaded once per process: all are immutable.
    static let bundled = (
        model: Result { try ModelFile.decode(EntitiesResources.data("model.bin"), path: "<embedded>/model.bin") },
        parties: Gazetteer.shared,
        lists: Result { NameLists(text: try EntitiesResources.text("names.txt")) }
    )

    public func process(_ document: inout Document) throws -> Disposition {
        let layout = TextLayout(document.text)
        let entities = resolvedMentions(in: layout)
        let kept = entities.compactMap { mention -> Entity? in
            guard keep.contains(mention.label) else { return nil }
            return Entity(
                text: mention.text, label: mention.label, start: mention.start, end: mention.end,
                canonical: options.canonical ? mention.canonical : nil, party: options.party ? mention.party : nil)
        }
        document.setEntities(kept)
        // Summarize and intra-party-conflict split the same text with the same
        // splitter; handing them this split saves them the work.
        document.shareSentences(layout.sentenceSpans)
        if let tokenized = layout.tokenized { document.shareTokens(tokenized) }
        return .keep
    }

    /// The mentions the stage writes for a text: tagged, then repaired, relabelled
    /// and given canonical names and parties by the ``NameResolver``.
    package func resolvedMentions(in layout: TextLayout) -> [Mention] {
        var entities = Self.mentions(in: layout, model: model)
        // Always, whatever the options: besides canonical names and parties, resolving repairs names and labels.
        names.resolve(&entities, in: layout) {
            model.gazetteer(layout.scalars, tokens: layout.tokens[$0])
        } usuallyLowercase: {
            model.usuallyLowercase(layout.scalars, token: layout.tokens[$0])
        }
        return entities
    }

    /// The tagged mentions of a text, in order, before canonical names.
    package static func mentions(in layout: TextLayout, model: TaggerModel) -> [Mention] {
        return model.spans(layout.scalars, tokens: layout.tokens, sentences: layout.sentences).map { span in
            let start = layout.tokens[span.range.lowerBound].lowerBound
            let end = layout.tokens[span.range.upperBound - 1].upperBound
            return Mention(
                text: layout.text(start..<end), label: TagSet.types[span.type], start: start, end: end,
                tokens: span.range)
        }
    }
}

/// One tagged mention while names are being resolved.
package struct Mention: Sendable, Equatable {
    package var text: String
    package var label: EntityLabel
    package var start: Int
    package var end: Int
    /// The mention's token indices in its ``TextLayout``.
    package var tokens: Range<Int>
    package var canonical: String?
    package var party: String?
}
