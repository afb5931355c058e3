/// A half-open range of Unicode-scalar offsets into a document's text — the
/// same numbers Python's `str` slicing uses.
public struct TextSpan: Codable, Sendable, Hashable {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    /// Creates a span; `start <= end` is the caller's to keep.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// The kind of a named entity, written in JSON as CoNLL-2003 writes it.
///
/// An enum rather than a string so that a misspelt label is a compile error,
/// not an entity that silently matches no rule.
public enum EntityLabel: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A person: `PER`.
    case person = "PER"
    /// An organization, a party, a company: `ORG`.
    case organization = "ORG"
    /// A place: `LOC`.
    case location = "LOC"
    /// Any other name (events, nationalities, works): `MISC`.
    case misc = "MISC"

    /// The label as JSON writes it: `PER`, `ORG`, `LOC` or `MISC`.
    public var description: String { rawValue }
}

/// A named entity found in a document.
public struct Entity: Codable, Sendable, Hashable {
    /// The entity's text as it appears in the article.
    public var text: String
    /// What kind of name it is.
    public var label: EntityLabel
    /// Unicode-scalar offset of the first character.
    public var start: Int
    /// Unicode-scalar offset one past the last character.
    public var end: Int
    /// The name every mention of this entity in the article shares.
    public var canonical: String?
    /// The canonical name of the political party the entity belongs to, when known.
    public var party: String?

    /// Creates an entity.
    public init(
        text: String, label: EntityLabel, start: Int, end: Int, canonical: String? = nil, party: String? = nil
    ) {
        self.text = text
        self.label = label
        self.start = start
        self.end = end
        self.canonical = canonical
        self.party = party
    }

    /// The entity's offsets as a span.
    public var span: TextSpan { TextSpan(start: start, end: end) }
}
