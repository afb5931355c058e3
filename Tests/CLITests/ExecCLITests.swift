import Foundation
import Testing

/// The `exec` stage run by the binary, with a Python child that misbehaves on cue (Tests/ExecFixtures/child.py).
@Suite struct ExecCLITests {
    static let child = CLI.packageRoot.appendingPathComponent("Tests/ExecFixtures/child.py").path

    /// The timeout counts a new child's start-up too: 3 s leaves python3 room to start while the
    /// whole suite loads the machine (1 s timed out a first record once, at load ~8).
    static func pipeline(in directory: URL, timeout: String = "3s", processes: Int = 2) throws -> URL {
        let file = directory.appendingPathComponent("exec.yaml")
        try """
        stages:
          - exec: { command: [python3, \(child)], outputs: [length], timeout: \(timeout), processes: \(processes) }

        """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// One record per fault, each between two well-behaved ones.
    static let input =
        [
            "ok-1", "crash", "ok-2", "hang", "ok-3", "garbage", "ok-4", "twice", "ok-5", "silent",
            "ok-6", "drop", "error", "wrong-id", "kill-9", "ok-seven",
        ].enumerated().map { #"{"id":"r\#($0)","text":"\#($1)"}"# }
        .joined(separator: "\n") + "\n"

    @Test func everyFaultFailsOnlyItsRecordAndTheChildIsRestarted() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipeline = try Self.pipeline(in: directory)
        let deadLetter = directory.appendingPathComponent("dead.jsonl")
        let result = try CLI.run(
            ["run", pipeline.path, "--jobs", "2", "--dead-letter", deadLetter.path], stdin: Self.input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.lines == [
                #"{"id":"r0","text":"ok-1","length":4}"#, #"{"id":"r2","text":"ok-2","length":4}"#,
                #"{"id":"r4","text":"ok-3","length":4}"#, #"{"id":"r6","text":"ok-4","length":4}"#,
                #"{"id":"r8","text":"ok-5","length":4}"#, #"{"id":"r10","text":"ok-6","length":4}"#,
                #"{"id":"r15","text":"ok-seven","length":8}"#,
            ])
        #expect(result.stderr.contains("read 16, written 7, dropped 1, dead-lettered 8, failed 0"), "\(result.stderr)")
        let dead = try String(contentsOf: deadLetter, encoding: .utf8).split(separator: "\n").map {
            CLI.json(String($0))
        }
        #expect(dead.map { $0["id"] as? String } == ["r1", "r3", "r5", "r7", "r9", "r12", "r13", "r14"])
        let errors = dead.map { $0["error"] as? String ?? "" }
        #expect(errors[0].contains("exited with status 3 before answering; it was restarted"))
        #expect(errors[0].contains("child.py: crashing on purpose"), "the stderr tail: \(errors[0])")
        #expect(errors[1].contains("did not answer within 3s"))
        #expect(errors[2].contains("not a JSON object"))
        #expect(errors[3].contains("more than one line"))
        #expect(errors[4].contains("did not answer within 3s"))
        #expect(errors[5].contains("the child reported an error: cannot score this"))
        #expect(errors[6].contains("out of order"))
        #expect(errors[7].contains("the child was killed by signal 9 before answering; it was restarted"))
    }

    @Test func outputIsTheSameForEveryJobCount() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // No hang or silent child here: whether a record beats a timeout depends on the load,
        // never on --jobs; every other fault is in.
        let pipeline = try Self.pipeline(in: directory, timeout: "60s")
        let faults = Self.input.split(separator: "\n").filter { !$0.contains("hang") && !$0.contains("silent") }
        let input =
            (0..<400).map { #"{"id":"n\#($0)","text":"\#(String(repeating: "w", count: $0 % 37))"}"# }
            .joined(separator: "\n") + "\n" + faults.joined(separator: "\n") + "\n"
        let one = try CLI.run(["run", pipeline.path, "--jobs", "1", "--quiet"], stdin: input)
        let two = try CLI.run(["run", pipeline.path, "--jobs", "2", "--quiet"], stdin: input)
        let four = try CLI.run(["run", pipeline.path, "--jobs", "4", "--quiet"], stdin: input)
        #expect(one.status == 0 && two.status == 0 && four.status == 0)
        #expect(one.lines.count == 407)  // 400 + the 7 well-behaved of `input`
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == four.stdout)
    }

    @Test func validateReportsAMissingProgramAtItsLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try "stages:\n  - exec:\n      command: [no-such-program-here, x.py]\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "\(file.path):3:16: error: option 'command' of stage 'exec': program 'no-such-program-here' was not found on PATH"
            ), "\(result.stderr)")
        try "stages:\n  - exec: { command: [./not-here.py] }\n".write(to: file, atomically: true, encoding: .utf8)
        let relative = try CLI.run(["validate", file.path])
        #expect(relative.status == 64)
        #expect(relative.stderr.contains("'./not-here.py' does not exist"), "\(relative.stderr)")
        try "stages:\n  - exec\n".write(to: file, atomically: true, encoding: .utf8)
        let bare = try CLI.run(["validate", file.path])
        #expect(bare.stderr.contains("exec: 'command' is required"), "\(bare.stderr)")
    }
}
