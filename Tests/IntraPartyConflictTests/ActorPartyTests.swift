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

/// Whose party a contention is: not that of who reports it at the end of the
/// sentence, nor of who accuses others of it at the start.
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

    /// Whether `party` stands only as the subject of an accusation before the cue word `cue`.
    static func onlyAccuses(_ party: String, in sentence: String, cue: String) throws -> Bool {
        let tokens = sentence.split(separator: " ")
        let position = try #require(tokens.firstIndex { $0 == cue })
        let slots = TargetResolverTests.slots(sentence, parties: parties)
        return ArticleAnalysis.onlyAccuses(party, slots, range: 0..<slots.count, before: position)
    }

    @Test(arguments: [
        ("the NHP has claimed infighting is paralysing the government .", "infighting"),
        ("NHP leaders accused the ministers of a feud that stalls reform .", "feud"),
        ("the NHP also alleged that a split had opened at the top .", "split"),
    ])
    func aLeadingAccuserIsNoActor(sentence: String, cue: String) throws {
        #expect(try Self.onlyAccuses("NHP", in: sentence, cue: cue))
    }

    @Test(arguments: [
        // The party is named after the accusation too.
        ("the NHP claimed infighting in the NHP was over .", "infighting"),
        // Saying is not accusing: its members speak of their own party.
        ("NHP MPs said the feud was hurting them .", "feud"),
        // A clause break between the party and the verb.
        ("the NHP met ; others claimed a split .", "split"),
    ])
    func aSpeakerOfItsOwnPartyStays(sentence: String, cue: String) throws {
        #expect(try !Self.onlyAccuses("NHP", in: sentence, cue: cue))
    }
}

/// In a defection the party in conflict is the one left; the one joined is only where the defector went.
@Suite struct DestinationTests {
    static let parties = ["VRF": "VRF", "NHP": "NHP"]

    static func destinations(_ sentence: String) -> [String] {
        let slots = TargetResolverTests.slots(sentence, parties: parties)
        var named: [String] = []
        for slot in slots { if let party = slot.party, !named.contains(party) { named.append(party) } }
        return ArticleAnalysis.destinations(named, slots, range: 0..<slots.count)
    }

    @Test(arguments: [
        "three VRF senators defected to the ruling NHP on Wednesday",
        "the VRF expelled ten members who joined the NHP",
        "two VRF members crossed into the opposition NHP",
    ])
    func thePartyJoinedIsADestination(sentence: String) {
        #expect(Self.destinations(sentence) == ["NHP"])
    }

    @Test(arguments: [
        // The party left, after "from".
        "NHP members defected from the VRF",
        // Named once as the destination, once as an actor.
        "NHP leaders said two VRF members defected to the NHP",
        // Too many words between "to" and the name.
        "two VRF members went to the big and noisy NHP rally",
    ])
    func otherwiseNoPartyIsADestination(sentence: String) {
        #expect(Self.destinations(sentence).isEmpty)
    }

    @Test func theArticleNamesThePartyLeftAndAimsTheExitAtIt() throws {
        // The party joined is the article's focus (named first and most), so only the rule names the one left.
        let analysis = try BundledCueTests.analysis(
            "The Northland Heritage Party won two seats on Monday. "
                + "Two Harbour Civic Party senators defected to the Northland Heritage Party. "
                + "The Northland Heritage Party leader welcomed them.")
        #expect(analysis.focus == "Northland Heritage Party")
        let sentence = try #require(analysis.sentences.first { $0.index == 1 })
        #expect(sentence.parties == ["Harbour Civic Party", "Northland Heritage Party"])
        #expect(sentence.context == "Harbour Civic Party")
        #expect(sentence.target == .ownParty)
    }
}
