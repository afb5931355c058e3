import ArgumentParser
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines to stderr and stdout, and facts about the terminal.
///
/// Everything goes through write(2): `FileHandle.write` traps (SIGILL) when the
/// descriptor is closed or full, as with `2>&-` or `>/dev/full`.
enum Terminal {
    /// Writes one line to stderr. Errors are ignored: there is nowhere left to report them.
    @Sendable static func error(_ line: String) {
        _ = writeAll(2, line + "\n")
    }

    /// Writes text to stderr as it is (progress lines), ignoring errors.
    @Sendable static func errorText(_ text: String) {
        _ = writeAll(2, text)
    }

    /// The output named by a `--output`-like option, or stdout when it is nil.
    ///
    /// The name is opened by the bytes the user typed: an argument that is not
    /// UTF-8 reaches Swift as a `String` with U+FFFD in it, another file's name.
    static func output(_ path: String?) throws(OutputSink.WriteError) -> OutputSink {
        guard let path else { return .standardOutput }
        return try OutputSink.file(pathBytes: RunCommand.argumentsThatAreNotUTF8()[path] ?? Array(path.utf8))
    }

    /// Writes one line to stdout.
    ///
    /// - Throws: exit 74 after one line on stderr when stdout cannot be written.
    static func print(_ text: String) throws(ExitCode) {
        if let code = writeAll(1, text + "\n") {
            if code == EPIPE { throw ExitCode.success }
            error("textpipe: error: cannot write standard output: \(String(cString: strerror(code)))")
            throw ExitCode(ExitStatus.ioError)
        }
    }

    /// Whether stderr is a terminal (progress lines go there only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Every problem in a pipeline file, one compiler-style line each.
    static func report(_ error: PipelineError) {
        for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
    }

    /// Opens something harmless on each of descriptors 0, 1 and 2 that is closed.
    ///
    /// Otherwise the first file textpipe opens takes the closed number: with `2>&-`
    /// the temporary output file became descriptor 2 and collected the diagnostics.
    /// stdin and stdout get a descriptor that fails every read or write (EBADF),
    /// so reading a closed stdin or writing a closed stdout is an error, not
    /// silence; stderr gets `/dev/null`, as there is nowhere to report to.
    static func guardStandardDescriptors() {
        for (fd, flags) in [(Int32(0), O_WRONLY), (1, O_RDONLY), (2, O_WRONLY)] where fcntl(fd, F_GETFD) < 0 {
            var opened = open("/dev/null", flags)
            if opened < 0 { opened = open("/", O_RDONLY) }
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// Writes all of `text` to `fd`; the errno of a failed write, or nil.
    private static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return count < 0 ? errno : EIO
            }
        }
        return nil
    }
}

/// sysexits codes.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let ioError: Int32 = 74
    /// A binary built wrong (two stages with one name): the package author's to fix.
    static let software: Int32 = 70
}
