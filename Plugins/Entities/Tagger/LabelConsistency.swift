import Textpipe

/// Makes the labels of one document's mentions agree with each other.
///
/// A tagger labels each sentence on its own, so a surname seen once with a
/// first name (`Pedro Sánchez`, PER) may come out as ORG when it stands alone
/// three sentences later. Two document-level rules fix the commonest cases:
/// 1. a mention whose words are a person's surname (or shortened name, or a
///    lone first name) from a longer PER mention of the same document is PER;
/// 2. mentions with the same text take the label most of them have (only
///    after a sentence-level tagger: a two-pass model already weighs the
///    document's other mentions, and voting on top of it cost 0.4 dev F1).
enum LabelConsistency {
    /// Titles left out when comparing names (`Mr Sattar` ~ `Sattar`).
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "pm", "president", "senator", "sen", "rep", "gov",
        "governor", "gen", "general", "minister", "justice", "judge", "mayor", "sheikh", "maulana", "begum", "shri",
        "smt", "alhaji", "hon", "col", "capt", "lt",
    ]

    /// Relabels `spans` (token ranges with type indices into ``TagSet/types``) of one document.
    static func apply(
        _ spans: inout [(range: Range<Int>, type: Int)], scalars: [Unicode.Scalar], tokens: [Range<Int>], vote: Bool
    ) {
        guard spans.count > 1 else { return }
        let person = 0
        func lowered(_ token: Range<Int>) -> String {
            let word = scalars[token]
            // ASCII lowered byte by byte, one string instead of two (3.5 M of 1,067 M instructions on 300 BBC articles).
            return Words.asciiLowered(word) ?? ScalarText.string(word).lowercased()
        }
        func words(_ range: Range<Int>) -> [String] {
            var result = range.map { lowered(tokens[$0]) }.filter { $0 != "." }
            while result.count > 1, let first = result.first,
                titles.contains(first.hasSuffix(".") ? String(first.dropLast()) : first)
            {
                result.removeFirst()
            }
            return result
        }
        let names = spans.map { words($0.range) }
        let fullNames = FullNames(
            spans.indices.filter { spans[$0].type == person && names[$0].count >= 2 }.map { names[$0] })
        // Whether a name is part of a full name depends on its words only: asked once per distinct name.
        var isPart: [[String]: Bool] = [:]
        for index in spans.indices where spans[index].type != person {
            let name = names[index]
            guard !name.isEmpty, name.count <= 3 else { continue }
            let part: Bool
            if let known = isPart[name] {
                part = known
            } else {
                part = fullNames.contain(part: name)
                isPart[name] = part
            }
            if part { spans[index].type = person }
        }
        guard vote else { return }
        var votes: [String: [Int]] = [:]
        for (index, span) in spans.enumerated() {
            votes[names[index].joined(separator: " "), default: [0, 0, 0, 0]][span.type] += 1
        }
        for index in spans.indices {
            guard let counts = votes[names[index].joined(separator: " ")] else { continue }
            let best =
                counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }
                ?? spans[index].type
            if counts[best] > counts[spans[index].type] { spans[index].type = best }
        }
    }

    /// The distinct full names of a document, found by their last and first words.
    ///
    /// Comparing every mention with every full name was quadratic: on a 2 MB
    /// article (~30,000 mentions) this rule alone took 15 % of the whole
    /// `conflict-watch` run, and its share grew with the size.
    struct FullNames {
        private var byLastWord: [String: [[String]]] = [:]
        /// The first words of the full names.
        private var firstWords: Set<String> = []

        init(_ names: [[String]]) {
            var seen: Set<[String]> = []
            for name in names where seen.insert(name).inserted {
                if let last = name.last { byLastWord[last, default: []].append(name) }
                if let first = name.first { firstWords.insert(first) }
            }
        }

        /// Whether `name` is a surname, shortened form or first name of a longer full name.
        func contain(part name: [String]) -> Bool {
            // Full names have two words or more, so every one is longer than a one-word name.
            if name.count == 1, let first = name.first, firstWords.contains(first) { return true }
            guard let last = name.last, let candidates = byLastWord[last] else { return false }
            return candidates.contains { $0.count > name.count && isSubsequence(name, of: $0) }
        }
    }

    static func isSubsequence(_ short: [String], of long: [String]) -> Bool {
        var k = 0
        for word in long where k < short.count && word == short[k] { k += 1 }
        return k == short.count
    }
}
