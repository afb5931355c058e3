import Foundation
import Testing

/// `textpipe eval dedupe`, `describe dedupe`, and — once pipelines load — `run` with dedupe.
@Suite struct DedupeCLITests {
    static let articles = "Examples/dedupe/articles"
    static let pairs = "Examples/dedupe/pairs.tsv"

    @Test func evalScoresTheExampleArticles() throws {
        let result = try CLI.run(["eval", "dedupe", "--pairs", Self.pairs, Self.articles])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("should be marked  2"))
        #expect(result.stdout.contains("marked            2 (2 right)"))
        #expect(result.stdout.contains("precision         1.000"))
        #expect(result.stdout.contains("recall            1.000"))
    }

    @Test func evalMarksAreTheSameForEveryJobCount() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var marks: [String] = []
        for jobs in ["1", "2", "3"] {
            let file = directory.appendingPathComponent("marks-\(jobs).tsv").path
            let result = try CLI.run([
                "eval", "dedupe", "--jobs", jobs, "--marks", file, "--pairs", Self.pairs, Self.articles,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            marks.append(try String(contentsOfFile: file, encoding: .utf8))
        }
        #expect(marks[0] == marks[1] && marks[0] == marks[2])
        #expect(
            marks[0]
                == "03-harbour-budget-wire.txt\t01-harbour-budget.txt\tnear\t\(marks[0].split(separator: "\t")[3].prefix(5))\n"
                + "04-harbour-budget-repost.txt\t01-harbour-budget.txt\texact\t1.0\n")
    }

    @Test func evalJSONHasTheFiguresABenchmarkNeeds() throws {
        let result = try CLI.run(["eval", "dedupe", "--json", "--pairs", Self.pairs, Self.articles])
        let object = CLI.json(result.stdout)
        for key in ["articles", "articles_per_second", "precision", "recall", "index_bytes_per_article", "banding"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["articles"] as? Int == 6)
    }

    @Test func evalRejectsABadKey() throws {
        let result = try CLI.run(["eval", "dedupe", "--key", "body", "--pairs", Self.pairs, Self.articles])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--key must be text or title+text"))
    }

    @Test func describeListsEveryOption() throws {
        let result = try CLI.run(["describe", "dedupe"])
        #expect(result.status == 0)
        for option in ["mode", "key", "near_threshold", "shingle_size", "permutations", "seed", "state"] {
            #expect(result.stdout.contains("  \(option) "), "describe dedupe lacks \(option)")
        }
        #expect(result.stdout.contains("Ordered: decides in input order"))
    }

    // MARK: - textpipe run (needs the real pipeline loader and JSON writer)

    /// Whether `textpipe run` can load a pipeline file yet (the stand-in loader always fails).
    static let pipelinesLoad: Bool = {
        (try? CLI.run(["validate", "Examples/dedupe/mark-duplicates.yaml"]).status) == 0
    }()

    @Test(.enabled(if: pipelinesLoad, "needs the real pipeline loader"))
    func runOutputIsTheSameForEveryJobCount() throws {
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            let result = try CLI.run(
                ["run", "Examples/dedupe/mark-duplicates.yaml", Self.articles, "--jobs", jobs, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(result.stdout)
        }
        #expect(outputs[0] == outputs[1])
        let marked = outputs[0].split(separator: "\n").map { CLI.json(String($0)) }.filter { $0["duplicate_of"] != nil }
        #expect(marked.map { $0["id"] as? String } == ["03-harbour-budget-wire.txt", "04-harbour-budget-repost.txt"])
    }

    @Test(.enabled(if: pipelinesLoad, "needs the real pipeline loader"))
    func runStateDropsWhatAnEarlierRunSaw() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = directory.appendingPathComponent("daily.yaml")
        try "stages:\n  - dedupe: { state: seen.sqlite }\n".write(to: pipeline, atomically: true, encoding: .utf8)
        let day1 = directory.appendingPathComponent("day1")
        try FileManager.default.createDirectory(at: day1, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("\(Self.articles)/01-harbour-budget.txt"),
            to: day1.appendingPathComponent("a.txt"))
        let first = try CLI.run(["run", pipeline.path, day1.path], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("read 1, written 1, dropped 0"))
        let second = try CLI.run(
            ["run", pipeline.path, CLI.packageRoot.appendingPathComponent(Self.articles).path], in: directory)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("read 6, written 3, dropped 3"), "\(second.stderr)")
    }

    @Test(.enabled(if: pipelinesLoad, "needs the real pipeline loader"))
    func runWithACorruptStateFileExits74() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = directory.appendingPathComponent("p.yaml")
        try "stages:\n  - dedupe: { state: seen.sqlite }\n".write(to: pipeline, atomically: true, encoding: .utf8)
        try Data(repeating: 0x41, count: 4096).write(to: directory.appendingPathComponent("seen.sqlite"))
        let result = try CLI.run(
            ["run", pipeline.path, CLI.packageRoot.appendingPathComponent(Self.articles).path], in: directory)
        #expect(result.status == 74)
        #expect(result.stderr.contains("state file 'seen.sqlite' is not a valid dedupe state file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(.enabled(if: pipelinesLoad, "needs the real pipeline loader"))
    func killedRunLeavesAUsableStateFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = directory.appendingPathComponent("p.yaml")
        try "stages:\n  - dedupe: { state: seen.sqlite }\n".write(to: pipeline, atomically: true, encoding: .utf8)
        let input = directory.appendingPathComponent("in.jsonl")
        var lines = ""
        for n in 0..<60_000 {
            lines += #"{"id":"n\#(n)","text":"Article \#(n) says \#(n * 7919 % 10007) and \#(n) again."}"# + "\n"
        }
        try lines.write(to: input, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", pipeline.path, input.path, "--quiet", "--jobs", "2"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.5)
        // SIGKILL, not SIGINT: a test runner's children may inherit an ignored SIGINT, and a
        // kill is the harsher case (no handler runs, as in a crash or a power cut of the process).
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run ended before it could be killed")

        // The state holds the batches committed before the kill; a rerun reads it and finishes…
        // (Output to a scratch file, never /dev/null: as root, textpipe before the fix for
        // devices renamed its temporary file over /dev/null, turning it into a regular file.)
        let discard = directory.appendingPathComponent("discarded.jsonl").path
        let rerun = try CLI.run(["run", pipeline.path, input.path, "--output", discard], in: directory)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("read 60000"), "\(rerun.stderr)")
        // …and leaves a complete one: a third run drops everything.
        let third = try CLI.run(["run", pipeline.path, input.path, "--output", discard], in: directory)
        #expect(third.stderr.contains("read 60000, written 0, dropped 60000"), "\(third.stderr)")
    }
}
