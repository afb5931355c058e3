import Foundation
import Testing
import Textpipe

@testable import Dedupe

/// `mode: fingerprint` + ``DedupeDecider`` make the decisions the stage makes in one run.
@Suite struct DedupeDeciderTests {
    /// Articles with exact repeats, near repeats and chains of edits (each
    /// edit of the one before), in a fixed shuffled order.
    static func corpus() -> [Document] {
        var random = SplitMix64(seed: 7)
        var texts: [String] = []
        for story in 0..<40 {
            var words = Fixtures.words(150, offset: 300_000 + 1_000 * story)
            texts.append(Fixtures.text(words))
            for step in 0..<Int(random.next() % 5) {
                // 1–4 replaced words per step: the Jaccard with the step before is 0.88–0.97.
                for _ in 0...(random.next() % 4) {
                    words[Int(random.next() % 150)] = Fixtures.word(700_000 + 1_000 * story + 10 * step + texts.count)
                }
                texts.append(Fixtures.text(words))
            }
            if random.next() % 3 == 0 { texts.append(texts[texts.count - 1]) }
        }
        texts += ["Short.", "Short.", ""]
        for index in texts.indices.reversed() {
            texts.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return texts.enumerated().map { Fixtures.document("d\($0.offset)", $0.element) }
    }

    /// Each document's `duplicate_of` after one run of the stage, `nil` for a kept one.
    static func marks(_ documents: [Document], options: String) throws -> [String?] {
        let stage = try DedupeStage(options: try decodeOptions(options))
        return try documents.map { document in
            var copy = document
            _ = try stage.process(&copy)
            return copy.field("duplicate_of")?.description
        }
    }

    /// The options each test case names (`mode: mark`, so every decision shows).
    static func decodeOptions(_ yaml: String) throws -> DedupeOptions {
        var options = DedupeOptions()
        options.mode = .mark
        if yaml.contains("title+text") { options.key = .titleAndText }
        if yaml.contains("0.9") { options.nearThreshold = 0.9 }
        return options
    }

    /// The fingerprint records of `documents`, `{"position":N,"dedupe_fingerprint":{…}}`.
    static func fingerprints(_ documents: [Document], options: DedupeOptions) throws -> [[UInt8]] {
        var fingerprinting = options
        fingerprinting.mode = .fingerprint
        let stage = try DedupeStage(options: fingerprinting)
        return try documents.enumerated().map { position, document in
            var copy = document
            _ = try stage.process(&copy)
            let field = try #require(copy.field(DedupeStage.fingerprintField))
            return Array(#"{"position":\#(position),"dedupe_fingerprint":"#.utf8) + field.bytes + [UInt8(ascii: "}")]
        }
    }

    /// The `duplicate_of` of each decision line, `nil` for keep.
    static func marks(ofDecisions lines: [[UInt8]]) -> [String?] {
        lines.map { line in
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: #","duplicate_of":"#) else { return nil }
            return String(text[range.upperBound...].dropLast(2))
        }
    }

    @Test(arguments: ["{ }", "{ key: title+text }", "{ near_threshold: 0.9 }"])
    func decisionsAreThoseOfOneRun(options yaml: String) throws {
        let documents = Self.corpus()
        let expected = try Self.marks(documents, options: yaml)
        #expect(expected.compactMap { $0 }.count >= 20, "the corpus should have many duplicates")
        var decider = DedupeDecider()
        let lines = try Self.fingerprints(documents, options: try Self.decodeOptions(yaml)).map {
            try decider.decide($0)
        }
        #expect(Self.marks(ofDecisions: lines) == expected)
        #expect(decider.kept + decider.duplicates == documents.count)
    }

    /// Articles grouped by "shares an exact key or a band key" (union–find), decided
    /// group by group, in a scrambled order of groups, give the same decisions.
    @Test func componentsDecidedApartGiveTheSameDecisions() throws {
        let documents = Self.corpus()
        let expected = try Self.marks(documents, options: "{ }")
        let records = try Self.fingerprints(documents, options: try Self.decodeOptions("{ }"))
        var parent = Array(records.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { x = parent[x] }
            return x
        }
        var owner: [String: Int] = [:]
        for (position, record) in records.enumerated() {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any])
            let fingerprint = try #require(object["dedupe_fingerprint"] as? [String: Any])
            let bands = try #require(fingerprint["bands"] as? [Int])
            let keys = ["x\(fingerprint["exact"] ?? "")"] + bands.enumerated().map { "b\($0.offset):\($0.element)" }
            for key in keys {
                if let other = owner[key] { parent[root(position)] = root(other) } else { owner[key] = position }
            }
        }
        let groups = Dictionary(grouping: records.indices, by: root)
        #expect(groups.count > 10, "the corpus should fall into many components")
        var decided = [String?](repeating: "unset", count: records.count)
        for (_, members) in groups.sorted(by: { $0.key > $1.key }) {
            var decider = DedupeDecider()
            for position in members.sorted() {
                decided[position] = Self.marks(ofDecisions: [try decider.decide(records[position])])[0]
            }
        }
        #expect(decided == expected)
    }

    @Test func settingsLineRoundTrips() throws {
        var options = DedupeOptions()
        #expect(options.settingsLine == "key=text shingle_size=5 permutations=128 seed=1 near_threshold=0.8 bands=7x2")
        #expect(DedupeOptions(settingsLine: options.settingsLine)?.settingsLine == options.settingsLine)
        options.nearThreshold = nil
        options.key = .titleAndText
        #expect(DedupeOptions(settingsLine: options.settingsLine)?.settingsLine == options.settingsLine)
        #expect(DedupeOptions(settingsLine: "key=text seed=1") == nil)
    }

    @Test func fingerprintModeRefusesAStateFile() {
        var options = DedupeOptions()
        options.mode = .fingerprint
        options.state = "seen.sqlite"
        #expect(throws: StageError.self) { try DedupeStage(options: options) }
    }
}
