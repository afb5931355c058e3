import Foundation

/// One option of a stage, declared once: its YAML key, its help, and — as the
/// property's initial value — its default. The option's type as a user reads
/// it (`int`, `drop | mark`, `number | null`) comes from the property's type.
///
/// ```swift
/// public struct Options: StageOptions {
///     @StageOption("max_chars", help: "Longest summary in characters, 0 for no limit.")
///     public var maxChars = 0
///     public init() {}
/// }
/// ```
///
/// That is all a stage writes: ``StageOptions``' default `init(from:)` decodes
/// every `@StageOption` from the pipeline's YAML (a key that is absent keeps the
/// default) and its default ``StageOptions/fields`` lists them for validation,
/// `describe` and the README, so the key, the default and the documentation
/// can no longer drift apart (they had: `summarize`'s `sentences` was
/// documented as 3 and stored as nil, and `ratio`'s default "none" was not YAML).
///
/// How it works: both defaults call `Self()` with an ``OptionsPass`` set for
/// the current thread, and each `@StageOption`'s initializer — which runs as
/// `Self()` initializes the property — reads its value from the pass's YAML,
/// or records its field. Outside such a pass the initializer only stores the default.
@propertyWrapper
public struct StageOption<Value: OptionValue>: Sendable {
    public var wrappedValue: Value
    /// The YAML key.
    public let key: String

    public init(wrappedValue: Value, _ key: String, help: String) {
        self.wrappedValue = wrappedValue
        self.key = key
        OptionsPass.current?.visit(key: key, help: help, value: &self.wrappedValue)
    }
}

/// A ``StageOption`` of any type, as reflection finds it.
private protocol AnyStageOption {
    var key: String { get }
    var yamlValue: String { get }
}

extension StageOption: AnyStageOption {
    fileprivate var yamlValue: String { wrappedValue.yaml }
}

/// The `@StageOption` values of `options`: each key with its value as YAML, in declaration order.
public func declaredOptionValues(_ options: any StageOptions) -> [(key: String, yaml: String)] {
    Mirror(reflecting: options).children.compactMap { child in
        (child.value as? any AnyStageOption).map { ($0.key, $0.yamlValue) }
    }
}

extension StageOption: Equatable where Value: Equatable {}
extension StageOption: Hashable where Value: Hashable {}

/// A type a ``StageOption`` can have: how a user reads it, how its default is written
/// in YAML, and how it is read from a pipeline's options.
///
/// Bool, Int, UInt64, Double and String conform, as do `Optional` (`null` in
/// YAML), `Array` (`[a, b]`) and any `String`-backed `CaseIterable` enum that
/// declares the conformance (`extension Mode: OptionValue {}`): its type reads
/// `drop | mark | fingerprint` and an unknown name is an error listing the names.
public protocol OptionValue: Sendable {
    /// The type as a user reads it: `bool`, `int`, `number`, `string`, `[string]`, `a | b`.
    static var optionType: String { get }
    /// The value as YAML: `true`, `0.8`, `null`, `[PER, ORG]`.
    var yaml: String { get }
    /// The value of `key` in `options`, or nil when the key is absent.
    static func decodeOption(_ options: KeyedDecodingContainer<OptionKey>, key: String) throws -> Self?
}

/// Decodable scalars read themselves.
extension OptionValue where Self: Decodable {
    public static func decodeOption(_ options: KeyedDecodingContainer<OptionKey>, key: String) throws -> Self? {
        try options.decodeIfPresent(Self.self, forKey: OptionKey(key))
    }
}

extension Bool: OptionValue {
    public static var optionType: String { "bool" }
    public var yaml: String { self ? "true" : "false" }
}

extension Int: OptionValue {
    public static var optionType: String { "int" }
    public var yaml: String { String(self) }
}

extension UInt64: OptionValue {
    public static var optionType: String { "int" }
    public var yaml: String { String(self) }
}

extension Double: OptionValue {
    public static var optionType: String { "number" }
    public var yaml: String { "\(self)" }
}

extension String: OptionValue {
    public static var optionType: String { "string" }

