import Textpipe

/// Placeholder while the real stage is written in its own branch.
public struct NormalizeStage: Stage {
    public typealias Options = NoOptions
    public static let name = "normalize"
    public static let summary = "Clean up text"
    public static let examples: [StageExample] = []
    public init(options: Options) throws {}
    public func process(_ document: inout Document) throws -> Disposition { .keep }
}
