import Foundation
import Textpipe

/// Dedupe split across machines: fingerprints as data, the decisions made
/// from them, applied later.
///
/// ```
/// dedupe { mode: fingerprint }      textpipe dedupe decide               dedupe (drop | mark)
/// (parallel, any machine)     ──►   (in position order, per group   ──►  reads dedupe_decision
/// writes dedupe_fingerprint          of candidates) writes keep or        instead of deciding
///                                     duplicate_of for every article
/// ```
///
/// The decider is the stage's own code: the same ``NearDuplicateIndex``, fed
/// the fingerprints in the order of the articles' global positions, so it
/// makes exactly the decisions one `textpipe run` makes — the first
/// occurrence wins, only kept articles are indexed, the same 4-bit Jaccard
/// estimate. An article can only match one that shares its exact key or an
/// LSH band key with it, so any set of articles closed under "shares a key"
/// (a connected component of the candidate graph, or several) can be
/// decided on its own: that is what lets a cluster decide components in
/// parallel.
package struct DedupeDecider {
    /// A line that is not a fingerprint record, or one that does not fit the others.
    package struct InputError: Error, CustomStringConvertible, Equatable {
        package var description: String
        init(_ description: String) { self.description = description }
    }

    /// What the decider keeps across lines, set up from the first fingerprint's settings.
    private struct Memory {
        var settings: String
        var fingerprinter: Fingerprinter
        var index: NearDuplicateIndex
    }

    private var memory: Memory?
    private var lastPosition: Int?
    /// Articles decided so far that were kept, and that were duplicates.
    package private(set) var kept = 0
    package private(set) var duplicates = 0

    package init() {}

    /// Decides one record, `{"position":N,"dedupe_fingerprint":{…}}`; returns the decision line
    /// `{"position":N,"dedupe_decision":{"settings":"…"[,"duplicate_of":{…}]}}`, without a newline.
    ///
    /// Records must come in increasing position and carry one set of settings.
    package mutating func decide(_ line: [UInt8]) throws(InputError) -> [UInt8] {
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: Data(line))
        } catch {
            throw InputError(
                "not a fingerprint record {\"position\":N,\"dedupe_fingerprint\":{…}} (\(Self.reason(error)))")
        }
        if let lastPosition, record.position <= lastPosition {
            throw InputError(
                "position \(record.position) comes after position \(lastPosition); records must be in increasing position"
            )
        }
        lastPosition = record.position
        let fingerprint = record.dedupe_fingerprint
        if memory == nil { memory = try Self.memory(for: fingerprint.settings) }
        guard var memory else { throw InputError("internal: no dedupe settings") }
        guard fingerprint.settings == memory.settings else {
            throw InputError(
                "fingerprint of '\(fingerprint.id)' was made with '\(fingerprint.settings)', the ones before with '\(memory.settings)'"
            )
        }
        guard let exactKey = UInt64(fingerprint.exact, radix: 16),
            let values = FingerprintJSON.values(base64: fingerprint.values)
        else { throw InputError("fingerprint of '\(fingerprint.id)' has a malformed exact key or values") }
        let prepared = memory.fingerprinter.fingerprint(exactKey: exactKey, values: values)
        guard prepared.bandKeys == fingerprint.bands, values.isEmpty || values.count == memory.index.permutations
        else {
            throw InputError("fingerprint of '\(fingerprint.id)' does not match its own values (band keys differ)")
        }
        // Taken out while it changes, so the index is not copied on write.
        self.memory = nil
        defer { self.memory = memory }
        var out = Array(#"{"position":\#(record.position),"dedupe_decision":"#.utf8)
        if let match = memory.index.match(prepared) {
            let earlier = memory.index.id(at: match.article) ?? ""
            out += FingerprintJSON.decision(settings: memory.settings, duplicateOf: (earlier, match))
            duplicates += 1
        } else {
            memory.index.insert(prepared, id: fingerprint.id)
            out += FingerprintJSON.decision(settings: memory.settings, duplicateOf: nil)
            kept += 1
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static func memory(for settings: String) throws(InputError) -> Memory {
        guard let options = DedupeOptions(settingsLine: settings) else {
            throw InputError("'\(settings)' are not dedupe settings")
        }
        let threshold = options.effectiveNearThreshold
        let fingerprinter = Fingerprinter(
            shingleSize: options.shingleSize, permutations: options.permutations, seed: options.seed,
            nearThreshold: threshold)
        let index = NearDuplicateIndex(
            permutations: options.permutations, banding: fingerprinter.banding, threshold: threshold ?? 1,
            keepsIDs: true)
        return Memory(settings: settings, fingerprinter: fingerprinter, index: index)
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "invalid JSON"
        }
    }

    private struct Record: Decodable {
        var position: Int
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var dedupe_fingerprint: FingerprintJSON.Record
    }
}

/// The JSON of fingerprints and decisions, written by hand in a fixed field
/// order, so the bytes are the same on every machine.
enum FingerprintJSON {
    /// A `dedupe_fingerprint` field as read back.
    struct Record: Decodable {
        var id: String
        var settings: String
        var exact: String
        var bands: [UInt32]
        var values: String
    }

    /// A `dedupe_decision` field as read back.
    struct Decision: Decodable {
        struct Earlier: Decodable {
            var id: String
            var similarity: Double
            var kind: String
        }
        var settings: String
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var duplicate_of: Earlier?
    }

    /// `{"id":"…","settings":"…","exact":"<16 hex digits>","bands":[…],"values":"<base64 of the 16-bit values, little-endian>"}`.
    static func fingerprint(id: String, settings: String, _ fingerprint: ArticleFingerprint) -> JSONFragment {
        var bytes = Array(#"{"id":"#.utf8)
        JSONWriter.appendString(id, to: &bytes)
        bytes += Array(#","settings":"#.utf8)
        JSONWriter.appendString(settings, to: &bytes)
        let hex = String(fingerprint.exactKey, radix: 16)
        bytes += Array(#","exact":"\#(String(repeating: "0", count: 16 - hex.count))\#(hex)","bands":["#.utf8)
        bytes += Array(fingerprint.bandKeys.map { String($0) }.joined(separator: ",").utf8)
        var raw: [UInt8] = []
        raw.reserveCapacity(fingerprint.values.count * 2)
        for value in fingerprint.values { raw += [UInt8(truncatingIfNeeded: value), UInt8(value >> 8)] }
        bytes += Array(#"],"values":"\#(Data(raw).base64EncodedString())"}"#.utf8)
        return JSONFragment(trustedBytes: bytes)
    }

    /// The 16-bit values of a fingerprint's `values`; `nil` when it is not base64 of whole values.
    static func values(base64: String) -> [UInt16]? {
        guard let data = Data(base64Encoded: base64), data.count.isMultiple(of: 2) else { return nil }
        let bytes = Array(data)
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
    }

    /// `{"settings":"…"}` for a kept article, `{"settings":"…","duplicate_of":{…}}` for a duplicate.
    static func decision(settings: String, duplicateOf: (id: String, match: NearDuplicateIndex.Match)?) -> [UInt8] {
        var bytes = Array(#"{"settings":"#.utf8)
        JSONWriter.appendString(settings, to: &bytes)
        if let duplicateOf {
            bytes += Array(#","duplicate_of":"#.utf8)
            bytes += DedupeStage.mark(id: duplicateOf.id, match: duplicateOf.match).bytes
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
