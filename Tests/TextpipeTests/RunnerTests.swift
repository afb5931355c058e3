import Foundation
import Testing

@testable import Textpipe

/// Tags each article after a delay that differs per article, so workers finish out of order.
struct JitterStage: Stage {
    typealias Options = NoOptions
    static let name = "jitter"
    static let summary = "Tag after a varying delay"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        let spin = (document.id.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xFFFF) % 2000
        var sink = 0
        for value in 0..<spin * 20 { sink &+= value }
        try document.setValue("tagged", sink >= 0)
        return .keep
    }
}

/// Drops every article whose text it has seen before, remembering the order it decided in.
struct FirstSeenStage: OrderedStage {
    typealias Options = NoOptions
    static let name = "first-seen"
    static let summary = "Drop repeated texts"
    static let examples: [StageExample] = []
    let seen = Locked(Set<String>())
    let decided = Locked([String]())
    init(options: Options) throws {}
    func prepare(_ document: Document) throws -> String { document.text.lowercased() }
    func decide(_ document: inout Document, prepared: String) throws -> Disposition {
        decided.withLock { $0.append(document.id) }
        return seen.withLock { $0.insert(prepared).inserted } ? .keep : .drop(reason: "duplicate")
    }
}

/// Fails on articles that contain "boom".
struct ExplodingStage: Stage {
    typealias Options = NoOptions
    static let name = "exploding"
    static let summary = "Fail on boom"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        if document.text.contains("boom") { throw StageError("article says boom") }
        return .keep
    }
}

/// Cannot go on once it meets "disk gone": its own file failed.
struct HaltingStage: Stage {
    typealias Options = NoOptions
    static let name = "halting"
    static let summary = "Stop on disk gone"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        if document.text.contains("disk gone") { throw StageError.io("state file 'x.db' cannot be written") }
        return .keep
    }
}

/// A temporary directory removed at the end of a test.
final class ScratchDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "textpipe-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `stages` over `inputs`, writing to a file in `directory`; returns the summary and the output.
func run(
    _ stages: [StageInstance], inputs: [InputSpec], jobs: Int, policy: ErrorPolicy = .deadLetter,
    in directory: ScratchDirectory, batchSize: Int = 16, deadLetter: Bool = true
) throws -> (summary: RunSummary, output: String, deadLetters: String, reports: [String]) {
    let reports = Locked([String]())
    var options = RunOptions(jobs: jobs, onError: policy, report: { line in reports.withLock { $0.append(line) } })
    options.batchSize = batchSize
    options.windowPerJob = 2
    if deadLetter { options.deadLetter = try OutputSink.file(directory.path + "/dead.jsonl") }
    let output = try OutputSink.file(directory.path + "/out.jsonl")
    let summary = try PipelineRunner(stages: stages, options: options, output: output).run(inputs)
    let text = (try? directory.read("out.jsonl")) ?? ""
    let dead = (try? directory.read("dead.jsonl")) ?? ""
    return (summary, text, dead, reports.withLock { $0 })
}

