import Foundation

/// The files the Entities module ships in `Resources/`: the trained model,
/// the hand-written word lists and the party gazetteer.
public enum EntitiesResources {
    /// A resource file that is missing from the build.
    public struct MissingResource: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "error: the entities resource '\(name)' is missing from Textpipe_Entities.resources next to the binary; rebuild, or pass 'model:' a path"
        }
    }

    /// The URL of resource `name` (`model.bin`, `parties.tsv` …).
    public static func url(_ name: String) throws -> URL {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let base = String(name[..<dot])
        let ext = dot < name.endIndex ? String(name[name.index(after: dot)...]) : nil
        if let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources") { return url }
        if let url = Bundle.module.url(forResource: base, withExtension: ext) { return url }
        throw MissingResource(name: name)
    }

    /// The text of resource `name`.
    public static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// The word lists the tagger's gazetteer features are built from:
    /// `lexicon.txt`, and every party name and alias as a `[party]` section.
    public static func wordLists() throws -> [String] {
        let parties = try PartyGazetteer(tsv: text("parties.tsv"), countries: text("countries.tsv"))
        let names = parties.parties.flatMap { [$0.canonical] + $0.aliases.map(\.name) }
        return [try text("lexicon.txt"), "[party]\n" + names.joined(separator: "\n")]
    }
}
