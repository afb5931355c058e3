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
public struct Document: Sendable, Equatable {
    /// The article's identity: the input's `id`, else the file's relative path,
    /// else `stdin:<line>`.
    public var id: String
    /// The article body.
    public var text: String
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
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].value = value
        } else {
            fields.append((name, value))
        }
    }

    /// Removes field `name`.
    public mutating func removeField(_ name: String) {
        fields.removeAll { $0.name == name }
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

    /// Sentences as Unicode-scalar offset ranges into `text` (field `sentences`).
    public var sentences: [TextSpan]? {
        get { try? value("sentences") }
        set {
            if let newValue { try? setValue("sentences", newValue) } else { removeField("sentences") }
        }
    }

    /// Named entities (field `entities`).
    public var entities: [Entity]? {
        get { try? value("entities") }
        set {
            if let newValue { try? setValue("entities", newValue) } else { removeField("entities") }
        }
    }
}

/// A half-open range of Unicode-scalar offsets into a document's text — the
/// same numbers Python's `str` slicing uses.
public struct TextSpan: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// A named entity found in a document.
public struct Entity: Codable, Sendable, Hashable {
    /// The entity's text as it appears in the article.
    public var text: String
    /// `PER`, `ORG`, `LOC` or `MISC`.
    public var label: String
    /// Unicode-scalar offset of the first character.
    public var start: Int
    /// Unicode-scalar offset one past the last character.
    public var end: Int
    /// The name every mention of this entity in the article shares.
    public var canonical: String?
    /// The canonical name of the political party the entity belongs to, when known.
    public var party: String?

    public init(
        text: String, label: String, start: Int, end: Int, canonical: String? = nil, party: String? = nil
    ) {
        self.text = text
        self.label = label
        self.start = start
        self.end = end
        self.canonical = canonical
        self.party = party
    }
}

/// Errors about a document's fields.
public enum DocumentError: Error, CustomStringConvertible, Equatable {
    /// Field `name` holds JSON that is not a `type`.
    case fieldType(name: String, type: String, underlying: String)

    public var description: String {
        switch self {
        case .fieldType(let name, let type, _):
            return "field '\(name)' is not a valid \(type)"
        }
    }
}
