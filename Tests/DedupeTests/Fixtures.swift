import Foundation
import Textpipe

/// Made-up articles with known shingle overlaps, built from invented words.
enum Fixtures {
    private static let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "du", "ga", "zo"]

    /// A distinct invented word for every `n`.
    static func word(_ n: Int) -> String {
        var n = n
        var word = ""
        repeat {
            word += syllables[n % syllables.count]
            n /= syllables.count
        } while n > 0
        return word + "n"
    }

    /// `count` distinct words starting at `offset`, as a sentence-like text.
    static func words(_ count: Int, offset: Int = 0) -> [String] {
        (offset..<(offset + count)).map(word)
    }

    static func text(_ words: [String]) -> String {
        var text = ""
        for (index, word) in words.enumerated() {
            text += index == 0 ? word.capitalized : (index % 11 == 0 ? ". " + word.capitalized : " " + word)
        }
        return text + "."
    }

    /// `base` with the words at `positions` replaced by new ones: each replacement
    /// far from the others and the ends takes 5 of the 5-shingles away and adds 5.
    static func edited(_ base: [String], at positions: [Int]) -> [String] {
        var copy = base
        for (index, position) in positions.enumerated() { copy[position] = word(900_000 + index) }
        return copy
    }

    /// Two texts whose 5-shingle sets have Jaccard exactly 0.9: 194 distinct
    /// words (190 shingles), 2 replaced: (190 − 10) / (190 + 10).
    static let pair09: (String, String) = {
        let base = words(194, offset: 10_000)
        return (text(base), text(edited(base, at: [60, 130])))
    }()

    /// Jaccard exactly 0.5: 154 words (150 shingles), 10 replaced: (150 − 50) / (150 + 50).
    static let pair05: (String, String) = {
        let base = words(154, offset: 20_000)
        return (text(base), text(edited(base, at: Array(stride(from: 7, through: 133, by: 14)))))
    }()

    /// Unrelated articles.
    static func unrelated(_ n: Int) -> String {
        text(words(120, offset: 100_000 + 200 * n))
    }

    static func document(_ id: String, _ text: String, title: String? = nil) -> Document {
        Document(id: id, text: text, title: title)
    }
}

/// A temporary directory removed at the end of a test.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "textpipe-dedupe-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
