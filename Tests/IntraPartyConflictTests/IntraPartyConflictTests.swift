import Entities
import Foundation
import IntraPartyConflict
import Testing
import Textpipe
import TextpipeTestKit

/// The stage on fictional articles, after the entities stage, as in `conflict-watch`.
@Suite struct IntraPartyConflictTests {
    static let entities = Result { try StageHarness(EntitiesStage.self) }
    static let stage = Result { try StageHarness(IntraPartyConflictStage.self) }

    /// The report for a text run through entities then this stage.
    static func judge(_ text: String) throws -> ConflictReport {
        let tagged = try entities.get().run(text: text).document
        let document = try stage.get().run(tagged).document
        return try #require(try document.value("intra_party_conflict", as: ConflictReport.self))
    }

    /// Each subtype's fixture is flagged with its party; the gold subtype is the
    /// primary one, except where the fixture reads as two (the split fixture's
    /// factions "clash" as well as claim the name), where it must be ranked second at worst.
    @Test(arguments: [
        (Fixtures.memberProtest, "member_protest", "Valmora Renewal Front", true),
        (Fixtures.discipline, "discipline", "Northland Heritage Party", true),
        (Fixtures.defection, "defection_or_exit", "Coastal Harvest Party", true),
        (Fixtures.leadershipChallenge, "leadership_challenge", "Riverland Progress Party", true),
        (Fixtures.factionalFeud, "factional_feud", "Eastern Reform Party", true),
        (Fixtures.split, "split", "Green Horizon Party", false),
        (Fixtures.candidateSelection, "candidate_selection_dispute", "Meadow Farmers Party", true),
        (Fixtures.policyDissent, "policy_dissent", "Harbour Civic Party", true),
    ])
    func findsEachSubtype(text: String, subtype: String, party: String, primary: Bool) throws {
        let report = try Self.judge(text)
        #expect(report.label, "\(subtype): score \(report.score)")
        if primary {
            #expect(report.subtype == subtype)
        } else {
            #expect(report.subtypes.prefix(2).contains(subtype), "\(subtype): ranked \(report.subtypes)")
        }
        #expect(report.party == party)
        #expect(!report.evidence.isEmpty)
        for evidence in report.evidence where evidence.sentence >= 0 { #expect(text.contains(evidence.text)) }
    }

    @Test(arguments: [
        ("inter-party clash", Fixtures.interParty),
        ("coalition dispute", Fixtures.coalition),
        ("non-political party", Fixtures.nonPolitical),
        ("protest against the government", Fixtures.protestAgainstGovernment),
        ("government policy", Fixtures.governmentPolicy),
    ])
    func rejectsHardNegatives(kind: String, text: String) throws {
        let report = try Self.judge(text)
        #expect(!report.label, "\(kind): score \(report.score)")
        #expect(report.subtype == nil && report.party == nil && report.evidence.isEmpty)
    }

    /// The tokens the entities stage shares are the ones this stage makes itself, so
    /// reading them changes no report.
    @Test(arguments: [Fixtures.memberProtest, Fixtures.split, Fixtures.protestAgainstGovernment])
    func sharedTokensGiveTheSameReport(text: String) throws {
        let tagged = try Self.entities.get().run(text: text).document
        #expect(tagged.sharedTokens != nil, "the entities stage shares its tokens")
        var unshared = tagged
        unshared.text = String(tagged.text)  // a new text: the shared tokens are dropped
        #expect(unshared.sharedTokens == nil)
        let stage = try Self.stage.get()
        let shared = try stage.run(tagged).document.value("intra_party_conflict", as: ConflictReport.self)
        let own = try stage.run(unshared).document.value("intra_party_conflict", as: ConflictReport.self)
        #expect(shared == own)
    }

    @Test func anUnrelatedParagraphFlipsNoLabel() throws {
        for text in [Fixtures.memberProtest, Fixtures.discipline, Fixtures.factionalFeud] {
            let before = try Self.judge(text)
            let after = try Self.judge(text + Fixtures.unrelated)
            #expect(before.label && after.label)
            #expect(before.subtype == after.subtype)
        }
        for text in [Fixtures.governmentPolicy, Fixtures.interParty, Fixtures.coalition] {
            #expect(!(try Self.judge(text + Fixtures.passingMention).label))
        }
    }

    @Test func copesWithoutEntities() throws {
        let document = try Self.stage.get().run(text: Fixtures.memberProtest).document
        let report = try #require(try document.value("intra_party_conflict", as: ConflictReport.self))
        #expect(report.score >= 0 && report.score <= 1)
    }

    @Test func thresholdOptionMovesTheLabel() throws {
        let tagged = try Self.entities.get().run(text: Fixtures.memberProtest).document
        let strict = try StageHarness(IntraPartyConflictStage.self, options: "{ threshold: 1.0, max_evidence: 1 }")
        let report = try #require(
            try strict.run(tagged).document.value("intra_party_conflict", as: ConflictReport.self))
        #expect(!report.label)
        let brief = try StageHarness(IntraPartyConflictStage.self, options: "{ max_evidence: 1 }")
        let short = try #require(try brief.run(tagged).document.value("intra_party_conflict", as: ConflictReport.self))
        #expect(short.evidence.count == 1)
    }

