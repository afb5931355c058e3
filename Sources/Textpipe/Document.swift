import Foundation

/// One article as it flows through a pipeline.
///
/// `Document` is a value type, like spaCy's `Doc`: every stage receives its own
/// copy and changes it in place. It carries the text and a few well-known
/// fields (`id`, `title`, `source`) as Swift properties, and everything else —
/// stage outputs such as `summary`, shared annotations such as `entities`, and
/// every input field no stage knows — as an ordered list of JSON fields.
/// Fields the pipeline never touches are kept as the compact JSON text they
/// arrived as, so `textpipe run a | textpipe run b` loses nothing and costs
/// no decoding.
///
/// The annotations several stages share have typed accessors — ``entities``
/// and ``sentences`` — that read their fields with the core's JSON scanner
/// and throw when a field is malformed, and setters that write them with the
/// core's JSON writer.
public struct Document: Sendable, Equatable {
    /// The article's identity: the input's `id`, else the file's relative path,
    /// else `stdin:<line>`.
    public var id: String
    /// The article body.
    public var text: String {
        // A shared split or tokenization describes the text it was made from, not this one.
        didSet {
            annotations.sharedSentences = nil
            annotations.sharedTokens = nil
        }
    }
    /// The headline, when the input had one.
    public var title: String?
    /// Where the article came from (a file path, `path:line`), when known.
    public var source: String?
    /// The raw bytes of `text` when the input was not valid UTF-8.
    ///
    /// `text` then holds a lossy decoding. A stage that repairs the encoding
    /// (normalize's Latin-1 fallback) sets `text` and clears this; if it is still
    /// set when the pipeline ends, the runner reports the article as mis-encoded
    /// rather than writing replacement characters.
    public var undecodedText: [UInt8]?
    /// The input's `id` when it was not a JSON string (a number, say), kept so it
    /// is written back exactly as it came.
    public var rawID: JSONFragment?
    /// Every other field, in input order, then in the order stages added them.
    public private(set) var fields: [(name: String, value: JSONFragment)]
    /// Typed values of the shared annotations, so a stage reads what an earlier one set without parsing it.
    var annotations = TypedAnnotations()

