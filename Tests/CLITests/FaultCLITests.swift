import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A private mount namespace with its own `/dev`, for tests that write to devices.
///
/// Renaming over a device as root replaces it for the whole machine, so these
/// tests never touch the real `/dev`: the script runs under `unshare -m` on a
/// fresh tmpfs, and refuses to go on (exit 99) unless its mount namespace differs
/// from the test's and the new `/dev` is empty.
enum PrivateDev {
    /// Whether `unshare -m` works here (root, util-linux installed).
    static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        return (try? CLI.shell("unshare -m true").status) == 0
    }()

    static let preamble = """
        [ "$(readlink /proc/self/ns/mnt)" != "$TEXTPIPE_OUTER_NS" ] || { echo "not in a private namespace" >&2; exit 99; }
        mount -t tmpfs tmpfs /dev || exit 99
        [ -z "$(ls -A /dev)" ] || { echo "/dev is not the fresh tmpfs" >&2; exit 99; }
        mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 && mknod -m 666 /dev/zero c 1 5 || exit 99
        ln -s /proc/self/fd/1 /dev/stdout && ln -s /proc/self/fd/2 /dev/stderr || exit 99

        """

    /// Runs `script` in bash inside the namespace, with `textpipe` on PATH.
    static func run(_ script: String, in directory: URL = CLI.packageRoot) throws -> CLI.Result {
        let outer = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/mnt")) ?? "unknown"
        let body = (preamble + script).replacingOccurrences(of: "'", with: "'\\''")
        let result = try CLI.shell("TEXTPIPE_OUTER_NS='\(outer)' unshare -m bash -c '\(body)'", in: directory)
        #expect(result.status != 99, "namespace set-up failed: \(result.stderr)")
        return result
    }
}

/// The lines of `stderr` that report an error.
func errorLines(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.contains("error:") }
}

/// A small JSON Lines input of `count` articles.
func writeArticles(_ count: Int, to url: URL) throws {
    let lines = (1...count).map { "{\"id\":\"a\($0)\",\"text\":\"Article number \($0) about the harbour.\"}" }
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
}

@Suite struct OutputTargetTests {
    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func outputOntoDevNullKeepsTheDevice() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try PrivateDev.run(
            "textpipe run clean in.jsonl --output /dev/null --quiet; echo \"status $?\"; [ -c /dev/null ] && echo device",
            in: directory)
        #expect(result.lines == ["status 0", "device"], "\(result.stderr)")
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func outputOntoDevFullExitsWithIOError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try PrivateDev.run(
            "textpipe run clean in.jsonl --output /dev/full; echo \"status $?\"; [ -c /dev/full ] && echo device",
            in: directory)
        #expect(result.lines == ["status 74", "device"])
        #expect(errorLines(result.stderr) == ["error: cannot write '/dev/full': No space left on device"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["in.jsonl"])
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func outputOntoDevStdoutWritesToStdout() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try PrivateDev.run(
            "textpipe run clean in.jsonl --output /dev/stdout --quiet | wc -l; [ -L /dev/stdout ] && echo link",
            in: directory)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["3", "link"], "\(result.stderr)")
    }

    @Test func outputOntoAFIFOWritesIntoThePipe() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(4, to: directory.appendingPathComponent("in.jsonl"))
        let result = try CLI.shell(
            "mkfifo pipe && (wc -l < pipe > count &) && textpipe run clean in.jsonl --output pipe --quiet; "
                + "echo \"status $?\"; sleep 0.3; [ -p pipe ] && echo fifo; cat count", in: directory)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["status 0", "fifo", "4"])
    }

    @Test func symbolicLinkToAFileReplacesTheFileAndKeepsTheLink() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2, to: directory.appendingPathComponent("in.jsonl"))
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("real"), withIntermediateDirectories: true)
        try "old\n".write(to: directory.appendingPathComponent("real/out.jsonl"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/link", withDestinationPath: "real/out.jsonl")
        let result = try CLI.run(["run", "clean", "in.jsonl", "--output", "link", "--quiet"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/link") == "real/out.jsonl")
        let written = try String(contentsOfFile: directory.path + "/real/out.jsonl", encoding: .utf8)
        #expect(written.split(separator: "\n").count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/real") == ["out.jsonl"])
    }

    @Test func outputThatIsADirectoryIsRefusedAndLeavesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2, to: directory.appendingPathComponent("in.jsonl"))
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let result = try CLI.run(["run", "clean", "in.jsonl", "--output", "out"], in: directory)
        #expect(result.status == 74)
        #expect(errorLines(result.stderr) == ["error: cannot write 'out': it is a directory; name a file inside it"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.jsonl", "out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out").isEmpty)
    }

    @Test func danglingSymbolicLinkIsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2, to: directory.appendingPathComponent("in.jsonl"))
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/out.jsonl", withDestinationPath: "gone.jsonl")
        let result = try CLI.run(["run", "clean", "in.jsonl", "--output", "out.jsonl"], in: directory)
        #expect(result.status == 74)
        #expect(errorLines(result.stderr).count == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.jsonl", "out.jsonl"])
    }
}

