// swift-tools-version: 6.1
import PackageDescription

/// Every stage module under `Plugins/<Name>`, listed once. `textpipe new-stage`
/// appends to this list; the stage registry is generated from it at build time.
let plugins = [
    "Normalize",
    "Dedupe",
    "Entities",
    "Summarize",
    "IntraPartyConflict",
    "Exec",
]

/// Stage modules whose `Resources/` folder is compiled into the binary by a C target
/// `C<Name>Resources` in `Plugins/<Name>/Embedded` (C23 `#embed`; see `StageResources`),
/// so the executable needs no files beside it.
let pluginsWithResources: Set<String> = ["Entities", "IntraPartyConflict"]

/// Other stage modules a stage's tests run with it (intra-party-conflict's tests
/// run the entities stage first, as `conflict-watch` does), by module name.
let pluginTestDependencies: [String: [Target.Dependency]] = [
    "IntraPartyConflict": ["Entities"]
]

/// Extra dependencies of a stage module — system libraries, C kernels, shared
/// modules such as the party gazetteer — by module name (the core `Textpipe` is
/// always one). A stage never depends on another stage: it reads the fields
/// another writes (`requires`).
let pluginDependencies: [String: [Target.Dependency]] = [
    "Dedupe": ["CSQLite", "CDedupeKernels"],
    "Entities": ["Gazetteer"],
    "IntraPartyConflict": ["Gazetteer"],
]

/// Every evaluation module under `Evaluations/<Name>`, listed once: the `eval` and
/// `train` tasks of stage `<Name>` and its own top-level commands, in a target
/// `<Name>Evaluation` that exports `<Name>Tasks: StageTasks`. The evaluation
/// registry is generated from this list at build time.
let evaluations = [
    "Dedupe",
    "Entities",
    "Summarize",
    "IntraPartyConflict",
]

/// Evaluation modules with a test target `<Name>EvaluationTests` in `Tests/<Name>EvaluationTests`,
/// listed once; `textpipe new-stage NAME --with-eval` appends to it as to `evaluations`.
let evaluationTests = ["Summarize", "Entities"]

/// Fixture folders in an evaluation's test target that are data, not sources, by module name.
let evaluationTestFixtures: [String: [String]] = [
    "Entities": ["Fixtures"]
]

/// What an evaluation module needs besides the core, the eval kit, its stage and
/// ArgumentParser, by stage name: eval conflict runs normalize and entities first.
let evaluationDependencies: [String: [Target.Dependency]] = [
    "IntraPartyConflict": ["Entities", "Normalize"]
]

