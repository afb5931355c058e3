import Foundation
import Testing
import Textpipe

@testable import Dedupe

/// The stage inside the real runner: output identical for every `--jobs`, and a bad state file ends the run with exit 74.
@Suite struct DedupeRunnerTests {
    /// Runs a dedupe stage built from `yaml` over `input`; returns the summary, the output lines and the reports.
    func run(_ yaml: String, input: String, jobs: Int, in directory: TemporaryDirectory) throws -> (
        summary: RunSummary, lines: [String], reports: [String]
    ) {
        let reports = Locked([String]())
        var options = RunOptions(
            jobs: jobs, onError: .deadLetter, report: { line in reports.withLock { $0.append(line) } })
        options.batchSize = 5
        options.windowPerJob = 2
        let outputPath = directory.file("out-\(jobs).jsonl")
        let stage = try StageType(DedupeStage.self).instantiate(yaml: yaml)
        let summary = try PipelineRunner(stages: [stage], options: options, output: try OutputSink.file(outputPath))
            .run([.path(input)])
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (summary, output.split(separator: "\n").map(String.init), reports.withLock { $0 })
    }

    func input(in directory: TemporaryDirectory) throws -> String {
        var lines: [String] = []
        for n in 0..<120 {
            let text: String
            switch n % 8 {
            case 0: text = Fixtures.pair09.0
            case 1: text = Fixtures.pair09.1
            case 2: text = Fixtures.pair05.0
            case 3: text = Fixtures.pair05.1
            default: text = Fixtures.unrelated(n % 40)
            }
            lines.append(#"{"id":"n\#(n)","text":"\#(text)"}"#)
        }
        let path = directory.file("in.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func outputIsIdenticalForEveryJobCount() throws {
        let directory = try TemporaryDirectory()
        let path = try input(in: directory)
        var outputs: [[String]] = []
        for jobs in [1, 2, 4] {
            let result = try run("{ near_threshold: 0.8 }", input: path, jobs: jobs, in: directory)
            #expect(result.summary.read == 120)
            #expect(result.summary.exitCode == 0)
            outputs.append(result.lines)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        // Kept: pair09's first text, both texts at Jaccard 0.5, and the 20 distinct unrelated texts once each.
        let ids = outputs[0].compactMap { $0.split(separator: "\"").dropFirst(3).first.map(String.init) }
        #expect(ids.count == 1 + 2 + 20)
        #expect(ids.prefix(3) == ["n0", "n2", "n3"])
    }

    @Test func corruptStateFileStopsTheRunWithExit74() throws {
        let directory = try TemporaryDirectory()
        let path = try input(in: directory)
        let state = directory.file("state.sqlite")
        try Data("this is not a database, it is a note\n".utf8).write(to: URL(fileURLWithPath: state))
        let result = try run("{ state: '\(state)' }", input: path, jobs: 2, in: directory)
        #expect(result.summary.exitCode == 74)
        #expect(result.summary.written == 0)
        #expect(
            result.reports.filter { $0.contains("is not a valid dedupe state file (file is not a database)") }.count
                == 1,
            "\(result.reports)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("out-2.jsonl")))
    }

    @Test func stateIsSavedOnlyOnceTheOutputFileIsInPlace() throws {
        let directory = try TemporaryDirectory()
        let path = try input(in: directory)
        let state = directory.file("state.sqlite")
        let reports = Locked([String]())
        var options = RunOptions(jobs: 2, onError: .deadLetter) { line in reports.withLock { $0.append(line) } }
        options.batchSize = 5
        let stages = [
            try StageType(DedupeStage.self).instantiate(yaml: "{ state: '\(state)' }"),
            try StageType(HaltStage.self).instantiate(),
        ]
        let outputPath = directory.file("halted.jsonl")
        let halted = try PipelineRunner(stages: stages, options: options, output: try OutputSink.file(outputPath))
            .run([.path(path)])
        // The run stopped at n36 with nothing in place: dedupe decided 37 articles and must have saved none.
        #expect(halted.exitCode == 74)
        #expect(reports.withLock { $0 } == ["error: stage 'halt-at-n36': the test's own file failed"])
        #expect(!FileManager.default.fileExists(atPath: outputPath))
        #expect(try StateFileTests().rowCount(state) == 0)

        let again = try run("{ state: '\(state)' }", input: path, jobs: 2, in: directory)
        #expect(again.summary.exitCode == 0)
        #expect(again.lines.count == 23)
        #expect(try StateFileTests().rowCount(state) == 23)
    }

    @Test func dropsAreCountedWithReasonDuplicate() throws {
        let directory = try TemporaryDirectory()
        let path = try input(in: directory)
        let result = try run("{}", input: path, jobs: 2, in: directory)
        #expect(result.summary.dropped == 120 - 23)
        #expect(result.summary.read == result.summary.written + result.summary.dropped)
    }
}

/// Stops the run at article `n36`, as a stage whose own file failed does.
struct HaltStage: Stage {
    struct Options: StageOptions {
        init() {}
        init(from decoder: any Decoder) throws {}
        static let fields: [OptionField] = []
    }
    static let name = "halt-at-n36"
    static let summary = "Throws an io StageError at article n36"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        guard document.id != "n36" else { throw StageError.io("the test's own file failed") }
        return .keep
    }
}
