import Entities
import Foundation
import TextpipeEvalKit

/// A document of CoNLL-2003-style annotated text: sentences of tokens with BIO tags.
package struct CoNLLDocument: Sendable {
    /// Sentences of `(token, tag)`; tags index ``TagSet``.
    package var sentences: [[(token: String, tag: Int)]]

    package init(sentences: [[(token: String, tag: Int)]]) { self.sentences = sentences }

    /// The document as the tagger sees text: tokens joined by spaces, one sentence a line.
    package func layout() -> (scalars: [Unicode.Scalar], tokens: [Range<Int>], sentences: [Range<Int>]) {
        var scalars: [Unicode.Scalar] = []
        var tokens: [Range<Int>] = []
        var ranges: [Range<Int>] = []
        for sentence in sentences {
            let first = tokens.count
            for (token, _) in sentence {
                let start = scalars.count
                scalars.append(contentsOf: token.unicodeScalars)
                tokens.append(start..<scalars.count)
                scalars.append(" ")
            }
            scalars.append("\n")
            ranges.append(first..<tokens.count)
        }
        return (scalars, tokens, ranges)
    }

    /// The document as text a user would hand to `textpipe run`: tokens joined by
    /// single spaces, sentences by `separator`, with each token's scalar range.
    package func text(sentenceSeparator separator: String) -> (text: String, tokens: [Range<Int>]) {
        var text = ""
        var length = 0
        var tokens: [Range<Int>] = []
        let separatorLength = separator.unicodeScalars.count
        for (number, sentence) in sentences.enumerated() {
            if number > 0 {
                text += separator
                length += separatorLength
            }
            for (index, (token, _)) in sentence.enumerated() {
                if index > 0 {
                    text += " "
                    length += 1
                }
                let count = token.unicodeScalars.count
                text += token
                tokens.append(length..<(length + count))
                length += count
            }
        }
        return (text, tokens)
    }

    /// Gold tags, one per token.
    package var tags: [Int] { sentences.flatMap { $0.map(\.tag) } }
}

/// Reads CoNLL files: one `token … TAG` line per token (the first column is
/// the token, the last the tag), a blank line between sentences, and
/// `-DOCSTART-` lines between documents. Tags may be IOB2 (`B-` opens every
/// entity) or IOB1 (`I-` opens one, `B-` only splits two adjacent ones of a
/// type); they are read as IOB2.
package enum CoNLLCorpus {
    /// Reads the documents of the file at `path`.
    ///
    /// - Throws: ``GoldFileError``, as every gold reader does: the file cannot be read,
    ///   or a line is not `token … TAG`.
    package static func read(path: String) throws(GoldFileError) -> [CoNLLDocument] {
        try parse(String(decoding: try GoldFile.contents(path: path), as: UTF8.self), path: path)
    }

    /// Parses CoNLL text. When the text has no `-DOCSTART-` lines, documents
    /// are recovered from Reuters datelines (`LONDON 1996-08-30`): each starts
    /// with the headline just before its dateline, so document-level features
    /// see the same units in training as in articles.
    package static func parse(_ text: String, path: String = "<text>") throws(GoldFileError) -> [CoNLLDocument] {
        var documents: [[[(token: String, tag: Int)]]] = [[]]
        var sentence: [(token: String, tag: Int)] = []
        var sawDocStart = false
        func endSentence() {
            // IOB1 (the original CoNLL-2003 files) opens an entity with I-; make every opening B-.
            for k in sentence.indices where !TagSet.isBegin(sentence[k].tag) && sentence[k].tag != TagSet.outside {
                if !TagSet.allowed(sentence[k].tag, after: k == 0 ? nil : sentence[k - 1].tag) { sentence[k].tag -= 1 }
            }
            if !sentence.isEmpty { documents[documents.count - 1].append(sentence) }
            sentence = []
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if columns.isEmpty {
                endSentence()
                continue
            }
            if columns[0] == "-DOCSTART-" {
                endSentence()
                sawDocStart = true
                if !(documents.last?.isEmpty ?? true) { documents.append([]) }
                continue
            }
            guard columns.count >= 2, let tagName = columns.last else {
                throw GoldFileError(path: path, line: number + 1, message: "expected 'token TAG', got '\(line)'")
            }
            let tag = TagSet.tag(named: tagName)
            if tag == TagSet.outside, tagName != "O" {
                throw GoldFileError(
                    path: path, line: number + 1,
                    message: "unknown tag '\(tagName)'; expected O, B-/I- PER, ORG, LOC or MISC")
            }
            sentence.append((String(columns[0]), tag))
        }
        endSentence()
        let found = documents.filter { !$0.isEmpty }.map(CoNLLDocument.init(sentences:))
        return sawDocStart ? found : found.flatMap(splitAtDatelines)
    }

    private static func isDateline(_ sentence: [(token: String, tag: Int)]) -> Bool {
        guard sentence.count <= 8, let last = sentence.last?.token, last.count == 10 else { return false }
        let scalars = Array(last.unicodeScalars)
        return scalars[4] == "-" && scalars[7] == "-"
            && scalars.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ("0"..."9").contains($0.element) }
    }

    private static func splitAtDatelines(_ document: CoNLLDocument) -> [CoNLLDocument] {
        var result: [CoNLLDocument] = []
        var current: [[(token: String, tag: Int)]] = []
        for sentence in document.sentences {
            if isDateline(sentence), current.count > 1 {
                let headline = current.removeLast()
                result.append(CoNLLDocument(sentences: current))
                current = [headline]
            }
            current.append(sentence)
        }
        if !current.isEmpty { result.append(CoNLLDocument(sentences: current)) }
        return result
    }
}
