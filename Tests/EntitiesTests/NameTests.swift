import Foundation
import Gazetteer
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

    @Test func noPlaceIsAPartyOnItsOwn() throws {
        // A place that an unambiguous alias also matches would make every mention of it a party
        // ("I.N.D.I.A." once turned every "India" into the alliance).
        let gazetteer = try EntitiesStage.bundled.parties.get()
        var section = ""
        for line in try EntitiesResources.text("lexicon.txt").split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("[") {
                section = String(line)
                continue
            }
            guard section == "[place]" || section == "[nationality]" else { continue }
            let layout = TextLayout(String(line))
            var key = NameKey(foldCase: true)
            for token in layout.tokens { key.add(layout.scalars[token]) }
            let plain = gazetteer.candidates(key.hash).filter { !$0.ambiguous }
            #expect(
                plain.isEmpty, "'\(line)' is a plain alias of \(plain.map { gazetteer.parties[$0.party].canonical })")
        }
    }

    @Test func partyAliasesShareOneCanonicalName() throws {
        let found = try entities(
            "Muttahida Qaumi Movement (MQM) Pakistan workers gathered in Karachi. The MQM-P said the MQM would meet.")
        let parties = found.filter { $0.label == .organization }
        #expect(parties.map(\.text) == ["Muttahida Qaumi Movement (MQM) Pakistan", "MQM-P", "MQM"])
        #expect(parties.allSatisfy { $0.canonical == Self.mqm })
    }

    @Test func surnamesAndTitlesShareTheFullName() throws {
        let found = try entities("Farooq Sattar addressed workers in Karachi. Mr Sattar said Sattar would stay.")
        let sattar = found.filter { $0.text.hasSuffix("Sattar") }
        #expect(sattar.count == 3)
        #expect(sattar.allSatisfy { $0.canonical == "Farooq Sattar" && $0.label == .person })
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
        #expect(committee.label == .organization && committee.party == Self.mqm && committee.canonical != Self.mqm)
    }

    @Test func honorificsAndInitialsBelongToTheName() throws {
        let found = try entities("Maulana Fazlur Rehman met K N Nehru in Lahore on Monday.")
        let persons = found.filter { $0.label == .person }.map(\.text)
        #expect(persons.contains("Maulana Fazlur Rehman"))
        #expect(persons.contains("K N Nehru"))
    }

    @Test func twoCapitalsWrittenAsInitialsBelongToTheName() throws {
        let persons = try entities(
            "The Valmora Renewal Front expelled KP Tomas Verdi on Monday, and Md Ilse Marrow resigned."
        ).filter { $0.label == .person }.map(\.text)
        #expect(persons == ["KP Tomas Verdi", "Md Ilse Marrow"])
        // Offices and countries stay off the name.
        let others = try entities("PM Tomas Verdi met US envoy Ilse Marrow.").filter { $0.label == .person }.map(\.text)
        #expect(others == ["Tomas Verdi", "Ilse Marrow"])
        // "Md" is Mohammed only in that spelling; "MD" is a managing director.
        let director = try entities("The firm's MD Tomas Verdi resigned on Monday.").filter { $0.label == .person }
        #expect(director.map(\.text) == ["Tomas Verdi"])
    }

    @Test func officesAreCutOffNamesButNotOffCompanies() throws {
        let mentions = [
            Mention(text: "Rajasthan Deputy CM Sachin Pilot", label: .organization, start: 0, end: 32, tokens: 0..<5),
            Mention(text: "General Motors", label: .organization, start: 37, end: 51, tokens: 6..<8),
        ]
        let layout = TextLayout("Rajasthan Deputy CM Sachin Pilot met General Motors executives.")
        var repaired = mentions
        NameResolver(parties: try EntitiesStage.bundled.parties.get()).repairNames(&repaired, words: Words(layout))
        #expect(repaired.map(\.text) == ["Rajasthan", "Sachin Pilot", "General Motors"])
        #expect(repaired.map(\.label) == [.organization, .person, .organization])
    }

    /// A person the tagger ran over a title, as whole person mentions from the text's first token.
    static func repairedPerson(_ text: String, tokens count: Int) throws -> String {
        let layout = TextLayout(text)
        let end = layout.tokens[count - 1].upperBound
        var repaired = [Mention(text: layout.text(0..<end), label: .person, start: 0, end: end, tokens: 0..<count)]
        NameResolver(parties: try EntitiesStage.bundled.parties.get()).repairNames(&repaired, words: Words(layout))
        return repaired.map(\.text).joined(separator: "|")
    }

    @Test(arguments: [
        ("Madam Efua Mensah spoke to delegates.", 3, "Efua Mensah"),
        ("Cde Tendai Moyo addressed the rally.", 3, "Tendai Moyo"),
        ("Chancellor Anna Keller resigned.", 3, "Anna Keller"),
        ("Datuk Seri Rahman Osman quit the party.", 4, "Rahman Osman"),
        ("Tan Sri Lim Kok Wah met them.", 5, "Lim Kok Wah"),
    ])
    func titlesAreCutOffThePerson(text: String, tokens: Int, name: String) throws {
        #expect(try Self.repairedPerson(text, tokens: tokens) == name)
    }

    @Test(arguments: [
        // "Sri" and "Tan" are names of their own without the title before them.
        ("Sri Wahyuni Lestari spoke to delegates.", 3),
        ("Tan Mei Ling spoke to delegates.", 3),
        // The labelled sets keep South Asian honorifics in the name.
        ("Maulana Abdul Karim spoke to delegates.", 3),
    ])
    func otherwiseTheFirstWordStays(text: String, tokens: Int) throws {
        let layout = TextLayout(text)
        #expect(try Self.repairedPerson(text, tokens: tokens) == layout.text(0..<layout.tokens[tokens - 1].upperBound))
    }

    @Test func aNameDoesNotEndOnAConnector() throws {
        let text = "Inspector Rovan of Kellmore Police Station and two officers arrived."
        let layout = TextLayout(text)
        let end = layout.tokens[6].upperBound
        var repaired = [
            Mention(text: layout.text(0..<end), label: .organization, start: 0, end: end, tokens: 0..<7)
        ]
        NameResolver(parties: try EntitiesStage.bundled.parties.get()).repairNames(&repaired, words: Words(layout))
        #expect(repaired.map(\.text) == ["Inspector Rovan of Kellmore Police Station"])
    }

    /// The mentions a tagger might give `layout`'s text, as `(token range, label)`.
    static func tagged(_ tagged: [(Range<Int>, EntityLabel)], in layout: TextLayout) -> [Mention] {
        tagged.map { tokens, label in
            let start = layout.tokens[tokens.lowerBound].lowerBound
            let end = layout.tokens[tokens.upperBound - 1].upperBound
            return Mention(text: layout.text(start..<end), label: label, start: start, end: end, tokens: tokens)
        }
    }

    /// Mentions of `text` with the labels a tagger might give (`(token range, label)`), after ``NameResolver/retype``.
    static func retyped(_ text: String, _ tagged: [(Range<Int>, EntityLabel)], gazetteer: [String: UInt16] = [:]) throws
        -> [String]
    {
        let layout = TextLayout(text)
        let words = Words(layout)
        var mentions = Self.tagged(tagged, in: layout)
        NameResolver(parties: try EntitiesStage.bundled.parties.get()).retype(&mentions, words: words) { tokens in
            gazetteer[tokens.map { words.text($0) }.joined(separator: " ")] ?? 0
        }
        return mentions.map { "\($0.text)/\($0.label)" }
    }

    @Test func labelsFollowTheWordsAroundAMention() throws {
        // An office before a name, and a role after its comma, make a person.
        #expect(
            try Self.retyped("Party general secretary Ravi Menon resigned.", [(3..<5, .organization)]) == [
                "Ravi Menon/PER"
            ])
        #expect(
            try Self.retyped(
                "Posters attacked Om Prakash, BJP general secretary for the state.", [(2..<4, .organization)])
                == ["Om Prakash/PER"])
        // ... but not after "the", nor when the role belongs to the next name.
        #expect(
            try Self.retyped("A letter seen by the Herald, president Ann Lee said.", [(5..<6, .organization)]) == [
                "Herald/ORG"
            ]
        )
        #expect(
            try Self.retyped("Rebels from Kelbrook, former MP Jon Reyes among them.", [(2..<3, .person)]) == [
                "Kelbrook/PER"
            ])
        // Constituencies: "seat of …", "… MP", "… district".
        #expect(
            try Self.retyped("She will not contest her seat of Lalbury again.", [(7..<8, .organization)]) == [
                "Lalbury/LOC"
            ])
        #expect(try Self.retyped("He met Zendara MP Okello Wafula.", [(2..<3, .organization)]) == ["Zendara/LOC"])
        #expect(try Self.retyped("Paul Boateng MP said so.", [(0..<2, .person)]) == ["Paul Boateng/PER"])
        #expect(try Self.retyped("Rallies in Varnoor district grew.", [(2..<3, .person)]) == ["Varnoor/LOC"])
        // Legislatures are organizations; a day does not end a place.
        #expect(try Self.retyped("The bill failed in the Commons.", [(5..<6, .misc)]) == ["Commons/ORG"])
        #expect(try Self.retyped("They met at Ashoka Road Wednesday.", [(3..<6, .location)]) == ["Ashoka Road/LOC"])
        // A place the gazetteer knows is not an organization, except in sport.
        let place: UInt16 = 1 << UInt16(Lexicon.Category.place.rawValue)
        #expect(
            try Self.retyped("India calls for fair trade rules.", [(0..<1, .organization)], gazetteer: ["India": place])
                == ["India/LOC"])
        #expect(
            try Self.retyped("India won the match 3-1.", [(0..<1, .organization)], gazetteer: ["India": place]) == [
                "India/ORG"
            ]
        )
        // Peers and knights are persons; streets and quarters are places; a constituency loses its house.
        #expect(try Self.retyped("Lord Ashby gave money.", [(0..<2, .location)]) == ["Lord Ashby/PER"])
        #expect(try Self.retyped("Crowds filled University Road.", [(2..<4, .organization)]) == ["University Road/LOC"])
        #expect(
            try Self.retyped("A ticket in Varnoor Assembly constituency went to him.", [(3..<5, .organization)])
                == ["Varnoor/LOC"])
        // A legislature the tagger passed over is added.
        #expect(try Self.retyped("Numbers in Parliament matter.", []) == ["Parliament/ORG"])
        // A person glued to the end of an organization is cut off it, and a surname follows its person.
        #expect(
            try Self.retyped(
                "Valmora Steel Philippe Arnaud left. Arnaud said so.",
                [(0..<4, .organization), (6..<7, .organization)],
                gazetteer: ["Philippe": 1 << UInt16(Lexicon.Category.firstName.rawValue)])
                == ["Valmora Steel/ORG", "Philippe Arnaud/PER", "Arnaud/PER"])
        // A place with a compass word is a constituency; a name ending like an organization's is one;
        // a known first name and a surname make a person.
        let category = { (category: Lexicon.Category) in UInt16(1) << UInt16(category.rawValue) }
        #expect(
            try Self.retyped("He won Dunmore East.", [(2..<4, .misc)], gazetteer: ["Dunmore": category(.place)])
                == ["Dunmore East/LOC"])
        #expect(
            try Self.retyped(
                "He told Harbour TV so.", [(2..<4, .location)], gazetteer: ["TV": category(.organizationWord)])
                == ["Harbour TV/ORG"])
        #expect(
            try Self.retyped(
                "Then Abhishek Tandel spoke.", [(1..<3, .organization)], gazetteer: ["Abhishek": category(.firstName)])
                == ["Abhishek Tandel/PER"])
        // Kin, bylines, "…, who" and "… said he" point to persons; a list's names share their kind.
        #expect(try Self.retyped("Her son, Daham, was there.", [(3..<4, .location)]) == ["Daham/PER"])
        #expect(try Self.retyped("(Edited by Zodwa Mkhize)", [(3..<5, .organization)]) == ["Zodwa Mkhize/PER"])
        #expect(try Self.retyped("Later Mithrapala said he had asked.", [(1..<2, .organization)]) == ["Mithrapala/PER"])
        #expect(try Self.retyped("Then Kovalu, who led it, left.", [(1..<2, .location)]) == ["Kovalu/PER"])
        #expect(
            try Self.retyped(
                "It suspended Vijay, Durai Raj, Muthan and Ramadoss.",
                [(2..<3, .person), (4..<6, .person), (7..<8, .location), (9..<10, .organization)])
                == ["Vijay/PER", "Durai Raj/PER", "Muthan/PER", "Ramadoss/PER"])
        // Web addresses are organizations, and so is the name before their dot; a station keeps its number.
        #expect(
            try Self.retyped("Shares in Zarvo.com rose; Zarvo said so.", [(2..<3, .misc), (5..<6, .location)])
                == ["Zarvo.com/ORG", "Zarvo/ORG"])
        #expect(
            try Self.retyped("He told Harbour Radio 4 listeners.", [(2..<4, .organization)]) == ["Harbour Radio 4/ORG"])
        // A place does not open a person's name.
        #expect(
            try Self.retyped(
                "Then Varnoor Ravi Menon spoke.", [(1..<4, .person)],
                gazetteer: ["Varnoor": category(.place), "Ravi": category(.firstName)])
                == ["Varnoor/LOC", "Ravi Menon/PER"])
        // A portfolio after "Minister for" is not part of the minister's name.
        #expect(
            try Self.retyped(
                "Minister for Finance Ravi Menon left.", [(2..<5, .person)], gazetteer: ["Ravi": category(.firstName)])
                == ["Ravi Menon/PER"])
        // Not in a Title Case headline, nor for venues; a judge's title takes the name after it.
        #expect(
            try Self.retyped(
                "Police Arrest Abhishek Tandel Over Riots", [(2..<4, .organization)],
                gazetteer: ["Abhishek": category(.firstName)]) == ["Abhishek Tandel/ORG"])
        #expect(
            try Self.retyped(
                "Fans filled Heinz Field today.", [(2..<4, .organization)], gazetteer: ["Heinz": category(.firstName)])
                == ["Heinz Field/ORG"])
        #expect(
            try Self.retyped("A finding by Lord Justice May stood.", [(3..<5, .location)]) == ["Lord Justice May/PER"])
        // A list does not turn a person into a place; a known place is no one's surname;
        // a first name that belongs to a place does not split a team.
        #expect(
            try Self.retyped(
                "It covers Valdor, Kelmar and Ravi Menon.", [(2..<3, .location), (4..<5, .location), (6..<8, .person)])
                == ["Valdor/LOC", "Kelmar/LOC", "Ravi Menon/PER"])
        #expect(
            try Self.retyped(
                "Ravi China met them. China said so.", [(0..<2, .person), (5..<6, .location)],
                gazetteer: ["China": category(.place)]) == ["Ravi China/PER", "China/LOC"])
        #expect(
            try Self.retyped(
                "He joined the San Diego Chargers.", [(3..<6, .organization)],
                gazetteer: ["San Diego": category(.place), "Diego": category(.firstName)])
                == ["San Diego Chargers/ORG"])
        // An office's abbreviation alone names no one.
        #expect(try Self.retyped("The PM met them.", [(1..<2, .organization)]) == [])
        // First names the tagger left out, and touching pieces of one person.
        let firstName: UInt16 = 1 << UInt16(Lexicon.Category.firstName.rawValue)
        #expect(
            try Self.retyped("Police said Suraj Bhan Singh left.", [(3..<5, .person)], gazetteer: ["Suraj": firstName])
                == ["Suraj Bhan Singh/PER"])
        #expect(
            try Self.retyped("Police said Bishwa Prakash Sharma left.", [(2..<3, .person), (3..<5, .person)])
                == ["Bishwa Prakash Sharma/PER"])
        // A firm's legal ending makes an organization of a MISC name; an organ's noun joins the name.
        #expect(
            try Self.retyped("It hired Harrow Lane Limited then.", [(2..<5, .misc)]) == ["Harrow Lane Limited/ORG"])
        #expect(
            try Self.retyped("The VDF National Executive met.", [(1..<3, .organization)])
                == ["VDF National Executive/ORG"])
        #expect(
            try Self.retyped("The VDF National executive met.", [(1..<3, .organization)]) == ["VDF National/ORG"])
        // An abbreviation the article defines in brackets is a name of the same kind, everywhere.
        #expect(
            try Self.retyped(
                "Orvel Harbour Trust (OHT) agreed. Later OHT and Kemra met.",
                [(0..<3, .organization), (11..<12, .location)])
                == ["Orvel Harbour Trust/ORG", "OHT/ORG", "OHT/ORG", "Kemra/LOC"])
        #expect(
            try Self.retyped("Orvel Harbour Trust (oht) agreed.", [(0..<3, .organization)]) == [
                "Orvel Harbour Trust/ORG"
            ])
        // In a list of places, a person the gazetteers know as a place is that place.
        #expect(
            try Self.retyped(
                "They marched in Varnoor, Kelmar, Tessi and Dunmore.",
                [(3..<4, .location), (5..<6, .location), (7..<8, .person), (9..<10, .location)],
                gazetteer: ["Tessi": category(.place)])
                == ["Varnoor/LOC", "Kelmar/LOC", "Tessi/LOC", "Dunmore/LOC"])
        // Two names joined over "at", or over "in" before a known place or a legislature, are two.
        #expect(
            try Self.retyped("the crowd met Orvel at Tansy Harbour Park today.", [(3..<8, .location)])
                == ["Orvel/LOC", "Tansy Harbour Park/LOC"])
        #expect(
            try Self.retyped("the Brenn Charter in Parliament was read.", [(1..<5, .organization)])
                == ["Brenn Charter/ORG", "Parliament/ORG"])
        #expect(
            try Self.retyped("the Thrift in Harbour Trade Group met.", [(1..<6, .organization)])
                == ["Thrift in Harbour Trade Group/ORG"])
        // Spelled from the name's initials only: a dateline's agency is not the place's abbreviation.
        #expect(
            try Self.retyped("the port of Nela Vora (AP) and AP said so.", [(3..<5, .location)]) == ["Nela Vora/LOC"])
    }

    /// The name-list categories of the whole of `text`.
    static func categories(of text: String, in lists: NameLists) -> UInt16 {
        let layout = TextLayout(text)
        return lists.categories(0..<layout.tokens.count, Words(layout))
    }

    @Test func nameListsMatchPhrasesAsTokenized() {
        let lists = NameLists(
            text: "# comment\n[place]\n  Jigawa North-West \nSt. Helens\nBank Officers' Colony\n[first-name]\nRavi\n")
        func bits(_ text: String) -> UInt16 { Self.categories(of: text, in: lists) }
        let place: UInt16 = 1 << UInt16(Lexicon.Category.place.rawValue)
        #expect(bits("JIGAWA NORTH-WEST") == place)
        #expect(bits("St. Helens") == place)
        #expect(bits("Bank Officers' Colony") == place)
        #expect(bits("Ravi") == 1 << UInt16(Lexicon.Category.firstName.rawValue))
        #expect(bits("Ravi Menon") == 0)
    }

    @Test func nameListsFoldCaseBeyondASCIIAndCountWords() {
        let text = "[place]\n\tŁódź Voivodeship\t\r\n#Kraków\nSão Tomé  and   Príncipe\n[first-name]\nZoë\n"
        let lists = NameLists(text: text)
        func bits(_ text: String) -> UInt16 { Self.categories(of: text, in: lists) }
        let place: UInt16 = 1 << UInt16(Lexicon.Category.place.rawValue)
        #expect(bits("ŁÓDŹ voivodeship") == place)
        #expect(bits("são tomé and príncipe") == place)
        #expect(bits("Kraków") == 0)
        #expect(bits("ZOË") == 1 << UInt16(Lexicon.Category.firstName.rawValue))
        // Runs of spaces are one break between words.
        #expect(lists.longest == 4)
    }

    @Test func acronymsResolveToTheirLongName() throws {
        let found = try entities("Members of the Central Executive Committee (CEC) met. The CEC decided to act.")
        let cec = found.filter { $0.text == "CEC" }
        #expect(!cec.isEmpty && cec.allSatisfy { $0.canonical == "Central Executive Committee" })
    }

    @Test func optionsFilterLabelsAndFields() throws {
        let found = try entities("Farooq Sattar spoke in Karachi.", options: "{ labels: [LOC], canonical: false }")
        #expect(found.map(\.label) == [.location])
        #expect(found.allSatisfy { $0.canonical == nil })
        #expect(throws: StageError.self) { try StageHarness(EntitiesStage.self, options: "{ labels: [PERSON] }") }
        #expect(throws: StageError.self) {
            try StageHarness(EntitiesStage.self, options: "{ model: /no/such/model.bin }")
        }
    }

    @Test func entitiesJSONMatchesJSONEncoder() throws {
        let entities = [
            Entity(
                text: "Zoë \"Q\" Ball\n\t\u{1}/x", label: .person, start: 0, end: 15, canonical: "Zoë Ball", party: nil),
            Entity(text: "MQM-P", label: .organization, start: 20, end: 25, canonical: Self.mqm, party: Self.mqm),
            Entity(text: "Karachi", label: .location, start: 30, end: 37),
        ]
        var document = Document(id: "a", text: "")
        document.setEntities(entities)
        let ours = try #require(document.field("entities"))
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
        let entities = try #require(try result.document.entities)
        let front = try #require(entities.first { $0.text.contains("Valmora") })
        #expect(front.party == nil)
    }
}

