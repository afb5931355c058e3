import Yams

extension PipelineValidator {
    /// Looks up and builds each stage of `spec`, checking names, option keys,
    /// option types and `requires`; returns the stages that could be built.
    mutating func configure(_ spec: PipelineSpec, catalog: StageCatalog) -> [ConfiguredStage] {
        var configured: [ConfiguredStage] = []
        for (index, entry) in spec.stages.enumerated() {
            guard let type = catalog.stage(named: entry.name) else {
                unknownStage(entry, catalog: catalog)
                continue
            }
            checkRequires(of: type, at: index, in: spec.stages)
            if let stage = configure(entry, as: type) { configured.append(stage) }
        }
        return configured
    }

    private mutating func unknownStage(_ entry: StageEntry, catalog: StageCatalog) {
        let names = catalog.stages.map(\.name)
        let suggestion = Suggestions.closest(to: entry.name, in: names)
        var hint: String?
        if suggestion == nil {
            hint = names.isEmpty ? "no stages are available" : "known stages: " + names.joined(separator: ", ")
        }
        error(
            "unknown stage '\(entry.name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
            at: entry.nameNode, hint: hint)
    }

    private mutating func checkRequires(of type: StageType, at index: Int, in entries: [StageEntry]) {
        for required in type.requires where !entries[..<index].contains(where: { $0.name == required }) {
            let hint: String
            if let later = entries[(index + 1)...].first(where: { $0.name == required }) {
                let line = location(later.nameNode).line
                hint = "'\(required)' appears later, at line \(line); move it before '\(type.name)'"
            } else {
                hint = "add '- \(required)' before '\(type.name)'"
            }
            error(
                "stage '\(type.name)' requires '\(required)' earlier in the pipeline", at: entries[index].nameNode,
                hint: hint)
        }
    }

    /// Builds one stage, reporting every unknown key and every wrongly typed value.
    private mutating func configure(_ entry: StageEntry, as type: StageType) -> ConfiguredStage? {
        let before = diagnostics.count
        var options: Node.Mapping?
        if let node = entry.options {
            guard case .mapping(let mapping) = node else {
                error(
                    "options of stage '\(type.name)' must be a mapping, found \(node.summary)", at: node,
                    hint: type.options.first.map { "write '\(type.name): { \($0.name): \($0.defaultValue) }'" }
                        ?? "'\(type.name)' takes no options; write '- \(type.name)'")
                return nil
            }
            options = knownKeys(of: mapping, for: type)
        }
        guard let instance = build(type, options: options, entry: entry, problemsBefore: before),
            diagnostics.count == before
        else {
            return nil
        }
        return ConfiguredStage(
            type: type, instance: instance, location: location(entry.nameNode),
            optionsYAML: entry.options.flatMap(Self.serialized))
    }

    /// The pairs of `mapping` whose keys `type` documents; reports the others.
    private mutating func knownKeys(of mapping: Node.Mapping, for type: StageType) -> Node.Mapping {
        let valid = type.options.map(\.name)
        var kept: [(Node, Node)] = []
        for (key, value) in mergedPairs(of: mapping) {
            guard let name = keyName(key) else { continue }
            if valid.contains(name) {
                kept.append((key, value))
                continue
            }
            let suggestion = Suggestions.closest(to: name, in: valid)
            var hint: String?
            if suggestion == nil {
                hint =
                    valid.isEmpty
                    ? "'\(type.name)' takes no options" : "options of '\(type.name)': " + valid.joined(separator: ", ")
            }
            error(
                "unknown option '\(name)' for stage '\(type.name)'"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                at: key, hint: hint)
        }
        return Node.Mapping(kept, mapping.tag, mapping.style, mapping.mark)
    }

    /// The pairs of `mapping` with YAML merge keys (`<<: *shared`) expanded the
    /// way Yams' decoder expands them, so merged keys are checked too and
    /// messages point at where they are written.
    private mutating func mergedPairs(of mapping: Node.Mapping) -> [(key: Node, value: Node)] {
        var merged: [(key: Node, value: Node)] = []
        var own: [(key: Node, value: Node)] = []
        for (key, value) in mapping {
            guard key.tag.description == Tag.Name.merge.rawValue else {
                own.append((key, value))
                continue
            }
            switch value {
            case .mapping(let source):
                merged += mergedPairs(of: source)
            case .sequence(let sources):
                // Yams lets earlier mappings of the list win: it lists them last.
                for case .mapping(let source) in sources.reversed() { merged += mergedPairs(of: source) }
            default:
                error("'<<' expects a mapping or a list of mappings, found \(value.summary)", at: value)
            }
        }
        return merged + own
    }

