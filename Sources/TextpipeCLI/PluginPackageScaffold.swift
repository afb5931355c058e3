import ArgumentParser
import Foundation
import TextpipeEvalKit

/// `textpipe new-stage NAME --package DIR`: a Swift package outside the
/// checkout whose one executable, `textpipe`, is the stock command line with
/// the new stage added.
///
/// ```
/// DIR/Package.swift                    depends on textpipe (URL, or --textpipe-path)
/// DIR/Sources/textpipe/main.swift      TextpipeCommand.main(stages: BuiltinStages.all + [WordCountStage.self])
/// DIR/Sources/WordCount/…Stage.swift   the stage, as the in-tree scaffold writes it
/// DIR/Tests/WordCountTests/…           its test, with TextpipeTestKit
/// DIR/README.md, DIR/.gitignore
/// ```
///
/// The binary is a drop-in for the stock one: same name, every built-in stage
/// and bundled pipeline, plus the user's. Upgrading textpipe is a version
/// bump in the manifest, not a merge.
struct PluginPackageScaffold {
    /// Where the manifest points when no checkout is given (`--textpipe-url` changes it).
    static let defaultURL = "https://github.com/textpipe/textpipe"

    var stage: String
    var module: String
    var directory: String
    var textpipePath: String?
    var textpipeURL: String

    func create() throws {
        let files = FileManager.default
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        if let existing = try? files.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            Terminal.error("error: '\(directory)' exists and is not empty; give new-stage --package a new folder")
            throw ExitCode(ExitStatus.usage)
        }
        let dependency: (line: String, identity: String)
        if let textpipePath {
            let checkout = URL(fileURLWithPath: textpipePath).standardizedFileURL
            let manifest = checkout.appendingPathComponent("Package.swift")
            guard let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("\"TextpipeCLI\"") else {
                Terminal.error(
                    "error: '\(textpipePath)' is not a textpipe checkout (no Package.swift with a TextpipeCLI product)")
                throw ExitCode(ExitStatus.usage)
            }
            dependency = (".package(path: \(Self.literal(checkout.path)))", checkout.lastPathComponent.lowercased())
        } else {
            var identity = URL(string: textpipeURL)?.lastPathComponent ?? "textpipe"
            if identity.hasSuffix(".git") { identity.removeLast(4) }
            dependency = (
                ".package(url: \(Self.literal(textpipeURL)), branch: \"main\")", identity.lowercased()
            )
        }
        let contents: [(path: String, text: String)] = [
            ("Package.swift", manifest(root: root, dependency: dependency.line, identity: dependency.identity)),
            ("Sources/textpipe/main.swift", mainSource),
            ("Sources/\(module)/\(module)Stage.swift", NewStageCommand.stageSource(name: stage, module: module)),
            ("Tests/\(module)Tests/\(module)Tests.swift", NewStageCommand.testSource(name: stage, module: module)),
            ("README.md", readme(root: root)),
            (".gitignore", ".build/\n.swiftpm/\nPackage.resolved\n"),
        ]
        do {
            for (path, text) in contents {
                let file = root.appendingPathComponent(path)
                try files.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
        } catch {
            Terminal.error("error: cannot write the package in '\(directory)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
        try Terminal.print(
            """
            Created a package in \(directory): Package.swift, Sources/\(module)/\(module)Stage.swift,
            Sources/textpipe/main.swift, Tests/\(module)Tests/\(module)Tests.swift and README.md.
            Next: cd \(directory) && swift build && .build/debug/textpipe describe \(stage)
            Then use it in a pipeline:  stages: [ normalize, \(stage) ]
            """)
    }

    private func manifest(root: URL, dependency: String, identity: String) -> String {
        let textpipe = Self.literal(identity)
        return """
            // swift-tools-version: 6.1
            import PackageDescription

            // A textpipe with the '\(stage)' stage added: `swift build` makes .build/debug/textpipe,
            // which runs every built-in stage and bundled pipeline, and this stage.
            let package = Package(
                name: \(Self.literal(root.lastPathComponent)),
                platforms: [.macOS(.v15)],
                products: [
                    .executable(name: "textpipe", targets: ["\(module)Textpipe"])
                ],
                dependencies: [
                    \(dependency)
                ],
                targets: [
                    .target(name: "\(module)", dependencies: [.product(name: "Textpipe", package: \(textpipe))]),
                    // Not named `textpipe`: target names are unique across the package graph,
                    // and textpipe has one; the product is what names the binary.
                    .executableTarget(
                        name: "\(module)Textpipe",
                        dependencies: ["\(module)", .product(name: "TextpipeCLI", package: \(textpipe))],
                        path: "Sources/textpipe"),
                    .testTarget(
                        name: "\(module)Tests",
                        dependencies: ["\(module)", .product(name: "TextpipeTestKit", package: \(textpipe))]),
                ]
            )

            """
    }

    private var mainSource: String {
        """
        import TextpipeCLI
        import \(module)

        // Every built-in stage and pipeline, and this package's stages.
        TextpipeCommand.main(stages: BuiltinStages.all + [\(module)Stage.self])

        """
    }

    private func readme(root: URL) -> String {
        """
        # \(root.lastPathComponent): textpipe with the `\(stage)` stage
        `swift build`, then `.build/debug/textpipe describe \(stage)`; every built-in stage and pipeline works too.
        Edit `Sources/\(module)/\(module)Stage.swift`; `swift test` runs its examples and tests.

        """
    }

    /// `text` as a Swift string literal.
    private static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
