import ArgumentParser
import TextpipeEvalKit

/// The entities stage's `textpipe eval` and `textpipe train` tasks: scoring the
/// tagger and the whole stage on CoNLL data and labelled news, and training the
/// tagger's averaged perceptrons. The training code lives here, not in the stage,
/// so the binary's stage carries only what tagging needs.
public enum EntitiesTasks: StageTasks {
    public static let eval: [any ParsableCommand.Type] = [EvalEntitiesCommand.self]
    public static let train: [any ParsableCommand.Type] = [TrainEntitiesCommand.self, TrainClustersCommand.self]
}
