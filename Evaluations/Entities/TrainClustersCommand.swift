import ArgumentParser
import Foundation
import TextpipeEvalKit

/// `textpipe train clusters`: learn word clusters from unlabelled text for `train entities --clusters`.
struct TrainClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Learn word clusters from unlabelled text, for 'textpipe train entities --clusters FILE'.",
        discussion: """
            Reads every --corpus: a file or a directory of them. .txt files are one text each (CoNLL files, \
            whose lines are 'token … TAG', one text per document); .sgm files (Reuters-21578) one text per \
            <REUTERS> item, its TITLE and BODY; .csv files (AG News) one text per line. Writes one \
            'path<TAB>word<TAB>count' line per word, the format of Liang's wcluster, so Brown clusters from \
            that tool can be given to train entities as well. Deterministic for --seed.
            """)

    @Option(help: "Unlabelled text: a file or a directory (repeat for several).")
    var corpus: [String]

    @Option(help: "Where to write the clusters.")
    var output: String

    @Option(help: "Words seen fewer times get no cluster.")
    var minCount = 3

    @Option(help: "The most frequent words to cluster.")
    var maxWords = 60_000

    @Option(help: "Context words counted by name (the rest are pooled by how they are written).")
    var contexts = 3_000

    @Option(help: "Singular directions kept: the dimensions of the word vectors that are split.")
    var dimensions = 200

    @Option(help: "Splits from the root to a leaf, at most (the longest path).")
    var depth = 16

    @Option(help: "Seed for the projection.")
    var seed: UInt64 = 1

    @Option(help: "Threads.")
    var threads = 2

    func validate() throws {
        guard !corpus.isEmpty else { throw ValidationError("give at least one --corpus") }
        guard minCount >= 1, maxWords >= 2, contexts >= 1 else {
            throw ValidationError("--min-count, --contexts must be at least 1 and --max-words at least 2")
        }
        guard (2...1_000).contains(dimensions) else { throw ValidationError("--dimensions must be between 2 and 1000") }
        guard (1...30).contains(depth) else { throw ValidationError("--depth must be between 1 and 30") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let started = Date()
        let texts = try GoldFile.reporting { try corpus.flatMap(CorpusTexts.read(path:)) }
        var settings = WordClusters.Settings()
        settings.minimumCount = minCount
        settings.maximumWords = maxWords
        settings.contexts = contexts
        settings.depth = depth
        settings.dimensions = dimensions
        settings.seed = seed
        settings.threads = threads
        let entries = WordClusters(settings: settings).cluster(texts)
        let leaves = Set(entries.map(\.path)).count
        try WordClusters.format(entries).write(toFile: output, atomically: true, encoding: .utf8)
        print(
            "\(texts.count) texts: \(entries.count) words in \(leaves) clusters; wrote \(output) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
    }
}

/// The texts of unlabelled corpora, as `train clusters` reads them. (`train entities --casing-corpus`
/// keeps its older reader, which strips SGML tags from whole files: the bundled model was counted so.)
enum CorpusTexts {
    /// The texts of a file, or of every `.txt`, `.sgm` and `.csv` file under a directory, in path order.
    static func read(path: String) throws(GoldFileError) -> [String] {
        guard let files = files(at: path, suffixes: [".txt", ".sgm", ".csv"]) else {
            throw GoldFileError(path: path, line: 0, message: "no such file or directory")
        }
        var texts: [String] = []
        for file in files {
            let text = String(decoding: try GoldFile.contents(path: file), as: UTF8.self)
            if file.hasSuffix(".sgm") {
                texts += reutersItems(text)
            } else if file.hasSuffix(".csv") {
                texts += text.split(whereSeparator: \.isNewline).map { csvLine(String($0)) }
            } else if looksLikeCoNLL(text) {
                texts += try CoNLLCorpus.parse(text, path: file).map { document in
                    document.sentences.map { $0.map(\.token).joined(separator: " ") }.joined(separator: "\n")
                }
            } else {
                texts.append(text)
            }
        }
        return texts
    }

    /// The file at `path`, or every file under the directory at `path` whose name ends
    /// in one of `suffixes`, in path order; nil when there is nothing at `path`.
    static func files(at path: String, suffixes: [String]) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return [path] }
        let listing = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        return listing.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { path + "/" + $0 }
    }

    /// Whether a text is CoNLL data: its first lines are `token … TAG`, `-DOCSTART-` or blank.
    static func looksLikeCoNLL(_ text: String) -> Bool {
        let lines = text.prefix(4_000).split(separator: "\n", omittingEmptySubsequences: true).dropLast().prefix(20)
        return !lines.isEmpty
            && lines.allSatisfy { line in
                let fields = line.split(separator: " ")
                guard fields.count >= 2, let tag = fields.last else { return false }
                return tag == "O" || tag.hasPrefix("B-") || tag.hasPrefix("I-")
            }
    }

    /// The TITLE and BODY of each `<REUTERS>` item, entities decoded.
    static func reutersItems(_ text: String) -> [String] {
        text.components(separatedBy: "</REUTERS>").compactMap { item in
            let parts = ["TITLE", "BODY"].compactMap { tag -> String? in
                guard let open = item.range(of: "<\(tag)>"),
                    let close = item.range(of: "</\(tag)>", range: open.upperBound..<item.endIndex)
                else { return nil }
                return decodeEntities(String(item[open.upperBound..<close.lowerBound]))
            }
            return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        }
    }

    /// One CSV row (`label,"title","description"`) as text: a leading numeric field
    /// dropped, fields as sentences, AG News's escapes and bare entities undone.
    static func csvLine(_ line: String) -> String {
        let quotes = CharacterSet(charactersIn: "\"")
        var fields = line.components(separatedBy: "\",\"")
        if let first = fields.first {
            if fields.count > 1, Int(first.trimmingCharacters(in: quotes)) != nil {
                fields.removeFirst()
            } else if let comma = first.firstIndex(of: ","), Int(first[..<comma].trimmingCharacters(in: quotes)) != nil
            {
                fields[0] = String(first[first.index(after: comma)...])
            }
        }
        let joined = fields.map { $0.trimmingCharacters(in: quotes) }
            .joined(separator: ".\n")
        return decodeEntities(
            joined.replacingOccurrences(of: "\\", with: " ").replacingOccurrences(of: "#39;", with: "'")
                .replacingOccurrences(of: "quot;", with: "\"").replacingOccurrences(of: "\"\"", with: "\""))
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&quot;` and numeric `&#N;`; control characters as spaces.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
        while let range = result.range(of: "&#[0-9]+;", options: .regularExpression) {
            let digits = result[range].dropFirst(2).dropLast()
            let scalar = UInt32(digits).flatMap(Unicode.Scalar.init)
            let replacement = scalar.map { $0.value < 32 ? " " : String($0) } ?? " "
            result.replaceSubrange(range, with: replacement)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}
