import ArgumentParser
import EvaluationRegistry
import Foundation
import TextpipeEvalKit

/// `textpipe new-stage NAME`: scaffold a stage module, its manifest line and its test;
/// with `--package DIR`, a package of its own that builds a `textpipe` with the stage added.
struct NewStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-stage",
        abstract: "Create Plugins/<Name> with a working stage, its test, and its line in Package.swift.",
        discussion: """
            Run it at the root of a textpipe checkout, then 'swift build': the stage is registered \
            and can be used in a pipeline by NAME. With --package DIR it creates a new Swift package \
            in DIR instead, outside the checkout: the stage, its test, and an executable named \
            textpipe that runs every built-in stage and yours. With --with-eval (in a checkout) it also \
            creates Evaluations/<Name>, a 'textpipe eval NAME --gold FILE' that scores the stage's \
            output against gold JSON Lines, its test, and its lines in Package.swift.
            """)

    @Argument(help: "The stage name as pipelines will use it: word-count (WordCount is read as word-count).")
    var name: String

    @Option(help: "The package root (the folder with Package.swift).")
    var packageRoot: String = "."

    @Option(
        name: .customLong("package"),
        help: "Create a new package in this folder, outside the textpipe checkout.")
    var packageDirectory: String?

    @Option(help: "With --package: depend on the textpipe checkout in this folder rather than by URL.")
    var textpipePath: String?

    @Option(help: "With --package: the git URL the new package depends on textpipe by.")
    var textpipeURL: String = PluginPackageScaffold.defaultURL

    @Flag(help: "Also create Evaluations/<Name>: 'textpipe eval NAME --gold FILE', its test and manifest lines.")
    var withEval = false

    mutating func validate() throws {
        guard let kebab = Self.kebabCase(name) else {
            throw ValidationError(
                "stage name '\(name)' must be kebab-case, like 'word-count' (or PascalCase: WordCount)")
        }
        name = kebab
        if packageDirectory == nil && textpipePath != nil {
            throw ValidationError("--textpipe-path goes with --package DIR (a package outside the checkout)")
        }
        // A --package package's textpipe is `TextpipeCommand.main(stages:)`: it has no
        // evaluation registry to add a task to, so the flag would write dead code.
        if packageDirectory != nil && withEval {
            throw ValidationError("--with-eval works in a textpipe checkout only, not with --package DIR")
        }
    }

    /// `word-count` as it is; `WordCount` → `word-count`, `HTMLCleaner` → `html-cleaner`,
    /// `Top10Words` → `top10-words`; `nil` for anything else.
    static func kebabCase(_ name: String) -> String? {
        let kebab = #"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"#
        if name.range(of: kebab, options: .regularExpression) != nil { return name }
        guard name.range(of: #"^[A-Z][A-Za-z0-9]*$"#, options: .regularExpression) != nil else { return nil }
        let characters = Array(name)
        var words: [String] = []
        var word = ""
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            // A capital starts a word after a lower-case letter or a digit, and
            // as the last capital of an acronym when a lower-case letter follows.
            let startsWord =
                character.isUppercase
                && (previous.map { $0.isLowercase || $0.isNumber } == true
                    || (previous?.isUppercase == true && next?.isLowercase == true))
            if startsWord && !word.isEmpty {
                words.append(word)
                word = ""
            }
            word.append(contentsOf: character.lowercased())
        }
        words.append(word)
        let joined = words.joined(separator: "-")
        return joined.range(of: kebab, options: .regularExpression) != nil ? joined : nil
    }

    func run() throws {
        if let packageDirectory {
            try PluginPackageScaffold(
                stage: name, module: Self.moduleName(for: name), directory: packageDirectory,
                textpipePath: textpipePath, textpipeURL: textpipeURL
            ).create()
            return
        }
        let module = Self.moduleName(for: name)
        let root = URL(fileURLWithPath: packageRoot)
        let manifest = root.appendingPathComponent("Package.swift")
        let stageDirectory = root.appendingPathComponent("Plugins/\(module)")
        let testDirectory = root.appendingPathComponent("Tests/\(module)Tests")
        let files = FileManager.default

        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else {
            Terminal.error(
                "error: no Package.swift in '\(packageRoot)'; run new-stage at the root of a textpipe checkout")
            throw ExitCode(ExitStatus.usage)
        }
        if CommandContext.catalog.stage(named: name) != nil || files.fileExists(atPath: stageDirectory.path) {
            Terminal.error("error: a stage '\(name)' (module \(module)) already exists")
            throw ExitCode(ExitStatus.usage)
        }
        var updated = try Self.adding(module, toList: "plugins", in: text)
        let evaluation = withEval ? EvaluationScaffold(name: name, module: module) : nil
        if let evaluation {
            // Everything is checked before anything is written, so a refusal leaves the checkout as it was.
            for (path, _) in evaluation.files {
                let folder = (path as NSString).deletingLastPathComponent
                if files.fileExists(atPath: root.appendingPathComponent(folder).path) {
                    Terminal.error("error: \(folder) exists already; new-stage --with-eval writes a new one")
                    throw ExitCode(ExitStatus.usage)
                }
            }
            if EvaluationRegistry.eval.contains(where: { $0.configuration.commandName == name }) {
                Terminal.error("error: there is a 'textpipe eval \(name)' already")
                throw ExitCode(ExitStatus.usage)
            }
            updated = try Self.adding(module, toList: "evaluations", in: updated)
            updated = try Self.adding(module, toList: "evaluationTests", in: updated)
        }
        do {
            try files.createDirectory(at: stageDirectory, withIntermediateDirectories: true)
            try files.createDirectory(at: testDirectory, withIntermediateDirectories: true)
            try Self.stageSource(name: name, module: module)
                .write(
                    to: stageDirectory.appendingPathComponent("\(module)Stage.swift"), atomically: true, encoding: .utf8
                )
            try Self.testSource(name: name, module: module)
                .write(
                    to: testDirectory.appendingPathComponent("\(module)Tests.swift"), atomically: true, encoding: .utf8)
            for (path, source) in evaluation?.files ?? [] {
                let file = root.appendingPathComponent(path)
                try files.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try source.write(to: file, atomically: true, encoding: .utf8)
            }
            try updated.write(to: manifest, atomically: true, encoding: .utf8)
        } catch {
            Terminal.error("error: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
        try Terminal.print(
            """
            Created Plugins/\(module)/\(module)Stage.swift and Tests/\(module)Tests/\(module)Tests.swift,
            and added "\(module)" to the plugins list in Package.swift.
            Next: swift build && swift test --filter \(module)Tests
            Then use it in a pipeline:  stages: [ normalize, \(name) ]
            Document it in README.md under '### \(name)', with the option table 'textpipe describe \(name)'
            prints: the registry tests check that every stage has one.
            """)
        if evaluation != nil {
            try Terminal.print(
                """
                Created Evaluations/\(module)/\(module)Tasks.swift, Evaluations/\(module)/Eval\(module)Command.swift
                and Tests/\(module)EvaluationTests/\(module)EvaluationTests.swift, and added "\(module)" to the
                evaluations and evaluationTests lists in Package.swift.
                Next: swift build && .build/debug/textpipe eval \(name) --gold FILE.jsonl
                """)
        }
    }

    /// `word-count` → `WordCount`.
    static func moduleName(for name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The manifest with `"Module",` added as the last entry of `let <list> = [ … ]`.
    ///
    /// - Throws: exit 64 after one line on stderr when there is no such list, or
    ///   when it names the module already (so a second run never adds it twice).
    static func adding(_ module: String, toList list: String, in manifest: String) throws(ExitCode) -> String {
        guard let start = manifest.range(of: "let \(list) = ["),
            let close = manifest.range(of: "]", range: start.upperBound..<manifest.endIndex)
        else {
            Terminal.error("error: Package.swift has no 'let \(list) = [ … ]' list to add '\(module)' to")
            throw ExitCode(ExitStatus.usage)
        }
        let body = manifest[start.upperBound..<close.lowerBound]
        var entries = body.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let entry = "\"\(module)\""
        if entries.contains(entry) {
            Terminal.error("error: Package.swift lists \(entry) in '\(list)' already")
            throw ExitCode(ExitStatus.usage)
        }
        entries.append(entry)
        let lines = entries.map { "    \($0),\n" }.joined()
        return manifest.replacingCharacters(in: start.upperBound..<close.lowerBound, with: "\n" + lines)
    }

    static func stageSource(name: String, module: String) -> String {
        let field = name.replacingOccurrences(of: "-", with: "_")
        return """
            import Textpipe

            /// Counts the words of each article into `\(field)`.
            ///
            /// Generated by `textpipe new-stage \(name)`: replace the counting with
            /// what your stage does, keep the example up to date, and document
            /// every option with `@StageOption`.
            public struct \(module)Stage: Stage {
                public struct Options: StageOptions {
                    /// Declared once: the key, the help, and the initial value as the default.
                    @StageOption("min_words", help: "Drop articles with fewer words.")
                    public var minWords = 0

                    public init() {}
                }

                public static let name = "\(name)"
                public static let summary = "Count the words of each article"
                public static let outputs = ["\(field)"]
                public static let examples = [
                    StageExample(
                        "counts words",
                        input: #"{"id": "a", "text": "Three short words"}"#,
                        expected: #"{"\(field)": 3}"#),
                    StageExample(
                        "drops short articles",
                        options: "{ min_words: 5 }",
                        input: #"{"id": "b", "text": "Too short"}"#,
                        expected: nil),
                ]

                let options: Options

                public init(options: Options) throws {
                    guard options.minWords >= 0 else {
                        throw StageError("min_words must not be negative, got \\(options.minWords)")
                    }
                    self.options = options
                }

                public func process(_ document: inout Document) throws -> Disposition {
                    let words = document.text.split(whereSeparator: { $0.isWhitespace }).count
                    if words < options.minWords { return .drop(reason: "fewer than \\(options.minWords) words") }
                    try document.setValue("\(field)", words)
                    return .keep
                }
            }

            """
    }

    static func testSource(name: String, module: String) -> String {
        let field = name.replacingOccurrences(of: "-", with: "_")
        return """
            import Testing
            import Textpipe
            import TextpipeTestKit

            @testable import \(module)

            @Test func examplesPass() {
                #expect(exampleFailures(of: StageType(\(module)Stage.self)) == [])
            }

            @Test func countsWordsAcrossLines() throws {
                let result = try StageHarness(\(module)Stage.self).run(text: "one two\\nthree")
                #expect(try result.document.value("\(field)", as: Int.self) == 3)
            }

            """
    }
}
