import Textpipe
import TextpipeEvalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The facts about the terminal and the descriptors that only the CLI needs.
extension Terminal {
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
}
