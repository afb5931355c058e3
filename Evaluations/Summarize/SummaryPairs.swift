import Foundation
import Summarize
import Textpipe
import TextpipeEvalKit

/// Articles paired with their reference summaries, for `eval summarize`.
struct SummaryPairs {
    /// One article and its reference.
    struct Item {
        /// The relative path, shared by the article and its summary: `sport/005.txt`.
        var id: String
        /// The first folder of `id`, or `.` for files at the top.
        var category: String
        var document: Document
        var reference: String
        /// The number of article sentences found in the reference.
        var k: Int
        /// Whether the reference is nothing but article sentences.
        var fullyMatched: Bool
        /// The article's sentences in order, white space collapsed, for the Lead-k baseline.
        var leadSentences: [String]
        /// All the article's sentences, white space collapsed, and which of them the reference holds.
        var sentences: [String]
        var matched: [Int]
    }

    var items: [Item] = []
    var problems: [String] = []

    static func load(articles: String, summaries: String) throws -> SummaryPairs {
        var result = SummaryPairs()
        var documents: [String: Document] = [:]
        let reader = ArticleReader(maxBytes: 50_000_000, notice: { result.problems.append($0) })
        try reader.read(
            [.path(articles)],
            emit: { record, _ in
                switch record {
                case .document(let document): documents[document.id] = document
                case .unreadable(let input): result.problems.append("cannot read article '\(input.id)': \(input.error)")
                case .jsonLine: break
                }
                return true
            }, idle: {})

        for relative in try referenceFiles(under: summaries) {
            let path = (summaries as NSString).appendingPathComponent(relative)
            guard var document = documents[relative] else {
                result.problems.append("no article '\(relative)' under '\(articles)' for reference '\(path)'")
                continue
            }
            if let bytes = document.undecodedText {
                // Not UTF-8: BBC's one such file is Latin-1, which maps byte for byte to Unicode.
                document.text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
                document.undecodedText = nil
            }
            let referenceBytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let reference =
                String(data: referenceBytes, encoding: .utf8) ?? String(data: referenceBytes, encoding: .isoLatin1)
                ?? ""
            let scalars = ScalarText(document.text)
            let sentences = SentenceSplitter.sentences(in: document.text).map { span in
                ReferenceSummary.collapsed(scalars.slice(span.start, span.end))
            }
            let match = ReferenceSummary(reference: reference, sentences: sentences)
            if match.sentenceCount == 0 {
                result.problems.append("reference '\(path)' contains none of its article's sentences; skipped")
                continue
            }
            let category = relative.split(separator: "/").count > 1 ? String(relative.prefix { $0 != "/" }) : "."
            result.items.append(
                Item(
                    id: relative, category: category, document: document, reference: reference,
                    k: match.sentenceCount, fullyMatched: match.unmatchedCharacters == 0,
                    leadSentences: sentences.filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic } },
                    sentences: sentences, matched: match.matched))
        }
        return result
    }

    /// `.txt` files under `directory`, relative, sorted.
    static func referenceFiles(under directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationErrorMessage("cannot list '\(directory)'")
        }
        var files: [String] = []
        for case let url as URL in walker where url.pathExtension == "txt" {
            let path = url.standardizedFileURL.path
            files.append(String(path.dropFirst(root.path.count).drop { $0 == "/" }))
        }
        return files.sorted()
    }
}

/// An error that is only a message, for problems with the command's inputs.
struct ValidationErrorMessage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