@Suite struct StandardStreamTests {
    @Test func closedStderrDoesNotCrashTheRun() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try CLI.shell(
            "textpipe run clean in.jsonl missing.jsonl 2>&- ; echo \"status $?\"; textpipe run clean in.jsonl 2>&- | wc -l",
            in: directory)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["status 74", "3"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["in.jsonl"])
    }

    @Test func closedStderrDoesNotLandInTheOutputFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try CLI.shell(
            "textpipe run clean in.jsonl --output out.jsonl 2>&- ; echo \"status $?\"", in: directory)
        #expect(result.lines == ["status 0"])
        let written = try String(contentsOfFile: directory.path + "/out.jsonl", encoding: .utf8)
        #expect(written.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"id\":\"a") })
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func fullStderrDoesNotCrashTheRun() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try PrivateDev.run(
            "textpipe run clean in.jsonl 2>/dev/full | wc -l; textpipe run clean nothing.jsonl 2>/dev/full; echo \"status $?\"",
            in: directory)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["3", "status 74"])
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func fullStdoutInValidateListDescribeIsAnIOError() throws {
        let result = try PrivateDev.run(
            """
            textpipe validate Pipelines/clean.yaml >/dev/full; echo "validate $?"
            textpipe list >/dev/full; echo "list $?"
            textpipe describe normalize >/dev/full; echo "describe $?"
            textpipe describe clean >/dev/full; echo "pipeline $?"
            """)
        #expect(result.lines == ["validate 74", "list 74", "describe 74", "pipeline 74"])
        let expected = "textpipe: error: cannot write standard output: No space left on device"
        #expect(result.stderr.split(separator: "\n") == Array(repeating: expected[...], count: 4))
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func helpOntoAFullStdoutIsAnIOError() throws {
        let result = try PrivateDev.run(
            "textpipe --help >/dev/full; echo \"help $?\"; textpipe run --help >/dev/full; echo \"run $?\"")
        #expect(result.lines == ["help 74", "run 74"])
        #expect(errorLines(result.stderr).count == 2)
    }

    @Test func closedStdoutInValidateIsAnIOError() throws {
        let result = try CLI.shell("textpipe validate Pipelines/clean.yaml >&- ; echo \"status $?\" >&2")
        #expect(result.stderr.split(separator: "\n").last == "status 74")
        #expect(errorLines(result.stderr).count == 1)
    }
}

@Suite struct OptionCheckTests {
    @Test(arguments: ["99999999999", "10000000", "257", "0"])
    func jobsOutOfRangeIsAUsageError(jobs: String) throws {
        let result = try CLI.run(["run", "clean", "Examples/articles", "--jobs", jobs])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs must be between 1 and 256, got \(jobs)"))
    }

    @Test func outputAndDeadLetterNamingOneFileIsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2, to: directory.appendingPathComponent("in.jsonl"))
        for (output, deadLetter) in [
            ("out.jsonl", "out.jsonl"), ("out.jsonl", "./out.jsonl"), ("out.jsonl", "sub/../out.jsonl"),
        ] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
            let result = try CLI.run(
                ["run", "clean", "in.jsonl", "--output", output, "--dead-letter", deadLetter], in: directory)
            #expect(result.status == 64)
            #expect(errorLines(result.stderr).count == 1)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.jsonl", "sub"])
        }
    }
}

/// A JSON Lines input big enough that a run is still going after half a second (about 2 s in a debug build).
func writeLongInput(to url: URL) throws {
    let line = "{\"text\":\"Article about the harbour, the council meeting on Tuesday and the ferry timetable.\"}\n"
    try String(repeating: line, count: 200_000).write(to: url, atomically: false, encoding: .utf8)
}

