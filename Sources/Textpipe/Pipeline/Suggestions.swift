/// Did-you-mean suggestions for names a user typed: stages, option keys,
/// pipeline names, top-level keys.
///
/// ```swift
/// Suggestions.closest(to: "dedup", in: ["dedupe", "entities"])   // "dedupe"
/// Suggestions.closest(to: "intra", in: ["intra-party-conflict"]) // "intra-party-conflict"
/// Suggestions.closest(to: "xyz", in: ["dedupe"])                 // nil
/// ```
public enum Suggestions {
    /// The candidate closest to `word`, or `nil` when none is close enough.
    ///
    /// Close enough means a Damerau–Levenshtein distance (ignoring case) of at
    /// most `max(1, word.count / 3)`; failing that, one of the two being a
    /// prefix of the other, when the shorter has at least 3 characters
    /// (`intra` → `intra-party-conflict`). Ties go to the alphabetically first
    /// candidate, so the suggestion never depends on the candidates' order.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        let limit = max(1, typed.count / 3)

        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.lowercased()))
            guard distance <= limit else { continue }
            if best.map({ (distance, candidate) < ($0.distance, $0.name) }) ?? true {
                best = (distance, candidate)
            }
        }
        if let best { return best.name }

        var prefixed: (extra: Int, name: String)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let (short, long) = typed.count <= other.count ? (typed, other) : (other, typed)
            guard short.count >= 3, long.starts(with: short) else { continue }
            let extra = long.count - short.count
            if prefixed.map({ (extra, candidate) < ($0.extra, $0.name) }) ?? true {
                prefixed = (extra, candidate)
            }
        }
        return prefixed?.name
    }

    /// `"; did you mean 'x'?"` for the closest candidate, or `""`: ready to append to a message.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Damerau–Levenshtein distance between two strings, case-sensitive:
    /// insertions, deletions, substitutions and swaps of two adjacent characters
    /// each cost 1 (the "optimal string alignment" form).
    public static func distance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rolling rows: the swap rule looks two rows back.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
