import ArgumentParser
import Dedupe
import Foundation
import Textpipe
import TextpipeEvalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `textpipe dedupe …`: dedupe in steps, for corpora split across machines.
struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract:
            "Dedupe in steps across machines: decide from fingerprints that 'dedupe: { mode: fingerprint }' wrote.",
        subcommands: [DedupeDecideCommand.self]
    )
}

/// `textpipe dedupe decide [INPUT…]`: one `textpipe run`'s dedupe decisions, from fingerprints.
struct DedupeDecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide keep or duplicate_of for fingerprinted articles, as one 'textpipe run' would.",
        discussion: """
            Reads JSON Lines {"position":N,"dedupe_fingerprint":{…}} in increasing position (the \
            article's place in the whole input) and writes {"position":N,"dedupe_decision":{…}} for \
            each. Give it all articles, or any group closed under sharing an exact key or an LSH band \
            key (a connected component of the candidate graph): the decisions are then those of one \
            run over the whole input. Put each decision on its article as the field dedupe_decision \
            and run the pipeline --from dedupe: the stage drops or marks as decided.
            """
    )

    @Argument(help: "Files of fingerprint records; '-' or nothing for stdin.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Write the decisions to this file (atomically) instead of stdout.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Print nothing on stderr but errors.")
    var quiet = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        TemporaryFiles.removeOnSignals()
        let sink: OutputSink
        do throws(OutputSink.WriteError) {
            sink = try Terminal.output(output)
        } catch {
            if case .failed(let message) = error { Terminal.error("error: \(message)") }
            throw ExitCode(ExitStatus.ioError)
        }
        var decider = DedupeDecider()
        var pending: [UInt8] = []
        do {
            for input in inputs.isEmpty ? ["-"] : inputs {
                let name = input == "-" ? "stdin" : input
                let fd = input == "-" ? 0 : open(input, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw Failure.io("cannot read '\(input)': \(String(cString: strerror(errno)))") }
                defer { if fd != 0 { close(fd) } }
                try Self.lines(of: fd, name: name) { number, line throws in
                    do throws(DedupeDecider.InputError) {
                        pending += try decider.decide(line)
                    } catch {
                        throw Failure.data("\(name):\(number): error: \(error)")
                    }
                    pending.append(UInt8(ascii: "\n"))
                    if pending.count >= 1 << 20 {
                        try sink.write(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
            }
            try sink.write(pending)
            try sink.commit()
        } catch let error as Failure {
            sink.abandon()
            switch error {
            case .data(let message):
                Terminal.error(message)
                throw ExitCode(ExitStatus.dataError)
            case .io(let message):
                Terminal.error("error: \(message)")
                throw ExitCode(ExitStatus.ioError)
            }
        } catch let error as OutputSink.WriteError {
            sink.abandon()
            if case .failed(let message) = error { Terminal.error("error: \(message)") }
            if error == .closed { throw ExitCode.success }
            throw ExitCode(ExitStatus.ioError)
        }
        if !quiet {
            Terminal.error(
                "decided \(decider.kept + decider.duplicates): kept \(decider.kept), duplicates \(decider.duplicates)")
        }
    }

    private enum Failure: Error {
        case data(String)
        case io(String)
    }

    /// Calls `body` with each non-empty line of `fd` (without its newline) and its 1-based number.
    private static func lines(of fd: Int32, name: String, _ body: (Int, [UInt8]) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var line: [UInt8] = []
        var number = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure.io("cannot read '\(name)': \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                line += buffer[start..<index]
                number += 1
                if !line.isEmpty { try body(number, line) }
                line.removeAll(keepingCapacity: true)
                start = index + 1
            }
            line += buffer[start..<count]
        }
        if !line.isEmpty { try body(number + 1, line) }
    }
}
