import Foundation

@testable import TextpipeReport

/// Builds report pieces from JSON Lines written in the test, in memory.
enum ReportFixture {
    /// The record on one JSON line, as the reader makes it.
    static func item(_ line: String, location: String = "test.jsonl:1") throws -> ReportItem {
        let bytes = Array(line.utf8)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(ReportError) in try ReportReader().item(buffer, location: location) }
        }
        return try result.get()
    }

    /// The article on one JSON line.
    static func article(_ line: String) throws -> ReportArticle {
        guard case .article(let article) = try item(line) else { throw FixtureError.notAnArticle }
        return article
    }

    /// The HTML of one article's section.
    static func view(_ line: String, ordinal: Int = 1) throws -> String {
        var html = HTMLWriter()
        ArticleView(article: try article(line), ordinal: ordinal).write(into: &html)
        return String(decoding: html.bytes, as: UTF8.self)
    }

    /// The whole page for `lines`, and the builder that made it.
    static func page(_ lines: [String], options: ReportOptions = ReportOptions()) throws -> (
        html: String, builder: ReportBuilder
    ) {
        let builder = try ReportBuilder(options: options)
        for (index, line) in lines.enumerated() {
            try builder.add(item(line, location: "test.jsonl:\(index + 1)"))
        }
        var bytes: [UInt8] = []
        try builder.finish { (chunk: [UInt8]) throws(ReportError) in bytes += chunk }
        return (String(decoding: bytes, as: UTF8.self), builder)
    }

    /// A JSON string literal for `string`.
    static func json(_ string: String) -> String {
        let data = (try? JSONEncoder().encode(string)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A flagged conflict-watch record.
    static func flagged(
        id: String, title: String, text: String, party: String, subtype: String, score: Double,
        evidence: [(sentence: Int, text: String, cue: String)] = [], extra: String = ""
    ) -> String {
        let items = evidence.map { #"{"sentence":\#($0.sentence),"text":\#(json($0.text)),"cue":\#(json($0.cue))}"# }
        return
            #"{"id":\#(json(id)),"title":\#(json(title)),"text":\#(json(text)),\#(extra)"intra_party_conflict":{"label":true,"score":\#(score),"party":\#(json(party)),"subtype":\#(json(subtype)),"subtypes":[\#(json(subtype))],"actors":[],"evidence":[\#(items.joined(separator: ","))]}}"#
    }

    /// The number of times `needle` occurs in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    enum FixtureError: Error { case notAnArticle }
}
