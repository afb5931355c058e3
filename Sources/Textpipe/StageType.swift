import Foundation

/// Everything the core knows about a stage type, without knowing the type.
///
/// Built from a `Stage.Type` by ``init(_:)``; the registry hands the core a
/// list of these, which is how the core runs stages it never names.
public struct StageType: Sendable {
    public let name: String
    public let summary: String
    public let requires: [String]
    public let outputs: [String]
    public let options: [OptionField]
    public let examples: [StageExample]
    /// ``Stage/discussion``: more for `describe`, or empty.
    public let discussion: String
    /// Whether the stage decides in input order (``OrderedStage``).
    public let isOrdered: Bool
    /// Swift type name, for messages and the registry test.
    public let typeName: String
    let build: @Sendable (_ decode: (any Decodable.Type) throws -> any Decodable) throws -> StageInstance
    let decodeOptions: @Sendable (_ node: YAMLNode?) throws -> any StageOptions

    /// Describes stage type `S`.
    public init<S: Stage>(_ type: S.Type) {
        name = S.name
        summary = S.summary
        requires = S.requires
        outputs = S.outputs
        options = S.Options.fields
        examples = S.examples
        discussion = S.discussion
        typeName = String(reflecting: S.self)
        isOrdered = S.self is any OrderedStage.Type
        build = { decode in
            guard let options = try decode(S.Options.self) as? S.Options else {
                throw StageError("internal: options of '\(S.name)' decoded to the wrong type")
            }
            return StageInstance(try S(options: options))
        }
        decodeOptions = { node in
            guard let node, !node.isNull else { return S.Options() }
            return try YAMLNodeDecoder.decode(S.Options.self, from: node)
        }
    }

    /// Builds the stage with default options.
    public func instantiate() throws -> StageInstance {
        try build { type in
            guard let options = type as? any StageOptions.Type else {
                throw StageError("internal: options of '\(name)' are not StageOptions")
            }
            return options.init()
        }
    }

    /// Builds the stage with options from a YAML node (a mapping, or `nil` for defaults).
    func instantiate(yaml node: YAMLNode?) throws -> StageInstance {
        guard let node, !node.isNull else { return try instantiate() }
        return try build { type in try YAMLNodeDecoder.decode(type, from: node) }
    }

    /// The options YAML text gives, each `@StageOption` as its key and its value
    /// written as YAML, in declaration order (empty for options declared without
    /// ``StageOption``). The registry test reads the documented defaults back
    /// through this, so a default that YAML does not give back is caught.
    public func optionValues(yaml text: String) throws -> [(key: String, yaml: String)] {
        do {
            return declaredOptionValues(try decodeOptions(try YAMLParser.parse(text)))
        } catch let error as YAMLError {
            let location = SourceLocation(file: "<options>", line: error.mark.line, column: error.mark.column)
            throw PipelineError(Diagnostic(error.message, at: location, hint: error.hint))
        }
    }

    /// Builds the stage with options from YAML text (`"{ sentences: 2 }"`).
    ///
    /// Malformed YAML throws a ``PipelineError`` whose one diagnostic names
    /// the file `<options>`; a wrongly typed value throws `DecodingError`, an
    /// option the stage rejects its ``StageError``.
    public func instantiate(yaml text: String) throws -> StageInstance {
        do {
            return try instantiate(yaml: try YAMLParser.parse(text))
        } catch let error as YAMLError {
            let location = SourceLocation(file: "<options>", line: error.mark.line, column: error.mark.column)
            throw PipelineError(Diagnostic(error.message, at: location, hint: error.hint))
        }
    }
}

/// A built stage, ready to run, with its type erased.
public struct StageInstance: Sendable {
    public let name: String
    /// Runs the whole stage on one document (serially correct for ordered stages).
    public let process: @Sendable (inout Document) throws -> Disposition
    /// For an ordered stage: the parallel and the serial part.
    public let ordered: OrderedParts?
    public let finish: @Sendable () throws -> Void

    /// The two halves of an ordered stage, with the prepared value boxed.
    public struct OrderedParts: Sendable {
        public let prepare: @Sendable (Document) throws -> any Sendable
        public let decide: @Sendable (inout Document, any Sendable) throws -> Disposition
        /// ``OrderedStage/delivered(_:)``: the first `count` articles decided have been delivered.
        public let delivered: @Sendable (_ count: Int) throws -> Void
    }

    /// Wraps a built stage, for a caller that keeps the stage value too (to read its statistics after a run).
    public init<S: Stage>(_ stage: S) {
        name = S.name
        process = { try stage.process(&$0) }
        finish = { try stage.finish() }
        if let ordered = stage as? any OrderedStage {
            self.ordered = Self.parts(ordered)
        } else {
            self.ordered = nil
        }
    }

    private static func parts<O: OrderedStage>(_ stage: O) -> OrderedParts {
        OrderedParts(
            prepare: { try stage.prepare($0) },
            decide: { document, prepared in
                guard let prepared = prepared as? O.Prepared else {
                    throw StageError("internal: '\(O.name)' was given another stage's prepared value")
                }
                return try stage.decide(&document, prepared: prepared)
            },
            delivered: { try stage.delivered($0) }
        )
    }
}
