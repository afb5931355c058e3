import CEntitiesResources
import Foundation
import Gazetteer
import Textpipe

/// The files the Entities module ships in `Resources/`, embedded in the binary
/// (`Embedded/resources.c`): the trained model and the hand-written word lists.
/// The party gazetteer is the shared ``Gazetteer`` module's.
package enum EntitiesResources {
    /// Every embedded file.
    package static let embedded = StageResources(stage: "entities", table: textpipe_entities_resources)

    /// The bytes of resource `name` (`model.bin`, `names.txt` …).
    package static func data(_ name: String) throws(StageError) -> Data {
        try embedded.data(name)
    }

    /// The text of resource `name`.
    package static func text(_ name: String) throws(StageError) -> String {
        try embedded.text(name)
    }

    /// The word lists the tagger's gazetteer features are built from:
    /// `lexicon.txt`, and every party name and alias as a `[party]` section.
    package static func wordLists() throws -> [String] {
        let parties = try Gazetteer.shared.get()
        let names = parties.parties.flatMap { [$0.canonical] + $0.aliases.map(\.name) }
        return [try text("lexicon.txt"), "[party]\n" + names.joined(separator: "\n")]
    }
}
