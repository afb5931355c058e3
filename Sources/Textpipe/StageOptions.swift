/// The options of a stage: decoded from YAML, every key with a default and a meaning.
///
/// Declare each option once, as a ``StageOption`` property (key, help, and the
/// default as its initial value); `init()` gives the defaults, and the default
/// `init(from:)` and ``fields`` are derived from the declarations. ``fields``
/// documents every key; the pipeline loader rejects any key not listed there,
/// so a typo is never silently ignored. A type may still write `init(from:)`
/// and `fields` by hand (``KeyedDecodingContainer/option(_:default:)``), but
/// then nothing keeps the two in step.
public protocol StageOptions: Decodable, Sendable {
    /// The defaults.
    init()
    /// Every key the options accept, for validation and `describe`.
    static var fields: [OptionField] { get }
}

/// One documented option key.
public struct OptionField: Sendable, Equatable {
    /// The key as written in YAML, in snake_case: `near_threshold`.
    public var name: String
    /// The type as a user reads it: `bool`, `int`, `number`, `string`, `text | title+text`.
    public var type: String
    /// The default, as YAML.
    public var defaultValue: String
    /// What it does.
    public var help: String

    public init(_ name: String, type: String, default defaultValue: String, _ help: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// Options for a stage that has none.
public struct NoOptions: StageOptions {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public static let fields: [OptionField] = []
}

/// A coding key made from any string, for options decoded by name.
public struct OptionKey: CodingKey {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { self.stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == OptionKey {
    /// Decodes option `key` when present, else returns `defaultValue`.
    public func option<T: Decodable>(_ key: String, default defaultValue: T) throws -> T {
        try decodeIfPresent(T.self, forKey: OptionKey(key)) ?? defaultValue
    }
}

extension Decoder {
    /// The container to read options from by key name.
    public func options() throws -> KeyedDecodingContainer<OptionKey> {
        try container(keyedBy: OptionKey.self)
    }
}
