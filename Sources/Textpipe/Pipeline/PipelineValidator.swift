import Foundation

/// The shape of a pipeline file, checked, before its stages are looked up.
struct PipelineSpec {
    var description: String?
    var onError: ErrorPolicy
    var stages: [StageEntry]
}

/// One item of `stages` as written: `- name`, `- name:` or `- name: { options }`.
struct StageEntry {
    /// The stage name as typed.
    var name: String
    /// The node of the name, where messages about the stage point.
    var nameNode: YAMLNode
    /// The options node; `nil` for a bare name or null options (both mean defaults).
    var options: YAMLNode?
}

/// Checks a composed YAML tree node by node and collects every problem.
///
/// ``spec(from:)`` checks what needs no catalog (top-level keys and the
/// shape of each stage entry); ``configure(_:catalog:)`` (in
/// `PipelineValidator+Stages.swift`) checks stage names, options and `requires`.
/// A null value means "the default" everywhere except for `stages`, which is
/// required.
struct PipelineValidator {
    /// How messages name the file.
    let file: String
    /// Problems found so far, in the order found.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    static let topLevelKeys = ["description", "on_error", "stages"]

    /// The checked shape of the file, or `nil` when it has no usable `stages`.
    mutating func spec(from root: YAMLNode?) -> PipelineSpec? {
        guard let root, !root.isNull else {
            error(
                "the pipeline file is empty", at: nil,
                hint: "a pipeline needs at least 'stages:' with a list, which may be '[]'")
            return nil
        }
        guard let mapping = root.mapping else {
            error("expected a mapping with 'stages' at the top level, found \(root.summary)", at: root)
            return nil
        }
        var spec = PipelineSpec(description: nil, onError: .deadLetter, stages: [])
        var stages: YAMLNode?
        var misspelledStages = false
        for pair in mapping {
            let (key, value) = (pair.key, pair.value)
            guard let name = keyName(key) else { continue }
            switch name {
            case "description": spec.description = description(value)
            case "on_error": spec.onError = errorPolicy(value)
            case "stages": stages = value
            default:
                let suggestion = Suggestions.closest(to: name, in: Self.topLevelKeys)
                misspelledStages = misspelledStages || suggestion == "stages"
                error(
                    "unknown key '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: key,
                    hint: suggestion == nil ? "a pipeline has only 'description', 'on_error' and 'stages'" : nil)
            }
        }
        guard let stages else {
            // "unknown key 'stage'; did you mean 'stages'?" already says it.
            if misspelledStages { return nil }
            error(
                "missing 'stages'", at: root,
                hint: "list the stages, or write 'stages: []' for a pipeline that passes articles through")
            return nil
        }
        guard let items = stageItems(stages) else { return nil }
        spec.stages = items.compactMap { stageEntry($0) }
        return spec
    }

    // MARK: Top-level values

    private mutating func description(_ node: YAMLNode) -> String? {
        if node.isNull { return nil }
        guard let scalar = node.scalar else {
            error("'description' expects a string, found \(node.summary)", at: node)
            return nil
        }
        return scalar.text
    }

    private mutating func errorPolicy(_ node: YAMLNode) -> ErrorPolicy {
        if node.isNull { return .deadLetter }
        let choices = ErrorPolicy.allCases.map(\.rawValue)
        if let scalar = node.scalar, let policy = ErrorPolicy(rawValue: scalar.text) {
            return policy
        }
        let suggestion = node.scalar.map { Suggestions.didYouMean($0.text, in: choices) } ?? ""
        error("'on_error' expects fail, skip or dead-letter, found \(node.summary)\(suggestion)", at: node)
        return .deadLetter
    }

    private mutating func stageItems(_ node: YAMLNode) -> [YAMLNode]? {
        switch node.content {
        case .sequence(let items):
            return items
        default:
            error(
                "'stages' expects a list of stages, found \(node.summary)", at: node,
                hint: node.isNull
                    ? "write 'stages: []' for a pipeline that passes articles through"
                    : "write each stage on its own line as '- name'")
            return nil
        }
    }

    private mutating func stageEntry(_ item: YAMLNode) -> StageEntry? {
        switch item.content {
        case .scalar(let scalar) where !item.isNull:
            return StageEntry(name: scalar.text, nameNode: item, options: nil)
        case .mapping(let pairs) where !pairs.isEmpty:
            let (key, value) = (pairs[0].key, pairs[0].value)
            guard let name = keyName(key) else { return nil }
            if pairs.count > 1 {
                let extra = pairs[1].key
                error(
                    "unexpected \(extra.scalar.map { "key '\($0.text)'" } ?? "key") in the entry for stage '\(name)'",
                    at: extra,
                    hint: "an entry is one 'name: options' pair: indent options under '\(name):', "
                        + "or start another stage with '- '")
            }
            return StageEntry(name: name, nameNode: key, options: value.isNull ? nil : value)
        default:
            error(
                "expected a stage name or 'name: options', found \(item.summary)", at: item,
                hint: "write '- name' or '- name: { option: value }'")
            return nil
        }
    }

    // MARK: Helpers

    /// The text of a mapping key, or `nil` (reported) when the key is not a plain value.
    mutating func keyName(_ key: YAMLNode) -> String? {
        guard let scalar = key.scalar, !key.isNull else {
            error("expected a key name, found \(key.summary)", at: key)
            return nil
        }
        return scalar.text
    }

    /// Where `node` starts; line 1, column 1 for the file as a whole.
    func location(_ node: YAMLNode?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Records a problem found elsewhere (a YAML syntax error).
    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a problem at `node`.
    mutating func error(_ message: String, at node: YAMLNode?, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location(node), hint: hint))
    }
}
