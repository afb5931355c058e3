import Foundation
import Testing
import Textpipe
import TextpipeTestKit

@testable import Entities

/// Canonical names, the party gazetteer and party affiliation.
@Suite struct NameTests {
    static let mqm = "MQM-P"

    func entities(_ text: String, options: String? = nil) throws -> [Entity] {
        try StageHarness(EntitiesStage.self, options: options).run(text: text).document.entities ?? []
    }

    @Test func gazetteerCoversTwentyFiveCountries() throws {
        let gazetteer = try EntitiesStage.bundled.parties.get()
        #expect(Set(gazetteer.parties.map(\.country)).count >= 25)
        for country in [
            "PK", "IN", "BD", "LK", "NP", "GB", "US", "ZA", "KE", "NG", "AU", "CA", "DE", "FR", "ES", "IT", "MY", "MX",
            "BR",
        ] {
            #expect(gazetteer.parties.contains { $0.country == country }, "no party for \(country)")
        }
    }

    @Test func partyAliasesShareOneCanonicalName() throws {
        let found = try entities(
            "Muttahida Qaumi Movement (MQM) Pakistan workers gathered in Karachi. The MQM-P said the MQM would meet.")
        let parties = found.filter { $0.label == "ORG" }
        #expect(parties.map(\.text) == ["Muttahida Qaumi Movement (MQM) Pakistan", "MQM-P", "MQM"])
        #expect(parties.allSatisfy { $0.canonical == Self.mqm })
    }

    @Test func surnamesAndTitlesShareTheFullName() throws {
        let found = try entities("Farooq Sattar addressed workers in Karachi. Mr Sattar said Sattar would stay.")
        let sattar = found.filter { $0.text.hasSuffix("Sattar") }
        #expect(sattar.count == 3)
        #expect(sattar.allSatisfy { $0.canonical == "Farooq Sattar" && $0.label == "PER" })
    }

    @Test(arguments: [
        "MQM-P leader Farooq Sattar spoke to reporters in Karachi.",
        "Farooq Sattar of the MQM-P spoke to reporters in Karachi.",
        "Farooq Sattar (MQM-P) spoke to reporters in Karachi.",
        "Farooq Sattar, a senior MQM-P leader, spoke to reporters in Karachi.",
    ])
    func affiliationPatterns(text: String) throws {
        let sattar = try #require(try entities(text).first { $0.canonical == "Farooq Sattar" })
        #expect(sattar.party == Self.mqm)
    }

    @Test func possessiveAffiliationWithCountryEvidence() throws {
        let found = try entities("PTI's Imran Khan addressed a rally in Lahore. Khan said the protest would go on.")
        let khan = found.filter { $0.canonical == "Imran Khan" }
        #expect(khan.count == 2)
        #expect(khan.allSatisfy { $0.party == "Pakistan Tehreek-e-Insaf" })
    }

    @Test func ambiguousNamesFollowTheArticlesCountry() throws {
        let british = try entities(
            "Labour MPs met at Westminster. Labour leader Keir Starmer said Britain needed change.")
        #expect(british.first { $0.text == "Labour" }?.canonical == "Labour Party")
        #expect(british.first { $0.canonical == "Keir Starmer" }?.party == "Labour Party")
        let american = try entities("Congress passed the bill in Washington after the Senate vote.")
        #expect(american.allSatisfy { $0.party == nil }, "the US Congress is not India's Congress party")
        let indian = try entities("Congress leader Rahul Gandhi spoke in New Delhi about the Lok Sabha vote.")
        #expect(indian.first { $0.canonical == "Rahul Gandhi" }?.party == "Indian National Congress")
    }

    @Test func partyOfTheArticleForPartyRoles() throws {
        let found = try entities(
            "The MQM-P held a meeting in Karachi. The MQM-P announced new posts. Party chairman Khalid Maqbool Siddiqui chaired it."
        )
        #expect(found.first { $0.canonical == "Khalid Maqbool Siddiqui" }?.party == Self.mqm)
    }

