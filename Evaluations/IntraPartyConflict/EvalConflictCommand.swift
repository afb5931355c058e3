import ArgumentParser
import Dispatch
import Entities
import Foundation
import IntraPartyConflict
import Normalize
import Textpipe
import TextpipeEvalKit

/// `textpipe eval conflict`: score the intra-party-conflict stage on labelled news.
package struct EvalConflictCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "conflict",
        abstract: "Score the intra-party-conflict stage on labelled news (JSON Lines with 'text', 'label', 'subtype').",
        discussion: """
            Runs normalize → entities → intra-party-conflict on each line's "text", as conflict-watch does, \
            and prints precision, recall, F1 and accuracy of 'label', subtype accuracy over the true \
            positives, the confusion table, and the misclassified ids.

            --throughput DIR instead times normalize → entities with and without the stage over every \
            .txt file under DIR, in-process, and prints the stage's share.
            """)

    @Option(help: "Labelled JSON Lines: id, text, label, subtype.")
    var gold: String?

    @Option(help: "Weights trained with 'textpipe train conflict'; the bundled ones when omitted.")
    var model: String?

    @Option(help: "The stage's 'threshold' option.")
    var threshold = 0.5

    @Flag(help: "Also list true positives with the wrong subtype.")
    var showSubtypes = false

    @Flag(help: "Print every article's report as JSON (id, gold label, report).")
    var verbose = false

    @Option(help: "Print the per-sentence analysis of the article with this id (repeatable).")
    var explain: [String] = []

    @Option(help: "Time the stage in-process over every .txt file under this directory (no scoring).")
    var throughput: String?

    @Option(help: "Passes over the files for --throughput (the best is reported).")
    var repeats = 3

    package init() {}

    package func validate() throws {
        guard gold != nil || throughput != nil else { throw ValidationError("give --gold FILE or --throughput DIR") }
    }

    package func run() throws {
        var options = IntraPartyConflictStage.Options()
        options.threshold = threshold
        options.model = model ?? ""
        let stage = try IntraPartyConflictStage(options: options)
        if let gold {
            let data = try GoldFile.reporting { try ConflictGold(path: gold) }
            var score = ConflictScore()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for item in data.items {
                let report = try stage.report(for: item.document)
                score.add(item, report)
                if explain.contains(item.id) {
                    print(Self.explanation(stage.judge(try stage.analyze(item.document)), id: item.id))
                }
                if verbose {
                    let json = String(decoding: try encoder.encode(report), as: UTF8.self)
                    print("\(item.id)\tgold \(item.label) \(item.subtype ?? "-")\t\(json)")
                }
            }
            print("\(gold): \(data.items.count) articles")
            print(score.summary())
            print("misclassified (\(score.misclassified.count)):")
            score.misclassified.forEach { print("  \($0)") }
            if showSubtypes {
                print("wrong subtype (\(score.wrongSubtype.count)):")
                score.wrongSubtype.forEach { print("  \($0)") }
            }
        }
        if let throughput { try measure(throughput, stage: stage) }
    }

    /// Every sentence with a contention cue: its score, target, cues, parties and
    /// the features that move its score most, for reading a decision.
    static func explanation(_ judgement: ConflictJudgement, id: String) -> String {
        let article = judgement.article
        var lines = [
            String(format: "%@: score %.3f, focus %@", id, judgement.score, article.focus ?? "-")
        ]
        for (k, sentence) in article.sentences.enumerated() where sentence.contention != nil {
            let cues = CueClass.weighed.filter { sentence.weight($0) > 0 }.map { cueClass in
                let words = sentence.best[cueClass.index].map { article.text(of: $0, in: sentence) } ?? ""
                return "\(cueClass.rawValue)=\(sentence.weight(cueClass))(\(words))"
            }
            let features = judgement.contributions(ofSentence: k).map {
                String(format: "%@ %+.2f", $0.feature, $0.contribution)
            }
            lines.append(
                String(
                    format: "  [%d] score %.3f target %@ ", sentence.index, judgement.sentenceScores[k],
                    sentence.target.rawValue)
                    + "parties \(sentence.parties) | " + cues.joined(separator: " ") + "\n      features: "
                    + features.joined(separator: ", ") + "\n      " + String(article.text(of: sentence).prefix(160)))
        }
        return lines.joined(separator: "\n")
    }

    /// Times normalize → entities and this stage on the same documents, in CPU
    /// time of the thread that runs them (so other work on the machine does not
    /// blur the ratio), with two threads, and prints the stage's share.
    private func measure(_ directory: String, stage: IntraPartyConflictStage) throws {
        let files = try GoldFile.reporting { try Throughput.textFiles(under: directory) }
        let normalize = try NormalizeStage(options: .init())
        let entities = try EntitiesStage(options: .init())
        let cpu = Clocks.threadCPUSeconds
        var best = (before: Double.infinity, stage: Double.infinity)
        for _ in 0..<repeats {
            let totals = Locked((before: 0.0, stage: 0.0))
            Throughput.forEach(count: files.count, threads: 2) { _, index in
                var document = Document(id: files[index].name, text: files[index].text)
                let t0 = cpu()
                _ = try? normalize.process(&document)
                _ = try? entities.process(&document)
                let t1 = cpu()
                _ = try? stage.process(&document)
                let t2 = cpu()
                totals.withLock { $0 = ($0.before + t1 - t0, $0.stage + t2 - t1) }
            }
            let run = totals.withLock { $0 }
            if run.before + run.stage < best.before + best.stage { best = run }
        }
        print(
            String(
                format:
                    "%d articles, CPU time: normalize+entities %.3f s, intra-party-conflict %.3f s: the stage adds %.1f %% to normalize+entities",
                files.count, best.before, best.stage, best.stage / best.before * 100))
    }
}
