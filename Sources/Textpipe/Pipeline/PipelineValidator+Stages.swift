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
            checkRequires(of: type, at: index, in: spec.stages, catalog: catalog)
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

    /// Each field `type` reads must be written by a stage before it.
    ///
    /// `requires` names fields, not stages: any stage whose `outputs` include
    /// `entities` satisfies a stage that reads `entities`, so another NER stage
    /// can stand in for the bundled one. The hint names the stage that writes
    /// the field (a later entry to move up, or one from the catalog to add).
    private mutating func checkRequires(
        of type: StageType, at index: Int, in entries: [StageEntry], catalog: StageCatalog
    ) {
        func writes(_ entry: StageEntry, _ field: String) -> Bool {
            catalog.stage(named: entry.name)?.outputs.contains(field) == true
        }
        for required in type.requires where !entries[..<index].contains(where: { writes($0, required) }) {
            let hint: String
            if let later = entries[(index + 1)...].first(where: { writes($0, required) }) {
                let line = location(later.nameNode).line
                hint = "'\(later.name)' appears later, at line \(line); move it before '\(type.name)'"
            } else {
                let writers = catalog.stages.filter { $0.outputs.contains(required) }.map(\.name)
                if writers.isEmpty {
                    hint = "no stage writes the field '\(required)'"
                } else {
                    hint = "add " + writers.map { "'- \($0)'" }.joined(separator: " or ") + " before '\(type.name)'"
                }
            }
            error(
                "stage '\(type.name)' requires '\(required)' earlier in the pipeline", at: entries[index].nameNode,
                hint: hint)
        }
    }

    /// Builds one stage, reporting every unknown key and every wrongly typed value.
    private mutating func configure(_ entry: StageEntry, as type: StageType) -> ConfiguredStage? {
        let before = diagnostics.count
        var options: [YAMLPair]?
        if let node = entry.options {
            guard node.mapping != nil else {
                error(
                    "options of stage '\(type.name)' must be a mapping, found \(node.summary)", at: node,
                    hint: type.options.first.map { "write '\(type.name): { \($0.name): \($0.defaultValue) }'" }
                        ?? "'\(type.name)' takes no options; write '- \(type.name)'")
                return nil
            }
            options = knownKeys(of: node, for: type)
        }
        guard let instance = build(type, options: options, entry: entry, problemsBefore: before),
            diagnostics.count == before
        else {
            return nil
        }
        return ConfiguredStage(
            type: type, instance: instance, location: location(entry.nameNode),
            optionsYAML: entry.options.flatMap(YAMLEmitter.serialize))
    }

    /// The pairs of the options mapping `node`, merge keys (`<<: *shared`)
    /// expanded so merged keys are checked too, whose keys `type` documents;
    /// reports the others where they are written.
    private mutating func knownKeys(of node: YAMLNode, for type: StageType) -> [YAMLPair] {
        let valid = type.options.map(\.name)
        var kept: [YAMLPair] = []
        var badMerges: [YAMLNode] = []
        let pairs = node.mergedPairs { badMerges.append($0) }
        for bad in badMerges {
            error("'<<' expects a mapping or a list of mappings, found \(bad.summary)", at: bad)
        }
        for pair in pairs {
            guard let name = keyName(pair.key) else { continue }
            if valid.contains(name) {
                kept.append(pair)
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
                at: pair.key, hint: hint)
        }
        return kept
    }

    /// Decodes the options and builds the stage; after a wrongly typed value
    /// it drops that key and tries again, so one run reports every such value.
    /// `problemsBefore` is the count of diagnostics before this stage's.
    private mutating func build(
        _ type: StageType, options: [YAMLPair]?, entry: StageEntry, problemsBefore before: Int
    ) -> StageInstance? {
        let optionsNode = entry.options ?? entry.nameNode
        var pairs = options
        for _ in 0...(options?.count ?? 0) {
            do {
                return try type.instantiate(yaml: pairs.map { YAMLNode(.mapping($0), at: optionsNode.mark) })
            } catch let decoding as DecodingError {
                guard let key = report(decoding, stage: type, fallback: optionsNode), let current = pairs else {
                    return nil
                }
                let rest = current.filter { $0.key.scalar?.text != key }
                guard rest.count < current.count else { return nil }
                pairs = rest
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

    /// Reports a decoding error at the value it is about (the node the decoder
    /// names, else the options); returns the option key to drop before retrying.
    private mutating func report(_ decoding: DecodingError, stage type: StageType, fallback: YAMLNode) -> String? {
        let context: DecodingError.Context
        var expected: Any.Type?
        switch decoding {
        case .typeMismatch(let type, let c), .valueNotFound(let type, let c):
            (context, expected) = (c, type)
        case .keyNotFound(let key, _):
            error("missing option '\(key.stringValue)' for stage '\(type.name)'", at: fallback)
            return nil
        case .dataCorrupted(let c):
            context = c
        @unknown default:
            error("options of stage '\(type.name)': \(decoding)", at: fallback)
            return nil
        }
        let option = context.codingPath.first?.stringValue
        let subject = option.map { "option '\($0)' of stage '\(type.name)'" } ?? "options of stage '\(type.name)'"
        let target =
            (context.underlyingError as? YAMLValueError)?.node ?? Self.node(at: context.codingPath, in: fallback)
        if let expected {
            let documented = type.options.first { $0.name == option }?.type
            let expects = documented ?? Self.typeName(expected)
            let quoted = target.scalar?.isQuoted ?? false
            error(
                "\(subject) expects \(expects), found \(target.summary)", at: target,
                hint: quoted && expects != "string" ? "a quoted value is a string; write it without quotes" : nil)
        } else {
            error("\(subject): \(context.debugDescription)", at: target)
        }
        return option
    }

    /// The deepest node that `path` reaches from `root`, for errors a stage's
    /// own `init(from:)` throws (those carry a path, not a node).
    private static func node(at path: [any CodingKey], in root: YAMLNode) -> YAMLNode {
        var current = root
        for key in path {
            if current.mapping != nil {
                guard let next = current.mergedPairs().last(where: { $0.key.scalar?.text == key.stringValue }) else {
                    return current
                }
                current = next.value
            } else if let items = current.sequence, let index = key.intValue, items.indices.contains(index) {
                current = items[index]
            } else {
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
        case is [String: String].Type: "a mapping"
        case is [String].Type: "a list"
        default: String(describing: type)
        }
    }
}
