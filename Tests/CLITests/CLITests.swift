import Foundation
import Testing

/// Runs the built `textpipe` binary as a user would.
struct CLI {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `textpipe` binary next to the test bundle.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("textpipe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/textpipe")
    }()

    /// The shared data folder, when it is there.
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static var hasSharedData: Bool { FileManager.default.fileExists(atPath: sharedData.path) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs `textpipe arguments…` with `stdin` as input, in `directory`.
    static func run(
        _ arguments: [String], stdin: String = "", in directory: URL = packageRoot,
        environment: [String: String] = [:], executable: URL = binary
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TEXTPIPE_PIPELINES")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let stdinData = Data(stdin.utf8)
        DispatchQueue.global().async {
            withoutSIGPIPE {
                try? input.fileHandleForWriting.write(contentsOf: stdinData)
                try? input.fileHandleForWriting.close()
            }
        }
        return collect(process, output: output, error: error)
    }

    /// Runs `body` with SIGPIPE blocked on this thread, then takes back any that
    /// `body` raised. A child that exits before reading all of its stdin (a usage
    /// error) made the write raise SIGPIPE, which ended the whole test process
    /// (seen under load); blocked, the write fails with `EPIPE` instead. Not
    /// `SIG_IGN`: that would be inherited by the children the tests start.
    static func withoutSIGPIPE(_ body: () -> Void) {
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        body()
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&block, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }

    /// Everything until end of file, retrying reads a signal interrupts.
    ///
    /// `FileHandle.readDataToEndOfFile` traps on `EINTR` (Foundation's `try!`),
    /// which the signal tests running beside it in this process can cause.
    static func readToEnd(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return data
            }
        }
    }

    /// What one read gives (empty at end of file), retrying a read a signal interrupts.
    static func readSome(_ handle: FileHandle) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return Data(buffer[0..<count]) }
            if errno != EINTR { return Data() }
        }
    }

    /// Waits for a started process, reading stdout and stderr at once so neither pipe fills up.
    private static func collect(_ process: Process, output: Pipe, error: Pipe) -> Result {
        let errData = Locked()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(readToEnd(error.fileHandleForReading))
            group.leave()
        }
        let outData = readToEnd(output.fileHandleForReading)
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// Runs a shell pipeline (for `| head -1` and `a | b`), with `textpipe` on PATH.
    static func shell(_ script: String, in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-o", "pipefail", "-c", script]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return collect(process, output: output, error: error)
    }

    static func json(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
    }
}

/// A value shared with a reading thread.
final class Locked: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct RunTests {
    @Test func runsCleanOnTheShippedExamples() throws {
        let result = try CLI.run(["run", "clean", "Examples/articles", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 4)
        let ids = result.lines.map { CLI.json($0)["id"] as? String }
        #expect(ids == ["harbour-budget.txt", "valmora-office-protest.txt", "wire-001", "wire-002"])
        #expect(result.stderr.contains("read 4, written 4, dropped 0, dead-lettered 0, failed 0 in "))
        // Unknown fields pass through untouched.
        #expect(result.lines[2].contains(#""feed":"example-wire","tags":["politics","economy"]"#))
    }

    @Test func plainTextOnStdin() throws {
        let result = try CLI.run(
            ["run", "clean", "--input-format", "text"], stdin: "A headline\n\nFirst  paragraph.\n\n\n\nSecond.\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        let record = CLI.json(result.lines[0])
        #expect(record["id"] as? String == "stdin")
        #expect(record["title"] as? String == "A headline")
        #expect(record["text"] as? String == "First paragraph.\n\nSecond.")
    }

    @Test func jsonLinesOnStdinGetLineIDs() throws {
        let result = try CLI.run(["run", "clean", "-"], stdin: "{\"text\":\"a\"}\n{\"text\":\"b\",\"id\":7}\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == [#"{"id":"stdin:1","text":"a"}"#, #"{"id":7,"text":"b"}"#])
    }

    @Test func outputStartsBeforeStdinEnds() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", "clean", "--quiet"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("{\"id\":\"first\",\"text\":\"hello\"}\n".utf8))
        // The first record must come out while stdin is still open.
        let firstLine = Locked()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var bytes = Data()
            while !bytes.contains(UInt8(ascii: "\n")) {
                let chunk = CLI.readSome(output.fileHandleForReading)
                if chunk.isEmpty { break }
                bytes.append(chunk)
            }
            firstLine.set(bytes)
            done.signal()
        }
        let arrived = done.wait(timeout: .now() + 20) == .success
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(arrived)
        #expect(String(decoding: firstLine.get(), as: UTF8.self).hasPrefix(#"{"id":"first""#))
        #expect(process.terminationStatus == 0)
    }