let package = Package(
    name: "Textpipe",
    platforms: [.macOS(.v15)],
    products: [
        // No `.executable(name: "textpipe")` here: SwiftPM makes that product for the root package
        // anyway, and a package that depends on this one names its own binary `textpipe` — with a
        // declared one here too, both link to .build/debug/textpipe and this one won (seen).
        .library(name: "Textpipe", targets: ["Textpipe"]),
        // The command line as a library: a package of your own builds its `textpipe` with
        // `TextpipeCommand.main(stages: BuiltinStages.all + [YourStage.self])`.
        .library(name: "TextpipeCLI", targets: ["TextpipeCLI"]),
        // StageHarness and friends, for the tests of stages in packages of their own.
        .library(name: "TextpipeTestKit", targets: ["TextpipeTestKit"]),
        // The built-in stages as one catalog, for packages beside this one (Fuzz/).
        .library(name: "StageRegistry", targets: ["StageRegistry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .target(name: "Textpipe", dependencies: ["CLibYAML", "CStageResources"]),
        // The C type of a stage's embedded file table (see `StageResources`).
        .target(name: "CStageResources", path: "Sources/CStageResources"),
        .target(name: "TextpipeTestKit", dependencies: ["Textpipe"]),
        // `textpipe report`: a run's JSON Lines as one self-contained HTML page.
        .target(name: "TextpipeReport", dependencies: ["Textpipe"]),
        // The system's SQLite 3 (Debian: libsqlite3-dev), for the dedupe stage's state file.
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // The system's libyaml (Debian: libyaml-dev), which the pipeline loader parses YAML with.
        .systemLibrary(
            name: "CLibYAML", path: "Sources/CLibYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        // The party gazetteer (parties, aliases, country cues) that entities and
        // intra-party-conflict share, with its files embedded like a stage's.
        .target(
            name: "Gazetteer", dependencies: ["Textpipe", "CGazetteerResources"], exclude: ["Resources", "Embedded"]),
        .target(name: "CGazetteerResources", dependencies: ["CStageResources"], path: "Sources/Gazetteer/Embedded"),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "TextpipeTestKit"]),
        // SIMD kernels for dedupe, used only when the CPU has them (a portable Swift path is the fallback).
        .target(name: "CDedupeKernels", path: "Sources/CDedupeKernels"),
        .executableTarget(name: "stage-registry-tool", path: "Sources/stage-registry-tool"),
        .plugin(
            name: "StageRegistryGenerator",
            capability: .buildTool(),
            dependencies: ["stage-registry-tool"],
            path: "Sources/StageRegistryGenerator"
        ),
        .target(
            name: "StageRegistry",
            dependencies: ["Textpipe"] + plugins.map { .target(name: $0) },
            plugins: ["StageRegistryGenerator"]
        ),
        // Every command. It names no stage: the stages come from StageRegistry, their
        // `eval`, `train` and own commands from EvaluationRegistry.
        .target(
            name: "TextpipeCLI",
            dependencies: [
                "Textpipe", "StageRegistry", "EvaluationRegistry", "TextpipeReport", "TextpipeEvalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The generated list of the evaluation modules' tasks (see `evaluations`).
        .target(
            name: "EvaluationRegistry",
            dependencies: ["TextpipeEvalKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
                + evaluations.map { .target(name: "\($0)Evaluation") },
            plugins: ["StageRegistryGenerator"]
        ),
        // What every evaluation module and the CLI share: output lines and exit codes,
        // and the clocks throughput figures are read from.
        .target(
            name: "TextpipeEvalKit",
            dependencies: ["Textpipe", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "EvaluationRegistryTests", dependencies: ["EvaluationRegistry"]),
        .testTarget(name: "TextpipeEvalKitTests", dependencies: ["TextpipeEvalKit", "Textpipe"]),
        .executableTarget(name: "textpipe", dependencies: ["TextpipeCLI"]),
        .testTarget(name: "TextpipeTests", dependencies: ["Textpipe", "TextpipeTestKit", "StageRegistry"]),
        .testTarget(name: "CLITests", dependencies: ["textpipe"]),
        .testTarget(name: "TextpipeReportTests", dependencies: ["TextpipeReport"]),
        .testTarget(name: "TextpipeTestKitTests", dependencies: ["Textpipe", "TextpipeTestKit"]),
    ]
        + plugins.map {
            let embeds = pluginsWithResources.contains($0)
            return .target(
                name: $0,
                dependencies: ["Textpipe"] + (pluginDependencies[$0] ?? [])
                    + (embeds ? [.target(name: "C\($0)Resources")] : []),
                path: "Plugins/\($0)", exclude: embeds ? ["Resources", "Embedded"] : [])
        }
        + evaluations.map {
            .target(
                name: "\($0)Evaluation",
                dependencies: [
                    "Textpipe", "TextpipeEvalKit", .target(name: $0),
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                ] + (evaluationDependencies[$0] ?? []),
                path: "Evaluations/\($0)")
        }
        + evaluationTests.map {
            .testTarget(
                name: "\($0)EvaluationTests", dependencies: [.target(name: "\($0)Evaluation"), "TextpipeEvalKit"],
                exclude: evaluationTestFixtures[$0] ?? [])
        }
        + pluginsWithResources.sorted().map {
            .target(name: "C\($0)Resources", dependencies: ["CStageResources"], path: "Plugins/\($0)/Embedded")
        }
        + plugins.map {
            .testTarget(
                name: "\($0)Tests",
                dependencies: [.target(name: $0), "TextpipeTestKit"] + (pluginTestDependencies[$0] ?? []),
                path: "Tests/\($0)Tests")
        }
)