/// How party names from the gazetteer override the tagger's pieces of them.
@Suite struct PartyMergeTests {
    /// `text`'s mentions tagged as given (`(token range, label)`), then resolved
    /// by the ``NameResolver`` as the stage resolves them, as `text/label/party`.
    static func resolved(_ text: String, _ tagged: [(Range<Int>, EntityLabel)]) throws -> [String] {
        let layout = TextLayout(text)
        var mentions = NameTests.tagged(tagged, in: layout)
        let model = try EntitiesStage.bundled.model.get()
        let resolver = NameResolver(
            parties: try EntitiesStage.bundled.parties.get(), lists: try EntitiesStage.bundled.lists.get())
        resolver.resolve(&mentions, in: layout) { model.gazetteer(layout.scalars, tokens: layout.tokens[$0]) }
        return mentions.map { "\($0.text)/\($0.label)/\($0.party ?? "-")" }
    }

    @Test func aPartyNameTheTaggerReadPartlyAsAPersonIsOneOrganization() throws {
        // "Shiv Sena (UBT)" is the gazetteer's alone: the tagger's person "Shiv Sena"
        // inside it is a misreading, as a whole name tagged PER is.
        let text = "Leaders of the Shiv Sena (UBT) met in Mumbai on Sunday."
        #expect(
            try Self.resolved(text, [(3..<5, .person), (6..<7, .organization), (10..<11, .location)]) == [
                "Shiv Sena (UBT)/ORG/Shiv Sena (UBT)", "Mumbai/LOC/-",
            ])
        // A person the name does not contain whole keeps its own name.
        #expect(
            try Self.resolved("Leaders of the Shiv Sena met Anil Desai.", [(3..<5, .organization), (6..<8, .person)])
                == ["Shiv Sena/ORG/Shiv Sena", "Anil Desai/PER/-"])
    }

    @Test func aPartyNameEndsBeforeTheSentencesPeriodOrAPossessiveApostrophe() throws {
        // The gazetteer's keys drop periods and apostrophes, so "Labour Party ." and
        // "Social Democrats ’" matched as the party whole, punctuation included.
        #expect(
            try Self.resolved("He left the Labour Party. Then he wrote.", [(3..<5, .organization)])
                == ["Labour Party/ORG/Labour Party"])
        #expect(
            try Self.resolved("The Social Democrats’ leader quit.", [(1..<3, .organization)])
                == ["Social Democrats/ORG/SPD"])
    }

    @Test(arguments: [EntityLabel.organization, .misc])
    func aPlaceBeforeAnAmbiguousPartyWordIsItsBranchWhateverTheTaggerCalledIt(label: EntityLabel) throws {
        // CoNLL tags "British" MISC, so the tagger may call "British Conservative" MISC too.
        #expect(
            try Self.resolved("The British Conservative leader spoke in London.", [(1..<3, label), (6..<7, .location)])
                == ["British Conservative/ORG/Conservative Party", "London/LOC/-"])
    }
}
