import ArgumentParser
import Dispatch
import Entities
import Foundation
import Textpipe
import TextpipeEvalKit

/// `textpipe eval entities`: score the entities stage on gold data.
struct EvalEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Score the entities stage: exact-span P/R/F1 on CoNLL data, or recall on labelled news (JSON Lines).",
        discussion: """
            --conll FILE tags the file's tokens as given (the tagger and its document-level label \
            consistency pass) and prints per-type and micro precision, recall and F1 over exact spans, \
            as conlleval does, then the ten most frequent error patterns (missed, spurious, wrong type, \
            wrong boundary, by type) with examples. With --whole-stage it scores what the stage writes instead: the tagger's \
            spans after the name repairs, label rules and party merging. With --as-text it scores what `textpipe run` \
            writes for each document handed over as text — tokens joined by spaces, sentences by spaces, line breaks \
            or blank lines — so the stage's own tokenizer and sentence splitter cut it; an entity that covers part \
            of a gold token ("Bergamo" of "Bergamo-based") is scored as covering the whole token.

            --news FILE runs the whole stage on each line's "text" and prints the recall of the names \
            listed in its "entities" {persons, organizations, locations}. Matching ignores case and \
            typographic quotes. A gold name is found (strict) when a predicted entity of the \
            matching type (persons ~ PER, organizations ~ ORG, locations ~ LOC) has that text or that \
            canonical name, or has that text once a leading title is dropped from the gold name \
            ("Mr Rudd" ~ "Rudd"). Lenient also accepts a predicted entity of the matching type that \
            contains the gold name as whole words ("MQM" in "Muttahida Qaumi Movement (MQM) Pakistan"). \
            Any-type repeats both ignoring the type.
            """)

    @Option(help: "CoNLL-format gold data (token … TAG per line).")
    var conll: String?

    @Option(help: "JSON Lines with 'text' and 'entities' {persons, organizations, locations}.")
    var news: String?

    @Option(help: "A model file; the bundled model when omitted.")
    var model: String?

    @Flag(help: "With --conll: score the tagger's raw tags, without the document-level label consistency pass.")
    var rawTags = false

    @Flag(help: "With --conll: score the spans the stage writes (after name repairs, label rules and parties).")
    var wholeStage = false

    @Option(
        help: ArgumentHelp(
            "With --conll: run the whole stage on each document as text, its sentences joined by 'spaces', 'lines' or 'paragraphs'.",
            valueName: "join"))
    var asText: SentenceJoin?

    /// How `--as-text` joins a CoNLL document's sentences.
    enum SentenceJoin: String, ExpressibleByArgument, CaseIterable {
        case spaces, lines, paragraphs

        var separator: String {
            switch self {
            case .spaces: " "
            case .lines: "\n"
            case .paragraphs: "\n\n"
            }
        }
    }

    @Flag(help: "With --conll: list wrong and missed spans (gold/predicted label and text).")
    var showErrors = false

    @Flag(help: "With --news: list the names that were missed.")
    var showMissed = false

    @Option(help: "Time the stage in-process over every .txt file under this directory (no scoring).")
    var throughput: String?

    @Option(help: "Threads for --throughput.")
    var jobs = 2

    @Option(help: "Passes over the files for --throughput (the best is reported).")
    var repeats = 3

    func validate() throws {
        guard conll != nil || news != nil || throughput != nil else {
            throw ValidationError("give --conll FILE, --news FILE or --throughput DIR")
        }
        guard [rawTags, wholeStage, asText != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("--raw-tags, --whole-stage and --as-text exclude each other")
        }
        guard asText == nil || conll != nil else { throw ValidationError("--as-text needs --conll FILE") }
        guard jobs >= 1, repeats >= 1 else { throw ValidationError("--jobs and --repeats must be at least 1") }
    }

    func run() throws {
        var options = EntitiesStage.Options()
        options.model = model ?? ""
        let started = Date()
        let stage = try EntitiesStage(options: options)
        let loaded = Date().timeIntervalSince(started)
        print(String(format: "model loaded in %.1f ms", loaded * 1000))
        if let conll {
            let documents = try GoldFile.reporting { try CoNLLCorpus.read(path: conll) }
            var score = SpanScore()
            var errors = SpanErrors()
            let tagging = Date()
            var tokens = 0
            for document in documents {
                var layout = document.layout()
                let predicted: [Int]
                if let asText {
                    let (text, tokens) = document.text(sentenceSeparator: asText.separator)
                    var record = Document(id: "", text: text)
                    _ = try stage.process(&record)
                    predicted = Self.tags(of: try record.entities ?? [], tokens: tokens)
                    layout = (Array(text.unicodeScalars), tokens, layout.sentences)
                } else if rawTags {
                    predicted = stage.model.tag(layout.scalars, tokens: layout.tokens, sentences: layout.sentences)
                } else if wholeStage {
                    let spans = stage.resolvedMentions(
                        in: TextLayout(scalars: layout.scalars, tokens: layout.tokens, sentences: layout.sentences)
                    ).compactMap { mention in
                        TagSet.types.firstIndex(of: mention.label).map { (range: mention.tokens, type: $0) }
                    }
                    predicted = TaggerModel.tags(spans, count: layout.tokens.count)
                } else {
                    predicted = TaggerModel.tags(
                        stage.model.spans(layout.scalars, tokens: layout.tokens, sentences: layout.sentences),
                        count: layout.tokens.count)
                }
                score.add(predicted: predicted, gold: document.tags)
                errors.add(predicted: predicted, gold: document.tags) { range in
                    ScalarText.string(
                        layout.scalars[
                            layout.tokens[range.lowerBound].lowerBound..<layout.tokens[range.upperBound - 1].upperBound]
                    )
                }
                tokens += layout.tokens.count
                if showErrors {
                    let gold = Set(
                        TagSet.spans(document.tags).map {
                            "\($0.range.lowerBound)-\($0.range.upperBound)\t\(TagSet.types[$0.type])"
                        })
                    let guessed = Set(
                        TagSet.spans(predicted).map {
                            "\($0.range.lowerBound)-\($0.range.upperBound)\t\(TagSet.types[$0.type])"
                        })
                    for (kind, spans) in [("missed", gold.subtracting(guessed)), ("wrong", guessed.subtracting(gold))] {
                        for span in spans.sorted() {
                            let parts = span.split(separator: "\t")
                            let bounds = parts[0].split(separator: "-").compactMap { Int($0) }
                            guard bounds.count == 2 else { continue }
                            let text = ScalarText.string(
                                layout.scalars[
                                    layout.tokens[bounds[0]].lowerBound..<layout.tokens[bounds[1] - 1].upperBound])
                            print("\(kind)\t\(parts[1])\t\(text)")
                        }
                    }
                }
            }
            print(
                "\(conll): \(documents.count) documents, \(tokens) tokens, tagged in \(String(format: "%.2f", Date().timeIntervalSince(tagging))) s"
            )
            print(score.report())
            print(errors.report())
        }
        if let news { try evaluateNews(news, stage: stage) }
        if let throughput { try measureThroughput(throughput, stage: stage) }
    }

    /// Runs the stage on every article under `directory` with `jobs` threads, as the
    /// runner would, but without reading or writing JSON, and prints articles per second.
    private func measureThroughput(_ directory: String, stage: EntitiesStage) throws {
        let files = try GoldFile.reporting { try Throughput.textFiles(under: directory) }
        let characters = files.map(\.text.unicodeScalars.count).reduce(0, +)
        let entityCounts = Locked([Int](repeating: 0, count: files.count))
        var best = Double.infinity
        for _ in 0..<repeats {
            let started = Date()
            Throughput.forEach(count: files.count, threads: jobs) { _, index in
                var document = Document(id: files[index].name, text: files[index].text)
                _ = try? stage.process(&document)
                // Only the size of the output is kept: decoding it back would be timed too.
                let bytes = document.field("entities")?.bytes.count ?? 0
                entityCounts.withLock { $0[index] = bytes }
            }
            best = min(best, Date().timeIntervalSince(started))
        }
        let bytes = entityCounts.withLock { $0.reduce(0, +) }
        print(
            String(
                format:
                    "textpipe entities (in-process, %d jobs): %d articles (%d KiB of entities JSON) in %.3f s = %.0f articles/s, %.0f characters/s",
                jobs, files.count, bytes / 1024, best, Double(files.count) / best, Double(characters) / best))
    }

    /// BIO tags over `tokens` (scalar ranges, in order) for `entities`, each widened
    /// to the tokens it touches; an entity overlapping an earlier one is dropped.
    static func tags(of entities: [Entity], tokens: [Range<Int>]) -> [Int] {
        var spans: [(range: Range<Int>, type: Int)] = []
        var covered = 0
        for entity in entities.sorted(by: { $0.start < $1.start }) {
            guard let type = TagSet.types.firstIndex(of: entity.label) else { continue }
            var first = 0
            var high = tokens.count
            while first < high {  // the first token ending after the entity's start
                let middle = (first + high) / 2
                if tokens[middle].upperBound > entity.start { high = middle } else { first = middle + 1 }
            }
            var last = first
            while last < tokens.count, tokens[last].lowerBound < entity.end { last += 1 }
            guard first < last, first >= covered else { continue }
            spans.append((first..<last, type))
            covered = last
        }
        return TaggerModel.tags(spans, count: tokens.count)
    }

    private func evaluateNews(_ path: String, stage: EntitiesStage) throws {
        let kinds = [("persons", "PER"), ("organizations", "ORG"), ("locations", "LOC")]
        var found = [String: (strict: Int, lenient: Int, anyStrict: Int, anyLenient: Int, total: Int)]()
        var missed: [String] = []
        let records = try GoldFile.reporting {
            try GoldFile.jsonObjects(path: path).map { number, object throws(GoldFileError) in
                guard let text = object["text"] as? String else {
                    throw GoldFileError(path: path, line: number, message: "expected a string 'text'")
                }
                return (number, object, text)
            }
        }
        for (number, object, text) in records {
            let gold = object["entities"] as? [String: [String]] ?? [:]
            var document = Document(id: object["id"] as? String ?? "\(number)", text: text)
            _ = try stage.process(&document)
            let predicted = try document.entities ?? []
            for (kind, label) in kinds {
                for name in gold[kind] ?? [] {
                    let typed = predicted.filter { $0.label.rawValue == label }
                    let strict = typed.contains { Self.matches(name, $0) }
                    let lenient = strict || typed.contains { Self.contains($0.text, name) }
                    let anyStrict = predicted.contains { Self.matches(name, $0) }
                    let anyLenient = anyStrict || predicted.contains { Self.contains($0.text, name) }
                    var counts = found[kind] ?? (0, 0, 0, 0, 0)
                    counts.strict += strict ? 1 : 0
                    counts.lenient += lenient ? 1 : 0
                    counts.anyStrict += anyStrict ? 1 : 0
                    counts.anyLenient += anyLenient ? 1 : 0
                    counts.total += 1
                    found[kind] = counts
                    if !strict {
                        let got = predicted.filter { Self.contains($0.text, name) || Self.contains(name, $0.text) }
                            .map { "\($0.text)/\($0.label)" }
                        missed.append("\(document.id)\t\(kind)\t\(name)\t\(got.joined(separator: ", "))")
                    }
                }
            }
        }
        print("\(path): recall of labelled names")
        var total = (strict: 0, lenient: 0, anyStrict: 0, anyLenient: 0, total: 0)
        for (kind, _) in kinds {
            let c = found[kind] ?? (0, 0, 0, 0, 0)
            total = (
                total.strict + c.strict, total.lenient + c.lenient, total.anyStrict + c.anyStrict,
                total.anyLenient + c.anyLenient, total.total + c.total
            )
            print(Self.line(kind, c))
        }
        print(Self.line("all", total))
        if showMissed { missed.forEach { print("missed\t\($0)") } }
    }

    private static func line(
        _ name: String, _ c: (strict: Int, lenient: Int, anyStrict: Int, anyLenient: Int, total: Int)
    ) -> String {
        func ratio(_ n: Int) -> String { String(format: "%.4f", c.total > 0 ? Double(n) / Double(c.total) : 0) }
        return name.padding(toLength: 14, withPad: " ", startingAt: 0)
            + "strict \(ratio(c.strict))  lenient \(ratio(c.lenient))  any-type strict \(ratio(c.anyStrict))  any-type lenient \(ratio(c.anyLenient))  (gold \(c.total))"
    }

    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "dame", "pm", "president", "alhaji", "chief",
        "governor", "senator",
    ]

    static func normalize(_ text: String) -> String {
        var result = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if result.hasPrefix("the ") { result.removeFirst(4) }
        return result
    }

    static func withoutTitle(_ text: String) -> String {
        var words = normalize(text).split(separator: " ").map(String.init)
        while words.count > 1, let first = words.first, titles.contains(first.replacingOccurrences(of: ".", with: "")) {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    static func matches(_ gold: String, _ entity: Entity) -> Bool {
        let name = normalize(gold)
        return normalize(entity.text) == name || entity.canonical.map(normalize) == name
            || normalize(entity.text) == withoutTitle(gold)
    }

    /// Whether `outer` contains `inner` as whole words.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        let outer = " " + normalize(outer).map { $0.isLetter || $0.isNumber ? String($0) : " \($0) " }.joined() + " "
        let inner = " " + normalize(inner).map { $0.isLetter || $0.isNumber ? String($0) : " \($0) " }.joined() + " "
        let squash = { (s: String) in s.split(separator: " ").joined(separator: " ") }
        return (" " + squash(outer) + " ").contains(" " + squash(inner) + " ")
    }
}
