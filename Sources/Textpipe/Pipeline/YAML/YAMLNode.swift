/// Where a YAML node starts: 1-based line and column.
///
/// Columns count Unicode scalars, as libyaml does (`é` is one column, a tab one).
struct YAMLMark: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// One node of a parsed YAML document, with where it is written.
///
/// Aliases are resolved: `*short` is the node `&short` names, with the mark of
/// the anchored node, so a message about an aliased value points at where the
/// value is written. ``expandedSize`` counts nodes with every alias expanded,
/// which is what walking the tree costs; ``YAMLParser`` bounds it.
struct YAMLNode: Sendable {
    /// What the node holds.
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var mark: YAMLMark
    /// This node and everything under it, aliases counted as often as they are used.
    var expandedSize: Int

    init(_ content: Content, at mark: YAMLMark) {
        self.content = content
        self.mark = mark
        switch content {
        case .scalar: expandedSize = 1
        case .sequence(let items): expandedSize = items.reduce(1) { $0 + $1.expandedSize }
        case .mapping(let pairs): expandedSize = pairs.reduce(1) { $0 + $1.key.expandedSize + $1.value.expandedSize }
        }
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// Whether this is YAML's null: an empty value, `~` or `null`.
    var isNull: Bool { scalar?.value == .null }

    /// The node as a message quotes it: `'three'`, `null`, `a mapping`, `a list`.
    var summary: String {
        switch content {
        case .scalar(let scalar):
            if scalar.value == .null { return "null" }
            var text = scalar.text.replacingOccurrences(of: "\n", with: "\\n")
            if text.count > 40 { text = text.prefix(37) + "..." }
            return "'\(text)'"
        case .mapping(let pairs): return pairs.isEmpty ? "an empty mapping" : "a mapping"
        case .sequence(let items): return items.isEmpty ? "an empty list" : "a list"
        }
    }

    /// The value of the last pair whose key is the scalar `key` (a later key wins, as after a merge).
    subscript(key: String) -> YAMLNode? {
        mapping?.last { $0.key.scalar?.text == key }?.value
    }

    /// The pairs of a mapping with merge keys (`<<: *shared`) expanded: merged
    /// pairs first, then the mapping's own, so that with last-wins lookup an
    /// own key overrides a merged one, and of a list of merged mappings the
    /// earlier wins (YAML's merge rule). A `<<` whose value is neither a mapping
    /// nor a list of mappings goes to `invalid` and adds nothing.
    func mergedPairs(invalid: (YAMLNode) -> Void = { _ in }) -> [YAMLPair] {
        guard let pairs = mapping else { return [] }
        var merged: [YAMLPair] = []
        var own: [YAMLPair] = []
        for pair in pairs {
            guard pair.key.scalar?.isMergeKey == true else {
                own.append(pair)
                continue
            }
            switch pair.value.content {
            case .mapping:
                merged += pair.value.mergedPairs(invalid: invalid)
            case .sequence(let sources):
                for source in sources.reversed() {
                    if source.mapping != nil {
                        merged += source.mergedPairs(invalid: invalid)
                    } else {
                        invalid(source)
                    }
                }
            case .scalar:
                invalid(pair.value)
            }
        }
        return merged + own
    }
}

/// One key and its value in a mapping.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// A scalar as written, and what the YAML 1.2 core schema makes of it.
struct YAMLScalar: Sendable, Equatable {
    /// How the scalar is written.
    enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The type the core schema gives the scalar; the text is kept as written.
    enum Value: Sendable, Equatable {
        case null, bool(Bool), int, float, string
    }

    /// The scalar's text, with quotes and escapes undone and line folding applied.
    var text: String
    var style: Style
    var value: Value
    /// Whether the scalar is plain and has no tag, the only way to write a merge key.
    var isMergeKey: Bool

    init(_ text: String, style: Style, value: Value, isMergeKey: Bool = false) {
        self.text = text
        self.style = style
        self.value = value
        self.isMergeKey = isMergeKey
    }

    /// Whether the scalar is written in quotes (and so is a string, whatever its text).
    var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }
}
