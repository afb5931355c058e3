import Foundation
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running child of the `exec` stage: its process group and the three
/// sockets it reads records from, answers on and complains on.
///
/// ```
///            record\n            ┌─────────┐  answer\n
/// exchange ─────────► stdin ───►│  child  │───► stdout ───► exchange
///                     (socket)   │ process │───► stderr ───► tail (last 4 KiB)
///                                └─────────┘
/// ```
///
/// The child's stdin, stdout and stderr are Unix socket pairs rather than
/// pipes: writing to a child that died then gives `EPIPE` through
/// `MSG_NOSIGNAL` instead of raising `SIGPIPE` in whatever runner thread
/// wrote (the stage cannot assume the command line ignores the signal; the
/// test kit does not), and `socketpair` takes `SOCK_CLOEXEC` where Swift's
/// Glibc module has no `pipe2`. Every descriptor is close-on-exec from birth,
/// so a child spawned by another thread never inherits a sibling's end and
/// keeps it open past the sibling's exit.
///
/// The child leads its own process group, so a timeout kills what a shell
/// wrapper (`sh -c '…'`) started too, not only the shell.
///
/// Not `Sendable`: it lives inside one of `ChildPool`'s `Locked` slots and is
/// only touched there.
final class ChildProcess {
    /// The process id, also the id of its process group.
    let pid: pid_t
    /// The inodes of this side's three sockets, for the tests that check each is closed.
    let socketInodes: [UInt64]
    private var stdinFD: Int32
    private var stdoutFD: Int32
    private var stderrFD: Int32
    /// Bytes read from stdout that are not yet a whole answer line.
    private var pending: [UInt8] = []
    /// The last ``tailLimit`` bytes the child wrote on stderr.
    private var tail: [UInt8] = []
    private var reaped = false
    /// The wait status, once the child was reaped after it ended on its own.
    private var exitStatus: Int32?
    /// Reused for every read: a fresh 64 KiB array per record was a measurable cost.
    private var buffer = [UInt8](repeating: 0, count: 65536)

    static let tailLimit = 4096

