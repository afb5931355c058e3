import Textpipe

/// The BIO tags the tagger predicts: `O`, then `B-`/`I-` for each entity type.
package enum TagSet {
    /// The entity types, in tag order.
    package static let types = EntityLabel.allCases
    /// Number of tags: `O` plus a `B-` and an `I-` tag per type.
    package static let count = 1 + 2 * types.count
    /// The outside tag.
    package static let outside = 0

    /// The tag's name: `O`, `B-PER`, `I-ORG` …
    package static func name(_ tag: Int) -> String {
        guard tag > 0 else { return "O" }
        return (isBegin(tag) ? "B-" : "I-") + types[(tag - 1) / 2].rawValue
    }

    /// The tag for a name such as `B-LOC`; unknown names (and IOB1 oddities) map to `O`.
    package static func tag(named name: Substring) -> Int {
        guard name.count > 2, let label = EntityLabel(rawValue: String(name.dropFirst(2))),
            let type = types.firstIndex(of: label)
        else { return outside }
        switch name.first {
        case "B": return 1 + 2 * type
        case "I": return 2 + 2 * type
        default: return outside
        }
    }

    /// Whether `tag` opens an entity.
    @inlinable public static func isBegin(_ tag: Int) -> Bool { tag > 0 && tag % 2 == 1 }
    /// The entity type index of a non-`O` tag.
    @inlinable public static func typeIndex(_ tag: Int) -> Int { (tag - 1) / 2 }

    /// Whether `tag` may follow `previous` (`nil` at the start of a sentence):
    /// an `I-X` tag continues only a `B-X` or `I-X`.
    @inlinable public static func allowed(_ tag: Int, after previous: Int?) -> Bool {
        guard tag > 0, !isBegin(tag) else { return true }
        guard let previous, previous > 0 else { return false }
        return typeIndex(previous) == typeIndex(tag)
    }

    /// The entity spans (token ranges and type index) in a tag sequence.
    ///
    /// Lenient like `conlleval`: an `I-X` that does not continue an `X` opens one.
    package static func spans(_ tags: [Int]) -> [(range: Range<Int>, type: Int)] {
        var result: [(range: Range<Int>, type: Int)] = []
        var start = -1
        var type = -1
        for (index, tag) in tags.enumerated() {
            let continues = tag > 0 && !isBegin(tag) && typeIndex(tag) == type
            if !continues {
                if start >= 0 { result.append((start..<index, type)) }
                start = tag > 0 ? index : -1
                type = tag > 0 ? typeIndex(tag) : -1
            }
        }
        if start >= 0 { result.append((start..<tags.count, type)) }
        return result
    }
}
