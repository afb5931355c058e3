import Foundation
import Testing

@testable import Textpipe

/// A working directory with `Pipelines/`, two `TEXTPIPE_PIPELINES` directories
/// and the test catalog's bundled `clean` and `conflict-watch`.
struct ResolverFixture {
    let root: TemporaryDirectory
    var cwd: String { root.path + "/project" }
    var first: String { root.path + "/first" }
    var second: String { root.path + "/second" }
    var environment: [String: String] { ["TEXTPIPE_PIPELINES": "\(first):\(second)"] }

    init() throws {
        root = try TemporaryDirectory()
        try root.write("project/Pipelines/local.yaml", "stages: []\n# local\n")
        try root.write("first/shared.yaml", "stages: []\n# first\n")
        try root.write("first/clean.yaml", "stages: []\n# first clean\n")
        try root.write("second/shared.yaml", "stages: []\n# second\n")
        try root.write("second/nightly.yaml", "stages: []\n# nightly\n")
        try root.write("second/notes.txt", "not a pipeline\n")
        try root.write("second/.hidden.yaml", "stages: []\n")
        try root.write("project/own/path.yaml", "stages: []\n# own\n")
    }

    func resolve(_ name: String, environment: [String: String]? = nil) throws(PipelineError) -> (
        yaml: String, file: String, name: String
    ) {
        try PipelineResolver.resolve(
            name, catalog: testCatalog, currentDirectory: cwd, environment: environment ?? self.environment)
    }

    /// The one diagnostic `resolve(name)` fails with, as printed.
    func failure(_ name: String, environment: [String: String]? = nil) -> String? {
        do {
            let found = try resolve(name, environment: environment)
            Issue.record("'\(name)' resolved to \(found.file)")
            return nil
        } catch {
            // The printed text shows the location too: none is "error: …".
            #expect(error.diagnostics.count == 1)
            return error.description
        }
    }
}

@Suite struct PipelineResolverTests {
    @Test func pathsAreReadAsGiven() throws {
        let fixture = try ResolverFixture()
        let relative = try fixture.resolve("own/path.yaml")
        #expect(relative.file == "own/path.yaml")
        #expect(relative.name == "path")
        #expect(relative.yaml.contains("# own"))
        let absolute = try fixture.resolve(fixture.first + "/shared.yaml")
        #expect(absolute.file == fixture.first + "/shared.yaml")
        #expect(absolute.name == "shared")
        #expect(absolute.yaml.contains("# first"))
        // Contains "/" so it is a path, even without an extension.
        try fixture.root.write("project/own/bare", "stages: []\n# bare\n")
        #expect(try fixture.resolve("./own/bare").yaml.contains("# bare"))
    }