    @Test func organsOfAPartyCarryItsName() throws {
        let found = try entities("The MQM Central Committee met in Karachi on Sunday.")
        let committee = try #require(found.first { $0.text.hasSuffix("Central Committee") })
        #expect(committee.label == "ORG" && committee.party == Self.mqm && committee.canonical != Self.mqm)
    }

    @Test func honorificsAndInitialsBelongToTheName() throws {
        let found = try entities("Maulana Fazlur Rehman met K N Nehru in Lahore on Monday.")
        let persons = found.filter { $0.label == "PER" }.map(\.text)
        #expect(persons.contains("Maulana Fazlur Rehman"))
        #expect(persons.contains("K N Nehru"))
    }

    @Test func officesAreCutOffNamesButNotOffCompanies() throws {
        let mentions = [
            Mention(text: "Rajasthan Deputy CM Sachin Pilot", label: "ORG", start: 0, end: 32, tokens: 0..<5),
            Mention(text: "General Motors", label: "ORG", start: 37, end: 51, tokens: 6..<8),
        ]
        let layout = TextLayout("Rajasthan Deputy CM Sachin Pilot met General Motors executives.")
        var repaired = mentions
        NameResolver(parties: try EntitiesStage.bundled.parties.get()).repairNames(&repaired, words: Words(layout))
        #expect(repaired.map(\.text) == ["Rajasthan", "Sachin Pilot", "General Motors"])
        #expect(repaired.map(\.label) == ["ORG", "PER", "ORG"])
    }

    @Test func acronymsResolveToTheirLongName() throws {
        let found = try entities("Members of the Central Executive Committee (CEC) met. The CEC decided to act.")
        let cec = found.filter { $0.text == "CEC" }
        #expect(!cec.isEmpty && cec.allSatisfy { $0.canonical == "Central Executive Committee" })
    }

    @Test func optionsFilterLabelsAndFields() throws {
        let found = try entities("Farooq Sattar spoke in Karachi.", options: "{ labels: [LOC], canonical: false }")
        #expect(found.map(\.label) == ["LOC"])
        #expect(found.allSatisfy { $0.canonical == nil })
        #expect(throws: StageError.self) { try StageHarness(EntitiesStage.self, options: "{ labels: [PERSON] }") }
        #expect(throws: StageError.self) {
            try StageHarness(EntitiesStage.self, options: "{ model: /no/such/model.bin }")
        }
    }

    @Test func entitiesJSONMatchesJSONEncoder() throws {
        let entities = [
            Entity(
                text: "Zoë \"Q\" Ball\n\t\u{1}/x", label: "PER", start: 0, end: 15, canonical: "Zoë Ball", party: nil),
            Entity(text: "MQM-P", label: "ORG", start: 20, end: 25, canonical: Self.mqm, party: Self.mqm),
            Entity(text: "Karachi", label: "LOC", start: 30, end: 37),
        ]
        let ours = EntityJSON.fragment(entities)
        let theirs = try JSONFragment(encoding: entities)
        #expect(try JSONDecoder().decode([Entity].self, from: Data(ours.bytes)) == entities)
        #expect(
            ours.bytes == theirs.bytes,
            "\(String(decoding: ours.bytes, as: UTF8.self)) vs \(String(decoding: theirs.bytes, as: UTF8.self))")
    }

    @Test func offsetsAreUnicodeScalarOffsets() throws {
        let text = "“Señor” Nuñez 👍🏽 met Zoë Ball in Zürich."
        let scalars = Array(text.unicodeScalars)
        let found = try entities(text)
        #expect(!found.isEmpty)
        for entity in found {
            #expect(ScalarText.string(scalars[entity.start..<entity.end]) == entity.text)
        }
    }
}

@Suite struct AmbiguousPartyWordTests {
    @Test func anAmbiguousWordInsideAnotherNameIsNoParty() throws {
        let stage = try StageHarness(EntitiesStage.self)
        let result = try stage.run(
            text: "Workers of the Valmora Democratic Front stormed the front's office in Riverton on Saturday.")
        let entities = try #require(result.document.entities)
        let front = try #require(entities.first { $0.text.contains("Valmora") })
        #expect(front.party == nil)
    }
}
