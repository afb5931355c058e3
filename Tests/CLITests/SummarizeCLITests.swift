import Foundation
import Testing

/// `textpipe eval summarize` and `summarize` in a pipeline, run as a user would.
@Suite struct SummarizeCLITests {
    static let article = """
        Harbour budget passes

        The Valmora council approved the harbour budget on Monday. The harbour budget pays for new cranes.

        Fishing crews welcomed the news. Dr. Brel said: "The harbour budget is the town's future." \
        The mayor was abroad.
        """

    @Test func evalCountsGluedOutOfOrderReferencesAndScoresThem() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let articles = root.appendingPathComponent("articles/harbour")
        let summaries = root.appendingPathComponent("summaries/harbour")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: summaries, withIntermediateDirectories: true)
        try Self.article.write(to: articles.appendingPathComponent("001.txt"), atomically: true, encoding: .utf8)
        // Two article sentences, glued together without a space and out of order.
        let reference =
            "The harbour budget pays for new cranes.The Valmora council approved the harbour budget on Monday."
        try reference.write(to: summaries.appendingPathComponent("001.txt"), atomically: true, encoding: .utf8)
        let dump = root.appendingPathComponent("dump.jsonl")

        let result = try CLI.run([
            "eval", "summarize", "--articles", root.appendingPathComponent("articles").path,
            "--summaries", root.appendingPathComponent("summaries").path, "--rounds", "1", "--json",
            "--dump", dump.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = CLI.json(result.stdout)
        #expect(report["articles"] as? Int == 1)
        #expect(report["fully_matched"] as? Int == 1)
        #expect(report["mean_k"] as? Double == 2)
        let line = CLI.json(try String(contentsOf: dump, encoding: .utf8).trimmingCharacters(in: .newlines))
        #expect(line["id"] as? String == "harbour/001.txt")
        #expect(line["matched"] as? [Int] == [0, 1])
        #expect(
            line["lead"] as? String
                == "The Valmora council approved the harbour budget on Monday. The harbour budget pays for new cranes.")
        let summary = try #require(line["summary"] as? String)
        #expect(!summary.contains("Harbour budget passes"))
    }

    @Test func evalWithoutPairsIsAUsageError() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLI.run(["eval", "summarize", "--articles", root.path, "--summaries", root.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no .txt reference"))
    }

    @Test func aSecondRunTakesTheIndexArrayForOutputNotForARequest() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = root.appendingPathComponent("s.yaml").path
        let input =
            #"{"id":"a","summary_sentences":2,"text":"Cranes arrive. The harbour budget passed. The budget pays for cranes."}"#
        let result = try CLI.shell(
            """
            printf 'stages:\\n  - summarize: { sentences: 1 }\\n' > '\(pipeline)'
            printf '%s\\n' '\(input)' | textpipe run '\(pipeline)' --quiet | textpipe run '\(pipeline)' --quiet
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let object = CLI.json(result.lines.first ?? "")
        // The first run picked 2 (the article's own request) and wrote their indices; the
        // second sees an array, which is output, not a request, so it picks its own 1.
        #expect((object["summary_sentences"] as? [Int])?.count == 1)
        #expect(object["summary"] as? String != nil)
    }
}
