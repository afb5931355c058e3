import Foundation
import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines to stderr and facts about the terminal.
enum Terminal {
    /// Writes one line to stderr.
    @Sendable static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes text to stdout.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Whether stderr is a terminal (progress lines go there only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Every problem in a pipeline file, one compiler-style line each.
    static func report(_ error: PipelineError) {
        for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
    }
}

/// sysexits codes.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let ioError: Int32 = 74
}
