/// A loaded, validated pipeline: its stages built from their options, in order.
///
/// ```
/// Pipelines/conflict-watch.yaml ──► PipelineLoader ──► Pipeline
///   description: …                  (parse YAML,        ├─ onError: .deadLetter
///   on_error: dead-letter            check every node,  └─ stages: [ConfiguredStage]
///   stages: [normalize, …]           build each stage)       normalize, dedupe, …
/// ```
///
/// Getting one means the file named only known stages and options, with
/// values of the right types, in an order that satisfies every stage's
/// `requires`. ``PipelineLoader`` builds it; ``PipelineResolver`` finds the
/// file behind a name.
public struct Pipeline: Sendable {
    /// The file name without `.yaml`, or the bundled name: `conflict-watch`.
    public var name: String
    /// The file as shown in messages: `Pipelines/clean.yaml`, `<bundled>/clean.yaml`.
    public var file: String
    /// The `description` line, if the file has one.
    public var description: String?
    /// What to do with an article a stage cannot handle (`on_error`, default `dead-letter`).
    public var onError: ErrorPolicy
    /// The stages, in the order articles go through them; may be empty (a pass-through pipeline).
    public var stages: [ConfiguredStage]

    public init(
        name: String, file: String, description: String? = nil, onError: ErrorPolicy = .deadLetter,
        stages: [ConfiguredStage]
    ) {
        self.name = name
        self.file = file
        self.description = description
        self.onError = onError
        self.stages = stages
    }
}

/// One entry of a pipeline's `stages`: which stage, built with which options, written where.
public struct ConfiguredStage: Sendable {
    /// What the stage is (name, options it takes, requirements).
    public var type: StageType
    /// The stage built from the options in the file.
    public var instance: StageInstance
    /// Where the stage's name is written.
    public var location: SourceLocation
    /// The options as written, re-serialized as YAML (`near_threshold: 0.8`); `nil` when none were given.
    public var optionsYAML: String?

    public init(type: StageType, instance: StageInstance, location: SourceLocation, optionsYAML: String? = nil) {
        self.type = type
        self.instance = instance
        self.location = location
        self.optionsYAML = optionsYAML
    }
}
