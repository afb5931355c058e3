/// The contention cues of the stage (`cues.tsv`), by ``CueClass``.
package typealias CueLexicon = PhraseLexicon<CueClass>

/// The phrases that name who a contention is aimed at (`targets.tsv`), by ``TargetKind``.
package typealias TargetLexicon = PhraseLexicon<TargetKind>

/// Phrases with a label and a weight, indexed by their first word, matched
/// over a sentence's lower-cased tokens.
///
/// Read from a TSV file (see the header of `cues.tsv` for the syntax). A
/// phrase is one or more parts separated by a gap of up to ``maximumGap``
/// tokens; each part is a choice of token sequences; each token slot is a
/// choice of words.
package struct PhraseLexicon<Label: RawRepresentable & Sendable>: Sendable where Label.RawValue == String {
    /// One phrase.
    package struct Cue: Sendable {
        /// The phrase as written in the lexicon.
        package var phrase: String
        package var label: Label
        /// How strongly the phrase alone signals its class, 0…1.
        package var weight: Double
        /// Parts separated by gaps; each part is a list of alternative token sequences;
        /// each token slot lists the ids (in ``PhraseLexicon/ids(_:)``) of its alternative words.
        var parts: [[[[Int32]]]]
    }

    /// A cue found in a sentence: which cue, and the tokens it spans.
    package struct Match: Sendable, Equatable {
        package var cue: Int
        /// First token of the match.
        package var start: Int
        /// One past the last token of the match.
        package var end: Int
    }

    /// A problem in the lexicon file.
    package struct FormatError: Error, CustomStringConvertible {
        package var file: String
        package var line: Int
        package var message: String
        package var description: String { "\(file):\(line): error: \(message)" }
    }

    /// The most tokens a "..." gap may skip.
    package static var maximumGap: Int { 6 }

    package let cues: [Cue]
    /// Word → id, for every word a phrase names. Matching compares ids, so each
    /// token of an article is hashed once per lexicon instead of once per slot it
    /// is checked against (the hashing was a third of the stage's time on BBC).
    let vocabulary: [String: Int32]
    /// Word id → cues whose first part may start with it.
    private let index: [[Int]]
    /// The word every token of a party's name reads as (see `ArticleAnalysis`).
    package static var nameWord: String { "party" }
    /// Its id, when a phrase names it.
    private let nameWordID: Int32?

    /// Parses the lexicon text.
    package init(tsv: String, file: String = "cues.tsv") throws {
        var cues: [Cue] = []
        var vocabulary: [String: Int32] = [:]
        var index: [[Int]] = []
        func id(_ word: Substring) -> Int32 {
            if let known = vocabulary[String(word)] { return known }
            let new = Int32(vocabulary.count)
            vocabulary[String(word)] = new
            index.append([])
            return new
        }
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let columns = line.split(separator: "\t")
            guard columns.count == 3 else {
                throw FormatError(file: file, line: number + 1, message: "expected 'phrase<TAB>class<TAB>weight'")
            }
            guard let label = Label(rawValue: String(columns[1])) else {
                throw FormatError(file: file, line: number + 1, message: "unknown class '\(columns[1])'")
            }
            guard let weight = Double(columns[2]), (0...1).contains(weight) else {
                throw FormatError(
                    file: file, line: number + 1, message: "weight '\(columns[2])' is not a number in 0…1")
            }
            let parts: [[[[Int32]]]] = columns[0].components(separatedBy: "...").map { part in
                part.split(separator: ";").map { alternative in
                    alternative.split(separator: " ").map { slot in slot.split(separator: "|").map(id) }
                }.filter { !$0.isEmpty }
            }
            guard parts.allSatisfy({ !$0.isEmpty }) else {
                throw FormatError(file: file, line: number + 1, message: "empty part in '\(columns[0])'")
            }
            let id = cues.count
            cues.append(Cue(phrase: String(columns[0]), label: label, weight: weight, parts: parts))
            for alternative in parts[0] {
                for word in alternative[0] where index[Int(word)].last != id { index[Int(word)].append(id) }
            }
        }
        self.cues = cues
        self.vocabulary = vocabulary
        self.index = index
        self.nameWordID = vocabulary[Self.nameWord]
    }

    /// The id of each word (-1 for a word no phrase names), for ``matches(in:range:)``.
    package func ids(_ words: [String]) -> [Int32] {
        words.map { vocabulary[$0] ?? -1 }
    }

    /// Every cue that matches in `words[range]`, each at its first position.
    package func matches(in words: [String], range: Range<Int>) -> [Match] {
        matches(in: ids(words), range: range)
    }

    /// Every cue that matches in the words whose ids are `ids[range]`, each at its first position.
    package func matches(in ids: [Int32], range: Range<Int>) -> [Match] {
        var result: [Match] = []
        for start in range where ids[start] >= 0 {
            for id in index[Int(ids[start])] {
                if let end = match(cues[id], ids, at: start, limit: range.upperBound) {
                    result.append(Match(cue: id, start: start, end: end))
                }
            }
        }
        return result
    }

    /// Where `cue` ends when it matches at `start`, or `nil`.
    private func match(_ cue: Cue, _ words: [Int32], at start: Int, limit: Int) -> Int? {
        guard var end = matchPart(cue.parts[0], words, at: start, limit: limit) else { return nil }
        for part in cue.parts.dropFirst() {
            var found: Int?
            var position = end
            while position < min(limit, end + Self.maximumGap + 1) {
                if let partEnd = matchPart(part, words, at: position, limit: limit) {
                    found = partEnd
                    break
                }
                position += 1
            }
            guard let found else { return nil }
            end = found
        }
        return end
    }

    /// Where the longest alternative of `part` ends when it matches at `start`.
    ///
    /// A slot that names ``nameWord`` takes the whole run of it: every word of a
    /// party's name reads "party", so "left the party facing" must match "left
    /// the Harbour Civic Party facing" (tokens "left the party party party
    /// facing") as it matches "left the BJP facing".
    private func matchPart(_ part: [[[Int32]]], _ words: [Int32], at start: Int, limit: Int) -> Int? {
        var best: Int?
        for alternative in part where start + alternative.count <= limit {
            var position = start
            var matched = true
            for slot in alternative {
                guard position < limit, slot.contains(words[position]) else {
                    matched = false
                    break
                }
                position += 1
                if let nameWordID, words[position - 1] == nameWordID {
                    while position < limit, words[position] == nameWordID { position += 1 }
                }
            }
            if matched, position > (best ?? 0) { best = position }
        }
        return best
    }
}