    @Test func aMissingPathIsAnErrorNotALookup() throws {
        let fixture = try ResolverFixture()
        #expect(fixture.failure("nope.yaml") == "error: cannot read pipeline file 'nope.yaml': no such file")
        #expect(
            fixture.failure("clean.yaml")
                == "error: cannot read pipeline file 'clean.yaml': no such file; did you mean 'clean'? (hint: a pipeline named 'clean' exists; give its name without '/' or '.yaml')"
        )
    }

    @Test func localPipelinesComeFirst() throws {
        let fixture = try ResolverFixture()
        let local = try fixture.resolve("local")
        #expect(local.file == "Pipelines/local.yaml")
        #expect(local.name == "local")
        #expect(local.yaml.contains("# local"))
        // ./Pipelines shadows both TEXTPIPE_PIPELINES and the bundled pipeline.
        try fixture.root.write("project/Pipelines/clean.yaml", "stages: []\n# local clean\n")
        #expect(try fixture.resolve("clean").file == "Pipelines/clean.yaml")
    }

    @Test func environmentDirectoriesInOrder() throws {
        let fixture = try ResolverFixture()
        let shared = try fixture.resolve("shared")
        #expect(shared.file == fixture.first + "/shared.yaml")
        #expect(shared.yaml.contains("# first"))
        #expect(try fixture.resolve("nightly").file == fixture.second + "/nightly.yaml")
        // TEXTPIPE_PIPELINES shadows the bundled pipeline of the same name.
        #expect(try fixture.resolve("clean").yaml.contains("# first clean"))
        // Empty entries are skipped; relative entries start at the current directory.
        let relative = try fixture.resolve("path", environment: ["TEXTPIPE_PIPELINES": "::own/:"])
        #expect(relative.file == "own/path.yaml")
    }

    @Test func bundledPipelinesComeLast() throws {
        let fixture = try ResolverFixture()
        let bundled = try fixture.resolve("conflict-watch")
        #expect(bundled.file == "<bundled>/conflict-watch.yaml")
        #expect(bundled.name == "conflict-watch")
        #expect(try fixture.resolve("clean", environment: [:]).file == "<bundled>/clean.yaml")
    }

    @Test func notFoundSaysWhereItLookedAndSuggests() throws {
        let fixture = try ResolverFixture()
        #expect(
            fixture.failure("clen")
                == "error: no pipeline named 'clen'; did you mean 'clean'? (hint: looked for Pipelines/clen.yaml, \(fixture.first)/clen.yaml, \(fixture.second)/clen.yaml and among the bundled pipelines (clean, conflict-watch))"
        )
        // Names from every place count for the suggestion.
        #expect(
            fixture.failure("nightli")?.hasPrefix("error: no pipeline named 'nightli'; did you mean 'nightly'?") == true
        )
        #expect(fixture.failure("locl")?.hasPrefix("error: no pipeline named 'locl'; did you mean 'local'?") == true)
        #expect(
            fixture.failure("zzz", environment: [:])
                == "error: no pipeline named 'zzz' (hint: looked for Pipelines/zzz.yaml and among the bundled pipelines (clean, conflict-watch))"
        )
    }

    @Test func anUnreadableMatchIsReportedNotSkipped() throws {
        let fixture = try ResolverFixture()
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: fixture.cwd + "/Pipelines/clean.yaml"))
        #expect(
            fixture.failure("clean")
                == "Pipelines/clean.yaml:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte-order mark); a pipeline file is UTF-8 (hint: save it as UTF-8)"
        )
        // A directory with a pipeline's name is not a pipeline: the lookup goes on.
        try FileManager.default.createDirectory(
            atPath: fixture.cwd + "/Pipelines/conflict-watch.yaml", withIntermediateDirectories: false)
        #expect(try fixture.resolve("conflict-watch").file == "<bundled>/conflict-watch.yaml")
    }

    @Test func availableListsEachNameOnceFirstFoundWins() throws {
        let fixture = try ResolverFixture()
        let all = PipelineResolver.available(
            catalog: testCatalog, currentDirectory: fixture.cwd, environment: fixture.environment)
        #expect(all.map(\.name) == ["clean", "conflict-watch", "local", "nightly", "shared"])
        #expect(
            all.map(\.file) == [
                fixture.first + "/clean.yaml", "<bundled>/conflict-watch.yaml", "Pipelines/local.yaml",
                fixture.second + "/nightly.yaml", fixture.first + "/shared.yaml",
            ])
        #expect(all.first { $0.name == "shared" }?.yaml.contains("# first") == true)
        let bundledOnly = PipelineResolver.available(
            catalog: testCatalog, currentDirectory: fixture.root.path + "/nowhere", environment: [:])
        #expect(bundledOnly.map(\.file) == ["<bundled>/clean.yaml", "<bundled>/conflict-watch.yaml"])
    }

    @Test func resolvedPipelinesLoadWithTheirFileInMessages() throws {
        let fixture = try ResolverFixture()
        try fixture.root.write("project/Pipelines/broken.yaml", "stages:\n  - normalise\n")
        let found = try fixture.resolve("broken")
        do {
            _ = try PipelineLoader.load(yaml: found.yaml, file: found.file, catalog: testCatalog)
            Issue.record("broken pipeline loaded")
        } catch {
            #expect(
                error.description
                    == "Pipelines/broken.yaml:2:5: error: unknown stage 'normalise'; did you mean 'normalize'?")
        }
        let bundled = try fixture.resolve("conflict-watch")
        let pipeline = try PipelineLoader.load(yaml: bundled.yaml, file: bundled.file, catalog: testCatalog)
        #expect(pipeline.name == "conflict-watch")
        #expect(pipeline.stages.map(\.type.name) == ["normalize", "entities", "intra-party-conflict"])
    }
}
