import ArgumentParser
import Dispatch
import Foundation
import Summarize
import Textpipe
import TextpipeEvalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `textpipe eval summarize`: ROUGE of the summarize stage against extractive reference summaries.
package struct EvalSummarizeCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "ROUGE-1/2/L F1 of summarize (and of Lead-k) against reference summaries.",
        discussion: """
            Every .txt file under --summaries is a reference for the article at the same relative path \
            under --articles (read as 'textpipe run' reads it: line 1 is the title when a blank line \
            follows; a file that is not UTF-8 is read as Latin-1, as normalize would). Each system \
            gets k sentences, k = the number of the article's sentences (shared sentence splitter) \
            found verbatim in the reference, so references glued together without spaces and out of \
            order count right. ROUGE is computed as rouge-score does with use_stemmer=True; the \
            figures are means over articles. Speed is the stage alone on documents held in memory \
            (reading files and writing JSON not included): the median of --rounds passes.
            """)

    @Option(help: "Directory of articles (NNN.txt, in the same sub-folders as the summaries).")
    var articles: String

    @Option(help: "Directory of reference summaries, searched recursively for .txt files.")
    var summaries: String

    @Option(help: "Threads for the speed measurement.")
    var jobs: Int = 2

    @Option(help: "Passes over all articles for the speed measurement; the median pass is reported.")
    var rounds: Int = 20

    @Option(
        help:
            "Write one JSON line per article (id, k, reference, summary, lead, sentences, matched, rouge F1s) to this file."
    )
    var dump: String?

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    package init() {}

    package func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1, got \(rounds)") }
    }

    package func run() throws {
        let pairs = try SummaryPairs.load(articles: articles, summaries: summaries)
        guard !pairs.items.isEmpty else {
            Terminal.error("error: no .txt reference under '\(summaries)' has an article under '\(articles)'")
            throw ExitCode(ExitStatus.usage)
        }
        for problem in pairs.problems { Terminal.error("warning: \(problem)") }

        let stage = try StageType(SummarizeStage.self).instantiate()
        let scorer = RougeScorer()
        var ours = RougeTotals()
        var lead = RougeTotals()
        var perCategory: [String: RougeTotals] = [:]
        var dumpLines: [String] = []
        var prepared: [Document] = []
        for item in pairs.items {
            var document = item.document
            document.setField("summary_sentences", JSONFragment(trustedBytes: Array(String(item.k).utf8)))
            prepared.append(document)
            _ = try stage.process(&document)
            let summary = try document.value("summary", as: String.self) ?? ""
            let leadSummary = item.leadSentences.prefix(item.k).joined(separator: " ")
            let score = scorer.score(reference: item.reference, candidate: summary)
            let leadScore = scorer.score(reference: item.reference, candidate: leadSummary)
            ours.add(score)
            lead.add(leadScore)
            perCategory[item.category, default: RougeTotals()].add(score)
            if dump != nil {
                let line: [String: Any] = [
                    "id": item.id, "k": item.k, "reference": item.reference, "summary": summary, "lead": leadSummary,
                    "sentences": item.sentences, "matched": item.matched,
                    "rouge": ["summary": score.f1s, "lead": leadScore.f1s],
                ]
                let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
                dumpLines.append(String(decoding: data, as: UTF8.self))
            }
        }
        if let dump {
            try (dumpLines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }

        let cpu = Self.cpuMicrosecondsPerArticle(prepared, stage: stage, rounds: rounds)
        let oneThread = Self.articlesPerSecond(prepared, stage: stage, threads: 1, rounds: rounds)
        let threaded = Self.articlesPerSecond(prepared, stage: stage, threads: jobs, rounds: rounds)
        let report = EvalSummarizeReport(
            articles: pairs.items.count, fullyMatched: pairs.items.count { $0.fullyMatched },
            meanK: Double(pairs.items.reduce(0) { $0 + $1.k }) / Double(pairs.items.count),
            summarize: ours, lead: lead, perCategory: perCategory, jobs: jobs,
            articlesPerSecondOneThread: oneThread, articlesPerSecond: threaded, cpuMicrosecondsPerArticle: cpu)
        try Terminal.print(json ? report.json : report.text)
    }

    /// The stage's CPU time per article on this thread, in microseconds: unlike
    /// articles per second, it hardly moves when other work shares the machine.
    static func cpuMicrosecondsPerArticle(_ documents: [Document], stage: StageInstance, rounds: Int) -> Double {
        func now() -> Double { Clocks.threadCPUSeconds() * 1e6 }
        let start = now()
        for _ in 0..<rounds {
            for document in documents {
                var document = document
                _ = try? stage.process(&document)
            }
        }
        return (now() - start) / Double(rounds * documents.count)
    }

    /// Articles per second of the stage alone on `threads` threads: the median of `rounds`
    /// passes through `documents`, so a burst of other work on the machine moves it little.
    static func articlesPerSecond(_ documents: [Document], stage: StageInstance, threads: Int, rounds: Int) -> Double {
        var rates: [Double] = []
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            Throughput.forEach(count: documents.count, threads: threads) { _, index in
                var document = documents[index]
                _ = try? stage.process(&document)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(documents.count) / seconds)
        }
        return rates.sorted()[rates.count / 2]
    }
}

