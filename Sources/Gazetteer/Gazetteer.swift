import CGazetteerResources
import Textpipe

/// The party gazetteer that the entities and intra-party-conflict stages share.
///
/// Its own module, not part of either stage: intra-party-conflict needs the
/// parties' aliases but nothing else of the entities stage, and importing that
/// stage to reach them coupled the two (and parsed `parties.tsv` twice per
/// process, once for each). Both now read ``shared``, parsed once.
public enum Gazetteer {
    /// The embedded files: `parties.tsv` and `countries.tsv`.
    public static let resources = StageResources(stage: "gazetteer", table: textpipe_gazetteer_resources)

    /// The bundled gazetteer, parsed on first use, once per process (it is immutable).
    public static let shared = Result { () throws -> PartyGazetteer in
        try PartyGazetteer(tsv: resources.text("parties.tsv"), countries: resources.text("countries.tsv"))
    }
}