    @Test func brokenJSONLineIsDeadLetteredWhileNeighboursPass() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dead = directory.appendingPathComponent("dead.jsonl").path
        let result = try CLI.run(
            ["run", "clean", "--dead-letter", dead],
            stdin:
                "{\"id\":\"one\",\"text\":\"first\"}\n{\"id\":\"two\",\"text\":\"sec\n{\"id\":\"three\",\"text\":\"third\"}\n"
        )
        #expect(result.status == 0)
        #expect(result.lines.map { CLI.json($0)["id"] as? String } == ["one", "three"])
        #expect(result.stderr.contains("stdin:2"))
        #expect(result.stderr.contains("(dead-lettered)"))
        #expect(result.stderr.contains("read 3, written 2, dropped 0, dead-lettered 1, failed 0"))
        let record = CLI.json(try String(contentsOfFile: dead, encoding: .utf8).trimmingCharacters(in: .newlines))
        #expect(record["id"] as? String == "stdin:2")
        #expect(record["stage"] as? String == "read")
        #expect((record["input"] as? String)?.hasPrefix("{\"id\":\"two\"") == true)
    }

    @Test func failPolicyExitsWithDataError() throws {
        let result = try CLI.run(
            ["run", "clean", "--on-error", "fail"], stdin: "{\"text\":\"ok\"}\nnot json\n{\"text\":\"x\"}\n")
        #expect(result.status == 65)
        #expect(result.lines.count == 1)
        #expect(result.stderr.contains("stdin:2:1: error:"))
    }

    @Test func headClosingStdoutIsQuiet() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("many.jsonl").path
        try String(repeating: "{\"text\":\"a line of text that repeats\"}\n", count: 200_000)
            .write(toFile: input, atomically: true, encoding: .utf8)
        // The exit status is textpipe's, not head's.
        let result = try CLI.shell("textpipe run clean '\(input)' | head -1; exit ${PIPESTATUS[0]}")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        #expect(result.stderr.isEmpty)
    }

    @Test func chainingTwoRunsKeepsEveryField() throws {
        let result = try CLI.shell("textpipe run clean Examples/articles --quiet | textpipe run clean --quiet")
        #expect(result.status == 0, "\(result.stderr)")
        let direct = try CLI.run(["run", "clean", "Examples/articles", "--quiet"])
        #expect(result.stdout == direct.stdout)
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out.jsonl").path
        try "old\n".write(toFile: out, atomically: false, encoding: .utf8)
        let oldInode = try FileManager.default.attributesOfItem(atPath: out)[.systemFileNumber] as? Int

        // A run reading from an open stdin is mid-way: it has its temporary file, and a
        // reader of out.jsonl still sees the old file whole, never part of the new one.
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", "clean", "-", "--output", out, "--quiet"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("{\"id\":\"a\",\"text\":\"one\"}\n".utf8))
        var others: [String] = []
        for _ in 0..<400 where others.isEmpty {
            others = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "out.jsonl" }
            if others.isEmpty { usleep(50_000) }
        }
        #expect(others.count == 1, "the run writes into one temporary file beside the output")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old\n")
        try input.fileHandleForWriting.write(contentsOf: Data("{\"id\":\"b\",\"text\":\"two\"}\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        // At the end the new file replaces the old one by rename: a new inode, all of it, nothing left over.
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n")
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.systemFileNumber] as? Int != oldInode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])

        // A run that fails leaves the old file as it was.
        let failed = try CLI.run(
            ["run", "clean", "-", "--output", out, "--on-error", "fail", "--quiet"], stdin: "{\"text\":5}\n")
        #expect(failed.status == 65)
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
    }

    @Test func missingInputExitsWithIOError() throws {
        let result = try CLI.run(["run", "clean", "no/such/dir"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot read 'no/such/dir'"))
    }

    @Test func namedPipelinesResolveFromAnyDirectory() throws {
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let result = try CLI.run(
            ["run", "conflict-watch", CLI.packageRoot.appendingPathComponent("Examples/articles").path, "--quiet"],
            in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 4)
        // $TEXTPIPE_PIPELINES comes before the bundled pipelines.
        let custom = elsewhere.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
        try "description: nothing\nstages: []\n".write(
            to: custom.appendingPathComponent("passthrough.yaml"), atomically: true, encoding: .utf8)
        let passthrough = try CLI.run(
            ["run", "passthrough", "--quiet"], stdin: "{\"text\":\"  kept  as is \"}\n", in: elsewhere,
            environment: ["TEXTPIPE_PIPELINES": custom.path])
        #expect(passthrough.status == 0, "\(passthrough.stderr)")
        #expect(passthrough.lines == [#"{"id":"stdin:1","text":"  kept  as is "}"#])
    }

    /// The executable alone — copied where no resource bundle or `Pipelines/` folder is —
    /// runs every stage of the flagship pipeline and writes the same bytes.
    @Test func aCopiedBinaryNeedsNoFilesBesideIt() throws {
        let elsewhere = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let copy = elsewhere.appendingPathComponent("textpipe")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["textpipe"])
        let articles = CLI.packageRoot.appendingPathComponent("Examples/articles").path
        let copied = try CLI.run(["run", "conflict-watch", articles, "--quiet"], in: elsewhere, executable: copy)
        let original = try CLI.run(["run", "conflict-watch", articles, "--quiet"])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.lines.count == 4)
        #expect(copied.stdout.contains(#""label":true,"party":"Valmora Democratic Front""#))
        #expect(copied.stdout == original.stdout)
    }

    @Test(.enabled(if: CLI.hasSharedData, "needs ../shared/data (BBC articles)"))
    func outputIsIdenticalAcrossJobCountsOnBBC() throws {
        let bbc = CLI.sharedData.appendingPathComponent("bbc/articles").path
        let one = try CLI.run(["run", "clean", bbc, "--jobs", "1", "--quiet"])
        let two = try CLI.run(["run", "clean", bbc, "--jobs", "2", "--quiet"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.lines.count == 2225)
        #expect(one.stdout == two.stdout)
    }
}

