import StageRegistry
import Textpipe
import TextpipeEvalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The whole `textpipe` command line as a library, for a package that builds
/// its own `textpipe` with its stages added.
///
/// ```swift
/// // Sources/textpipe/main.swift of your package
/// import TextpipeCLI
/// import WordCount
///
/// TextpipeCommand.main(stages: BuiltinStages.all + [WordCountStage.self])
/// ```
///
/// `run`, `list`, `describe`, `validate` and the rest then know exactly these
/// stages, and find pipelines as the stock binary does: a path, then
/// `./Pipelines/NAME.yaml`, then each folder in `TEXTPIPE_PIPELINES`, then the
/// bundled ones. Nothing is registered globally and no build plugin runs in
/// your package: the list is an argument.
public enum TextpipeCommand {
    /// Parses the process's arguments, runs the command with `stages`, and exits.
    ///
    /// - Parameters:
    ///   - stages: every stage the binary knows; names must be unique.
    ///   - pipelines: pipeline YAML by name, built into the binary
    ///     (textpipe's own by default; add yours to ship them inside).
    public static func main(
        stages: [any Stage.Type], pipelines: [String: String] = BuiltinStages.pipelines
    ) -> Never {
        Terminal.guardStandardDescriptors()
        let types = stages.map { StageType($0) }
        var seen: Set<String> = []
        for type in types where !seen.insert(type.name).inserted {
            let owners = types.filter { $0.name == type.name }.map(\.typeName).joined(separator: " and ")
            Terminal.error(
                "textpipe: error: two stages are named '\(type.name)' (\(owners)); "
                    + "give one of them another 'static let name'")
            exit(ExitStatus.software)
        }
        CommandContext.use(StageCatalog(stages: types, bundledPipelines: pipelines))
        Textpipe.main()
        exit(0)
    }
}

/// The stages and pipelines of textpipe itself, to extend in ``TextpipeCommand/main(stages:pipelines:)``.
public enum BuiltinStages {
    /// normalize, dedupe, entities, summarize, intra-party-conflict, exec, …: every stage in `Plugins/`.
    public static var all: [any Stage.Type] { StageRegistry.builtinStages }
    /// The pipelines in textpipe's `Pipelines/` (`conflict-watch`, `clean`, …), by name.
    public static var pipelines: [String: String] { StageRegistry.bundledPipelines }
}

/// The catalog the commands run with: set once by ``TextpipeCommand/main(stages:pipelines:)``
/// before the arguments are parsed; textpipe's own stages until then.
enum CommandContext {
    private static let current = Locked(StageRegistry.catalog)

    static var catalog: StageCatalog { current.withLock { $0 } }

    static func use(_ catalog: StageCatalog) {
        current.withLock { $0 = catalog }
    }
}
