import ArgumentParser
import Dedupe
import Dispatch
import Foundation
import Textpipe
import TextpipeEvalKit

/// `textpipe eval dedupe --pairs FILE INPUT…`: precision and recall of the dedupe stage.
package struct EvalDedupeCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Score the dedupe stage's duplicate_of marks against ground-truth pairs.",
        discussion: """
            Runs 'dedupe' in mark mode over the inputs (read as 'textpipe run' reads them; a \
            directory's articles are named by their relative paths) and compares its marks with \
            the pairs in a TSV (id_a, id_b, jaccard, … with an optional header), such as \
            ../shared/data/bbc/duplicate-pairs.tsv. A document should be marked when a pair at or \
            above --threshold links it to an earlier document; a mark is right when it points into \
            the same cluster of pairs (joined transitively). Also prints the throughput and the \
            bytes per article of the in-memory index.
            """
    )

    @Option(help: "Ground-truth pairs: a TSV of id_a, id_b, jaccard[, …].")
    var pairs: String

    @Option(help: "The stage's near_threshold, and the Jaccard from which a ground-truth pair counts.")
    var threshold = 0.8

    @Option(help: "What the stage compares: text, or title+text.")
    var key = "text"

    @Option(help: "The stage's seed.")
    var seed: UInt64 = 1

    @Option(help: "The stage's permutations.")
    var permutations = 128

    @Option(name: .customLong("shingle-size"), help: "The stage's shingle_size.")
    var shingleSize = 5

    @Option(name: .shortAndLong, help: "Threads for the parallel part of the stage (default: active cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Also write every mark as TSV (id, duplicate_of, kind, similarity) to this file.")
    var marks: String?

    @Option(name: .customLong("progress-every"), help: "Print throughput and memory to stderr every N articles.")
    var progressEvery: Int?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    @Flag(help: "List wrong and missed marks on stderr.")
    var verbose = false

    @Argument(help: "Files or directories of articles.")
    var inputs: [String]

    package init() {}

    package func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard !inputs.isEmpty else { throw ValidationError("name at least one input file or directory") }
        guard DedupeOptions.Key(rawValue: key) != nil else {
            throw ValidationError("--key must be text or title+text, got '\(key)'")
        }
    }

    package func run() throws {
        var options = DedupeOptions()
        options.mode = .mark
        options.nearThreshold = threshold
        options.key = DedupeOptions.Key(rawValue: key) ?? .text
        options.seed = seed
        options.permutations = permutations
        options.shingleSize = shingleSize
        let stage: DedupeStage
        do {
            stage = try DedupeStage(options: options)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let truthText: String
        do {
            truthText = try String(contentsOfFile: pairs, encoding: .utf8)
        } catch {
            Terminal.error("error: cannot read '\(pairs)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
        let truth = DuplicatePairs(tsv: truthText, threshold: threshold)

        let outcome: DedupeRun.Outcome
        do {
            outcome = try DedupeRun(stage: stage, jobs: jobs, progressEvery: progressEvery).run(
                inputs.map { .path($0) })
        } catch let error as ArticleReader.InputError {
            Terminal.error("error: \(error)")
            throw ExitCode(ExitStatus.ioError)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(ExitStatus.ioError)
        }
        let score = truth.score(order: outcome.order, marks: outcome.marks.mapValues(\.id))
        if let marks { try writeMarks(outcome, to: marks) }
        if score.unknownIDs > 0 {
            Terminal.error("warning: \(score.unknownIDs) ids in '\(pairs)' are not among the inputs' articles")
        }
        if verbose {
            for line in score.wrong { Terminal.error("wrong:  \(line)") }
            for line in score.missed { Terminal.error("missed: \(line)") }
        }
        try print(outcome, score)
    }

    private func print(_ outcome: DedupeRun.Outcome, _ score: DuplicatePairs.Score) throws {
        let articles = outcome.order.count
        let rate = outcome.seconds > 0 ? Double(articles) / outcome.seconds : 0
        let indexed = max(1, outcome.statistics.indexedArticles)
        let indexPerArticle = Double(outcome.statistics.indexBytes) / Double(indexed)
        let idsPerArticle = Double(outcome.statistics.idBytes) / Double(indexed)
        if json {
            let fields: [(String, String)] = [
                ("tool", "\"textpipe\""), ("articles", "\(articles)"), ("seconds", fixed(outcome.seconds, 3)),
                ("articles_per_second", fixed(rate, 0)), ("cpu_seconds", fixed(outcome.cpuSeconds, 3)),
                ("jobs", "\(jobs)"), ("threshold", "\(threshold)"),
                ("marked", "\(score.marked)"), ("should", "\(score.shouldBeMarked)"), ("correct", "\(score.right)"),
                ("precision", fixed(score.precision, 4)), ("recall", fixed(score.recall, 4)),
                ("indexed_articles", "\(outcome.statistics.indexedArticles)"),
                ("index_bytes_per_article", fixed(indexPerArticle, 1)),
                ("id_bytes_per_article", fixed(idsPerArticle, 1)),
                ("banding", "\"\(outcome.statistics.banding)\""), ("unreadable", "\(outcome.unreadable)"),
            ]
            try Terminal.print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
            return
        }
        try Terminal.print(
            """
            dedupe on \(articles) articles (near_threshold \(threshold), key \(key), \(outcome.statistics.banding), jobs \(jobs))
              should be marked  \(score.shouldBeMarked)
              marked            \(score.marked) (\(score.right) right)
              precision         \(fixed(score.precision, 3))
              recall            \(fixed(score.recall, 3))
              throughput        \(fixed(rate, 0)) articles/s (\(fixed(outcome.seconds, 3)) s, reading included)
              index             \(outcome.statistics.indexedArticles) articles, \(fixed(indexPerArticle, 1)) B/article + \(fixed(idsPerArticle, 1)) B/article of ids
            """)
        if outcome.unreadable > 0 {
            Terminal.error("warning: \(outcome.unreadable) inputs could not be read (skipped)")
        }
    }

    private func writeMarks(_ outcome: DedupeRun.Outcome, to path: String) throws {
        var text = ""
        for (position, mark) in outcome.marks.sorted(by: { $0.key < $1.key }) {
            text += "\(outcome.order[position])\t\(mark.id)\t\(mark.kind)\t\(mark.similarity)\n"
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            Terminal.error("error: cannot write '\(path)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.ioError)
        }
    }

    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