    @Test func aMalformedEntitiesFieldIsAnErrorThatNamesIt() throws {
        let document = try TestDocuments.document(
            json: #"{"text": "The party split.", "entities": [{"text": "X", "label": "PARTY", "start": 0, "end": 1}]}"#)
        let error = #expect(throws: DocumentError.self) { try Self.stage.get().run(document) }
        #expect(error?.description.hasPrefix("field 'entities' is malformed: element 0: 'label'") == true)
    }

    /// Reading the split the entities stage shared gives the sentences splitting
    /// here would give, so `conflict-watch` may skip the second split.
    @Test(arguments: [
        Fixtures.memberProtest, Fixtures.discipline, Fixtures.split, Fixtures.coalition,
        "No full stop at the end\n\nMr. Khan said so. \"Go,\" he said... U.S. officials agreed!",
    ])
    func theSharedSplitIsTheStagesOwn(text: String) throws {
        let tagged = try Self.entities.get().run(text: text).document
        #expect(try tagged.sentences?.isEmpty == false)
        let unshared = Document(id: tagged.id, text: tagged.text, title: tagged.title, fields: tagged.fields)
        #expect(try unshared.sentences == nil)
        let stage = try IntraPartyConflictStage(options: .init())
        let shared = try stage.analyze(tagged).sentences.map { [$0.index, $0.start, $0.end] }
        let own = try stage.analyze(unshared).sentences.map { [$0.index, $0.start, $0.end] }
        #expect(shared == own)
        #expect(try stage.report(for: tagged) == stage.report(for: unshared))
    }

    @Test func rejectsABadThreshold() {
        #expect(throws: StageError.self) { try StageHarness(IntraPartyConflictStage.self, options: "{ threshold: 2 }") }
    }

    @Test func lexiconParsesPartsAndAlternatives() throws {
        let lexicon = try CueLexicon(
            tsv: "quit|left the party; the group\tdefection_or_exit\t0.9\nslogans ... against\tmember_protest\t1.0\n")
        let words = ["they", "left", "the", "party", "and", "raised", "slogans", "loudly", "against", "him"]
        let matches = lexicon.matches(in: words, range: 0..<words.count)
        #expect(matches.map(\.start) == [1, 6])
        #expect(matches.map(\.end) == [4, 9])
        #expect(throws: CueLexicon.FormatError.self) { try CueLexicon(tsv: "expel\tnot_a_class\t0.5\n") }
    }
}

/// Cue matching as the bundled lexicon does it, on sentences written for the test.
@Suite struct BundledCueTests {
    /// The analysis of a text run through entities first, as in `conflict-watch`.
    static func analysis(_ text: String) throws -> ArticleAnalysis {
        let tagged = try IntraPartyConflictTests.entities.get().run(text: text).document
        return try IntraPartyConflictStage(options: .init()).analyze(tagged)
    }

