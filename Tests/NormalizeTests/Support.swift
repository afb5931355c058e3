import Foundation
import Normalize
import Textpipe
import TextpipeTestKit

/// The text of `text` after the stage, with options given as YAML.
func normalized(_ text: String, options: String? = nil) throws -> String {
    try StageHarness(NormalizeStage.self, options: options).run(text: text).document.text
}

/// The title of a document with `title` after the stage.
func normalizedTitle(_ title: String, options: String? = nil) throws -> String? {
    try StageHarness(NormalizeStage.self, options: options).run(text: "x", title: title).document.title
}

/// Scalars, for comparisons that must not treat canonically equivalent strings as equal.
func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

/// The shared corpora, `../shared/data` beside the package root, when present.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("bbc/articles").path)
    }

    /// Every BBC article file, sorted.
    static func bbcArticles() throws -> [URL] {
        let base = root.appendingPathComponent("bbc/articles")
        var files: [URL] = []
        for category in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() {
            let folder = base.appendingPathComponent(category)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".txt") {
                files.append(folder.appendingPathComponent(name))
            }
        }
        return files
    }
}
