import Foundation
import Testing
import TextpipeEvalKit

@testable import Entities
@testable import EntitiesEvaluation

/// Word clusters: the SVD under them, the clustering, the file format, and the
/// corpora `train clusters` reads.
@Suite struct ClusterTests {
    @Test func jacobiFindsTheEigenpairsOfASymmetricMatrix() {
        let matrix: [Double] = [4, 1, 2, 1, 3, 0, 2, 0, 5]
        let (values, vectors) = RandomizedSVD.jacobiEigen(matrix, size: 3)
        for e in 0..<3 {
            for i in 0..<3 {
                var product = 0.0
                for j in 0..<3 { product += matrix[i * 3 + j] * vectors[j * 3 + e] }
                #expect(abs(product - values[e] * vectors[i * 3 + e]) < 1e-9)
            }
        }
        #expect(abs(values.reduce(0, +) - 12) < 1e-9, "the trace is kept")
    }

    @Test func orthonormalizedColumnsAreOrthonormalAndSpanTheSame() {
        let y: [Double] = [1, 2, 0, 1, 3, 1, 2, 0, 1, 1, 1, 4]  // 4 × 3
        let q = RandomizedSVD.orthonormalized(y, width: 3, threads: 2)
        let gram = RandomizedSVD.gramian(q, width: 3, threads: 2)
        for a in 0..<3 {
            for b in 0..<3 { #expect(abs(gram[a * 3 + b] - (a == b ? 1 : 0)) < 1e-9) }
        }
        // The first column keeps its direction (Q R = Y with R upper triangular).
        let norm = (1.0 + 1 + 4 + 1).squareRoot()
        for r in 0..<4 { #expect(abs(q[r * 3] - y[r * 3] / norm) < 1e-9) }
    }

    @Test func leftVectorsRecoverARankTwoMatrix() {
        // Rows 0–2 use columns 0–1, rows 3–5 columns 2–3: two blocks, two directions.
        var matrix = SparseRows(rows: 6, columns: 4, starts: [0], indices: [], values: [])
        for r in 0..<6 {
            for c in (r < 3 ? [0, 1] : [2, 3]) {
                matrix.indices.append(Int32(c))
                matrix.values.append(Float(1 + r % 3))
            }
            matrix.starts.append(matrix.indices.count)
        }
        let vectors = RandomizedSVD.leftVectors(matrix, rank: 2, seed: 1, threads: 2)
        #expect(vectors.count == 12)
        func cosine(_ a: Int, _ b: Int) -> Float {
            let dot = vectors[a * 2] * vectors[b * 2] + vectors[a * 2 + 1] * vectors[b * 2 + 1]
            let na = (vectors[a * 2] * vectors[a * 2] + vectors[a * 2 + 1] * vectors[a * 2 + 1]).squareRoot()
            let nb = (vectors[b * 2] * vectors[b * 2] + vectors[b * 2 + 1] * vectors[b * 2 + 1]).squareRoot()
            return dot / (na * nb)
        }
        #expect(cosine(0, 2) > 0.999 && cosine(3, 5) > 0.999)
        #expect(abs(cosine(0, 3)) < 0.001)
    }

    /// A corpus written for the test: towns and weekdays in the same frames.
    static let corpus: [String] = {
        let towns = ["Harlow", "Dunmore", "Kestrel", "Pellan"]
        let days = ["Monday", "Tuesday", "Friday", "Sunday"]
        let people = ["Ferrante", "Okoro", "Valdes", "Maren"]
        var texts: [String] = []
        for round in 0..<6 {
            var sentences: [String] = []
            for k in 0..<4 {
                let town = towns[(k + round) % 4]
                let day = days[(k + 2 * round) % 4]
                let person = people[(k + 3 * round) % 4]
                sentences.append("The council of \(town) met on \(day) in the hall.")
                sentences.append("Officials in \(town) said on \(day) that \(person) would speak.")
                sentences.append("Mr \(person) told reporters in \(town) he was pleased.")
            }
            texts.append(sentences.joined(separator: " "))
        }
        return texts
    }()

    @Test func wordsUsedAlikeShareLongerPathsAndTheResultIsDeterministic() {
        var settings = WordClusters.Settings()
        settings.contexts = 20
        settings.dimensions = 8
        settings.depth = 6
        let entries = WordClusters(settings: settings).cluster(Self.corpus)
        #expect(entries == WordClusters(settings: settings).cluster(Self.corpus))
        let path = Dictionary(uniqueKeysWithValues: entries.map { ($0.word, $0.path) })
        func shared(_ a: String, _ b: String) -> Int {
            zip(path[a] ?? "", path[b] ?? "").prefix { $0 == $1 }.count
        }
        #expect(path["harlow"] != nil && path["monday"] != nil, "words are folded to lower case")
        #expect(shared("harlow", "pellan") > shared("harlow", "monday"))
        #expect(shared("monday", "friday") > shared("monday", "okoro"))
        #expect(entries.first { $0.word == "the" }?.count == 24 + 24)
    }

    @Test func clusterFilesRoundTripThroughTheLexiconAndTheModelFile() throws {
        let text = WordClusters.format([
            .init(word: "harlow", path: "0110", count: 9), .init(word: "monday", path: "10", count: 4),
        ])
        #expect(text == "0110\tharlow\t9\n10\tmonday\t4\n")
        var lexicon = Lexicon()
        #expect(lexicon.add(clusters: text + "\n012\tbad\t1\nnotab\n").count == 2)
        let scalars = Array("Harlow".unicodeScalars)
        #expect(lexicon.clusters[TokenFacts.foldedHash(scalars, 0..<scalars.count)] == 0b10110)
        #expect(Lexicon.prefix(0b10110, 2) == 0b101)
        #expect(Lexicon.prefix(0b10110, 8) == 0b10110)
        #expect(Lexicon.prefix(0, 4) == 0)
        let model = TaggerModel(
            bucketBits: 8,
            passes: [
                WeightTable(
                    scales: [Float](repeating: 1, count: 256), weights: [Int8](repeating: 0, count: 256 * 9),
                    transitions: [Float](repeating: 0, count: 90))
            ], lexicon: lexicon)
        let bytes = ModelFile.encode(model)
        let decoded = try ModelFile.decode(Data(bytes), path: "m.bin")
        #expect(decoded.lexicon.clusters == lexicon.clusters)
        #expect(ModelFile.encode(decoded) == bytes)
    }

    @Test func corporaAreReadAsTheirFormatsSay() throws {
        let sgm = """
            <REUTERS NEWID="1"><TITLE>HARLOW MILL &lt;HMC&gt; SOLD</TITLE><BODY>Harlow Mill Co said&#3; it sold.</BODY></REUTERS>
            <REUTERS NEWID="2"><TEXT>no body</TEXT></REUTERS>
            """
        #expect(CorpusTexts.reutersItems(sgm) == ["HARLOW MILL <HMC> SOLD\n\nHarlow Mill Co said  it sold."])
        #expect(
            CorpusTexts.csvLine(#""2","Pellan wins","Pellan\'s team won #39;easily#39; on Monday.""#)
                == "Pellan wins.\nPellan 's team won 'easily' on Monday.")
        #expect(CorpusTexts.looksLikeCoNLL("Harlow B-LOC\nmet O\n\nTomas B-PER\n"))
        #expect(!CorpusTexts.looksLikeCoNLL("The council of Harlow met on Monday.\nIt rained.\n"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clusters-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Harlow B-LOC\nmet O\n\nTomas B-PER\nspoke O\n".write(
            to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Plain text here.".write(to: directory.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        #expect(try CorpusTexts.read(path: directory.path) == ["Harlow met\nTomas spoke", "Plain text here."])
        #expect(throws: GoldFileError.self) { try CorpusTexts.read(path: directory.path + "/missing") }
    }
}
