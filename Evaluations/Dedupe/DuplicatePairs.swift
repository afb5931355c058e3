/// Ground truth for `eval dedupe`: pairs of articles that are duplicates, and
/// the score of a run's `duplicate_of` marks against them.
///
/// A document *should* be marked when a ground-truth pair links it to an
/// earlier document in input order. A mark is *right* when the document it
/// points at lies in the same ground-truth cluster (pairs joined
/// transitively). Precision is right marks over all marks; recall is right
/// marks on documents that should be marked over those documents.
struct DuplicatePairs {
    /// Pairs of ids, at or above the threshold.
    var pairs: [(String, String)]

    /// Reads a TSV whose first three columns are `id_a`, `id_b`, `jaccard`;
    /// lines whose third column is not a number (a header) are skipped.
    init(tsv: String, threshold: Double) {
        pairs = []
        for line in tsv.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let similarity = Double(fields[2]) else { continue }
            if similarity >= threshold { pairs.append((String(fields[0]), String(fields[1]))) }
        }
    }

    /// One run's marks: for a document's position, the id it was marked a duplicate of.
    struct Score: Equatable {
        var marked = 0
        var shouldBeMarked = 0
        var right = 0
        var rightAmongShould = 0
        /// Ids named by pairs but absent from the input.
        var unknownIDs = 0
        /// Documents marked wrongly, and documents not marked that should be (first few each).
        var wrong: [String] = []
        var missed: [String] = []

        var precision: Double { marked == 0 ? 1 : Double(right) / Double(marked) }
        var recall: Double { shouldBeMarked == 0 ? 1 : Double(rightAmongShould) / Double(shouldBeMarked) }
    }

    /// Scores `marks` (position → id marked as duplicate of) for documents `order` (ids in input order).
    func score(order: [String], marks: [Int: String]) -> Score {
        var position: [String: Int] = [:]
        for (index, id) in order.enumerated() where position[id] == nil { position[id] = index }
        var parent = Array(order.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var score = Score()
        var should = Set<Int>()
        var unknown = Set<String>()
        for (a, b) in pairs {
            guard let pa = position[a], let pb = position[b] else {
                if position[a] == nil { unknown.insert(a) }
                if position[b] == nil { unknown.insert(b) }
                continue
            }
            parent[root(pa)] = root(pb)
            should.insert(max(pa, pb))
        }
        score.unknownIDs = unknown.count
        score.shouldBeMarked = should.count
        for (document, target) in marks.sorted(by: { $0.key < $1.key }) {
            score.marked += 1
            if let targetPosition = position[target], root(targetPosition) == root(document), targetPosition != document
            {
                score.right += 1
                if should.contains(document) { score.rightAmongShould += 1 }
            } else if score.wrong.count < 20 {
                score.wrong.append("\(order[document]) → \(target)")
            }
        }
        for document in should.sorted() where marks[document] == nil && score.missed.count < 20 {
            score.missed.append(order[document])
        }
        return score
    }
}
