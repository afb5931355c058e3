import Textpipe

/// The built-in stages and bundled pipelines.
///
/// The lists themselves are generated at build time from Package.swift's
/// `plugins` list and `Pipelines/*.yaml` (see `StageRegistry+Generated.swift`).
public enum StageRegistry {
    /// Every built-in stage type, for a binary that adds its own (`TextpipeCLI`'s `BuiltinStages.all`).
    public static let builtinStages: [any Stage.Type] = generatedStageTypes

    /// The pipelines of `Pipelines/` by name, as they were at build time.
    public static let bundledPipelines: [String: String] = generatedPipelines

    /// Every built-in stage.
    public static let stageTypes: [StageType] = generatedStageTypes.map { StageType($0) }

    /// The catalog the CLI runs with.
    public static let catalog = StageCatalog(stages: stageTypes, bundledPipelines: generatedPipelines)
}
