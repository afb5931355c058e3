import CIntraPartyConflictResources
import Foundation
import Textpipe

/// The files the module ships in `Resources/`, embedded in the binary
/// (`Embedded/resources.c`): the cue lexicon, the target phrases and the trained weights.
enum ConflictResources {
    /// Every embedded file.
    static let embedded = StageResources(stage: "intra-party-conflict", table: textpipe_intra_party_conflict_resources)

    /// The bytes of resource `name` (`cues.tsv`, `model.json`, `targets.tsv`).
    static func data(_ name: String) throws(StageError) -> Data {
        try embedded.data(name)
    }
}
