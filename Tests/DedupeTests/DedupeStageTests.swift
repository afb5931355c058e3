import Dispatch
import Foundation
import Testing
import Textpipe
import TextpipeTestKit

@testable import Dedupe

/// Exact and near duplicates, modes, keys and options, through the test kit.
@Suite struct DedupeStageTests {
    /// Word 5-shingle Jaccard of two texts, counted exactly.
    func jaccard(_ a: String, _ b: String) -> Double {
        let shingler = WordShingler(size: 5, seed: 1)
        func shingles(_ text: String) -> Set<[String]> {
            let words = shingler.words(of: text)
            return Set((0...(words.count - 5)).map { Array(words[$0..<($0 + 5)]) })
        }
        let (x, y) = (shingles(a), shingles(b))
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    @Test func fixturesHaveTheJaccardTheyClaim() {
        #expect(jaccard(Fixtures.pair09.0, Fixtures.pair09.1) == 0.9)
        #expect(jaccard(Fixtures.pair05.0, Fixtures.pair05.1) == 0.5)
    }

    @Test func exactDuplicateIsDropped() throws {
        let harness = try StageHarness(DedupeStage.self)
        let text = Fixtures.unrelated(1)
        let results = try harness.run([
            Fixtures.document("a", text), Fixtures.document("b", Fixtures.unrelated(2)), Fixtures.document("c", text),
        ])
        #expect(results.map(\.disposition) == [.keep, .keep, .drop(reason: "duplicate")])
    }

    @Test func exactDuplicatesAreFoundWithNearDuplicatesOffAndInShortTexts() throws {
        let harness = try StageHarness(DedupeStage.self, options: "{ near_threshold: null }")
        let results = try harness.run([
            Fixtures.document("a", "Short."), Fixtures.document("b", "Short."), Fixtures.document("c", "Short!"),
        ])
        #expect(results.map(\.disposition) == [.keep, .drop(reason: "duplicate"), .keep])
    }

    @Test func nearDuplicateAtJaccard09IsDroppedAndMarked() throws {
        let (first, second) = Fixtures.pair09
        let dropping = try StageHarness(DedupeStage.self)
        let dropped = try dropping.run([Fixtures.document("a", first), Fixtures.document("b", second)])
        #expect(dropped.map(\.disposition) == [.keep, .drop(reason: "duplicate")])

        let marking = try StageHarness(DedupeStage.self, options: "{ mode: mark }")
        let marked = try marking.run([Fixtures.document("a", first), Fixtures.document("b", second)])
        #expect(marked.map(\.disposition) == [.keep, .keep])
        #expect(marked[0].document.field("duplicate_of") == nil)
        let mark = try #require(try marked[1].document.value("duplicate_of", as: Mark.self))
        #expect(mark.id == "a")
        #expect(mark.kind == "near")
        #expect(abs(mark.similarity - 0.9) < 0.08)
    }

    @Test func pairAtJaccard05IsKept() throws {
        let (first, second) = Fixtures.pair05
        let harness = try StageHarness(DedupeStage.self, options: "{ mode: mark }")
        let results = try harness.run([Fixtures.document("a", first), Fixtures.document("b", second)])
        #expect(results.map(\.disposition) == [.keep, .keep])
        #expect(results[1].document.field("duplicate_of") == nil)
    }

    @Test func thresholdDecidesNearDuplicates() throws {
        let (first, second) = Fixtures.pair09
        for (options, expected) in [
            ("{ near_threshold: 0.97 }", true), ("{ near_threshold: 0 }", true), ("{ near_threshold: 0.4 }", false),
        ] {
            let harness = try StageHarness(DedupeStage.self, options: options)
            let results = try harness.run([Fixtures.document("a", first), Fixtures.document("b", second)])
            #expect((results[1].disposition == .keep) == expected, "\(options)")
        }
    }

    @Test func exactMarkSaysExact() throws {
        let harness = try StageHarness(DedupeStage.self, options: "{ mode: mark }")
        let results = try harness.run([
            Fixtures.document("first", "Same words here, five of them at least."),
            Fixtures.document("second", "Same words here, five of them at least."),
        ])
        #expect(
            results[1].document.field("duplicate_of")?.description
                == #"{"id":"first","similarity":1.0,"kind":"exact"}"#)
    }

    @Test func keyTitleAndTextComparesTitles() throws {
        let text = Fixtures.unrelated(3)
        let byText = try StageHarness(DedupeStage.self)
        let byTitle = try StageHarness(DedupeStage.self, options: "{ key: title+text, near_threshold: null }")
        let documents = [
            Fixtures.document("a", text, title: "Harbour budget passed"),
            Fixtures.document("b", text, title: "Budget row ends in harbour town"),
        ]
        #expect(try byText.run(documents).map(\.disposition) == [.keep, .drop(reason: "duplicate")])
        #expect(try byTitle.run(documents).map(\.disposition) == [.keep, .keep])
    }

    @Test func duplicatesPointAtTheFirstOccurrenceAndAreNotIndexed() throws {
        // b is a (Jaccard 0.85 with it) edited; d is b edited as much again: 0.85 with b,
        // 0.73 with a. b is a repeat, so it is not indexed and d is kept: every mark names a kept article.
        let base = Fixtures.words(194, offset: 30_000)
        let b = Fixtures.edited(base, at: [30, 90, 150])
        var d = b
        for position in [60, 120, 170] { d[position] = Fixtures.word(800_000 + position) }
        #expect(abs(jaccard(Fixtures.text(d), Fixtures.text(b)) - 175.0 / 205) < 1e-12)
        #expect(jaccard(Fixtures.text(d), Fixtures.text(base)) < 0.73)
        let harness = try StageHarness(DedupeStage.self, options: "{ mode: mark }")
        let results = try harness.run([
            Fixtures.document("a", Fixtures.text(base)), Fixtures.document("b", Fixtures.text(b)),
            Fixtures.document("d", Fixtures.text(d)),
        ])
        #expect(try results[1].document.value("duplicate_of", as: Mark.self)?.id == "a")
        #expect(results[2].document.field("duplicate_of") == nil)
    }

    /// `prepare` on many threads in any order, `decide` in input order, gives the
    /// same decisions as one document at a time: what makes `--jobs` irrelevant.
    @Test(arguments: [1, 2, 4])
    func decisionsDoNotDependOnJobs(jobs: Int) throws {
        var documents: [Document] = []
        for n in 0..<60 {
            switch n % 6 {
            case 0: documents.append(Fixtures.document("d\(n)", Fixtures.pair09.0))
            case 1: documents.append(Fixtures.document("d\(n)", Fixtures.pair09.1))
            case 2: documents.append(Fixtures.document("d\(n)", Fixtures.pair05.1))
            default: documents.append(Fixtures.document("d\(n)", Fixtures.unrelated(n)))
            }
        }
        let sequential = try StageHarness(DedupeStage.self, options: "{ mode: mark }").run(documents)
        let inputs = documents
        var options = DedupeOptions()
        options.mode = .mark
        let stage = try DedupeStage(options: options)
        let prepared = Locked([Int: ArticleFingerprint]())
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            // Each worker takes every jobs-th document, from the end, so they finish out of order.
            for index in stride(from: inputs.count - 1 - worker, through: 0, by: -jobs) {
                if let fingerprint = try? stage.prepare(inputs[index]) {
                    prepared.withLock { $0[index] = fingerprint }
                }
            }
        }
        let fingerprints = prepared.withLock { $0 }
        for (index, document) in documents.enumerated() {
            var working = document
            let fingerprint = try #require(fingerprints[index])
            let disposition = try stage.decide(&working, prepared: fingerprint)
            #expect(disposition == sequential[index].disposition)
            #expect(working == sequential[index].document)
        }
        #expect(sequential.filter { $0.document.field("duplicate_of") != nil }.count == 9 + 10 + 9)
    }

