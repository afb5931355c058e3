import Foundation

/// Finds a pipeline by name or path, the way `textpipe run NAME` does.
///
/// Lookup order, first match wins:
///
/// 1. `nameOrPath` itself, when it looks like a path (contains `/` or ends in
///    `.yaml`/`.yml`); relative paths start at `currentDirectory`.
/// 2. `Pipelines/NAME.yaml` under `currentDirectory`.
/// 3. `NAME.yaml` in each directory of `TEXTPIPE_PIPELINES` (colon-separated;
///    relative entries start at `currentDirectory`).
/// 4. The pipeline bundled in the binary under that name.
///
/// So a project's own `Pipelines/clean.yaml` shadows the bundled `clean`, and
/// `textpipe run conflict-watch` works from any directory. A file that exists
/// but cannot be read is an error, not a reason to look further: running a
/// different pipeline than the one on disk would be a silent surprise.
public enum PipelineResolver {
    /// The YAML text of the pipeline `nameOrPath`, the file name messages show
    /// (`Pipelines/clean.yaml`, `/etc/textpipe/clean.yaml`, `<bundled>/clean.yaml`),
    /// and the pipeline's name.
    ///
    /// When nothing matches, the error's one diagnostic lists where it looked
    /// and suggests the closest known name.
    public static func resolve(
        _ nameOrPath: String, catalog: StageCatalog, currentDirectory: String, environment: [String: String]
    ) throws(PipelineError) -> (yaml: String, file: String, name: String) {
        let name = PipelineLoader.pipelineName(file: nameOrPath)
        if looksLikePath(nameOrPath) {
            let path = absolute(nameOrPath, in: currentDirectory)
            guard PipelineFile.isFile(path) || !catalogKnows(name, catalog, currentDirectory, environment) else {
                throw PipelineError(
                    Diagnostic(
                        "cannot read pipeline file '\(nameOrPath)': no such file; did you mean '\(name)'?",
                        hint: "a pipeline named '\(name)' exists; give its name without '/' or '.yaml'"))
            }
            return (try PipelineFile.read(path, shownAs: nameOrPath), nameOrPath, name)
        }

        var looked: [String] = []
        for directory in searchDirectories(currentDirectory: currentDirectory, environment: environment) {
            let shown = joined(directory.shown, nameOrPath + ".yaml")
            let path = joined(directory.path, nameOrPath + ".yaml")
            looked.append(shown)
            if PipelineFile.isFile(path) {
                return (try PipelineFile.read(path, shownAs: shown), shown, nameOrPath)
            }
        }
        if let yaml = catalog.bundledPipelines[nameOrPath] {
            return (yaml, bundledFile(nameOrPath), nameOrPath)
        }

        let known = available(catalog: catalog, currentDirectory: currentDirectory, environment: environment)
            .map(\.name)
        let bundled = catalog.bundledPipelines.keys.sorted()
        let inBinary = bundled.isEmpty ? "none" : bundled.joined(separator: ", ")
        throw PipelineError(
            Diagnostic(
                "no pipeline named '\(nameOrPath)'" + Suggestions.didYouMean(nameOrPath, in: known),
                hint: "looked for " + looked.joined(separator: ", ") + " and among the bundled pipelines (\(inBinary))")
        )
    }

    /// Every pipeline visible from here, by name, sorted; where two places
    /// hold the same name, the one ``resolve(_:catalog:currentDirectory:environment:)``
    /// would pick wins. For `textpipe list` and did-you-mean.
    ///
    /// Only `NAME.yaml` files count, as in ``resolve(_:catalog:currentDirectory:environment:)``;
    /// a file that cannot be read is left out (`resolve` reports why when it is asked for).
    public static func available(
        catalog: StageCatalog, currentDirectory: String, environment: [String: String]
    ) -> [(name: String, file: String, yaml: String)] {
        var found: [String: (name: String, file: String, yaml: String)] = [:]
        for directory in searchDirectories(currentDirectory: currentDirectory, environment: environment) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for entry in entries.sorted() where entry.hasSuffix(".yaml") && !entry.hasPrefix(".") {
                let name = String(entry.dropLast(".yaml".count))
                let path = joined(directory.path, entry)
                guard !name.isEmpty, found[name] == nil, PipelineFile.isFile(path),
                    let yaml = try? PipelineFile.read(path, shownAs: entry)
                else { continue }
                found[name] = (name, joined(directory.shown, entry), yaml)
            }
        }
        for (name, yaml) in catalog.bundledPipelines where found[name] == nil {
            found[name] = (name, bundledFile(name), yaml)
        }
        return found.values.sorted { $0.name < $1.name }
    }

    /// How messages name a bundled pipeline.
    static func bundledFile(_ name: String) -> String { "<bundled>/\(name).yaml" }

    private static func looksLikePath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
    }

    private static func catalogKnows(
        _ name: String, _ catalog: StageCatalog, _ currentDirectory: String, _ environment: [String: String]
    ) -> Bool {
        available(catalog: catalog, currentDirectory: currentDirectory, environment: environment)
            .contains { $0.name == name }
    }

    /// `./Pipelines`, then each `TEXTPIPE_PIPELINES` entry: where to read, and how to show it.
    private static func searchDirectories(
        currentDirectory: String, environment: [String: String]
    ) -> [(path: String, shown: String)] {
        var directories = [(path: absolute("Pipelines", in: currentDirectory), shown: "Pipelines")]
        let listed = (environment["TEXTPIPE_PIPELINES"] ?? "").split(separator: ":").map(String.init)
        for entry in listed {
            var shown = entry
            while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
            directories.append((absolute(shown, in: currentDirectory), shown))
        }
        return directories
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : joined(directory, path)
    }

    private static func joined(_ directory: String, _ name: String) -> String {
        var base = directory
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + name
    }
}
