import Testing

@testable import IntraPartyConflict

/// The target resolver on sentences written for it: who a contention is aimed at.
@Suite struct TargetResolverTests {
    static let resolver = Result {
        TargetResolver(lexicon: try IntraPartyConflictStage.bundled.targets.get())
    }

    /// Slots for a sentence of space-separated tokens: `parties` names the
    /// tokens that are parties, `persons` the tokens that are persons with their
    /// party, `stateBodies` the tokens of a state body's name.
    static func slots(
        _ sentence: String, parties: [String: String] = [:], persons: [String: String] = [:],
        stateBodies: Set<String> = []
    ) -> [TargetResolver.Slot] {
        sentence.split(separator: " ").map { token in
            let text = String(token)
            var slot = TargetResolver.Slot(word: ArticleAnalysis.normalized(text))
            if let party = parties[text] {
                slot.word = "party"
                slot.party = party
            }
            if let party = persons[text] {
                slot.personParty = party
                slot.startsPerson = true
            }
            slot.stateBody = stateBodies.contains(text)
            return slot
        }
    }

    /// The target of the cue word `cue` in `sentence`, the actors being of `actor`.
    static func target(
        _ sentence: String, cue: String, actor: String? = "VRF", parties: [String: String] = ["VRF": "VRF"],
        persons: [String: String] = [:], stateBodies: Set<String> = []
    ) throws -> TargetKind {
        let slots = slots(sentence, parties: parties, persons: persons, stateBodies: stateBodies)
        let position = try #require(sentence.split(separator: " ").firstIndex { $0 == cue })
        return try resolver.get().target(slots, cue: position..<position + 1, actorParty: actor)
    }

    @Test(arguments: [
        ("VRF workers chanted slogans against the party leadership", "slogans", TargetKind.ownLeadership),
        ("Angry VRF workers protested outside the residence of the party chief", "protested", .ownLeadership),
        ("VRF workers stormed the party's head office in Riverton", "stormed", .ownOrgan),
        ("The VRF central committee expelled two fellow members", "expelled", .ownMember),
        ("VRF workers protested against the chief minister over fuel prices", "protested", .government),
        ("VRF supporters demonstrated against the police in the capital", "demonstrated", .government),
        ("VRF supporters clashed with the opposition after the rally", "clashed", .otherParty),
        ("The VRF snapped ties with its coalition partner on Monday", "snapped", .coalitionPartner),
        ("VRF workers held a protest on Sunday", "protest", .none),
    ])
    func resolvesPhrases(sentence: String, cue: String, expected: TargetKind) throws {
        #expect(try Self.target(sentence, cue: cue) == expected)
    }

    /// The party or person that speaks after a reporting verb is the speaker, not the target.
    @Test func theSpeakerOfAnAttributionIsNoTarget() throws {
        #expect(try Self.target("The sit-in will go on , said the VRF emir .", cue: "sit-in") == .none)
        #expect(try Self.target("The sit-in will go on , said the VRF .", cue: "sit-in") == .none)
        #expect(
            try Self.target("The protest went on , said the chief minister , while VRF workers left", cue: "protest")
                != .government)
        // A reported clause that goes on past the phrase keeps it the target.
        #expect(
            try Self.target("Workers protested and said the party leadership had betrayed them", cue: "protested")
                == .ownLeadership)
    }

    @Test func aNamedOtherPartyIsNotTheActorsOwn() throws {
        let parties = ["VRF": "VRF", "CHP": "CHP"]
        // Another party's office is another party, not an own organ.
        #expect(try Self.target("VRF workers stormed the CHP office", cue: "stormed", parties: parties) == .otherParty)
        // The actors' own party after an exit cue is the party they leave.
        #expect(
            try Self.target("Senator Quill quit the CHP on Monday", cue: "quit", actor: "CHP", parties: parties)
                == .ownParty)
    }

    @Test func personsAndStateBodiesFromTheEntitiesStage() throws {
        #expect(
            try Self.target("The VRF expelled Lindqvist on Friday", cue: "expelled", persons: ["Lindqvist": "VRF"])
                == .ownMember)
        #expect(
            try Self.target(
                "VRF workers protested against the Electoral Directorate", cue: "protested",
                stateBodies: ["Electoral", "Directorate"]) == .government)
        // A state body right after "against" wins over a member of the party named further on.
        #expect(
            try Self.target(
                "VRF workers protested against the Directorate for summoning Brandt", cue: "protested",
                persons: ["Brandt": "VRF"], stateBodies: ["Directorate"]) == .government)
    }
}