    /// The strongest weight of a class over the article's sentences.
    static func weight(_ cueClass: CueClass, in text: String) throws -> Double {
        try analysis(text).sentences.map { $0.weight(cueClass) }.max() ?? 0
    }

    /// "Left the party facing …" has the party as its object: nobody left it.
    /// The same verb with the party as what was left stays an exit.
    @Test(arguments: [
        "The defeat left the Harbour Civic Party facing its hardest test in a decade.",
        "The scandal has left the Harbour Civic Party in disarray ahead of the vote.",
        "Her death left the Harbour Civic Party without a leader for the campaign.",
        "The result was left in doubt when a Harbour Civic Party senator changed his vote.",
        "The clash left one Harbour Civic Party worker injured and two offices burnt.",
    ])
    func aCueInsideAnIdiomIsDropped(text: String) throws {
        #expect(try Self.weight(.defectionOrExit, in: text) == 0)
        #expect(try Self.weight(.idiom, in: text) == 0, "an idiom carries no weight of its own")
    }

    /// Stock phrases of ordinary news whose words read as contention cues: a camp
    /// that is a place, a firm's dissidents, a fight against a problem or for seats.
    @Test(arguments: [
        ("Battles flared near two refugee camps held by the Harbour Civic Party's allies.", CueClass.factionalFeud),
        ("A Harbour Civic Party senator met dissident Ostrava Air employees on Monday.", .policyDissent),
        ("The Harbour Civic Party said its budget would fight inflation, not feed it.", .factionalFeud),
        ("The Harbour Civic Party will fight the next elections alone.", .factionalFeud),
        ("The Harbour Civic Party vowed to fight the spread of extremist ideas.", .factionalFeud),
        ("The Harbour Civic Party, already fighting an uphill election battle, lost a seat.", .factionalFeud),
        ("The mayor likened a reporter to a concentration camp guard, the Harbour Civic Party said.", .factionalFeud),
        ("Other tax promises would be left to the Harbour Civic Party manifesto.", .defectionOrExit),
        ("Ana Ruiz, selected to fight the Ostrava Bay seat for the Harbour Civic Party, quit her job.", .factionalFeud),
        ("Exit polls: Harbour Civic Party wins limited gains in the city vote.", .defectionOrExit),
        ("The Left parties and the Harbour Civic Party won 110 seats together.", .defectionOrExit),
        ("The left wing of the Harbour Civic Party met on Sunday.", .defectionOrExit),
    ])
    func stockPhrasesOfOrdinaryNewsAreNoContention(text: String, cueClass: CueClass) throws {
        #expect(try Self.weight(cueClass, in: text) == 0)
    }

    /// A sentence that names the ruling party and tells of the opposition's crisis
    /// names no party in conflict when the article never says which party the
    /// opposition is, and the opposition's party when it does.
    @Test func theOppositionsCrisisBelongsToTheOpposition() throws {
        let crisis =
            "The ruling Harbour Civic Party is weighing a snap poll with the opposition in disarray after a leadership crisis."
        let unnamed = try #require(try Self.analysis(crisis).sentences.first { $0.contention != nil })
        #expect(unnamed.parties.isEmpty && unnamed.context == nil)
        let named = try Self.analysis(
            "The opposition Valmora Renewal Front lost two seats on Sunday. " + crisis)
        let sentence = try #require(named.sentences.last { $0.contention != nil })
        #expect(sentence.parties == ["Valmora Renewal Front"] && sentence.context == "Valmora Renewal Front")
    }

