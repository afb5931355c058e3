import ArgumentParser
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines to stderr and stdout, for every command: the CLI's and the
/// evaluation modules' (`Evaluations/<Name>`), which the CLI extends with the
/// facts about the terminal it alone needs.
///
/// Everything goes through write(2): `FileHandle.write` traps (SIGILL) when the
/// descriptor is closed or full, as with `2>&-` or `>/dev/full`.
public enum Terminal {
    /// The output named by a `--output`-like option, or stdout when it is nil.
    ///
    /// The name is opened by the bytes the user typed: an argument that is not
    /// UTF-8 reaches Swift as a `String` with U+FFFD in it, another file's name.
    public static func output(_ path: String?) throws(OutputSink.WriteError) -> OutputSink {
        guard let path else { return .standardOutput }
        return try OutputSink.file(pathBytes: argumentsThatAreNotUTF8()[path] ?? Array(path.utf8))
    }

    /// The bytes of each command-line argument that is not UTF-8, keyed by the
    /// text ArgumentParser saw (with U+FFFD for the bad bytes): a file named
    /// `caf\xE9.txt` cannot be opened by its decoded name.
    public static func argumentsThatAreNotUTF8() -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: argument, count: strlen(argument)).map { UInt8(bitPattern: $0) }
            if String(validating: bytes, as: UTF8.self) == nil {
                result[String(decoding: bytes, as: UTF8.self)] = bytes
            }
        }
        return result
    }

    /// Writes one line to stderr. Errors are ignored: there is nowhere left to report them.
    @Sendable public static func error(_ line: String) {
        _ = writeAll(2, line + "\n")
    }

    /// Writes text to stderr as it is (progress lines), ignoring errors.
    @Sendable public static func errorText(_ text: String) {
        _ = writeAll(2, text)
    }

    /// Writes one line to stdout.
    ///
    /// - Throws: exit 74 after one line on stderr when stdout cannot be written.
    public static func print(_ text: String) throws(ExitCode) {
        if let code = writeAll(1, text + "\n") {
            if code == EPIPE { throw ExitCode.success }
            error("textpipe: error: cannot write standard output: \(String(cString: strerror(code)))")
            throw ExitCode(ExitStatus.ioError)
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
public enum ExitStatus {
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let ioError: Int32 = 74
    /// A binary built wrong (two stages with one name): the package author's to fix.
    public static let software: Int32 = 70
}
