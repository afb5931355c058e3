import Gazetteer
import Testing

@testable import IntraPartyConflict

/// Party names the tagger joined to a neighbouring word, read back to the party.
@Suite struct PartyAliasesTests {
    static let aliases = Result {
        PartyAliases(
            try PartyGazetteer(
                tsv: "XX\tDemocratic Party\tDemocrats\nXX\tTrinamool Congress\tTMC\n", countries: "XX\tExampleland\n"))
    }

    @Test(arguments: [
        ("Several Trinamool Congress", "Trinamool Congress"),
        ("Angry Democratic Party", "Democratic Party"),
        // A political word before the alias makes the name another party's.
        ("Liberal Democratic Party", nil),
        ("New Democratic Party", nil),
        ("Social Democratic Party", nil),
    ])
    func aNameEndingInAnAliasIsThatPartyUnlessTheLongerNameIsAnothers(name: String, party: String?) throws {
        #expect(try Self.aliases.get().party(endingName: name) == party)
    }
}