@Suite struct TemporaryFileTests {
    @Test(arguments: [("INT", 130), ("TERM", 143), ("HUP", 129)])
    func signalRemovesTheTemporaryFilesAndEndsWithTheSignal(signal: String, status: Int) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeLongInput(to: directory.appendingPathComponent("in.jsonl"))
        try "kept\n".write(to: directory.appendingPathComponent("out.jsonl"), atomically: true, encoding: .utf8)
        let result = try CLI.shell(
            """
            set -m  # job control: a background job of a script would otherwise ignore SIGINT
            textpipe run clean in.jsonl --output out.jsonl --dead-letter dead.jsonl --quiet & pid=$!
            sleep 0.5; ls -a | grep -c '\\.tmp$'; kill -\(signal) $pid; wait $pid; echo "status $?"
            """, in: directory)
        #expect(result.lines == ["2", "status \(status)"], "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.jsonl", "out.jsonl"])
        #expect(try String(contentsOfFile: directory.path + "/out.jsonl", encoding: .utf8) == "kept\n")
    }

    @Test func ignoredSignalStaysIgnored() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(3, to: directory.appendingPathComponent("in.jsonl"))
        let result = try CLI.shell(
            """
            (trap '' HUP; exec textpipe run clean in.jsonl --output out.jsonl --quiet) & pid=$!
            kill -HUP $pid || true; wait $pid; echo "status $?"
            """, in: directory)
        #expect(result.lines == ["status 0"], "\(result.stderr)")
    }

    @Test func runAfterSIGKILLRemovesTheKilledRunsTemporaryFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeLongInput(to: directory.appendingPathComponent("in.jsonl"))
        let result = try CLI.shell(
            """
            textpipe run clean in.jsonl --output out.jsonl --quiet & pid=$!
            sleep 0.5; kill -KILL $pid; wait $pid; echo "killed $?"; ls -a | grep -c '\\.tmp$'
            printf '{"text":"one"}\\n' | textpipe run clean --output out.jsonl --quiet; echo "rerun $?"
            """, in: directory)
        #expect(result.lines == ["killed 137", "1", "rerun 0"], "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.jsonl", "out.jsonl"])
    }

    @Test func missingInputCreatesNoFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2, to: directory.appendingPathComponent("in.jsonl"))
        let result = try CLI.run(
            ["run", "clean", "in.jsonl", "gone.jsonl", "--output", "out.jsonl", "--dead-letter", "dead.jsonl"],
            in: directory)
        #expect(result.status == 74)
        #expect(errorLines(result.stderr) == ["error: cannot read 'gone.jsonl': no such file or directory"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["in.jsonl"])
    }

    @Test func failedRenameRemovesTheTemporaryFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The output path turns into a non-empty directory while the run waits on stdin, so rename(2) fails.
        let result = try CLI.shell(
            """
            (sleep 1; printf '{"text":"one"}\\n') | textpipe run clean --output out.jsonl & pid=$!
            sleep 0.4; mkdir -p out.jsonl/inside; wait $pid; echo "status $?"
            """, in: directory)
        #expect(result.lines == ["status 74"])
        #expect(errorLines(result.stderr).count == 1)
        #expect(result.stderr.contains("cannot move the output into 'out.jsonl'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
    }
}

/// The counts of a run's summary line: read, written, dropped, dead-lettered, failed.
struct Accounting: Equatable {
    var read = 0
    var written = 0
    var dropped = 0
    var deadLettered = 0
    var failed = 0

    /// Parses the `read N, written N, …` line in `stderr`.
    init?(stderr: String) {
        guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("read ") }) else { return nil }
        let numbers = line.split(separator: ",").compactMap { part in
            part.split(separator: " ").first(where: { Int($0) != nil }).flatMap { Int($0) }
        }
        guard numbers.count == 5 else { return nil }
        (read, written, dropped, deadLettered, failed) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
    }

    var adds: Bool { read == written + dropped + deadLettered + failed }
}

