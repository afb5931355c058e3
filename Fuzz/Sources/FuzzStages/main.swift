import Foundation
import FuzzDriver
import StageRegistry
import Textpipe

/// The stages in pipeline order, each built with its default options (dedupe
/// keeps its state in memory: no `state:` file is ever opened).
let stageNames = ["normalize", "dedupe", "entities", "summarize", "intra-party-conflict"]

/// Builds every stage once; dedupe is rebuilt every `dedupeLifetime` inputs so
/// that its in-memory index (one fingerprint per article seen) stays small.
struct Stages {
    var instances: [StageInstance]
    var runs = 0
    static let dedupeLifetime = 2_000

    init() {
        instances = stageNames.map { Self.build($0) }
    }

    static func build(_ name: String) -> StageInstance {
        guard let type = StageRegistry.catalog.stage(named: name) else {
            preconditionFailure("no stage named \(name)")
        }
        do {
            return try type.instantiate()
        } catch {
            preconditionFailure("\(name) with default options: \(error)")
        }
    }

    mutating func tick() {
        runs += 1
        if runs % Self.dedupeLifetime == 0 { instances[1] = Self.build("dedupe") }
    }
}

nonisolated(unsafe) var stages = Stages()

/// Reads the fuzz bytes as a little program that builds one document.
struct ByteReader {
    var bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var atEnd: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard !atEnd else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A signed offset that is mostly small and sometimes far out of range.
    mutating func offset() -> Int {
        let b = byte()
        switch b {
        case 0xFF: return Int(Int32(bitPattern: UInt32(byte()) << 24 | UInt32(byte()) << 16 | UInt32(byte())))
        case 0xFE: return -Int(byte())
        default: return Int(b)
        }
    }

    /// Bytes up to the next 0x00 (or the end).
    mutating func chunk() -> ArraySlice<UInt8> {
        let start = position
        while !atEnd, bytes[position] != 0 { position += 1 }
        let end = position
        if !atEnd { position += 1 }
        return ArraySlice(bytes[start..<end])
    }

    mutating func string() -> String { String(decoding: chunk(), as: UTF8.self) }
}

let labels = ["PER", "ORG", "LOC", "MISC", "", "per", "PARTY"]

/// One document from the fuzz bytes, run through a subset of the stages in
/// pipeline order, chosen by the first byte's bits. Downstream stages often run
/// without the stages they require, on annotations built here: entity and
/// sentence offsets out of range, reversed, negative, or splitting a character.
///
/// Mode (second byte, low bit): 0 builds the document field by field; 1 decodes
/// the rest as a JSON Lines record, so any field (`entities`, `sentences`, …)
/// can hold any JSON. Any input must give a disposition or a thrown error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStages(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = ByteReader(bytes: UnsafeBufferPointer(start: data, count: size))
    let mask = reader.byte()
    let mode = reader.byte()
    var document: Document
    if mode & 1 == 1 {
        let rest = UnsafeRawBufferPointer(
            rebasing: UnsafeRawBufferPointer(start: data, count: size)[reader.position...])
        guard let decoded = try? DocumentDecoder.decode(rest, defaultID: "fuzz:1", source: nil) else { return 0 }
        document = decoded
    } else {
        let flags = reader.byte()
        let title = flags & 1 == 1 ? reader.string() : nil
        let textBytes = reader.chunk()
        document = Document(id: "fuzz:1", text: String(decoding: textBytes, as: UTF8.self), title: title)
        if flags & 2 == 2 { document.undecodedText = Array(textBytes) }
        if flags & 4 == 4 {
            // Written as JSON, not as `Entity` values: labels outside PER/ORG/LOC/MISC
            // (which `EntityLabel` cannot hold) must reach the stages' readers too.
            var json: [UInt8] = Array("[".utf8)
            for index in 0..<Int(reader.byte() % 16) where !reader.atEnd {
                let label = labels[Int(reader.byte()) % labels.count]
                let start = reader.offset()
                let end = reader.offset()
                let text = reader.string()
                let party: String? = reader.byte() & 1 == 1 ? reader.string() : nil
                if index > 0 { json += Array(",".utf8) }
                json += Array(#"{"text":"#.utf8)
                JSONWriter.appendString(text, to: &json)
                json += Array(#","canonical":"#.utf8)
                JSONWriter.appendString(text, to: &json)
                json += Array(#","label":"#.utf8)
                JSONWriter.appendString(label, to: &json)
                json += Array(",\"start\":\(start),\"end\":\(end)".utf8)
                if let party {
                    json += Array(#","party":"#.utf8)
                    JSONWriter.appendString(party, to: &json)
                }
                json += Array("}".utf8)
            }
            json += Array("]".utf8)
            document.setField("entities", JSONFragment(trustedBytes: json))
        }
        if flags & 8 == 8 {
            var spans: [TextSpan] = []
            for _ in 0..<Int(reader.byte() % 16) where !reader.atEnd {
                spans.append(TextSpan(start: reader.offset(), end: reader.offset()))
            }
            try? document.setValue("sentences", spans)
        }
    }
    stages.tick()
    for (index, stage) in stages.instances.enumerated() where mask & (1 << index) != 0 {
        guard let disposition = try? stage.process(&document) else { break }
        if disposition != .keep { break }
    }
    return 0
}

runFuzzer(fuzzStages)