    /// Creates a document.
    public init(
        id: String, text: String, title: String? = nil, source: String? = nil,
        fields: [(name: String, value: JSONFragment)] = []
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.source = source
        self.fields = fields
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.id == rhs.id && lhs.text == rhs.text && lhs.title == rhs.title && lhs.source == rhs.source
            && lhs.undecodedText == rhs.undecodedText && lhs.rawID == rhs.rawID
            && lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    // MARK: - Fields

    /// The raw JSON of field `name`, if present.
    public func field(_ name: String) -> JSONFragment? {
        fields.first { $0.name == name }?.value
    }

    /// Sets field `name` to raw JSON, replacing it in place or appending it.
    public mutating func setField(_ name: String, _ value: JSONFragment) {
        forgetTypedValue(of: name)
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].value = value
        } else {
            fields.append((name, value))
        }
    }

    /// Removes field `name`.
    public mutating func removeField(_ name: String) {
        forgetTypedValue(of: name)
        fields.removeAll { $0.name == name }
    }

    /// Drops the typed value that mirrors field `name`, which is about to change.
    private mutating func forgetTypedValue(of name: String) {
        switch name {
        case "entities": annotations.entities = nil
        case "sentences": annotations.sentenceField = nil
        default: break
        }
    }

    /// Decodes field `name` as `T`; `nil` when it is absent or JSON `null`.
    ///
    /// - Throws: ``DocumentError/fieldType(name:type:underlying:)`` when the
    ///   field is there but is not a `T`.
    public func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let fragment = field(name), !fragment.isNull else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: Data(fragment.bytes))
        } catch {
            throw DocumentError.fieldType(name: name, type: String(describing: T.self), underlying: "\(error)")
        }
    }

    /// Encodes `value` as JSON (sorted keys, so output is the same on every run)
    /// and stores it as field `name`.
    public mutating func setValue<T: Encodable>(_ name: String, _ value: T) throws {
        setField(name, try JSONFragment(encoding: value))
    }

    // MARK: - Shared annotations

    /// Named entities (field `entities`), or `nil` when the document has none.
    ///
    /// Parsed only when read (decoding a record keeps the field as its bytes),
    /// by the core's scanner; not at all when a stage of this run set them
    /// with ``setEntities(_:)``.
    ///
    /// - Throws: ``DocumentError/invalidField(name:reason:)`` naming `entities`
    ///   when the field is not an array of entities.
    public var entities: [Entity]? {
        get throws(DocumentError) {
            if let entities = annotations.entities { return entities }
            guard let fragment = field("entities"), !fragment.isNull else { return nil }
            do {
                return try AnnotationJSON.entities(fragment)
            } catch {
                throw DocumentError.invalidField(name: "entities", reason: error.description)
            }
        }
    }

    /// Sets field `entities` (or removes it, given `nil`), keeping the typed
    /// value too so later stages need not parse it.
    public mutating func setEntities(_ entities: [Entity]?) {
        guard let entities else { return removeField("entities") }
        setField("entities", AnnotationJSON.fragment(entities))
        annotations.entities = entities
    }

    /// The text's sentences as Unicode-scalar spans, or `nil` when nothing split it.
    ///
    /// The document's `sentences` field when it has one (from the input, or
    /// from ``setSentences(_:)``; parsed only when read, by the core's
    /// scanner); else the split an earlier stage of this run shared with
    /// ``shareSentences(_:)`` for the current `text`.
    ///
    /// - Throws: ``DocumentError/invalidField(name:reason:)`` naming
    ///   `sentences` when the field is not an array of spans.
    public var sentences: [TextSpan]? {
        get throws(DocumentError) {
            if let sentences = annotations.sentenceField { return sentences }
            if let fragment = field("sentences"), !fragment.isNull {
                do {
                    return try AnnotationJSON.sentences(fragment)
                } catch {
                    throw DocumentError.invalidField(name: "sentences", reason: error.description)
                }
            }
            return annotations.sharedSentences
        }
    }

    /// Sets field `sentences` (or removes it, given `nil`): the split is then
    /// part of the output.
    public mutating func setSentences(_ sentences: [TextSpan]?) {
        guard let sentences else { return removeField("sentences") }
        setField("sentences", AnnotationJSON.fragment(sentences))
        annotations.sentenceField = sentences
    }

    /// Shares a split of the current `text` with later stages, in memory only.
    ///
    /// A stage that splits the text for its own use (entities does, to tag
    /// sentence by sentence) hands the split on, so stages after it do not
    /// split the same text again. It is never written: adding it changes no
    /// output byte. It is forgotten when `text` changes, and a `sentences`
    /// field, when there is one, wins over it.
    public mutating func shareSentences(_ sentences: [TextSpan]) {
        annotations.sharedSentences = sentences
    }

    /// The current `text` as scalars and ``Tokenizer`` tokens, when an earlier
    /// stage of this run shared them with ``shareTokens(_:)``; never read from input.
    public var sharedTokens: TokenizedText? { annotations.sharedTokens }

    /// Shares the ``Tokenizer``'s tokens of the current `text` with later stages,
    /// in memory only, like ``shareSentences(_:)``: entities tokenizes every
    /// article, and the conflict stage tokenizing it again was a quarter of its
    /// instructions. Never written; forgotten when `text` changes.
    ///
    /// - Precondition: `tokenized` is `Tokenizer.tokens(in: ScalarText(text))` for the current `text`.
    public mutating func shareTokens(_ tokenized: TokenizedText) {
        annotations.sharedTokens = tokenized
    }
}

/// A text's scalars and its ``Tokenizer`` tokens, as a stage shares them.
public struct TokenizedText: Sendable {
    public let text: ScalarText
    public let tokens: [Token]

    public init(text: ScalarText, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }
}

/// Typed values of the shared annotations, beside the fields they mirror.
///
/// Derived data: ``Document``'s equality ignores them.
struct TypedAnnotations: Sendable {
    /// The value of field `entities`, when a stage set it.
    var entities: [Entity]?
    /// The value of field `sentences`, when a stage set it.
    var sentenceField: [TextSpan]?
    /// A split of the current text a stage shared, not written.
    var sharedSentences: [TextSpan]?
    /// The current text's tokens a stage shared, not written.
    var sharedTokens: TokenizedText?
}

/// Errors about a document's fields.
public enum DocumentError: Error, CustomStringConvertible, Equatable {
    /// Field `name` holds JSON that is not a `type`.
    case fieldType(name: String, type: String, underlying: String)
    /// Shared annotation `name` (`entities`, `sentences`) is not of its shape: `reason` says how.
    case invalidField(name: String, reason: String)

    public var description: String {
        switch self {
        case .fieldType(let name, let type, _):
            return "field '\(name)' is not a valid \(type)"
        case .invalidField(let name, let reason):
            return "field '\(name)' is malformed: \(reason)"
        }
    }
}
