import CIntraPartyConflictResources
import Foundation
import Textpipe

/// The files the module ships in `Resources/`, embedded in the binary
/// (`Embedded/resources.c`): the cue lexicon, the target phrases and the trained weights.
enum ConflictResources {
    /// Every embedded file.
    static let embedded = StageResources(
        stage: "intra-party-conflict",
        files: (0..<textpipe_intra_party_conflict_resource_count()).compactMap { index in
            textpipe_intra_party_conflict_resource_at(index).map {
                (
                    String(cString: $0.pointee.name),
                    UnsafeRawBufferPointer(start: $0.pointee.bytes, count: $0.pointee.count)
                )
            }
        })

    /// The bytes of resource `name` (`cues.tsv`, `model.json`, `targets.tsv`).
    static func data(_ name: String) throws(StageError) -> Data {
        try embedded.data(name)
    }
}
