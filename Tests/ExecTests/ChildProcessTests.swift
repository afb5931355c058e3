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
            ExecStage.self, options: "{ command: [python3, '\(child)'], outputs: [length], timeout: 3s\(extra) }")
    }

    /// Those of `pids` that still exist, alive or as zombies (`/proc/PID` is there until the child is reaped).
    static func remaining(_ pids: [pid_t]) -> [pid_t] {
        pids.filter { FileManager.default.fileExists(atPath: "/proc/\($0)") }
    }

    /// The sockets this process has open, by inode (`socket:[123]`).
    static func openSockets() -> Set<String> {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return Set(
            fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
                .filter { $0.hasPrefix("socket:") })
    }

    /// Those of `inodes` (sockets the stage opened) that this process still has open. The
    /// stage's own sockets, not every new one: suites running alongside hold sockets of
    /// their own (Foundation's `Process` keeps one while its child runs, seconds in the CLI tests).
    static func stillOpen(_ inodes: [UInt64]) -> Set<String> {
        openSockets().intersection(inodes.map { "socket:[\($0)]" })
    }

    static func stage(_ command: [String], outputs: [String] = ["length"], processes: Int = 2) throws -> ExecStage {
        var options = ExecOptions()
        options.command = command
        options.outputs = outputs
        options.timeout = .seconds(3)  // python3 starting under a loaded suite needs room
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
        let crash = #expect(throws: StageError.self) { _ = try stage.run(text: "crash") }
        #expect(crash?.description.contains("exited with status 3") == true)
        let after = try stage.run(text: "again")
        #expect(after.document.field("length")?.description == "5")
        #expect(try stage.run(text: "drop").disposition == .drop(reason: "asked to"))
        try stage.stage.finish()
    }

    @Test func noChildIsLeftAliveOrAsAZombieAndNoDescriptorLeaks() throws {
        var pids: [pid_t] = []
        var sockets: [UInt64] = []
        do {
            let stage = try Self.stage(["python3", Self.child])
            for text in ["one", "crash", "hang", "two"] {
                var document = Document(id: text, text: text)
                _ = try? stage.process(&document)
            }
            #expect(stage.pool.startedPIDs.count == 3, "one, a replacement after the crash, one after the hang")
            #expect(stage.pool.restartCount == 2)
            #expect(Self.remaining(stage.pool.startedPIDs).count == 1, "a free child is reused before another starts")
            try stage.finish()
            #expect(Self.remaining(stage.pool.startedPIDs) == [])
            var document = Document(id: "after", text: "after finish, a new child")
            _ = try stage.process(&document)
            pids = stage.pool.startedPIDs
            sockets = stage.pool.openedSocketInodes
            #expect(Self.remaining(pids).count == 1)
            #expect(sockets.count == 3 * 4, "three sockets for each of the four children")
            #expect(Self.stillOpen(sockets).count == 3, "the last child's three are open until the stage goes")
        }
        // The stage is gone: its last child was killed and reaped when the pool went.
        #expect(Self.remaining(pids) == [])
        #expect(Self.stillOpen(sockets) == [])
    }

    @Test func aChildThatNeverReadsGivesAnErrorNotSIGPIPE() throws {
        // `true` exits at once; writing a large record to it would raise SIGPIPE
        // and end this test process if the stage wrote to a plain pipe.
        let stage = try Self.stage(["true"], processes: 1)
        for _ in 0..<3 {
            let fault = #expect(throws: StageError.self) {
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

extension ChildProcessTests {
    @Test func aChildThatClosesStderrAndHangsCostsNoCPUWhileItWaits() throws {
        // After `exec 2>&-` the closed stderr must leave the poll set, or the wait is a busy loop.
        let stage = try Self.stage(["sh", "-c", "exec 2>&-; read line; sleep 5"], processes: 1)
        let before = Self.threadCPUSeconds()
        #expect(throws: StageError.self) {
            var document = Document(id: "quiet", text: "x")
            _ = try stage.process(&document)
        }
        let cpu = Self.threadCPUSeconds() - before
        #expect(cpu < 0.1, "\(cpu) s of CPU over a 3 s timeout")
        try stage.finish()
    }

    /// CPU time of this thread only: other suites run in this process at the same time.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
