import Foundation
import Testing

@testable import Textpipe

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct FileNameTests {
    @Test(arguments: [
        ([UInt8]("plain.txt".utf8), "plain.txt"),
        ([0x63, 0x61, 0x66, 0xE9, 0x2E, 0x74, 0x78, 0x74], "caf\\xE9.txt"),
        ([0x63, 0x61, 0x66, 0xC3, 0xA9, 0xFF], "café\\xFF"),
        ([0xE2, 0x82], "\\xE2\\x82"),
    ])
    func displayKeepsUTF8AndEscapesTheRest(bytes: [UInt8], shown: String) {
        #expect(FileName.display(bytes) == shown)
    }
}

@Suite struct BinaryTextTests {
    @Test(arguments: [
        "Plain text about the harbour.\n",
        "Le caf\u{E9} du port.\u{1A}\n",
        "Tabs\tand\r\nline breaks\u{0C}are text.",
    ])
    func textIsNotBinary(text: String) {
        #expect(TextArticle.binaryReason(Array(text.utf8)) == nil)
    }

    @Test func latin1TextIsNotBinary() {
        let bytes: [UInt8] =
            Array("Le caf".utf8) + [0xE9] + Array(" ouvre ".utf8) + [0xE0] + Array(" huit heures.".utf8)
        #expect(TextArticle.binaryReason(bytes) == nil)
    }

    @Test(arguments: [
        [UInt8](repeating: 0x01, count: 100),
        [UInt8]("text".utf8) + [0] + [UInt8]("more".utf8),
        (0..<2000).map { UInt8(truncatingIfNeeded: $0 * 7919 % 251 + 1) },
        [UInt8]((128...255).map { UInt8($0) }),
    ])
    func binaryIsRefused(bytes: [UInt8]) {
        #expect(TextArticle.binaryReason(bytes)?.hasPrefix("binary file (") == true)
    }
}

@Suite struct OutputTargetClassifyTests {
    @Test func classifiesEachKindOfPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-target-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(FileManager.default.createFile(atPath: directory + "/file", contents: Data("x".utf8)))
        chmod(directory + "/file", 0o600)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: "file")
        try FileManager.default.createSymbolicLink(atPath: directory + "/dangling", withDestinationPath: "gone")
        #expect(mkfifo(directory + "/fifo", 0o644) == 0)
        let resolved = try #require(realpath(directory + "/file", nil))
        defer { free(resolved) }

        #expect(
            try OutputTarget.classify(directory + "/new")
                == .replace(target: Array((directory + "/new").utf8), mode: nil))
        #expect(
            try OutputTarget.classify(directory + "/file")
                == .replace(target: Array((directory + "/file").utf8), mode: 0o600))
        #expect(
            try OutputTarget.classify(directory + "/link")
                == .replace(target: Array(String(cString: resolved).utf8), mode: 0o600))
        #expect(try OutputTarget.classify(directory + "/fifo") == .inPlace)
        #expect(throws: OutputSink.WriteError.self) { try OutputTarget.classify(directory) }
        #expect(throws: OutputSink.WriteError.self) { try OutputTarget.classify(directory + "/dangling") }
        #expect(throws: OutputSink.WriteError.self) { try OutputTarget.classify(directory + "/no/such/file") }
    }

    @Test func standardDescriptorsAreRecognised() {
        #expect(OutputSink.standardDescriptor(named: "/dev/stdout") == 1)
        #expect(OutputSink.standardDescriptor(named: "/dev/stderr") == 2)
        #expect(OutputSink.standardDescriptor(named: "/dev/fd/7") == 7)
        #expect(OutputSink.standardDescriptor(named: "/proc/self/fd/3") == 3)
        #expect(OutputSink.standardDescriptor(named: "/dev/null") == nil)
    }

    @Test func directoryOfTheOutputIsSyncedAfterTheRename() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-sync-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(OutputSink.syncDirectory(containing: Array((directory + "/out.jsonl").utf8)) == nil)
        #expect(OutputSink.syncDirectory(containing: Array("/out.jsonl".utf8)) == nil)
        #expect(OutputSink.syncDirectory(containing: Array("out.jsonl".utf8)) == nil)
        #expect(OutputTarget.directory(of: Array("/out.jsonl".utf8)) == Array("/".utf8))
        #expect(OutputTarget.directory(of: Array("out.jsonl".utf8)) == Array(".".utf8))
        #expect(OutputTarget.directory(of: Array("a/b\u{E9}/o".utf8)) == Array("a/b\u{E9}".utf8))
        let sink = try OutputSink.file(pathBytes: Array((directory + "/caf").utf8) + [0xE9])
        try sink.write(Array("{}\n".utf8))
        try sink.commit()
        #expect(sink.isCommitted)
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: directory).first)
        #expect(!name.hasPrefix("."))
        #expect(!TemporaryFiles.registered.contains { $0.hasPrefix(directory) })
    }

    @Test func failedWriteSpoilsTheSinkAndCommitDiscardsIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("textpipe-sink-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sink = try OutputSink.file(directory + "/out.jsonl")
        #expect(TemporaryFiles.registered.contains { $0.hasPrefix(directory + "/.out.jsonl.") })
        try sink.write(Array("{}\n".utf8))
        // The next write fails: the sink's descriptor now reads /dev/null (opened read-only), so write(2)
        // returns EBADF. A file-size limit (setrlimit RLIMIT_FSIZE) would fail it too, but the limit is
        // the whole process's: a test running beside this one failed its own write with "File too large"
        // (1 of 15 TextpipeTests runs here), and most likely so did a RunnerTests run that wrote nothing.
        // The limit itself is tested in a process of its own ("output over ulimit -f", Tests/Faults/run.sh).
        let descriptor = try #require(Self.descriptor(openOn: directory))
        let readOnly = open("/dev/null", O_RDONLY | O_CLOEXEC)
        try #require(readOnly >= 0)
        try #require(dup2(readOnly, descriptor) == descriptor)
        close(readOnly)
        var delivered = 0
        #expect(throws: OutputSink.WriteError.self) { try sink.write(Array("{}\n".utf8), delivered: &delivered) }
        #expect(delivered == 0)
        try sink.commit()
        #expect(!sink.isCommitted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        #expect(!TemporaryFiles.registered.contains { $0.hasPrefix(directory) })
    }

    /// This process's descriptor open on a file inside `directory` (by /proc/self/fd), if there is one.
    static func descriptor(openOn directory: String) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap(Int32.init).first { fd in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"))?
                .hasPrefix(directory + "/") == true
        }
    }
}
