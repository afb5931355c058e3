import CSQLite
import Foundation
import Testing
import Textpipe
import TextpipeTestKit

@testable import Dedupe

/// The SQLite state: it survives runs, refuses to be shared or misread, and stays consistent.
@Suite struct StateFileTests {
    func stage(_ path: String, _ extra: String = "") throws -> StageHarness {
        try StageHarness(DedupeStage.self, options: "{ state: '\(path)'\(extra) }")
    }

    @Test func stateSurvivesASecondRun() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        let (first, nearCopy) = Fixtures.pair09

        let yesterday = try stage(path)
        let day1 = try yesterday.run([
            Fixtures.document("y1", first), Fixtures.document("y2", Fixtures.unrelated(1)),
        ])
        #expect(day1.map(\.disposition) == [.keep, .keep])
        try yesterday.stage.finish()

        let today = try stage(path, ", mode: mark")
        let day2 = try today.run([
            Fixtures.document("t1", Fixtures.unrelated(1)), Fixtures.document("t2", nearCopy),
            Fixtures.document("t3", Fixtures.unrelated(2)),
        ])
        try today.stage.finish()
        #expect(try day2[0].document.value("duplicate_of", as: Mark.self)?.id == "y2")
        #expect(try day2[0].document.value("duplicate_of", as: Mark.self)?.kind == "exact")
        #expect(try day2[1].document.value("duplicate_of", as: Mark.self)?.id == "y1")
        #expect(try day2[1].document.value("duplicate_of", as: Mark.self)?.kind == "near")
        #expect(day2[2].document.field("duplicate_of") == nil)

