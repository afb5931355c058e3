/// Running a pipeline in parts, and changing a stage's option for one run.
///
/// ```
/// textpipe run conflict-watch --until dedupe --set dedupe.mode=fingerprint   normalize, dedupe (fingerprints)
/// textpipe run conflict-watch --from dedupe                                  dedupe (applies decisions), entities, …
/// ```
///
/// A cluster recipe (`Integrations/spark`) runs the user's own pipeline file
/// in steps with a global step in between; slicing the loaded pipeline,
/// rather than writing copies of the file, keeps every other option exactly
/// as the user wrote it. Both ends of a slice are inclusive and name the
/// first stage of that name. A slice's `requires` are not checked again: the
/// stages before it ran in an earlier step.
extension Pipeline {
    /// The stages from the first one named `from` through the first one named
    /// `until` after it, both included; `nil` for either end means the pipeline's own end.
    ///
    /// - Throws: one ``Diagnostic`` naming the flag and the stages the pipeline
    ///   has, with a did-you-mean, when a name is not a stage of this pipeline,
    ///   or when `until` comes before `from`.
    public func sliced(from: String?, until: String?) throws(PipelineError) -> Pipeline {
        guard from != nil || until != nil else { return self }
        let names = stages.map(\.type.name)
        let start = try from.map { name throws(PipelineError) in try stageIndex(name, flag: "--from", names) } ?? 0
        let end =
            try until.map { name throws(PipelineError) in try stageIndex(name, flag: "--until", names) }
            ?? names.count - 1
        guard start <= end else {
            throw PipelineError(
                Diagnostic(
                    "--until '\(until ?? "")' comes before --from '\(from ?? "")' in pipeline '\(name)'",
                    hint: "its stages, in order: " + names.joined(separator: ", ")))
        }
        var slice = self
        slice.stages = Array(stages[start...end])
        return slice
    }

    /// The pipeline with option `option` of every stage named `stage` set to
    /// `value`, a YAML value (`fingerprint`, `0.9`, `null`, `[PER, ORG]`).
    ///
    /// - Throws: one ``Diagnostic`` for a stage the pipeline does not have, an
    ///   option the stage does not take (each with a did-you-mean), a value
    ///   that is not YAML, or one the stage refuses.
    public func setting(_ option: String, of stage: String, to value: String) throws(PipelineError) -> Pipeline {
        let names = stages.map(\.type.name)
        let flag = "--set \(stage).\(option)=\(value)"
        guard names.contains(stage) else {
            throw PipelineError(
                Diagnostic(
                    "\(flag): pipeline '\(name)' has no stage '\(stage)'" + Suggestions.didYouMean(stage, in: names),
                    hint: names.isEmpty ? "the pipeline has no stages" : "its stages: " + names.joined(separator: ", ")
                ))
        }
        var changed = self
        for index in stages.indices where stages[index].type.name == stage {
            changed.stages[index] = try stages[index].setting(option, to: value, flag: flag)
        }
        return changed
    }

    private func stageIndex(_ stage: String, flag: String, _ names: [String]) throws(PipelineError) -> Int {
        if let index = names.firstIndex(of: stage) { return index }
        throw PipelineError(
            Diagnostic(
                "\(flag) names stage '\(stage)', which pipeline '\(name)' does not have"
                    + Suggestions.didYouMean(stage, in: names),
                hint: names.isEmpty ? "the pipeline has no stages" : "its stages: " + names.joined(separator: ", ")))
    }
}

extension ConfiguredStage {
    /// This stage rebuilt with `option` set to the YAML `value`, the other options as written.
    func setting(_ option: String, to value: String, flag: String) throws(PipelineError) -> ConfiguredStage {
        let known = type.options.map(\.name)
        guard known.contains(option) else {
            throw PipelineError(
                Diagnostic(
                    "\(flag): stage '\(type.name)' has no option '\(option)'"
                        + Suggestions.didYouMean(option, in: known),
                    hint: known.isEmpty
                        ? "'\(type.name)' takes no options"
                        : "options of '\(type.name)': " + known.joined(separator: ", ")
                ))
        }
        do {
            let mark = YAMLMark(line: 1, column: 1)
            let written = try optionsYAML.flatMap { try YAMLParser.parse($0) }
            let pairs = (written?.mergedPairs() ?? []).filter { $0.key.scalar?.text != option }
            let newValue =
                try YAMLParser.parse(value) ?? YAMLNode(.scalar(YAMLScalar("", style: .plain, value: .null)), at: mark)
            let key = YAMLNode(.scalar(YAMLScalar(option, style: .plain, value: .string)), at: mark)
            let node = YAMLNode(.mapping(pairs + [YAMLPair(key: key, value: newValue)]), at: mark)
            var rebuilt = self
            rebuilt.instance = try type.instantiate(yaml: node)
            rebuilt.optionsYAML = YAMLEmitter.serialize(node)
            return rebuilt
        } catch let error as YAMLError {
            throw PipelineError(Diagnostic("\(flag): \(error.message)", hint: error.hint))
        } catch let error as StageError {
            throw PipelineError(Diagnostic("\(flag): \(error.message)", hint: error.hint))
        } catch {
            throw PipelineError(Diagnostic("\(flag): the value does not fit option '\(option)' of '\(type.name)'"))
        }
    }
}