@Suite struct AccountingTests {
    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a small tmpfs"))
    func stdoutOnAFullDiskCountsOnlyTheLinesDelivered() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2000, to: directory.appendingPathComponent("in.jsonl"))
        let result = try PrivateDev.run(
            """
            mkdir small && mount -t tmpfs -o size=64k tmpfs small || exit 99
            textpipe run clean in.jsonl > small/out.jsonl; echo "status $?"; wc -l < small/out.jsonl
            """, in: directory)
        #expect(result.lines.first == "status 74")
        let delivered = Int(result.lines.last?.trimmingCharacters(in: .whitespaces) ?? "")
        let counts = try #require(Accounting(stderr: result.stderr))
        #expect(counts.written == delivered)
        #expect(counts.failed > 0 && counts.adds)
        #expect(errorLines(result.stderr) == ["error: cannot write standard output: No space left on device"])
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func outputFileOnAFullDiskIsNotKeptAndCountsNothingWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeArticles(2000, to: directory.appendingPathComponent("in.jsonl"))
        let result = try PrivateDev.run(
            """
            mkdir small && mount -t tmpfs -o size=64k tmpfs small || exit 99
            textpipe run clean in.jsonl --output small/out.jsonl; echo "status $?"; ls -A small | wc -l
            """, in: directory)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["status 74", "0"])
        let counts = try #require(Accounting(stderr: result.stderr))
        #expect(counts.written == 0 && counts.failed == counts.read && counts.adds)
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a small tmpfs"))
    func deadLetterFileOnAFullDiskIsNotCommitted() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = (1...400).map { $0 % 2 == 0 ? "{\"text\":\"good \($0)\"}" : "{broken \($0)" }
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("in.jsonl"), atomically: true, encoding: .utf8)
        let result = try PrivateDev.run(
            """
            mkdir small && mount -t tmpfs -o size=16k tmpfs small || exit 99
            textpipe run clean in.jsonl --output out.jsonl --dead-letter small/dead.jsonl 2>err
            echo "status $?"; ls -A small | wc -l; ls -A | grep -c tmp; grep -v '(dead-lettered)' err >&2
            """, in: directory)
        #expect(result.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["status 74", "0", "0"])
        #expect(errorLines(result.stderr) == ["error: cannot write 'small/dead.jsonl': No space left on device"])
        let counts = try #require(Accounting(stderr: result.stderr))
        #expect(counts.deadLettered == 0 && counts.written == 0 && counts.adds)
    }

    @Test(.enabled(if: PrivateDev.available, "needs root and unshare for a private /dev"))
    func deadLetterOntoDevFullIsAnIOError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try PrivateDev.run(
            "printf '{\"text\":\"ok\"}\\n{bad\\n' | textpipe run clean --dead-letter /dev/full 2>err; echo \"status $?\"; cat err >&2",
            in: directory)
        #expect(result.lines.last == "status 74")
        let counts = try #require(Accounting(stderr: result.stderr))
        #expect(counts == Accounting(stderr: "read 2, written 1, dropped 0, dead-lettered 0, failed 1"))
    }
}

@Suite struct DirectoryWalkTests {
    /// Runs `clean` over the folder `d` that `setup` (bash) made in a fresh directory.
    func walk(_ setup: String) throws -> (result: CLI.Result, deadLetters: [[String: Any]]) {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.shell(
            "mkdir d && cd d && { \(setup); } && cd .. && textpipe run clean d --dead-letter dead.jsonl", in: directory)
        let dead = (try? String(contentsOfFile: directory.path + "/dead.jsonl", encoding: .utf8)) ?? ""
        return (result, dead.split(separator: "\n").map { CLI.json(String($0)) })
    }