    /// Plain when YAML reads it back as this string, else double-quoted.
    public var yaml: String {
        let plain = self.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_./+-".unicodeScalars.contains($0)
        }
        let reserved = ["null", "true", "false", "yes", "no", "on", "off", "~"].contains(lowercased())
        if plain, !isEmpty, !reserved, Double(self) == nil, first != "-" { return self }
        var quoted = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}

extension Optional: OptionValue where Wrapped: OptionValue {
    public static var optionType: String { "\(Wrapped.optionType) | null" }
    public var yaml: String { map(\.yaml) ?? "null" }

    /// An explicit `null` is `.some(nil)`: it turns the option off, where an absent key keeps the default.
    public static func decodeOption(_ options: KeyedDecodingContainer<OptionKey>, key: String) throws -> Self? {
        if options.contains(OptionKey(key)), try options.decodeNil(forKey: OptionKey(key)) { return .some(nil) }
        return try Wrapped.decodeOption(options, key: key).map { .some($0) }
    }
}

extension Array: OptionValue where Element: OptionValue & Decodable {
    public static var optionType: String { "[\(Element.optionType)]" }
    public var yaml: String { "[" + map(\.yaml).joined(separator: ", ") + "]" }
}

/// A closed set of names: the type lists them, and any other name is an error that lists them too.
extension OptionValue where Self: RawRepresentable & CaseIterable, RawValue == String {
    public static var optionType: String { allCases.map(\.rawValue).joined(separator: " | ") }
    public var yaml: String { rawValue }

    public static func decodeOption(_ options: KeyedDecodingContainer<OptionKey>, key: String) throws -> Self? {
        guard let name = try options.decodeIfPresent(String.self, forKey: OptionKey(key)) else { return nil }
        if let value = Self(rawValue: name) { return value }
        let lowered = Self(rawValue: name.lowercased())
        throw StageError(
            "option '\(key)' is '\(name)'; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))",
            hint: lowered.map { "did you mean '\($0.rawValue)'?" })
    }
}

/// A pass over an options type's `@StageOption` properties: reading them from YAML,
/// or listing them. Set for the current thread while `Self()` runs.
public final class OptionsPass {
    private enum Mode {
        case decode(KeyedDecodingContainer<OptionKey>)
        case list
    }

    private let mode: Mode
    private var fields: [OptionField] = []
    /// The first error met; the rest of the options still run, as plain defaults.
    private var error: (any Error)?

    private init(_ mode: Mode) { self.mode = mode }

    private static let key = "textpipe.OptionsPass"

    /// The pass running on this thread, if any.
    static var current: OptionsPass? { Thread.current.threadDictionary[key] as? OptionsPass }

    private func run<T>(_ body: () -> T) -> T {
        let dictionary = Thread.current.threadDictionary
        let outer = dictionary[Self.key]
        dictionary[Self.key] = self
        defer { dictionary[Self.key] = outer }
        return body()
    }

    /// `make()` with every `@StageOption` read from `options`.
    ///
    /// - Throws: the first option whose value has the wrong type or name.
    public static func decode<T>(_ options: KeyedDecodingContainer<OptionKey>, _ make: () -> T) throws -> T {
        let pass = OptionsPass(.decode(options))
        let value = pass.run(make)
        if let error = pass.error { throw error }
        return value
    }

    /// The `@StageOption` fields of the value `make()` builds, in declaration order.
    public static func fields(_ make: () -> some Any) -> [OptionField] {
        let pass = OptionsPass(.list)
        _ = pass.run(make)
        return pass.fields
    }

    func visit<Value: OptionValue>(key: String, help: String, value: inout Value) {
        switch mode {
        case .list:
            fields.append(OptionField(key, type: Value.optionType, default: value.yaml, help))
        case .decode(let options):
            guard error == nil else { return }
            do {
                if let decoded = try Value.decodeOption(options, key: key) { value = decoded }
            } catch {
                self.error = error
            }
        }
    }
}

extension StageOptions {
    /// The `@StageOption` properties, in declaration order.
    public static var fields: [OptionField] { OptionsPass.fields { Self() } }

    /// The defaults, with every `@StageOption` present in the YAML read from it.
    public init(from decoder: any Decoder) throws {
        let options = try decoder.options()
        self = try OptionsPass.decode(options) { Self() }
    }
}
