import Foundation
import Testing

@Suite("textpipe report") struct ReportCLITests {
    @Test func pipesARunIntoOnePage() throws {
        let result = try CLI.shell(
            "textpipe run conflict-watch Examples/articles --quiet | textpipe report --title 'Example run'")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!doctype html>"))
        #expect(result.stdout.contains("<title>Example run</title>"))
        #expect(result.stdout.contains(#"<details class="article flagged" id="a2">"#))
        #expect(result.stdout.contains(#"<span class="evidence" id="a2-e2">"#))
        #expect(
            result.stderr
                == "report: 4 articles, 1 flagged, 0 failed records; 4 article views, \(result.stdout.utf8.count) bytes\n"
        )
    }

    @Test func writesTheOutputFileAtomically() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run([
            "run", "clean", "Examples/articles", "--quiet", "-o", directory.appendingPathComponent("run.jsonl").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try CLI.run(["report", "run.jsonl", "-o", "report.html", "--max-articles", "1"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "report.html", "run.jsonl",
            ])
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Showing 1 of 4 articles"))
        #expect(html.components(separatedBy: "<details class=").count - 1 == 1)
    }

    @Test func aBadLineIsOneLineWithFileLineColumnAndExit65() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{\"text\":\"fine\"}\n{\"text\":\"broken\" \"x\":1}\n".write(
            to: directory.appendingPathComponent("run.jsonl"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "run.jsonl", "-o", "report.html"], in: directory)
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "run.jsonl:2:18: error: invalid JSON: expected ',' or '}' after object member, found '\"'\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["run.jsonl"])
    }

    @Test func aMissingInputExits66() throws {
        let result = try CLI.run(["report", "no-such-run.jsonl"])
        #expect(result.status == 66)
        #expect(result.stderr == "textpipe: error: cannot read 'no-such-run.jsonl': no such file or directory\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func anInputNamedByAnArgumentThatIsNotUTF8IsRead() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.shell(
            """
            name=$(printf 'caf\\xe9.jsonl')
            printf '{"id":"a","text":"Le port ouvre."}\\n' > "$name"
            textpipe report "$name"
            """,
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("report: 1 articles, 0 flagged, 0 failed records"))
        // The page names the input as messages do: the bad byte as \xE9.
        #expect(result.stdout.contains("caf\\xE9.jsonl"))
        #expect(result.stdout.contains("Le port ouvre."))
    }

    @Test func anUnwritableOutputExits74() throws {
        let result = try CLI.run(["report", "-o", "/nonexistent-dir/report.html"], stdin: "{\"text\":\"a\"}\n")
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("textpipe: error: cannot write '/nonexistent-dir/report.html': "))
    }

    @Test func aNegativeMaxArticlesIsAUsageError() throws {
        let result = try CLI.run(["report", "--max-articles=-1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-articles must be 0 or more, got -1"))
    }

    @Test(.enabled(if: CLI.hasSharedData, "../shared/data is absent"))
    func bbcPoliticsTableListsEveryFlaggedArticle() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = directory.appendingPathComponent("run.jsonl").path
        let input = CLI.sharedData.appendingPathComponent("bbc/articles/politics").path
        let ran = try CLI.run(["run", "conflict-watch", input, "--quiet", "-o", run])
        #expect(ran.status == 0, "\(ran.stderr)")
        let lines = try String(contentsOfFile: run, encoding: .utf8).split(separator: "\n")
        let flagged = lines.filter { line in
            ((CLI.json(String(line))["intra_party_conflict"] as? [String: Any])?["label"] as? Bool) == true
        }.count
        let result = try CLI.run(["report", run])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(flagged > 0)
        #expect(result.stdout.components(separatedBy: "<tr data-party=").count - 1 == flagged)
        #expect(result.stdout.components(separatedBy: #"<details class="article"#).count - 1 == lines.count)
    }
}

/// Headless Chromium, when it is installed (Debian: `apt-get install chromium`).
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Chromium headless on `url` with `arguments` (`--dump-dom`, `--screenshot=…`); its stdout.
    static func run(_ arguments: [String], url: String) throws -> String {
        let profile = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "chromium")
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"] + arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = CLI.readToEnd(output.fileHandleForReading)
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite(
    "textpipe report in a browser",
    .enabled(if: Chromium.path != nil, "chromium is not installed: apt-get install chromium"))