@Suite struct ValidateTests {
    @Test func shippedPipelinesAreValid() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CLI.packageRoot.appendingPathComponent("Pipelines").path
        ).filter { $0.hasSuffix(".yaml") }.map { "Pipelines/" + $0 }
        let result = try CLI.run(["validate"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == files.count)
    }

    @Test func brokenFilesReportFileLineColumn() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.yaml")
        try "description: x\nstages:\n  - normalise\n  - normalize: { nfkd: true }\n".write(
            to: file, atomically: true, encoding: .utf8)
        let syntax = directory.appendingPathComponent("syntax.yaml")
        try "stages: [normalize\n".write(to: syntax, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path, syntax.path])
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("\(file.path):3:5: error: unknown stage 'normalise'") && $0.contains("'normalize'")
            })
        #expect(lines.contains { $0.hasPrefix("\(file.path):4:18: error: unknown option 'nfkd'") })
        #expect(lines.contains { $0.hasPrefix("\(syntax.path):") && $0.contains("error:") })
    }

    @Test func runWithBrokenPipelineIsUsageError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try "stages: [dedupe-everything]\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", file.path], stdin: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("bad.yaml:1:10: error: unknown stage 'dedupe-everything'"))
    }

    @Test func unknownPipelineSuggestsAName() throws {
        let result = try CLI.run(["run", "conflict-wach"], stdin: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("conflict-watch"))
    }
}