    @Test(arguments: [
        ("{ mode: keep }", "option 'mode' is 'keep'; expected one of drop, mark, fingerprint"),
        ("{ key: body }", "option 'key' is 'body'; expected one of text, title+text"),
        ("{ near_threshold: 1.5 }", "near_threshold must be between 0 and 1"),
        ("{ permutations: 7 }", "permutations must be an even number"),
        ("{ shingle_size: 0 }", "shingle_size must be between 1 and 64"),
        ("{ state: '' }", "state must be a file path"),
    ])
    func invalidOptionsAreRejected(yaml: String, message: String) throws {
        let error = #expect(throws: StageError.self) { try StageHarness(DedupeStage.self, options: yaml) }
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test func optionsAreDocumented() {
        let documented = Set(DedupeOptions.fields.map(\.name))
        #expect(documented == ["mode", "key", "near_threshold", "shingle_size", "permutations", "seed", "state"])
    }

    @Test func seedChangesSignaturesButNotClearCalls() throws {
        let (first, second) = Fixtures.pair09
        for seed in [1, 2, 3, 12_345] {
            let harness = try StageHarness(DedupeStage.self, options: "{ seed: \(seed) }")
            let results = try harness.run([Fixtures.document("a", first), Fixtures.document("b", second)])
            #expect(results[1].disposition == .drop(reason: "duplicate"))
        }
    }
}

/// `duplicate_of` as the stage writes it.
struct Mark: Decodable {
    var id: String
    var similarity: Double
    var kind: String
}