    @Test func symbolicLinkLoopsDanglingLinksAndFIFOsAreReportedAndCounted() throws {
        let (result, dead) = try walk(
            "printf 'Some text.\\n' > a.txt && ln -s loop loop && ln -s missing.txt gone.txt && mkfifo pipe.jsonl")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        #expect(dead.map { $0["id"] as? String } == ["gone.txt", "loop", "pipe.jsonl"])
        #expect(
            dead.map { $0["error"] as? String } == [
                "dangling symbolic link", "symbolic link loop", "not a regular file (a FIFO)",
            ])
        #expect(errorLines(result.stderr).count == 3)
        let counts = try #require(Accounting(stderr: result.stderr))
        #expect(counts == Accounting(stderr: "read 4, written 1, dropped 0, dead-lettered 3, failed 0"))
    }

    @Test func fileNameThatIsNotUTF8IsRead() throws {
        let (result, dead) = try walk("printf 'Le caf\\xc3\\xa9 est ouvert.\\n' > \"$(printf 'caf\\xe9.txt')\"")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(dead.isEmpty)
        let article = CLI.json(result.lines.first ?? "")
        #expect(article["id"] as? String == "caf\\xE9.txt")
        #expect(article["text"] as? String == "Le café est ouvert.")
    }

    @Test func inputNamedOnTheCommandLineThatIsNotUTF8IsRead() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.shell(
            "name=$(printf 'caf\\xe9.txt'); printf 'Le port ouvre.\\n' > \"$name\"; textpipe run clean \"$name\" --quiet",
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CLI.json(result.lines.first ?? "")["id"] as? String == "caf\\xE9.txt")
    }

    @Test func outputAndDeadLetterNamedByArgumentsThatAreNotUTF8AreWrittenUnderThoseNames() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.shell(
            """
            printf '{"text":"Le port ouvre."}\\n{"text":5}\\n' > in.jsonl
            textpipe run clean in.jsonl --quiet --output "$(printf 'caf\\xe9.jsonl')" --dead-letter "$(printf 'd\\xe9ad.jsonl')"
            """,
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try CLI.shell("cat \"$(printf 'caf\\xe9.jsonl')\"", in: directory)
        #expect(output.lines.count == 1)
        #expect(CLI.json(output.lines.first ?? "")["text"] as? String == "Le port ouvre.")
        let dead = try CLI.shell("cat \"$(printf 'd\\xe9ad.jsonl')\"", in: directory)
        #expect(dead.lines.count == 1)
        // No file got the decoded name (U+FFFD for the byte 0xE9), no temporary file is left.
        let litter = try CLI.shell("ls -A | grep -c \"$(printf '\\xef\\xbf\\xbd')\\|tmp$\"", in: directory)
        #expect(litter.lines.first == "0")
    }

    @Test func badElementOfAJSONArrayIsNamedByItsIndex() throws {
        let (result, dead) = try walk(#"printf '[{"text":"one"},{"text":5},{"text":"three"}]' > list.json"#)
        #expect(result.lines.count == 2)
        #expect(dead.map { $0["id"] as? String } == ["list.json#2"])
        #expect(errorLines(result.stderr).first?.hasPrefix("d/list.json#2: error: ") == true)
    }

    @Test(arguments: [
        "python3 -c 'import sys; sys.stdout.buffer.write(bytes([1, 2, 3, 27, 8, 127]) * 300)' > ctrl.txt",
        "python3 -c 'import random, sys; random.seed(7); sys.stdout.buffer.write(bytes(random.randrange(1, 256) for _ in range(4000)))' > random.txt",
        "python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(128, 256)) * 20)' > high.md",
    ])
    func binaryFileWithoutNULIsNotAnArticle(setup: String) throws {
        let (result, dead) = try walk(setup)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(dead.count == 1)
        #expect((dead.first?["error"] as? String)?.hasPrefix("binary file (") == true)
    }

    @Test func latin1TextWithAStrayControlByteIsStillAnArticle() throws {
        let (result, dead) = try walk(
            "printf 'Le caf\\xe9 du port ouvre \\xe0 huit heures, dit le maire de la ville.\\x1a\\n' > latin1.txt")
        #expect(dead.isEmpty, "\(result.stderr)")
        #expect(
            CLI.json(result.lines.first ?? "")["text"] as? String
                == "Le café du port ouvre à huit heures, dit le maire de la ville.")
    }

    @Test(arguments: ["--input-format text", "--input-format jsonl"])
    func stdinThatIsADirectoryIsAnError(format: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.shell("mkdir d && textpipe run clean \(format) < d", in: directory)
        #expect(result.status == 74)
        #expect(result.stdout.isEmpty)
        #expect(
            errorLines(result.stderr) == [
                "error: cannot read 'stdin': it is a directory; name the directory as an INPUT instead"
            ])
    }
}

@Suite struct ClosedStdinTests {
    @Test func closedStdinIsAnIOError() throws {
        let result = try CLI.shell("textpipe run clean <&-")
        #expect(result.status == 74)
        #expect(errorLines(result.stderr) == ["error: cannot read 'stdin': it is closed or not open for reading"])
    }
}
