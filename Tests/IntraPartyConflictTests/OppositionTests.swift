import Testing

@testable import IntraPartyConflict

/// "The opposition" as the side a contention belongs to: a sentence that names
/// the ruling party and tells of the opposition's crisis is not about the ruling party.
@Suite struct OppositionTests {
    static func slots(_ sentence: String, parties: [String: String] = [:], persons: [String: String] = [:])
        -> [TargetResolver.Slot]
    {
        TargetResolverTests.slots(sentence, parties: parties, persons: persons)
    }

    /// Whether the cue word `cue` of `sentence` is the opposition's.
    static func belongs(_ sentence: String, cue: String, parties: [String: String] = ["VRF": "VRF"]) throws -> Bool {
        let position = try #require(sentence.split(separator: " ").firstIndex { $0 == cue })
        return ArticleAnalysis.belongsToOpposition(slots(sentence, parties: parties), cue: position, from: 0)
    }

    @Test(arguments: [
        ("the ruling VRF weighs a snap poll with the opposition in disarray after a leadership crisis", "crisis"),
        ("the conservative opposition , already behind in the polls , faces a revolt in its own ranks", "revolt"),
    ])
    func theOppositionsCrisisIsTheOppositions(sentence: String, cue: String) throws {
        #expect(try Self.belongs(sentence, cue: cue))
    }

    @Test(arguments: [
        // The party, or its own members, nearer the cue than the word.
        ("the opposition says the VRF faces a revolt", "revolt"),
        ("the opposition mocked the party over its leadership crisis", "crisis"),
        // "Opposition" as a stance, not a side.
        ("the opposition to the leader inside the VRF grew into a revolt", "revolt"),
        ("the opposition within the party grew into a revolt", "revolt"),
        ("the opposition in the party grew into a revolt", "revolt"),
        // No "the": "opposition" as a stance again ("strong opposition from members").
        ("strong opposition from members led to a revolt", "revolt"),
    ])
    func otherwiseTheCueStaysTheParty(sentence: String, cue: String) throws {
        #expect(try !Self.belongs(sentence, cue: cue))
    }

    @Test func theOppositionIsThePartyCalledSoAndNeverRuling() {
        let named = Self.slots(
            "the opposition VRF and the ruling NHP clashed", parties: ["VRF": "VRF", "NHP": "NHP"])
        #expect(ArticleAnalysis.oppositionParty(named) == "VRF")
        let byLeader = Self.slots(
            "opposition leader Brandt met the ruling NHP", parties: ["NHP": "NHP"], persons: ["Brandt": "VRF"])
        #expect(ArticleAnalysis.oppositionParty(byLeader) == "VRF")
        let ruling = Self.slots("the ruling VRF mocked the opposition VRF", parties: ["VRF": "VRF"])
        #expect(ArticleAnalysis.oppositionParty(ruling) == nil)
        #expect(ArticleAnalysis.oppositionParty(Self.slots("the opposition walked out")) == nil)
    }
}