struct ReportBrowserTests {
    @Test func chromiumRendersTheExamplesReportAndItsScriptRuns() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("textpipe-report")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("examples.html")
        let made = try CLI.shell(
            "textpipe run conflict-watch Examples/articles --quiet | textpipe report --quiet -o '\(page.path)'")
        #expect(made.status == 0, "\(made.stderr)")

        let dom = try Chromium.run(["--dump-dom"], url: page.absoluteString)
        #expect(dom.contains(#"data-script="ready""#), "the inline script did not run: \(dom.suffix(300))")
        #expect(dom.contains(#"data-rows-shown="1""#))
        #expect(dom.contains(#"<details class="article flagged" id="a2">"#))
        #expect(dom.contains(#"<span class="evidence" id="a2-e2">"#))
        #expect(dom.contains(#"<b class="cue">stormed the party's "#))
        #expect(dom.components(separatedBy: #"<mark class="entity "#).count - 1 >= 10)

        let screenshot = directory.appendingPathComponent("examples.png")
        try? FileManager.default.removeItem(at: screenshot)
        _ = try Chromium.run(["--screenshot=\(screenshot.path)", "--window-size=1280,2000"], url: page.absoluteString)
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "no screenshot at \(screenshot.path)")
        print("report screenshot: \(screenshot.path) (\(size) bytes)")
    }

    @Test func theAddressFiltersAndSortsTheTableAndHostileTextStaysText() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func record(_ id: Int, _ party: String, _ score: Double, text: String = "Plain text.") -> String {
            #"{"id":"r\#(id)","title":"Row \#(id)","text":\#(CLI.jsonString(text)),"intra_party_conflict":{"label":true,"score":\#(score),"party":"\#(party)","subtype":"split","evidence":[{"sentence":0,"text":\#(CLI.jsonString(text)),"cue":"img"}]}}"#
        }
        let hostile =
            #"<script>document.body.dataset.pwned=1</script>"><img src=x onerror="document.body.dataset.pwned=2">"#
        let lines = [
            record(1, "Alpha Party", 0.5), record(2, "Beta Party", 0.75), record(3, "Alpha Party", 0.9, text: hostile),
        ]
        let input = directory.appendingPathComponent("run.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let page = directory.appendingPathComponent("report.html")
        let made = try CLI.run(["report", input.path, "-o", page.path, "--quiet"])
        #expect(made.status == 0, "\(made.stderr)")

        let dom = try Chromium.run(
            ["--dump-dom"], url: page.absoluteString + "?party=Alpha%20Party&sort=score&dir=desc")
        #expect(dom.contains(#"data-script="ready""#), "the inline script did not run")
        #expect(!dom.contains("data-pwned"), "a script from the input ran")
        #expect(!dom.contains("<img"))
        #expect(dom.contains(#"data-rows-shown="2""#))
        #expect(dom.contains(#"data-sorted-by="score descending""#))
        #expect(
            dom.contains(#"<th scope="col" class="num" data-key="score" data-type="number" aria-sort="descending">"#))
        let rows = dom.matches(of: #/<tr data-party="([^"]*)"[^>]*?( hidden="")?>/#).map {
            ($0.output.1, $0.output.2 != nil)
        }
        #expect(rows.map(\.0) == ["Alpha Party", "Beta Party", "Alpha Party"])
        #expect(rows.map(\.1) == [false, true, false])
        // Sorted by score, highest first: row 3 (0.9), row 2 (0.75), row 1 (0.5).
        let third = try #require(dom.range(of: ##"href="#a3""##)).lowerBound
        let second = try #require(dom.range(of: ##"href="#a2""##)).lowerBound
        let first = try #require(dom.range(of: ##"href="#a1""##)).lowerBound
        #expect(third < second && second < first)
    }
}

extension CLI {
    /// `string` as a JSON string literal.
    static func jsonString(_ string: String) -> String {
        String(decoding: (try? JSONEncoder().encode(string)) ?? Data(), as: UTF8.self)
    }
}