        // The third run sees the first occurrences of both runs (not t1 and t2, which were repeats).
        let third = try stage(path)
        #expect(try third.run(Fixtures.document("x", Fixtures.unrelated(2))).disposition == .drop(reason: "duplicate"))
        try third.stage.finish()
        #expect(try rowCount(path) == 3)
    }

    @Test func nearThresholdMayChangeBetweenRuns() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        let (first, second) = Fixtures.pair09
        let strict = try stage(path, ", near_threshold: 0.99")
        _ = try strict.run(Fixtures.document("a", first))
        try strict.stage.finish()
        let loose = try stage(path, ", near_threshold: 0.7")
        #expect(try loose.run(Fixtures.document("b", second)).disposition == .drop(reason: "duplicate"))
        try loose.stage.finish()
    }

    @Test func otherSettingsAreRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        let writer = try stage(path)
        _ = try writer.run(Fixtures.document("a", "Some text."))
        try writer.stage.finish()
        let reader = try stage(path, ", seed: 7")
        let error = #expect(throws: StageError.self) { try reader.run(Fixtures.document("b", "Other text.")) }
        #expect(error?.kind == .io)
        #expect(error?.message == "state file '\(path)' was written with seed 1, this pipeline uses 7")
    }

    @Test func corruptStateFileIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let harness = try stage(path)
        let error = #expect(throws: StageError.self) { try harness.run(Fixtures.document("a", "Some text.")) }
        #expect(error?.kind == .io)
        #expect(error?.message == "state file '\(path)' is not a valid dedupe state file (file is not a database)")
        #expect(error?.hint?.contains("move it away") == true)
        // The same error again for later articles: the stage never half-works.
        let again = StageError.io(error?.message ?? "", hint: error?.hint)
        #expect(throws: again) { try harness.run(Fixtures.document("b", "More text.")) }
        // finish() does not repeat it; with no article before, finish() is where it shows.
        try harness.stage.finish()
        #expect(throws: again) { try stage(path).stage.finish() }
    }

    @Test func anotherSQLiteDatabaseIsRefusedAndLeftByteForByte() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("other.sqlite")
        let database = try SQLiteDatabase(path: path)
        try database.execute("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')")
        try database.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let harness = try stage(path)
        let error = #expect(throws: StageError.self) { try harness.run(Fixtures.document("a", "Some text.")) }
        #expect(error?.kind == .io)
        #expect(error?.message.contains("is an SQLite database but not a dedupe state file") == true)
        try harness.stage.finish()
        // Byte 18-19 of the header is the journal mode: switching to WAL before refusing changed them.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aForeignDedupeMetaTableIsRefusedAndLeftByteForByte() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("lookalike.sqlite")
        let database = try SQLiteDatabase(path: path)
        try database.execute(
            """
            CREATE TABLE dedupe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE dedupe_articles (position INTEGER PRIMARY KEY);
            INSERT INTO dedupe_meta VALUES ('format', 'someone-else');
            """)
        try database.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StageError.self) {
            try stage(path).run(Fixtures.document("a", "Some text."))
        }
        #expect(error?.kind == .io)
        #expect(error?.message == "state file '\(path)' is not a textpipe dedupe state file")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aSecondConcurrentWriterGetsAClearError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        let first = try stage(path)
        _ = try first.run(Fixtures.document("a", "Text of the first run."))
        let second = try stage(path)
        let error = #expect(throws: StageError.self) {
            try second.run(Fixtures.document("b", "Text of the second run."))
        }
        #expect(error?.kind == .io)
        #expect(error?.message.hasPrefix("state file '\(path)' is in use by another run") == true)
        // The first run is unharmed and saves its work.
        #expect(
            try first.run(Fixtures.document("c", "Text of the first run.")).disposition == .drop(reason: "duplicate"))
        try first.stage.finish()
        #expect(try rowCount(path) == 1)
    }

    @Test func aCrashKeepsEveryDeliveredArticleAndNoOther() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        let running = try stage(path)
        // 300 articles decided; the writer has delivered the first 200 (every fifth a repeat, not indexed).
        for n in 0..<300 {
            let text = n % 5 == 4 ? "Article number \(n - 1) of the run." : "Article number \(n) of the run."
            _ = try running.undelivered(Fixtures.document("a\(n)", text))
        }
        try running.stage.ordered?.delivered(200)
        // "Crash" now: copy the files as they are on disk, with the run still holding them.
        let crashed = directory.file("crashed.sqlite")
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: crashed + suffix)
        }
        #expect(try integrityCheck(crashed) == "ok")
        #expect(try storedIDs(crashed) == (0..<200).filter { $0 % 5 != 4 }.map { "a\($0)" })
        let restarted = try stage(crashed)
        #expect(
            try restarted.run(Fixtures.document("b", "Article number 5 of the run.")).disposition
                == .drop(reason: "duplicate"))
        // Decided but never delivered: the next run must keep it, not drop it as seen.
        #expect(try restarted.run(Fixtures.document("c", "Article number 250 of the run.")).disposition == .keep)
        try restarted.stage.finish()
        // The run that goes on: finishing does not save what was never delivered.
        try running.stage.finish()
        #expect(try rowCount(path) == 160)
    }

    @Test func deliveryCountsEveryDecisionEvenDuplicates() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("seen.sqlite")
        let harness = try stage(path)
        let texts = ["Alpha story text here.", "Alpha story text here.", "Beta story text here.", "Gamma story."]
        for (n, text) in texts.enumerated() { _ = try harness.undelivered(Fixtures.document("d\(n)", text)) }
        // The duplicate d1 counts as a decision: delivering three covers d0 and d2, not d3.
        try harness.stage.ordered?.delivered(3)
        try harness.stage.finish()
        #expect(try storedIDs(path) == ["d0", "d2"])
    }

    @Test func finishCreatesTheStateFileEvenWithoutArticles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("new.sqlite")
        try stage(path).stage.finish()
        #expect(try rowCount(path) == 0)
    }

    @Test func stateIsNotOpenedUntilUsed() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("untouched.sqlite")
        _ = try stage(path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    // MARK: - Reading the file directly

    func rowCount(_ path: String) throws -> Int {
        let database = try SQLiteDatabase(path: path)
        let statement = try database.prepare("SELECT count(*) FROM dedupe_articles")
        _ = try statement.step()
        return Int(statement.int64(at: 0))
    }

    func storedIDs(_ path: String) throws -> [String] {
        let database = try SQLiteDatabase(path: path)
        let statement = try database.prepare("SELECT id FROM dedupe_articles ORDER BY position")
        var ids: [String] = []
        while try statement.step() { ids.append(statement.text(at: 0) ?? "") }
        return ids
    }

    func integrityCheck(_ path: String) throws -> String {
        let database = try SQLiteDatabase(path: path)
        let statement = try database.prepare("PRAGMA integrity_check")
        _ = try statement.step()
        return statement.text(at: 0) ?? ""
    }
}
