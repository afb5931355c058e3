import Foundation

/// The files the module ships in `Resources/`: the cue lexicon and the trained weights.
enum ConflictResources {
    /// A resource missing from the build.
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String {
            "the intra-party-conflict resource '\(name)' is missing from Textpipe_IntraPartyConflict.resources next to the binary; rebuild"
        }
    }

    /// The text of resource `name` (`cues.tsv`, `model.json`).
    static func data(_ name: String) throws -> Data {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let base = String(name[..<dot])
        let ext = dot < name.endIndex ? String(name[name.index(after: dot)...]) : nil
        let url =
            Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: base, withExtension: ext)
        guard let url else { throw Missing(name: name) }
        return try Data(contentsOf: url)
    }
}