    /// Starts `command` (`command[0]` found on `PATH` unless it has a slash) with no shell.
    init(command: [String]) throws(ChildError) {
        guard let program = command.first else { throw .spawn("no command given") }
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard Self.socketPair(&input) else {
            throw .spawn("cannot create a socket for the child's stdin: \(Self.lastError())")
        }
        guard Self.socketPair(&output) else {
            Self.close([input[0], input[1]])
            throw .spawn("cannot create a socket for the child's stdout: \(Self.lastError())")
        }
        guard Self.socketPair(&errors) else {
            Self.close([input[0], input[1], output[0], output[1]])
            throw .spawn("cannot create a socket for the child's stderr: \(Self.lastError())")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on 0, 1 and 2 only; the originals close at exec.
        posix_spawn_file_actions_adddup2(&actions, input[1], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        Self.closeFrom3(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The runner's threads may block signals and `run` ignores SIGPIPE; an
        // ignored signal would survive exec, so the child gets the defaults back.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) }
        arguments.append(nil)
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, &attributes, arguments, environ)
        Self.close([input[1], output[1], errors[1]])
        guard status == 0 else {
            Self.close([input[0], output[0], errors[0]])
            throw .spawn("cannot start '\(program)': \(String(cString: strerror(status)))")
        }
        self.pid = pid
        stdinFD = input[0]
        stdoutFD = output[0]
        stderrFD = errors[0]
        var inodes: [UInt64] = []
        for fd in [stdinFD, stdoutFD, stderrFD] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var info = stat()
            if fstat(fd, &info) == 0 { inodes.append(UInt64(info.st_ino)) }
        }
        socketInodes = inodes
    }

    deinit { kill() }

    // MARK: - Talking

    /// Writes `request` (one line, newline included) and returns the next line
    /// the child writes, without its newline.
    ///
    /// Reads stdout and stderr while it writes, so a child that answers or
    /// logs before it has read the whole line never deadlocks against us.
    func exchange(_ request: [UInt8], deadline: ContinuousClock.Instant) throws(ChildError) -> [UInt8] {
        // The socket almost always has room for a record: try before polling,
        // one system call fewer per record.
        var written = 0
        try send(request, from: &written)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")), written == request.count {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw .timeout }
            var fds = [
                pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: written < request.count ? stdinFD : -1, events: Int16(POLLOUT), revents: 0),
            ]
            let milliseconds = Int32(clamping: max(1, remaining.milliseconds))
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io("poll failed: \(Self.lastError())")
            }
            if fds[1].revents != 0 { drainStderr() }
            if fds[2].revents != 0 { try send(request, from: &written) }
            if fds[0].revents != 0 { try readAvailableStdout() }
        }
    }

    /// Sends what is left of `request` from `written` on, as far as the socket takes it.
    private func send(_ request: [UInt8], from written: inout Int) throws(ChildError) {
        guard written < request.count else { return }
        let offset = written
        let sent = request.withUnsafeBytes { buffer in
            Glibc.send(stdinFD, buffer.baseAddress.map { $0 + offset }, request.count - offset, Int32(MSG_NOSIGNAL))
        }
        if sent >= 0 {
            written += sent
        } else if errno == EPIPE || errno == ECONNRESET {
            // The child closed stdin or died; what it wrote before says which.
            try? readAvailableStdout()
            throw .exited(status: waitForExit())
        } else if errno != EAGAIN && errno != EINTR {
            throw .io("cannot write to the child: \(Self.lastError())")
        }
    }

    /// Whether the child wrote to stdout without being asked: an extra line
    /// after its last answer. Drains stderr on the way.
    func hasUnaskedOutput() -> Bool {
        if !pending.isEmpty { return true }
        var fds = [
            pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0),
        ]
        guard poll(&fds, 2, 0) > 0 else { return false }
        if fds[1].revents != 0 { drainStderr() }
        return fds[0].revents != 0
    }

    /// Whether more than the answer came in with it (the same read): a second line for one record.
    var hasBufferedOutput: Bool { !pending.isEmpty }

    /// The last lines of stderr, joined by " | ", or `nil` when the child wrote none.
    func stderrTail(maxCharacters: Int = 600) -> String? {
        drainStderr()
        let lines = String(decoding: tail, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        var joined = lines.joined(separator: " | ")
        if joined.count > maxCharacters { joined = "…" + joined.suffix(maxCharacters) }
        return joined
    }

    // MARK: - Ending

    /// Closes stdin, gives the child `grace` to exit on its own, then kills its group; reaps it.
    func close(grace: Duration) {
        guard !reaped else { return }
        Self.close([stdinFD])
        stdinFD = -1
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                reaped = true
                break
            }
            drainStderr()
            usleep(2_000)
        }
        kill()
    }

    /// Kills the child's process group at once and reaps the child; idempotent.
    func kill() {
        if !reaped {
            _ = Glibc.kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            reaped = true
        }
        Self.close([stdinFD, stdoutFD, stderrFD])
        (stdinFD, stdoutFD, stderrFD) = (-1, -1, -1)
    }

    /// Waits a little for a child that closed its end to exit, then makes sure
    /// it has; returns its wait status.
    private func waitForExit() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        for _ in 0..<250 {
            if waitpid(pid, &status, WNOHANG) == pid {
                reaped = true
                exitStatus = status
                // Grandchildren of a shell wrapper may linger in the group.
                _ = Glibc.kill(-pid, SIGKILL)
                drainStderr()
                return status
            }
            usleep(2_000)
        }
        kill()
        exitStatus = Int32(SIGKILL)
        return Int32(SIGKILL)
    }

    // MARK: - Reading

    /// Reads what stdout holds, stopping after a read that ends a line: a
    /// further read would almost always find nothing (a wasted system call per
    /// record), and anything left is seen by ``hasUnaskedOutput()`` later.
    private func readAvailableStdout() throws(ChildError) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: buffer[..<count])
                if pending.count > Self.maxLine { throw .protocolError("an answer line longer than 64 MiB") }
                if buffer[count - 1] == UInt8(ascii: "\n") { return }
                continue
            }
            if count == 0 {
                throw .exited(status: waitForExit())
            }
            if errno == EINTR { continue }
            if errno == EAGAIN { return }
            throw .io("cannot read from the child: \(Self.lastError())")
        }
    }

    /// An answer longer than this is a child gone wrong, not an annotation.
    static let maxLine = 64 << 20

    private func drainStderr() {
        guard stderrFD >= 0 else { return }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(stderrFD, $0.baseAddress, $0.count) }
            if count == 0 {
                // Closed: poll would report it ready on every turn, spinning until the
                // timeout if the child lives on with stdout open (`exec 2>&-`).
                Self.close([stderrFD])
                stderrFD = -1
                return
            }
            guard count > 0 else { return }
            tail.append(contentsOf: buffer[..<count])
            if tail.count > Self.tailLimit { tail.removeFirst(tail.count - Self.tailLimit) }
        }
    }

    // MARK: - Helpers

    /// A connected pair, both ends close-on-exec from the start: `[ours, the child's]`.
    private static func socketPair(_ fds: inout [Int32]) -> Bool {
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0
    }

    private static func close(_ fds: [Int32]) {
        for fd in fds where fd >= 0 { _ = Glibc.close(fd) }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// Closes every descriptor from 3 up in the child, where glibc (2.34+)
    /// offers it: descriptors another part of the process opened without
    /// close-on-exec would otherwise leak into the child. Looked up at run
    /// time because Swift's Glibc module does not export the `_np` call.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let symbol = UnsafeMutableRawPointer(bitPattern: addCloseFrom) else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }

    /// The address of `posix_spawn_file_actions_addclosefrom_np`, or 0 (kept as
    /// an integer, which is `Sendable`, rather than as a pointer).
    private static let addCloseFrom = UInt(
        bitPattern: dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np"))
}

/// What went wrong with a child, as the stage reports it.
enum ChildError: Error {
    case spawn(String)
    case timeout
    case exited(status: Int32)
    case protocolError(String)
    case io(String)
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