extension RougeScores {
    /// ROUGE-1, ROUGE-2 and ROUGE-L F1, in that order.
    var f1s: [Double] { [rouge1.f1, rouge2.f1, rougeL.f1] }
}

/// Sums of ROUGE F1 over articles.
struct RougeTotals: Sendable {
    var count = 0
    var rouge1 = 0.0
    var rouge2 = 0.0
    var rougeL = 0.0

    mutating func add(_ scores: RougeScores) {
        count += 1
        rouge1 += scores.rouge1.f1
        rouge2 += scores.rouge2.f1
        rougeL += scores.rougeL.f1
    }

    var means: (rouge1: Double, rouge2: Double, rougeL: Double) {
        let n = Double(max(count, 1))
        return (rouge1 / n, rouge2 / n, rougeL / n)
    }
}

/// What `eval summarize` prints.
struct EvalSummarizeReport {
    var articles: Int
    var fullyMatched: Int
    var meanK: Double
    var summarize: RougeTotals
    var lead: RougeTotals
    var perCategory: [String: RougeTotals]
    var jobs: Int
    var articlesPerSecondOneThread: Double
    var articlesPerSecond: Double
    var cpuMicrosecondsPerArticle: Double

    var text: String {
        func row(_ name: String, _ totals: RougeTotals) -> String {
            let m = totals.means
            return "\(name.padding(toLength: 24, withPad: " ", startingAt: 0))"
                + "\(Self.fixed(m.rouge1))    \(Self.fixed(m.rouge2))    \(Self.fixed(m.rougeL))"
        }
        var lines = [
            "summarize: \(articles) articles, \(fullyMatched) references made entirely of article sentences; "
                + "k = article sentences found in the reference (mean \(Self.fixed(meanK, digits: 2)))",
            "                        ROUGE-1  ROUGE-2  ROUGE-L   (F1, mean over articles, rouge-score with stemming)",
            row("summarize", summarize),
            row("lead-k", lead),
        ]
        if perCategory.count > 1 {
            lines.append("by folder (summarize):")
            for (name, totals) in perCategory.sorted(by: { $0.key < $1.key }) {
                lines.append(row("  \(name) (\(totals.count))", totals))
            }
        }
        lines.append(
            "speed (stage alone, documents in memory): \(Int(articlesPerSecondOneThread.rounded())) articles/s on 1 thread, "
                + "\(Int(articlesPerSecond.rounded())) articles/s on \(jobs) threads; "
                + "\(Self.fixed(cpuMicrosecondsPerArticle, digits: 1)) µs of CPU per article")
        return lines.joined(separator: "\n")
    }

    var json: String {
        func scores(_ totals: RougeTotals) -> [String: Any] {
            let m = totals.means
            return ["articles": totals.count, "rouge1": m.rouge1, "rouge2": m.rouge2, "rougeL": m.rougeL]
        }
        let object: [String: Any] = [
            "articles": articles, "fully_matched": fullyMatched, "mean_k": meanK,
            "summarize": scores(summarize), "lead": scores(lead),
            "by_folder": perCategory.mapValues(scores),
            "speed": [
                "what": "stage alone, documents in memory", "jobs": jobs,
                "articles_per_second_1_thread": articlesPerSecondOneThread,
                "articles_per_second": articlesPerSecond,
                "cpu_microseconds_per_article": cpuMicrosecondsPerArticle,
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func fixed(_ value: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}
