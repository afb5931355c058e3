import Testing
import Textpipe
import TextpipeTestKit

/// Writes the text's length, after a delay that differs per article, so that
/// with two jobs the workers finish out of order.
struct LengthStage: Stage {
    typealias Options = NoOptions
    static let name = "length"
    static let summary = "Write the text's length"
    static let outputs = ["length"]
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        var sink = 0
        for value in 0..<(document.text.utf8.count % 7) * 20_000 { sink &+= value }
        try document.setValue("length", document.text.unicodeScalars.count + (sink < 0 ? 1 : 0))
        return .keep
    }
}

/// Drops a text it has seen, remembering how many of its decisions were delivered.
struct SeenStage: OrderedStage {
    typealias Options = NoOptions
    static let name = "seen"
    static let summary = "Drop repeated texts"
    static let examples: [StageExample] = []
    let seen = Locked(Set<String>())
    let delivered = Locked(0)
    init(options: Options) throws {}
    func prepare(_ document: Document) throws -> String { document.text }
    func decide(_ document: inout Document, prepared: String) throws -> Disposition {
        seen.withLock { $0.insert(prepared).inserted } ? .keep : .drop(reason: "seen before")
    }
    func delivered(_ count: Int) throws { delivered.withLock { $0 = count } }
}

/// Fails on a text that says "boom".
struct BoomStage: Stage {
    typealias Options = NoOptions
    static let name = "boom"
    static let summary = "Fail on boom"
    static let examples: [StageExample] = []
    init(options: Options) throws {}
    func process(_ document: inout Document) throws -> Disposition {
        if document.text.contains("boom") { throw StageError("article says boom") }
        return .keep
    }
}

let catalog = StageCatalog(stages: [StageType(LengthStage.self), StageType(SeenStage.self), StageType(BoomStage.self)])

func documents(_ count: Int) -> [Document] {
    (0..<count).map { Document(id: "d\($0)", text: "article \($0 % 40) " + String(repeating: "é", count: $0 % 5)) }
}

@Suite struct PipelineHarnessTests {
    @Test func aPipelineFromYAMLRunsItsStagesInOrderAndCounts() throws {
        let harness = try PipelineHarness(pipeline: "stages: [seen, length]", catalog: catalog)
        let run = harness.run(documents(100))
        // 40 distinct texts: the first 40 documents are kept, the rest are repeats.
        #expect(run.documents.map(\.id) == (0..<40).map { "d\($0)" })
        #expect(try run.documents.map { try $0.value("length") as Int? } == documents(40).map { $0.text.count })
        #expect(run.summary == summary(read: 100, written: 40, dropped: 60))
        #expect(run.committed)
        #expect(run.deadLetters.isEmpty)
    }

    @Test(arguments: [2, 3])
    func outputIsTheSameForEveryJobCountAndBatchSize(jobs: Int) throws {
        var one = try PipelineHarness(pipeline: "stages: [length, seen]", catalog: catalog, jobs: 1)
        one.batchSize = 256
        var many = try PipelineHarness(pipeline: "stages: [length, seen]", catalog: catalog, jobs: jobs)
        many.batchSize = 3
        let input = documents(500)
        let expected = one.run(input)
        let got = many.run(input)
        #expect(got.output == expected.output)
        #expect(got.summary == expected.summary)
        #expect(got.output.count == 40)
    }

    @Test func anOrderedStageHearsEveryDeliveredDecision() throws {
        let seen = try SeenStage(options: NoOptions())
        var harness = PipelineHarness([StageInstance(seen)], jobs: 2)
        harness.batchSize = 7
        let run = harness.run(documents(50))
        #expect(run.output.count == 40)
        #expect(seen.delivered.withLock { $0 } == 50)
    }

    @Test func aFailingRecordIsDeadLetteredWithTheStagesMessage() throws {
        let harness = try PipelineHarness(
            pipeline: "on_error: dead-letter\nstages: [boom, length]", catalog: catalog, jobs: 2)
        let input = [
            Document(id: "a", text: "calm"), Document(id: "b", text: "boom here"), Document(id: "c", text: "calm too"),
        ]
        let run = harness.run(input)
        #expect(run.documents.map(\.id) == ["a", "c"])
        #expect(run.deadLetters.count == 1)
        #expect(run.deadLetters.first?.contains("article says boom") == true)
        #expect(run.messages.contains { $0.contains("b") && $0.contains("article says boom") })
        #expect(run.summary == summary(read: 3, written: 2, deadLettered: 1))
    }

    @Test func withOnErrorFailTheRunStopsAndDoesNotCommit() throws {
        let harness = try PipelineHarness(pipeline: "on_error: fail\nstages: [boom]", catalog: catalog)
        let run = harness.run([Document(id: "a", text: "calm"), Document(id: "b", text: "boom")])
        #expect(!run.committed)
        #expect(run.summary.exitCode == 65)
    }

    @Test func jsonLinesAreParsedAsAFilesLinesAreAndABadLineIsNamedByItsNumber() throws {
        let harness = PipelineHarness([StageInstance(try LengthStage(options: NoOptions()))], onError: .deadLetter)
        let run = harness.run(jsonLines: [#"{"id":"x","text":"héllo"}"#, "", #"{"text": 5}"#, #"{"text":"ok"}"#])
        #expect(run.documents.map(\.id) == ["x", "input:4"])
        #expect(try run.documents.first?.value("length") as Int? == 5)
        #expect(run.deadLetters.count == 1)
        #expect(run.messages.contains { $0.hasPrefix("input:3") })
        #expect(run.summary == summary(read: 3, written: 2, deadLettered: 1))
    }

    @Test func aRecordOverMaxBytesIsRefusedNotRun() throws {
        var harness = PipelineHarness([StageInstance(try LengthStage(options: NoOptions()))], onError: .skip)
        harness.maxBytes = 10
        let run = harness.run([Document(id: "short", text: "short"), Document(id: "long", text: "far too long")])
        #expect(run.documents.map(\.id) == ["short"])
        #expect(run.summary == summary(read: 2, written: 1, failed: 1))
        #expect(run.messages.contains { $0.contains("long") && $0.contains("over --max-bytes 10") })
    }

    private func summary(read: Int, written: Int, dropped: Int = 0, deadLettered: Int = 0, failed: Int = 0)
        -> RunSummary
    {
        var summary = RunSummary()
        summary.read = read
        summary.written = written
        summary.dropped = dropped
        summary.deadLettered = deadLettered
        summary.failed = failed
        return summary
    }
}
