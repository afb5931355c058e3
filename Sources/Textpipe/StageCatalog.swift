/// The stages and named pipelines a run can use.
///
/// The core knows no stage by name; the `StageRegistry` module builds a catalog
/// from the generated list of plugin modules and the pipelines bundled into the
/// binary.
public struct StageCatalog: Sendable {
    public let stages: [StageType]
    /// Bundled pipeline YAML by name (`"conflict-watch"`).
    public let bundledPipelines: [String: String]

    public init(stages: [StageType], bundledPipelines: [String: String] = [:]) {
        self.stages = stages.sorted { $0.name < $1.name }
        self.bundledPipelines = bundledPipelines
    }

    /// The stage called `name`.
    public func stage(named name: String) -> StageType? {
        stages.first { $0.name == name }
    }
}
