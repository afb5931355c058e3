import Foundation
import Testing

/// `textpipe run --from/--until/--set` and `textpipe dedupe decide`: a pipeline run in steps gives the bytes of one run.
@Suite struct SliceCLITests {
    @Test func untilAndFromTogetherGiveTheWholeRun() throws {
        let whole = try CLI.run(["run", "conflict-watch", "Examples/articles", "--quiet"])
        let steps = try CLI.shell(
            "textpipe run conflict-watch Examples/articles --until normalize --quiet"
                + " | textpipe run conflict-watch --from dedupe --quiet")
        #expect(whole.status == 0 && steps.status == 0, "\(steps.stderr)")
        #expect(!whole.stdout.isEmpty)
        #expect(steps.stdout == whole.stdout)
    }

    @Test func aSliceOfOneStageRunsOnlyThatStage() throws {
        let sliced = try CLI.run(["run", "conflict-watch", "Examples/articles", "--until", "normalize", "--quiet"])
        let clean = try CLI.run(["run", "clean", "Examples/articles", "--quiet"])
        #expect(sliced.status == 0)
        #expect(sliced.stdout == clean.stdout)
    }

    @Test func unknownStageNamesSuggestTheClosest() throws {
        let from = try CLI.run(["run", "conflict-watch", "--from", "dedup"])
        #expect(from.status == 64)
        #expect(from.stderr.contains("--from names stage 'dedup', which pipeline 'conflict-watch' does not have"))
        #expect(from.stderr.contains("did you mean 'dedupe'?"))
        let until = try CLI.run(["run", "conflict-watch", "--until", "entitis"])
        #expect(until.status == 64)
        #expect(until.stderr.contains("did you mean 'entities'?"))
    }

    @Test func untilBeforeFromIsAUsageError() throws {
        let result = try CLI.run(["run", "conflict-watch", "--from", "entities", "--until", "dedupe"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--until 'dedupe' comes before --from 'entities'"))
    }

    @Test func setChangesOneOptionAndChecksIt() throws {
        let marked = try CLI.run(["run", "Examples/dedupe/mark-duplicates.yaml", "Examples/dedupe/articles", "--quiet"])
        let set = try CLI.run([
            "run", "conflict-watch", "Examples/dedupe/articles", "--from", "dedupe", "--until", "dedupe", "--set",
            "dedupe.mode=mark", "--quiet",
        ])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == marked.stdout)
        let badOption = try CLI.run(["run", "conflict-watch", "--set", "dedupe.mod=mark"])
        #expect(badOption.status == 64)
        #expect(badOption.stderr.contains("has no option 'mod'; did you mean 'mode'?"))
        let badValue = try CLI.run(["run", "conflict-watch", "--set", "dedupe.mode=keep"])
        #expect(badValue.status == 64)
        #expect(badValue.stderr.contains("option 'mode' is 'keep'; expected one of drop, mark, fingerprint"))
        let badShape = try CLI.run(["run", "conflict-watch", "--set", "dedupe"])
        #expect(badShape.status == 64)
    }

    /// Fingerprint, decide, apply: the steps a cluster runs, here in one process each.
    static func inSteps(_ pipeline: String, _ input: String) throws -> CLI.Result {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = directory.appendingPathComponent("records.jsonl").path
        let fingerprints = directory.appendingPathComponent("fingerprints.jsonl").path
        let decisions = directory.appendingPathComponent("decisions.jsonl").path
        let step = try CLI.run([
            "run", pipeline, input, "--until", "dedupe", "--set", "dedupe.mode=fingerprint", "--output", records,
            "--quiet",
        ])
        #expect(step.status == 0, "\(step.stderr)")
        // Each record with its position, as the cluster driver gives them to `decide`.
        let lines = try String(contentsOfFile: records, encoding: .utf8).split(separator: "\n")
        var decideInput = ""
        for (position, line) in lines.enumerated() {
            let field = try #require(line.range(of: #","dedupe_fingerprint":"#))
            decideInput +=
                #"{"position":\#(position),"dedupe_fingerprint":\#(line[field.upperBound...].dropLast())}"# + "\n"
        }
        try decideInput.write(toFile: fingerprints, atomically: true, encoding: .utf8)
        let decide = try CLI.run(["dedupe", "decide", fingerprints, "--output", decisions])
        #expect(decide.status == 0, "\(decide.stderr)")
        let decided = try String(contentsOfFile: decisions, encoding: .utf8).split(separator: "\n")
        #expect(decided.count == lines.count)
        var applyInput = ""
        for (line, decision) in zip(lines, decided) {
            let field = try #require(decision.range(of: #""dedupe_decision":"#))
            applyInput += line.dropLast() + #","dedupe_decision":"# + decision[field.upperBound...].dropLast() + "}\n"
        }
        return try CLI.run(["run", pipeline, "--from", "dedupe", "--quiet"], stdin: applyInput)
    }

    @Test func fingerprintDecideApplyGivesTheBytesOfOneRun() throws {
        for pipeline in ["Examples/dedupe/mark-duplicates.yaml", "conflict-watch"] {
            let whole = try CLI.run(["run", pipeline, "Examples/dedupe/articles", "--quiet"])
            let steps = try Self.inSteps(pipeline, "Examples/dedupe/articles")
            #expect(steps.status == 0, "\(steps.stderr)")
            #expect(steps.stdout == whole.stdout, "\(pipeline)")
        }
    }

    /// A ≈ B ≈ C, A and C apart: one run keeps A and C (B matched A, and B is not indexed);
    /// a decider that indexed B would call C a duplicate of B.
    @Test func aChainIsDecidedAsOneRunDecidesIt() throws {
        let words = (0..<200).map { "w\($0)" }
        let newEnd = (0..<15).map { "e\($0)" }
        let newStart = (0..<15).map { "s\($0)" }
        let a = words
        let b = Array(words[..<185]) + newEnd
        let c = newStart + Array(b[15...])
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("chain.jsonl").path
        let lines = [("a", a), ("b", b), ("c", c)].map {
            #"{"id":"\#($0.0)","text":"\#($0.1.joined(separator: " "))"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let whole = try CLI.run(["run", "Examples/dedupe/mark-duplicates.yaml", input, "--quiet"])
        let marks = whole.lines.map { CLI.json($0)["duplicate_of"] as? [String: Any] }
        #expect(marks.count == 3)
        #expect(marks.first.flatMap { $0 } == nil)
        #expect(marks.dropFirst().first.flatMap { $0 }?["id"] as? String == "a")
        #expect(marks.last.flatMap { $0 } == nil)
        let steps = try Self.inSteps("Examples/dedupe/mark-duplicates.yaml", input)
        #expect(steps.stdout == whole.stdout)
    }

    @Test func decideRefusesOutOfOrderAndMixedSettings() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = directory.appendingPathComponent("records.jsonl").path
        let run = try CLI.run([
            "run", "Examples/dedupe/mark-duplicates.yaml", "Examples/dedupe/articles", "--set",
            "dedupe.mode=fingerprint", "--output", records, "--quiet",
        ])
        #expect(run.status == 0)
        let lines = try String(contentsOfFile: records, encoding: .utf8).split(separator: "\n")
        func record(_ position: Int, _ line: Substring) throws -> String {
            let field = try #require(line.range(of: #","dedupe_fingerprint":"#))
            return #"{"position":\#(position),"dedupe_fingerprint":\#(line[field.upperBound...].dropLast())}"#
        }
        let backwards = try CLI.run(
            ["dedupe", "decide"], stdin: try record(5, lines[0]) + "\n" + record(2, lines[1]) + "\n")
        #expect(backwards.status == 65)
        #expect(backwards.stderr.contains("stdin:2: error: position 2 comes after position 5"))
        let other = try record(1, lines[1]).replacingOccurrences(of: "seed=1", with: "seed=2")
        let mixed = try CLI.run(["dedupe", "decide"], stdin: try record(0, lines[0]) + "\n" + other + "\n")
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("was made with"))
    }

