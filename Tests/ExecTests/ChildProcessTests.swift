import Foundation
import Testing
import Textpipe
import TextpipeTestKit

@testable import Exec

/// The stage in this process: children are reaped, descriptors closed, SIGPIPE never raised.
///
/// Serialized: the checks count this process's children and descriptors.
@Suite(.serialized) struct ChildProcessTests {
    static let child = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ExecFixtures/child.py").path

    static func harness(_ extra: String = "") throws -> StageHarness {
        try StageHarness(
            ExecStage.self, options: "{ command: [python3, '\(child)'], outputs: [length], timeout: 1s\(extra) }")
    }

    /// Processes whose parent is this test process, with their state letter (`Z` for a zombie).
    static func children() -> [String] {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> String? in
            guard Int32(entry) != nil,
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, Int32(fields[1]) == me else { return nil }
            return "\(entry) \(fields[0])"
        }
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count ?? -1
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
        let descriptors = Self.openDescriptors()
        do {
            let stage = try Self.harness(", processes: 2")
            _ = try stage.run(text: "one")
            #expect(throws: ExecFault.self) { _ = try stage.run(text: "crash") }
            #expect(throws: ExecFault.self) { _ = try stage.run(text: "hang") }
            _ = try stage.run(text: "two")
            #expect(!Self.children().isEmpty)
            try stage.stage.finish()
            #expect(Self.children() == [])
            _ = try stage.run(text: "after finish, a new child")
        }
        // The stage is gone: its last child was killed and reaped by the pool's deinit.
        #expect(Self.children() == [])
        #expect(Self.openDescriptors() == descriptors)
    }

    @Test func aChildThatNeverReadsGivesAnErrorNotSIGPIPE() throws {
        // `true` exits at once; writing a large record to it would raise SIGPIPE
        // and end this test process if the stage wrote to a plain pipe.
        let stage = try StageHarness(ExecStage.self, options: "{ command: [\"true\"], timeout: 2s, processes: 1 }")
        for _ in 0..<3 {
            let fault = #expect(throws: ExecFault.self) {
                _ = try stage.run(text: String(repeating: "x", count: 1 << 20))
            }
            #expect(fault?.description.contains("exited with status 0 before answering") == true)
        }
        try stage.stage.finish()
        #expect(Self.children() == [])
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
