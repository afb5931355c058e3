import Dispatch
import Foundation
import Textpipe

/// The `processes` children of one `exec` stage, each answering one record at a time.
///
/// A runner thread takes a free child (waiting while all are busy: that wait
/// is the backpressure, so at most `processes` records are ever in the
/// children and memory stays flat), writes its record, reads the answer and
/// gives the child back. Children start on first use, not when the pipeline
/// is loaded, so `validate` and `describe` start nothing.
///
/// A child that dies, hangs past the timeout, writes a line that is not JSON
/// or more lines than it was asked for is killed and its slot starts a new one
/// on next use; only the record it held fails. One record at a time per child
/// is what makes "the records in flight" exactly one: with several records
/// queued in one child a crash would fail them all, and an answer could not
/// be tied to its record without the child echoing an id.
final class ChildPool: Sendable {
    let command: [String]
    let timeout: Duration
    /// One place per child, `nil` until first used and after a fault. A thread
    /// holds a slot's lock for a whole exchange; only the thread that took the
    /// slot's index from `free` ever asks for it, so the lock is never waited on
    /// (except by `close`), and the child, which is not `Sendable`, never leaves it.
    private let slots: [Locked<ChildProcess?>]
    /// Indices of the slots no thread holds.
    private let free: Locked<[Int]>
    private let available: DispatchSemaphore
    private let restarts = Locked(0)
    private let started = Locked<[pid_t]>([])
    private let sockets = Locked<[UInt64]>([])

    init(command: [String], processes: Int, timeout: Duration) {
        self.command = command
        self.timeout = timeout
        slots = (0..<processes).map { _ in Locked(nil) }
        free = Locked(Array(0..<processes))
        available = DispatchSemaphore(value: processes)
    }

    deinit { close() }

    /// How many children were killed for a fault (and so restarted) so far.
    var restartCount: Int { restarts.withLock { $0 } }

    /// Every child started so far, for the tests that check each was reaped.
    var startedPIDs: [pid_t] { started.withLock { $0 } }

    /// The inodes of every socket this side opened to a child, for the tests that check each was closed.
    var openedSocketInodes: [UInt64] { sockets.withLock { $0 } }

    /// Sends one record line (newline included) to a free child and returns
    /// the members of the JSON object it answers.
    ///
    /// An answer that is not one JSON object, or that carries an `"id"` other
    /// than `id`, breaks the protocol like a crash does: the child is no
    /// longer known to be answering the record it is sent.
    func exchange(_ request: [UInt8], id: JSONFragment) throws(ExecFault) -> [(name: String, value: JSONFragment)] {
        available.wait()
        defer { available.signal() }
        let index = free.withLock { $0.removeLast() }
        defer { free.withLock { $0.append(index) } }
        return try slots[index].withLock { slot throws(ExecFault) in
            try exchange(request, id: id, in: &slot)
        }
    }

    /// ``exchange(_:id:)`` with the slot's child, started (again) when there is none.
    private func exchange(
        _ request: [UInt8], id: JSONFragment, in slot: inout ChildProcess?
    ) throws(ExecFault) -> [(name: String, value: JSONFragment)] {
        let child: ChildProcess
        if let running = slot, !running.hasUnaskedOutput() {
            child = running
        } else {
            if let stale = slot {
                // It answered more lines than it was asked: the extra line was
                // meant for no record, so no record fails, but it cannot be trusted.
                stale.kill()
                restarts.withLock { $0 += 1 }
            }
            slot = nil
            do throws(ChildError) {
                child = try ChildProcess(command: command)
            } catch {
                throw ExecFault(error, stderr: nil, timeout: timeout)
            }
            slot = child
            let pid = child.pid
            started.withLock { $0.append(pid) }
            let inodes = child.socketInodes
            sockets.withLock { $0 += inodes }
        }
        do throws(ChildError) {
            let line = try child.exchange(request, deadline: .now + timeout)
            if child.hasBufferedOutput {
                throw ChildError.protocolError("it answered one record with more than one line")
            }
            let members: [(name: String, value: JSONFragment)]
            do {
                members = try DocumentDecoder.decodeObject(line)
            } catch {
                throw ChildError.protocolError(
                    "it answered a line that is not a JSON object (\(error)): \(Self.excerpt(line))")
            }
            if let echoed = members.first(where: { $0.name == "id" })?.value, echoed != id {
                throw ChildError.protocolError("it answered for id \(echoed) while asked about \(id) (out of order?)")
            }
            return members
        } catch {
            let fault = ExecFault(error, stderr: child.stderrTail(), timeout: timeout)
            child.kill()
            slot = nil
            restarts.withLock { $0 += 1 }
            throw fault
        }
    }

    /// The start of a line for a message, at most 80 characters.
    private static func excerpt(_ line: [UInt8]) -> String {
        let text = String(decoding: line, as: UTF8.self)
        return text.count > 80 ? "'\(text.prefix(80))…'" : "'\(text)'"
    }

    /// Ends every child: stdin closed, a moment to exit, then killed; all reaped.
    func close() {
        for slot in slots {
            slot.withLock { child in
                child?.close(grace: .milliseconds(500))
                child = nil
            }
        }
    }
}

/// Why one record failed in a child, with what the child said on stderr.
struct ExecFault: Error, CustomStringConvertible {
    var message: String

    init(_ error: ChildError, stderr: String?, timeout: Duration) {
        var message: String
        switch error {
        case .spawn(let why): message = why
        case .timeout: message = "the child did not answer within \(timeout.formatted)"
        case .exited(let status): message = "the child \(Self.describe(status: status)) before answering"
        case .protocolError(let what): message = "the child broke the protocol: \(what)"
        case .io(let why): message = why
        }
        if case .spawn = error {} else { message += "; it was restarted" }
        if let stderr { message += " (stderr: \(stderr))" }
        self.message = message
    }

    init(message: String) { self.message = message }

    var description: String { "exec: \(message)" }

    /// "exited with status 3", "was killed by signal 9".
    static func describe(status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exited with status \((status >> 8) & 0xff)" }
        return "was killed by signal \(signal)"
    }
}

extension Duration {
    /// `10s`, `1.5s`, `250ms`, as a user writes a timeout.
    var formatted: String {
        let ms = milliseconds
        if ms < 1000 { return "\(ms)ms" }
        if ms % 1000 == 0 { return "\(ms / 1000)s" }
        return "\(Double(ms) / 1000)s"
    }
}
