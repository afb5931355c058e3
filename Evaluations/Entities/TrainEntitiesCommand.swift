import ArgumentParser
import Entities
import Foundation
import TextpipeEvalKit

/// `textpipe train entities`: train the entity tagger on CoNLL-format data.
struct TrainEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract:
            "Train the entities tagger on CoNLL-format data (token … TAG per line, BIO tags over PER/ORG/LOC/MISC).",
        discussion: """
            Prints dev F1 per epoch and keeps the epoch with the best dev micro-F1 over PER/ORG/LOC. \
            Deterministic for a given --seed. Use the result with the stage option 'model: PATH'.
            """)

    @Option(help: "Training data in CoNLL format; repeat to train on several files, in the order given.")
    var train: [String]

    @Option(help: "Development data in CoNLL format, for choosing the epoch.")
    var dev: String?

    @Option(help: "Where to write the model.")
    var output: String

    @Option(help: "Passes over the training data (with --dev, the best epoch is kept; without, the last).")
    var epochs = 10

    @Option(help: "Seed for shuffling.")
    var seed: UInt64 = 1

    @Option(help: "log2 of the rows in each hashed weight table (each row takes 16 bytes in the model file, per pass).")
    var bucketBits = 17

    @Option(help: "2: add a document-level second pass over the first pass's tags; 1: sentence-level only.")
    var passes = 2

    @Option(help: "Perceptrons per pass, trained on different shuffles and averaged.")
    var ensemble = 3

    @Option(help: "Leave out features seen fewer times than this in the training data.")
    var minFeatureCount = 0

    @Option(help: "Plain-text files (or directories of them) to count how words are capitalized; optional.")
    var casingCorpus: [String] = []

    @Option(
        help:
            "Word clusters, 'path<TAB>word<TAB>count' a line (from 'textpipe train clusters', or Brown clusters from wcluster); optional."
    )
    var clusters: String?

    func validate() throws {
        guard !train.isEmpty else { throw ValidationError("give at least one --train file") }
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        guard (1...2).contains(passes) else { throw ValidationError("--passes must be 1 or 2") }
        guard ensemble >= 1 else { throw ValidationError("--ensemble must be at least 1") }
        guard (16...24).contains(bucketBits) else { throw ValidationError("--bucket-bits must be between 16 and 24") }
    }

    func run() throws {
        let started = Date()
        let (trainDocuments, devDocuments) = try GoldFile.reporting {
            (try train.flatMap { try CoNLLCorpus.read(path: $0) }, try dev.map { try CoNLLCorpus.read(path: $0) } ?? [])
        }
        let texts = try GoldFile.reporting { try casingCorpus.flatMap(Self.texts(at:)) }
        let wordClusters = try clusters.map { path in try GoldFile.reporting { try Self.clusters(at: path) } } ?? [:]
        var settings = PerceptronTrainer.Settings()
        settings.epochs = epochs
        settings.seed = seed
        settings.bucketBits = bucketBits
        settings.minimumFeatureCount = minFeatureCount
        settings.passes = passes
        settings.ensemble = ensemble
        let sentences = trainDocuments.map(\.sentences.count).reduce(0, +)
        print(
            "training on \(trainDocuments.count) documents, \(sentences) sentences; \(texts.count) casing texts, \(wordClusters.count) clustered words"
        )
        let model = PerceptronTrainer(settings: settings).train(
            train: trainDocuments, dev: devDocuments, wordLists: try EntitiesResources.wordLists(), casingTexts: texts,
            clusters: wordClusters
        ) { report in
            let f1 = report.dev.prf([0, 1, 2]).f1
            let all = report.dev.prf([0, 1, 2, 3]).f1
            if report.epoch == 0 {
                print(
                    "pass \(report.pass) ensemble: dev F1 PER/ORG/LOC \(String(format: "%.4f", f1)), all \(String(format: "%.4f", all))"
                )
                return
            }
            print(
                "pass \(report.pass) epoch \(report.epoch): \(report.mistakes) sentences wrong; dev F1 PER/ORG/LOC \(String(format: "%.4f", f1)), all \(String(format: "%.4f", all))"
            )
        }
        let bytes = ModelFile.encode(model)
        try Data(bytes).write(to: URL(fileURLWithPath: output))
        print(
            "wrote \(output) (\(bytes.count / 1024) KiB) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
    }

    /// The clusters of a `path<TAB>word<TAB>count` file, by folded word hash.
    static func clusters(at path: String) throws -> [UInt64: UInt32] {
        let text = String(decoding: try GoldFile.contents(path: path), as: UTF8.self)
        var lexicon = Lexicon()
        if let line = lexicon.add(clusters: text).first {
            throw GoldFileError(path: path, line: line, message: "expected 'path<TAB>word<TAB>count'")
        }
        return lexicon.clusters
    }

    /// The texts of a file, or of every `.txt`/`.sgm` file under a directory (SGML tags removed).
    static func texts(at path: String) throws(GoldFileError) -> [String] {
        guard let files = CorpusTexts.files(at: path, suffixes: [".txt", ".sgm"]) else {
            throw GoldFileError(path: path, line: 0, message: "no such file or directory")
        }
        return try files.map { file throws(GoldFileError) in
            let text = String(decoding: try GoldFile.contents(path: file), as: UTF8.self)
            return file.hasSuffix(".sgm")
                ? text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression) : text
        }
    }
}