@Suite struct InspectTests {
    @Test func listShowsPipelinesAndStages() throws {
        let result = try CLI.run(["list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("conflict-watch"))
        #expect(result.stdout.contains("clean"))
        #expect(result.stdout.contains("normalize"))
    }

    @Test func describeShowsOptionsAndExamples() throws {
        let result = try CLI.run(["describe", "normalize"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Options:"))
        #expect(result.stdout.contains("Examples:"))
        let pipeline = try CLI.run(["describe", "conflict-watch"])
        #expect(pipeline.status == 0)
        #expect(pipeline.stdout.contains("normalize"))
        let unknown = try CLI.run(["describe", "normalise"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'normalize'?"))
    }

    @Test func badFlagIsUsageError() throws {
        let result = try CLI.run(["run", "clean", "--jbos", "2"])
        #expect(result.status == 64)
    }
}

@Suite struct NewStageTests {
    @Test func scaffoldsAStageIntoACopyOfTheManifest() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Package.swift"),
            to: directory.appendingPathComponent("Package.swift"))
        let result = try CLI.run(["new-stage", "word-count", "--package-root", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try String(contentsOf: directory.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("\"WordCount\","))
        #expect(
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("Plugins/WordCount/WordCountStage.swift").path))
        #expect(
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent("Tests/WordCountTests/WordCountTests.swift").path))
        let again = try CLI.run(["new-stage", "word-count", "--package-root", directory.path])
        #expect(again.status == 64)
        // PascalCase is read as kebab-case: the same stage, so it exists already.
        let pascal = try CLI.run(["new-stage", "WordCount", "--package-root", directory.path])
        #expect(pascal.status == 64)
        #expect(pascal.stderr.contains("a stage 'word-count' (module WordCount) already exists"), "\(pascal.stderr)")
        let bad = try CLI.run(["new-stage", "word_count", "--package-root", directory.path])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("must be kebab-case"))
    }

    @Test func pascalCaseNamesBecomeKebabCase() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Package.swift"),
            to: directory.appendingPathComponent("Package.swift"))
        for (given, module) in [("HTMLCleaner", "HtmlCleaner"), ("Top10Words", "Top10Words"), ("Tone", "Tone")] {
            let result = try CLI.run(["new-stage", given, "--package-root", directory.path])
            #expect(result.status == 0, "\(result.stderr)")
            let stage = directory.appendingPathComponent("Plugins/\(module)/\(module)Stage.swift")
            #expect(FileManager.default.fileExists(atPath: stage.path), "\(given)")
        }
        let source = try String(
            contentsOf: directory.appendingPathComponent("Plugins/HtmlCleaner/HtmlCleanerStage.swift"), encoding: .utf8)
        #expect(source.contains(#"public static let name = "html-cleaner""#))
    }

    @Test func scaffoldsAPackageOutsideTheTree() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let package = directory.appendingPathComponent("my-stages")
        let result = try CLI.run(
            ["new-stage", "WordCount", "--package", package.path, "--textpipe-path", CLI.packageRoot.path])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(path: \"\(CLI.packageRoot.standardizedFileURL.path)\")"))
        #expect(manifest.contains(#".executable(name: "textpipe", targets: ["WordCountTextpipe"])"#))
        let main = try String(
            contentsOf: package.appendingPathComponent("Sources/textpipe/main.swift"), encoding: .utf8)
        #expect(main.contains("TextpipeCommand.main(stages: BuiltinStages.all + [WordCountStage.self])"))
        let stage = try String(
            contentsOf: package.appendingPathComponent("Sources/WordCount/WordCountStage.swift"), encoding: .utf8)
        #expect(stage.contains(#"public static let name = "word-count""#))
        let test = try String(
            contentsOf: package.appendingPathComponent("Tests/WordCountTests/WordCountTests.swift"), encoding: .utf8)
        #expect(test.contains("import TextpipeTestKit"))
        let readme = try String(contentsOf: package.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.split(separator: "\n").count == 3)
        // The checkout itself is left alone.
        #expect(
            !FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("Plugins/WordCount").path))

        let byURL = directory.appendingPathComponent("by-url")
        let url = try CLI.run(["new-stage", "tone", "--package", byURL.path])
        #expect(url.status == 0, "\(url.stderr)")
        let urlManifest = try String(contentsOf: byURL.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(urlManifest.contains(#".package(url: "https://github.com/textpipe/textpipe", branch: "main")"#))
        #expect(urlManifest.contains(#".product(name: "TextpipeCLI", package: "textpipe")"#))

        let again = try CLI.run(["new-stage", "tone", "--package", byURL.path])
        #expect(again.status == 64)
        #expect(again.stderr.contains("exists and is not empty"))
        let notACheckout = try CLI.run(
            ["new-stage", "tone", "--package", directory.appendingPathComponent("x").path, "--textpipe-path", "/tmp"])
        #expect(notACheckout.status == 64)
        #expect(notACheckout.stderr.contains("is not a textpipe checkout"))
        let pathAlone = try CLI.run(["new-stage", "tone", "--textpipe-path", CLI.packageRoot.path])
        #expect(pathAlone.status == 64)
        let withEval = try CLI.run(["new-stage", "tone", "--with-eval", "--package", byURL.path + "-eval"])
        #expect(withEval.status == 64)
        #expect(withEval.stderr.contains("--with-eval works in a textpipe checkout only"), "\(withEval.stderr)")
    }

    /// The entries of `let <list> = [ … ]` in a manifest, as `new-stage` reads them.
    static func entries(of list: String, in manifest: String) -> [String] {
        guard let start = manifest.range(of: "let \(list) = ["),
            let close = manifest.range(of: "]", range: start.upperBound..<manifest.endIndex)
        else { return [] }
        return manifest[start.upperBound..<close.lowerBound].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    @Test func withEvalScaffoldsAnEvaluationIntoACopyOfTheManifest() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifestURL = directory.appendingPathComponent("Package.swift")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Package.swift"), to: manifestURL)
        let original = try String(contentsOf: manifestURL, encoding: .utf8)
        let result = try CLI.run(["new-stage", "word-count", "--with-eval", "--package-root", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Next: swift build && .build/debug/textpipe eval word-count --gold FILE.jsonl"))
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        for list in ["plugins", "evaluations", "evaluationTests"] {
            #expect(
                Self.entries(of: list, in: manifest) == Self.entries(of: list, in: original) + [#""WordCount""#],
                "\(list)")
        }
        func source(_ path: String) throws -> String {
            try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
        }
        #expect(try !source("Plugins/WordCount/WordCountStage.swift").isEmpty)
        #expect(try !source("Tests/WordCountTests/WordCountTests.swift").isEmpty)
        let tasks = try source("Evaluations/WordCount/WordCountTasks.swift")
        #expect(tasks.contains("import TextpipeEvalKit\n"))
        #expect(tasks.contains("public enum WordCountTasks: StageTasks {"))
        #expect(tasks.contains("public static let eval: [any ParsableCommand.Type] = [EvalWordCountCommand.self]"))
        let command = try source("Evaluations/WordCount/EvalWordCountCommand.swift")
        for line in [
            "import WordCount\n", "public struct EvalWordCountCommand: ParsableCommand {",
            #"commandName: "word-count","#,
            "var gold: String", "typealias Expected = Int", #"case expected = "word_count""#,
            "let stage = StageInstance(try WordCountStage(options: .init()))",
            "try PipelineRunner(stages: [stage], options: options, output: sink).run([",
            #"message: "\(location): error: \(problem(error))", hint: hint, status: ExitStatus.dataError)"#,
            #""accuracy \(String(format: "%.3f", accuracy)); \(dropped) dropped""#,
        ] {
            #expect(command.contains(line), "\(line)")
        }
        let test = try source("Tests/WordCountEvaluationTests/WordCountEvaluationTests.swift")
        #expect(test.contains("@testable import WordCountEvaluation\n"))
        #expect(test.contains("@Suite struct WordCountEvaluationTests {"))
        #expect(test.contains(#"#expect(score.misses == ["gold.jsonl:4 (c): expected 5, got 3"])"#))

        // A second run changes nothing: the stage is there.
        let again = try CLI.run(["new-stage", "word-count", "--with-eval", "--package-root", directory.path])
        #expect(again.status == 64)
        #expect(again.stderr == "error: a stage 'word-count' (module WordCount) already exists\n", "\(again.stderr)")
        #expect(try String(contentsOf: manifestURL, encoding: .utf8) == manifest)
        // Nor does one after the folders went but the manifest lines stayed.
        for folder in ["Plugins/WordCount", "Tests/WordCountTests", "Evaluations", "Tests/WordCountEvaluationTests"] {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(folder))
        }
        let listed = try CLI.run(["new-stage", "word-count", "--with-eval", "--package-root", directory.path])
        #expect(listed.status == 64)
        #expect(listed.stderr == #"error: Package.swift lists "WordCount" in 'plugins' already"# + "\n")
        #expect(try String(contentsOf: manifestURL, encoding: .utf8) == manifest)
    }

    @Test func withEvalRefusesBeforeWritingAnything() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifestURL = directory.appendingPathComponent("Package.swift")
        let original = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let evaluationListed = original.replacingOccurrences(
            of: "let evaluations = [\n", with: "let evaluations = [\n    \"WordCount\",\n")
        try evaluationListed.write(to: manifestURL, atomically: true, encoding: .utf8)
        let listed = try CLI.run(["new-stage", "word-count", "--with-eval", "--package-root", directory.path])
        #expect(listed.status == 64)
        #expect(listed.stderr == #"error: Package.swift lists "WordCount" in 'evaluations' already"# + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["Package.swift"])
        #expect(try String(contentsOf: manifestURL, encoding: .utf8) == evaluationListed)

        try original.write(to: manifestURL, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Evaluations/WordCount"), withIntermediateDirectories: true)
        let folder = try CLI.run(["new-stage", "word-count", "--with-eval", "--package-root", directory.path])
        #expect(folder.status == 64)
        #expect(folder.stderr.contains("error: Evaluations/WordCount exists already"), "\(folder.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Plugins").path))

        // `eval conflict` is intra-party-conflict's: a stage named conflict cannot have that task too.
        let taken = try CLI.run(["new-stage", "conflict", "--with-eval", "--package-root", directory.path])
        #expect(taken.status == 64)
        #expect(taken.stderr.contains("there is a 'textpipe eval conflict' already"), "\(taken.stderr)")
        #expect(try String(contentsOf: manifestURL, encoding: .utf8) == original)
    }
}