    /// Decodes the options and builds the stage; after a wrongly typed value
    /// it drops that key and tries again, so one run reports every such value.
    /// `problemsBefore` is the count of diagnostics before this stage's.
    private mutating func build(
        _ type: StageType, options: Node.Mapping?, entry: StageEntry, problemsBefore before: Int
    ) -> StageInstance? {
        let optionsNode = entry.options ?? entry.nameNode
        var mapping = options
        for _ in 0...(options?.count ?? 0) {
            do {
                return try type.instantiate(yaml: mapping.map(Node.mapping))
            } catch let decoding as DecodingError {
                guard let key = report(decoding, stage: type, options: mapping, fallback: optionsNode),
                    let current = mapping
                else { return nil }
                let rest = current.filter { $0.key.string != key }
                guard rest.count < current.count else { return nil }
                mapping = Node.Mapping(rest.map { ($0.key, $0.value) }, current.tag, current.style, current.mark)
            } catch let stageError as StageError {
                // Built from defaults in place of rejected or misspelled values,
                // the stage may complain about a setting the user never made:
                // only its own complaint about a clean set of options is news.
                if diagnostics.count == before {
                    error(
                        "invalid options for stage '\(type.name)': \(stageError.message)", at: optionsNode,
                        hint: stageError.hint)
                }
                return nil
            } catch {
                self.error("stage '\(type.name)' could not be built: \(error)", at: optionsNode)
                return nil
            }
        }
        return nil
    }

    /// Reports a decoding error at the value it is about; returns the option key to drop before retrying.
    private mutating func report(
        _ decoding: DecodingError, stage type: StageType, options: Node.Mapping?, fallback: Node
    ) -> String? {
        let path: [any CodingKey]
        let context: DecodingError.Context
        var expected: Any.Type?
        switch decoding {
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            (path, context, expected) = (c.codingPath, c, type)
        case .keyNotFound(let key, _):
            error("missing option '\(key.stringValue)' for stage '\(type.name)'", at: fallback)
            return nil
        case .dataCorrupted(let c):
            (path, context) = (c.codingPath, c)
        @unknown default:
            error("options of stage '\(type.name)': \(decoding)", at: fallback)
            return nil
        }
        let option = path.first?.stringValue
        let subject = option.map { "option '\($0)' of stage '\(type.name)'" } ?? "options of stage '\(type.name)'"
        let target = options.map { Self.node(at: path, in: .mapping($0)) } ?? fallback
        if let expected {
            let documented = type.options.first { $0.name == option }?.type
            let expects = documented ?? Self.typeName(expected)
            let quoted = target.scalar.map { [.singleQuoted, .doubleQuoted].contains($0.style) } ?? false
            error(
                "\(subject) expects \(expects), found \(target.summary)", at: target,
                hint: quoted && expects != "string" ? "a quoted value is a string; write it without quotes" : nil)
        } else {
            error("\(subject): \(context.debugDescription)", at: target)
        }
        return option
    }

    /// The deepest node that `path` reaches from `root`.
    private static func node(at path: [any CodingKey], in root: Node) -> Node {
        var current = root
        for key in path {
            switch current {
            case .mapping(let mapping):
                guard let next = mapping.reversed().first(where: { $0.key.string == key.stringValue }) else {
                    return current
                }
                current = next.value
            case .sequence(let sequence):
                guard let index = key.intValue, sequence.indices.contains(index) else { return current }
                current = sequence[index]
            default:
                return current
            }
        }
        return current
    }

    /// A Swift type as an option's documented type would name it.
    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is any BinaryInteger.Type: "int"
        case is any BinaryFloatingPoint.Type: "number"
        case is Bool.Type: "bool"
        case is String.Type: "string"
        case is Node.Mapping.Type: "a mapping"
        case is Node.Sequence.Type: "a list"
        default: String(describing: type)
        }
    }

    /// The options as YAML text, for `describe`.
    private static func serialized(_ node: Node) -> String? {
        guard let text = try? Yams.serialize(node: node) else { return nil }
        var trimmed = Substring(text)
        while trimmed.last?.isNewline == true { trimmed.removeLast() }
        return String(trimmed)
    }
}