    /// A cue named only to be negated is denied.
    @Test(arguments: [
        "\"This meeting is not anti-party, it is anti-policy,\" a Harbour Civic Party councillor said.",
        "There is no rebellion in the Harbour Civic Party, its leader said.",
    ])
    func aNegatedCueIsDenied(text: String) throws {
        #expect(try Self.weight(.denial, in: text) >= 0.9)
    }

    @Test func aFightInsideThePartyStaysAFeud() throws {
        let text = "Harbour Civic Party workers fought each other over the seats at the party office."
        #expect(try Self.weight(.factionalFeud, in: text) > 0)
    }

    @Test func theSameVerbOutsideAnIdiomIsAnExit() throws {
        let text = "Councillor Mara Tenn left the Harbour Civic Party in protest at the new manifesto."
        #expect(try Self.weight(.defectionOrExit, in: text) > 0)
    }

    /// A party's own workers, said as such, are a group at full strength; bare
    /// "workers" may be a union's or a firm's and weigh half.
    @Test(arguments: [
        ("Harbour Civic Party workers gathered outside the office.", 1.0),
        ("Workers of the Harbour Civic Party gathered outside the office.", 1.0),
        ("The Harbour Civic Party said its own workers gathered outside the office.", 1.0),
        ("Hundreds of cadres gathered outside the office.", 1.0),
        ("Workers gathered outside the factory gates at dawn.", 0.5),
    ])
    func groupCuesWeighTheirTieToAParty(text: String, expected: Double) throws {
        #expect(try Self.weight(.group, in: text) == expected)
    }

    /// Rebels named by a people or a place ("Valmoran rebels", "the Kurdish
    /// \"border\" rebels") are insurgents, and so are "the rebels" further on:
    /// neither is a party's dissent.
    @Test(arguments: [
        "The Harbour Civic Party backed military aid to the Valmoran rebels. The rebels seized a bridge on Monday.",
        "The Harbour Civic Party said aid to the Kurdish \"border\" rebels would go on. The rebels fought on.",
        "The Harbour Civic Party met Valmoran dissidents in exile. The dissidents asked for asylum.",
        "The Harbour Civic Party called for the release of the jailed dissident Tomas Ferreira on Monday.",
        // No word ties these rebels to anyone, but the article speaks of an armed struggle.
        "The Harbour Civic Party asked where the aid to the guerrillas went. Funds were diverted to the rebels.",
        // An army's rebels, whatever name comes first; a "rebel group" where the article
        // speaks of ground an armed side holds.
        "Harbour Civic Party rebel forces shelled the port. The rebels then withdrew.",
        "The Harbour Civic Party rebel group offered to reopen the railway through Civic-held territory.",
    ])
    func insurgentRebelsAreNoDissent(text: String) throws {
        #expect(try Self.weight(.policyDissent, in: text) == 0)
        #expect(try Self.weight(.internal, in: text) == 0)
    }

    /// Rebels named by their party or their seat are the party's, wherever they sit,
    /// even in an article that also names a country's rebels.
    @Test(arguments: [
        "Forty Harbour Civic Party rebels voted against the budget in Ostrava Bay. The rebels want the leader to go.",
        "The Harbour Civic Party backed aid to Valmoran rebels. Three rebel MPs of the party voted against it.",
        "The rebels of the Harbour Civic Party met in Ostrava Bay to plan their challenge.",
        "Denied a Harbour Civic Party ticket, Ivo Sandor from Ostrava Bay also turned rebel on Monday.",
        "Harbour Civic Party dissident Tomas Ferreira said the leadership had betrayed its members.",
        // A party's rebels stay its own beside an armed group elsewhere in the article.
        "Forty Harbour Civic Party rebels voted against the leader. The vote was about aid to the militia.",
        // "Rebel group" without an armed struggle is a party's.
        "The Harbour Civic Party rebel group of forty members voted against the leader.",
    ])
    func aPartysRebelsStayDissent(text: String) throws {
        #expect(try Self.weight(.policyDissent, in: text) > 0)
    }
}
