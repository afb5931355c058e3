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
    /// `lexicon.txt`, and the party names that name a party wherever they
    /// appear as a `[party]` section.
    ///
    /// The gazetteer's ambiguous aliases (`?` in `parties.tsv`: "Labor",
    /// "Congress", "League", a name two countries share) are left out, and so
    /// is a canonical name spelled like one of them: the tagger's party feature
    /// fires on every occurrence, without the country evidence the resolver
    /// asks of those names, and in CoNLL training they are mostly not parties.
    /// With all 905 parties' spellings the retrained tagger fell from 0.936 to
    /// 0.933 on CoNLL dev and from 0.931 to 0.923 in typed recall of the
    /// conflict dev set's names.
    package static func wordLists() throws -> [String] {
        let parties = try Gazetteer.shared.get()
        var names: [String] = []
        for party in parties.parties {
            let ambiguous = Set(party.aliases.filter(\.ambiguous).map { $0.name.lowercased() })
            if !ambiguous.contains(party.canonical.lowercased()) { names.append(party.canonical) }
            names += party.aliases.filter { !$0.ambiguous }.map(\.name)
        }
        return [try text("lexicon.txt"), "[party]\n" + names.joined(separator: "\n")]
    }
}