func jsonl(_ count: Int, text: (Int) -> String) -> String {
    (0..<count).map { #"{"id":"a\#($0)","text":"\#(text($0))","extra":{"n":\#($0)}}"# }.joined(separator: "\n") + "\n"
}

@Suite struct RunnerTests {
    @Test func outputIsIdenticalForEveryJobCount() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(600) { "text \($0 % 450)" })
        var outputs: [String] = []
        for jobs in [1, 2, 4] {
            let stages = [
                try StageType(JitterStage.self).instantiate(),
                try StageType(FirstSeenStage.self).instantiate(),
                try StageType(JitterStage.self).instantiate(),
            ]
            let result = try run(stages, inputs: [.path(input)], jobs: jobs, in: directory)
            // A run that stops early says why in its reports. Once (2026-12-06, full suite) this run read 160 of
            // 600 records and wrote none, most likely because another test held the whole process's file-size
            // limit at 2 bytes: that limit failed a third test's write with "File too large" in 1 of 15 runs.
            // failedWriteSpoilsTheSinkAndCommitDiscardsIt now fails a write on its own descriptor instead.
            #expect(result.summary.stop == nil, "jobs \(jobs): \(result.reports)")
            #expect(result.summary.read == 600)
            #expect(result.summary.written == 450)
            #expect(result.summary.dropped == 150)
            outputs.append(result.output)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        let ids = outputs[0].split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<450).map { "a\($0)" })
    }

    /// The in-memory sink gets exactly the bytes a file output gets, ordered stages included.
    @Test func collectingSinkHoldsTheBytesAFileGets() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(300) { "text \($0 % 200)" })
        func stages() throws -> [StageInstance] {
            [try StageType(JitterStage.self).instantiate(), try StageType(FirstSeenStage.self).instantiate()]
        }
        let file = try run(stages(), inputs: [.path(input)], jobs: 2, in: directory, deadLetter: false)
        let sink = CollectingSink()
        let options = RunOptions(jobs: 2, onError: .deadLetter, report: { _ in })
        let summary = try PipelineRunner(stages: stages(), options: options, output: sink).run([.path(input)])
        #expect(summary == file.summary)
        #expect(summary.written == 200)
        #expect(sink.isCommitted)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == file.output)
        #expect(sink.records.count == 200)
        #expect(
            sink.records.first.map { String(decoding: $0, as: UTF8.self) }
                == file.output.split(separator: "\n").first.map(String.init))
    }

    @Test func orderedStageDecidesInInputOrder() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(300) { "t\($0)" })
        // Every text is distinct, so all are kept; with tiny batches on two workers they
        // reach the ordered stage out of order and must still come out in input order.
        let firstSeen = try FirstSeenStage(options: NoOptions())
        let result = try run(
            [try StageType(JitterStage.self).instantiate(), StageInstance(firstSeen)],
            inputs: [.path(input)], jobs: 2, in: directory, batchSize: 7)
        #expect(result.summary.written == 300)
        #expect(firstSeen.decided.withLock { $0 } == (0..<300).map { "a\($0)" })
        // Every output line, in order, is the article it stands for.
        let ids = result.output.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (0..<300).map { "a\($0)" })
    }

    @Test func failuresAreDeadLetteredAndCounted() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(50) { $0 % 10 == 3 ? "boom \($0)" : "fine \($0)" })
        let result = try run(
            [try StageType(ExplodingStage.self).instantiate()], inputs: [.path(input)], jobs: 2, in: directory)
        #expect(result.summary.read == 50)
        #expect(result.summary.written == 45)
        #expect(result.summary.deadLettered == 5)
        #expect(result.summary.exitCode == 0)
        let records = result.deadLetters.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        #expect(records.map { $0["id"] } == ["a3", "a13", "a23", "a33", "a43"])
        #expect(records.allSatisfy { $0["stage"] == "exploding" && $0["error"] == "article says boom" })
        #expect(records.first?["input"]?.contains(#""text":"boom 3""#) == true)
        #expect(result.reports.first?.contains("error: stage 'exploding': article says boom (dead-lettered)") == true)
    }

    @Test func failPolicyStopsWithDataErrorAfterEarlierArticles() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(40) { $0 == 20 ? "boom" : "fine \($0)" })
        let result = try run(
            [try StageType(ExplodingStage.self).instantiate()], inputs: [.path(input)], jobs: 2, policy: .fail,
            in: directory, deadLetter: false)
        #expect(result.summary.exitCode == 65)
        #expect(result.summary.read == 21)
        #expect(result.summary.read == result.summary.written + result.summary.failed)
        // A file output is only moved into place when the run succeeds, so the 20
        // articles before the failure were not delivered either: written 0, failed 21.
        #expect(result.summary.written == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.jsonl"))
    }

    @Test func stageIOErrorStopsTheRunWithExit74WhateverTheErrorPolicy() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(60) { $0 >= 30 ? "disk gone \($0)" : "fine \($0)" })
        let result = try run(
            [try StageType(HaltingStage.self).instantiate()], inputs: [.path(input)], jobs: 2, policy: .deadLetter,
            in: directory)
        #expect(result.summary.exitCode == 74)
        #expect(result.summary.deadLettered == 0)
        #expect(result.reports == ["error: stage 'halting': state file 'x.db' cannot be written"])
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out.jsonl"))
    }

    @Test func skipPolicyCountsFailures() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("in.jsonl", jsonl(10) { $0 < 2 ? "boom" : "ok" })
        let result = try run(
            [try StageType(ExplodingStage.self).instantiate()], inputs: [.path(input)], jobs: 1, policy: .skip,
            in: directory, deadLetter: false)
        #expect(result.summary.failed == 2)
        #expect(result.summary.written == 8)
        #expect(result.reports.filter { $0.hasSuffix("(skipped)") }.count == 2)
    }

    @Test func badLinesAreDeadLetteredWhileNeighboursPass() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write(
            "in.jsonl",
            "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"y\",\"text\":\n\n{\"id\":\"z\",\"text\":\"three\"}\n")
        let result = try run([], inputs: [.path(input)], jobs: 2, in: directory)
        #expect(result.summary.read == 3)
        #expect(result.summary.written == 2)
        #expect(result.summary.deadLettered == 1)
        #expect(result.output.contains("\"x\"") && result.output.contains("\"z\""))
        #expect(result.deadLetters.contains(#""id":"in.jsonl:2""#) || result.deadLetters.contains(":2\""))
        #expect(result.reports.first?.hasPrefix(input + ":2") == true)
    }

    @Test func directoriesAreReadRecursivelyInPathOrder() throws {
        let directory = try ScratchDirectory()
        _ = try directory.write("in/b.txt", "Second\n\nBody two.")
        _ = try directory.write("in/a/z.md", "First body only")
        _ = try directory.write("in/c.json", #"[{"text":"c1"},{"id":"named","text":"c2"}]"#)
        _ = try directory.write("in/.hidden.txt", "never")
        let result = try run([], inputs: [.path(directory.path + "/in")], jobs: 2, in: directory)
        let objects = result.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.map { $0["id"] as? String } == ["a/z.md", "b.txt", "c.json#1", "named"])
        #expect(objects[1]["title"] as? String == "Second")
        #expect(objects[1]["text"] as? String == "Body two.")
        #expect(objects[0]["title"] == nil)
    }

    @Test func invalidUTF8WithoutRepairIsReported() throws {
        let directory = try ScratchDirectory()
        let file = directory.path + "/latin1.txt"
        try Data([0x54, 0x69, 0x74, 0x6C, 0x65, 0x0A, 0x0A, 0x43, 0x61, 0x66, 0xE9]).write(
            to: URL(fileURLWithPath: file))
        let binary = directory.path + "/binary.txt"
        try Data([0x41, 0x00, 0x42]).write(to: URL(fileURLWithPath: binary))
        let result = try run([], inputs: [.path(file), .path(binary)], jobs: 1, in: directory)
        #expect(result.summary.deadLettered == 2)
        #expect(result.reports.contains { $0.contains("not valid UTF-8 (byte 0xE9 at offset 3)") })
        #expect(result.reports.contains { $0.contains("binary file") })
    }

    @Test func oversizedArticlesAreReported() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write(
            "in.jsonl",
            jsonl(1) { _ in "short" } + #"{"text":""# + String(repeating: "x", count: 5000) + "\"}\n"
                + jsonl(1) { _ in "after" })
        let reports = Locked([String]())
        var options = RunOptions(jobs: 1, onError: .skip, report: { line in reports.withLock { $0.append(line) } })
        options.maxBytes = 1000
        let output = try OutputSink.file(directory.path + "/out.jsonl")
        let summary = try PipelineRunner(stages: [], options: options, output: output).run([.path(input)])
        #expect(summary.read == 3)
        #expect(summary.written == 2)
        #expect(summary.failed == 1)
        #expect(reports.withLock { $0 }.contains { $0.contains("over --max-bytes 1000") })
    }

    @Test func missingInputIsAnError() throws {
        let directory = try ScratchDirectory()
        #expect(throws: ArticleReader.InputError.self) {
            _ = try run([], inputs: [.path(directory.path + "/nope")], jobs: 1, in: directory)
        }
    }
}

@Suite struct TextArticleTests {
    func document(_ text: String) -> Document? {
        if case .document(let document) = TextArticle.record(bytes: Array(text.utf8), id: "t", source: "t") {
            return document
        }
        return nil
    }

    @Test func headlineFollowedByBlankLineIsTheTitle() {
        let article = document("Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu.\n")
        #expect(article?.title == "Chelsea sack Mutu")
        #expect(article?.text == "Chelsea have sacked Adrian Mutu.\n")
    }

    @Test func leadParagraphIsNotATitle() {
        let lead = "KARACHI: Rifts re-emerged inside the party as workers stormed its office, a channel reported."
        let article = document(lead + "\n\nThe committee met.\n")
        #expect(article?.title == nil)
        #expect(article?.text.hasPrefix("KARACHI:") == true)
    }

    @Test func oneLineFileIsText() {
        #expect(document("Just one line")?.title == nil)
        #expect(document("Just one line")?.text == "Just one line")
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(document("\u{FEFF}Title\n\nBody")?.title == "Title")
    }
}
