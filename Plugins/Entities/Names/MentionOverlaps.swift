/// The mentions whose tokens overlap a range, found without looking at every mention.
///
/// `mergeParties` asked every mention of the document about every party match:
/// quadratic, a third of the time of a 1 MB article (debug build, perf), and
/// growing with size. Mentions are indexed by their first token; a mention
/// overlapping `c..<d` starts after `c - longest` and before `d`.
struct MentionOverlaps {
    /// Mention indices sorted by first token (then index).
    private let byStart: [Int]
    private let starts: [Int]
    private let ranges: [Range<Int>]
    /// Tokens in the longest mention.
    private let longest: Int

    init(_ mentions: [Mention]) {
        // Closures, not key paths: these went through `swift_getAtKeyPath`, about 700
        // instructions a mention (8.7 M on the 510 BBC business articles).
        let ranges = mentions.map { $0.tokens }
        let byStart = ranges.indices.sorted { (ranges[$0].lowerBound, $0) < (ranges[$1].lowerBound, $1) }
        self.ranges = ranges
        self.byStart = byStart
        starts = byStart.map { ranges[$0].lowerBound }
        longest = ranges.map { $0.count }.max() ?? 0
    }

    /// The indices, ascending, of the mentions whose tokens overlap `tokens`, as `Range.overlaps` says.
    func indices(overlapping tokens: Range<Int>) -> [Int] {
        guard !tokens.isEmpty else { return [] }
        let from = tokens.lowerBound - longest
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= from { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        while low < starts.count, starts[low] < tokens.upperBound {
            if ranges[byStart[low]].overlaps(tokens) { found.append(byStart[low]) }
            low += 1
        }
        return found.sorted()
    }
}
