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

/// Whose party a contention is: not that of who reports it at the end of the sentence.
@Suite struct AttributionTests {
    static let parties = ["VRF": "VRF", "NHP": "NHP"]

    /// Whether `party` stands only in a trailing attribution after the cue word `cue`.
    static func onlyReports(_ party: String, in sentence: String, cue: String, persons: [String: String] = [:]) throws
        -> Bool
    {
        let tokens = sentence.split(separator: " ")
        let position = try #require(tokens.firstIndex { $0 == cue })
        let slots = TargetResolverTests.slots(sentence, parties: parties, persons: persons)
        return ArticleAnalysis.onlyReports(party, slots, range: 0..<slots.count, after: position + 1)
    }

    @Test(arguments: [
        ("the leader 's feud with his deputy is damaging the country , NHP leader Howard has claimed .", "feud"),
        ("the VRF is split over the budget , NHP spokesman Ravi said on Monday .", "split"),
        ("the VRF is split over the budget , Howard said .", "split"),
    ])
    func aTrailingSpeakerIsNoActor(sentence: String, cue: String) throws {
        #expect(try Self.onlyReports("NHP", in: sentence, cue: cue, persons: ["Howard": "NHP"]))
    }

    @Test(arguments: [
        // The party in the clause of the cue itself.
        "NHP members are split over the budget , the paper said .",
        // Past the comma, but no attribution follows.
        "the VRF is split over the budget , and NHP members want a vote .",
        // An attribution, but a clause break between the party and the verb.
        "the VRF is split , NHP members argue ; the VRF said nothing .",
    ])
    func otherwiseThePartyStays(sentence: String) throws {
        #expect(try !Self.onlyReports("NHP", in: sentence, cue: "split"))
    }
}