    @Test func applyRefusesDecisionsMadeWithOtherSettings() throws {
        let line =
            #"{"id":"x","text":"one two three","dedupe_decision":{"settings":"key=text shingle_size=5 permutations=128 seed=9 near_threshold=0.8 bands=7x2"}}"#
        let result = try CLI.run(
            ["run", "conflict-watch", "--from", "dedupe", "--until", "dedupe"], stdin: line + "\n")
        #expect(result.status == 74)
        #expect(result.stderr.contains("was decided with"))
    }

    @Test func stdinAsNamesAPartOfAFileAsARunOverTheFileDoes() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("feed.jsonl").path
        let lines = [#"{"text":"one"}"#, "", #"{"id":"b","text":"two"}"#, #"{"text":"three"}"#]
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let whole = try CLI.run(["run", "passthrough", file, "--quiet"])
        let part = try CLI.run(
            ["run", "passthrough", "--stdin-as", file, "--first-line", "2", "--quiet"],
            stdin: lines[1...].joined(separator: "\n") + "\n")
        #expect(part.status == 0, "\(part.stderr)")
        #expect(part.lines == Array(whole.lines.dropFirst()))
        #expect(part.lines.last == #"{"id":"\#(file):4","text":"three","source":"\#(file):4"}"#)
        let named = try CLI.run(
            ["run", "passthrough", "--stdin-as", "dir/feed.jsonl", "--stdin-id", "feed.jsonl", "--quiet"],
            stdin: lines[0] + "\n")
        #expect(named.stdout == #"{"id":"feed.jsonl:1","text":"one","source":"dir/feed.jsonl:1"}"# + "\n")
        let alone = try CLI.run(["run", "passthrough", "--first-line", "3"])
        #expect(alone.status == 64)
    }
}
