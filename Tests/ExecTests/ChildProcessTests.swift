import Foundation
import Testing
import Textpipe
import TextpipeTestKit

@testable import Exec

/// The stage in this process: children are reaped, descriptors closed, SIGPIPE never raised.
///
/// Serialized: the checks count this process's sockets.
@Suite(.serialized) struct ChildProcessTests {
    static let child = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ExecFixtures/child.py").path

    static func harness(_ extra: String = "") throws -> StageHarness {
        try StageHarness(
            ExecStage.self, options: "{ command: [python3, '\(child)'], outputs: [length], timeout: 1s\(extra) }")
    }

    /// Those of `pids` that still exist, alive or as zombies (`/proc/PID` is there until the child is reaped).
    static func remaining(_ pids: [pid_t]) -> [pid_t] {
        pids.filter { FileManager.default.fileExists(atPath: "/proc/\($0)") }
    }

    /// Sockets this process has open: the stage's are the only ones (the CLI
    /// tests that may run alongside talk to their children through pipes).
    static func openSockets() -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)"))?.hasPrefix("socket:")
                == true
        }.count
    }

    static func stage(_ command: [String], outputs: [String] = ["length"], processes: Int = 2) throws -> ExecStage {
        var options = ExecOptions()
        options.command = command
        options.outputs = outputs
        options.timeout = .seconds(1)
        options.processes = processes
        return try ExecStage(options: options)
    }

    @Test func examplesPass() {
        #expect(exampleFailures(of: StageType(ExecStage.self)) == [])
    }

    @Test func answersAreMergedAndACrashedChildIsReplaced() throws {
        let stage = try Self.harness(", processes: 1")
        let first = try stage.run(text: "hello")
        #expect(first.disposition == .keep)
        #expect(first.document.field("length")?.description == "5")
        #expect(throws: StageError.self) { _ = try stage.run(text: "error") }
        let crash = #expect(throws: ExecFault.self) { _ = try stage.run(text: "crash") }
        #expect(crash?.description.contains("exited with status 3") == true)
        let after = try stage.run(text: "again")
        #expect(after.document.field("length")?.description == "5")
        #expect(try stage.run(text: "drop").disposition == .drop(reason: "asked to"))
        try stage.stage.finish()
    }

    @Test func noChildIsLeftAliveOrAsAZombieAndNoDescriptorLeaks() throws {
        let sockets = Self.openSockets()
        var pids: [pid_t] = []
        do {
            let stage = try Self.stage(["python3", Self.child])
            for text in ["one", "crash", "hang", "two"] {
                var document = Document(id: text, text: text)
                _ = try? stage.process(&document)
            }
            #expect(stage.pool.startedPIDs.count == 3, "one, a replacement after the crash, one after the hang")
            #expect(Self.remaining(stage.pool.startedPIDs).count == 1, "a free child is reused before another starts")
            try stage.finish()
            #expect(Self.remaining(stage.pool.startedPIDs) == [])
            var document = Document(id: "after", text: "after finish, a new child")
            _ = try stage.process(&document)
            pids = stage.pool.startedPIDs
            #expect(Self.remaining(pids).count == 1)
        }
        // The stage is gone: its last child was killed and reaped when the pool went.
        #expect(Self.remaining(pids) == [])
        #expect(Self.openSockets() == sockets)
    }

    @Test func aChildThatNeverReadsGivesAnErrorNotSIGPIPE() throws {
        // `true` exits at once; writing a large record to it would raise SIGPIPE
        // and end this test process if the stage wrote to a plain pipe.
        let stage = try Self.stage(["true"], processes: 1)
        for _ in 0..<3 {
            let fault = #expect(throws: ExecFault.self) {
                var document = Document(id: "big", text: String(repeating: "x", count: 1 << 20))
                _ = try stage.process(&document)
            }
            #expect(fault?.description.contains("exited with status 0 before answering") == true)
        }
        try stage.finish()
        #expect(stage.pool.startedPIDs.count == 3)
        #expect(Self.remaining(stage.pool.startedPIDs) == [])
    }

    @Test func aFieldNotInOutputsFailsTheRecordOnly() throws {
        let stage = try StageHarness(
            ExecStage.self, options: #"{ command: [sed, -u, 's/.*/{"mood":"sunny"}/'], outputs: [length] }"#)
        let error = #expect(throws: StageError.self) { _ = try stage.run(text: "a") }
        #expect(error?.message.contains("field 'mood', which is not in outputs") == true)
        try stage.stage.finish()
    }

    @Test func durationsReadAsAUserWritesThem() {
        #expect(ExecOptions.duration("10s") == .seconds(10))
        #expect(ExecOptions.duration("500ms") == .milliseconds(500))
        #expect(ExecOptions.duration("2m") == .seconds(120))
        #expect(ExecOptions.duration("1.5") == .milliseconds(1500))
        #expect(ExecOptions.duration("soon") == nil)
        #expect(ExecOptions.duration("0s") == nil)
    }

    @Test func optionsThatMakeNoSenseAreRejected() {
        #expect(throws: StageError.self) {
            try StageHarness(ExecStage.self, options: "{ command: [cat], processes: 0 }")
        }
        #expect(throws: StageError.self) {
            try StageHarness(ExecStage.self, options: "{ command: [cat], outputs: [text] }")
        }
        #expect(throws: StageError.self) { try StageHarness(ExecStage.self) }
    }
}
