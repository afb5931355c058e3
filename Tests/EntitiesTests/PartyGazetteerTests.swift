import Gazetteer
import Testing
import Textpipe
import TextpipeTestKit

@testable import Entities

/// The party gazetteer's coverage, and the rules that keep common words and
/// abbreviations from naming parties in ordinary news. Every sentence here is
/// written for the test; the places are real, the events invented.
@Suite struct PartyGazetteerTests {
    func parties(_ text: String) throws -> [String] {
        let entities = try StageHarness(EntitiesStage.self).run(text: text).document.entities ?? []
        return entities.compactMap(\.party)
    }

    // MARK: - Coverage

    @Test func coversAHundredCountries() throws {
        let gazetteer = try EntitiesStage.bundled.parties.get()
        #expect(Set(gazetteer.parties.map(\.country)).count >= 100)
        // The large democracies of every region.
        for country in [
            "ZA", "NG", "KE", "GH", "ET", "TZ", "SN", "BR", "MX", "AR", "CO", "CL", "PE", "ID", "PH", "TH", "KR",
            "JP", "TW", "IN", "PK", "BD", "DE", "FR", "IT", "ES", "PL", "NL", "SE", "IL", "TR", "IQ", "AU", "NZ", "PG",
        ] {
            #expect(gazetteer.parties.contains { $0.country == country }, "no party for \(country)")
        }
    }

    @Test func everyPartysCountryHasCues() throws {
        let gazetteer = try EntitiesStage.bundled.parties.get()
        let cued = Set(gazetteer.cues.values.joined())
        let missing = Set(gazetteer.parties.map(\.country)).subtracting(cued)
        #expect(missing.isEmpty, "no country cues for \(missing.sorted())")
    }

    @Test(arguments: [
        "Democrat Party (Thailand)", "Democratic Party of Korea", "Patriotic Front (Zambia)",
        "Social Democratic Front (Cameroon)", "Tigray People's Liberation Front", "SWAPO", "MDC-T", "Sweden Democrats",
        "Law and Justice", "Te Pāti Māori", "Kuomintang", "Bharatiya Janata Party", "Indian National Congress",
        "MQM-P",
    ])
    func canonicalNamesAreWikipediaTitles(name: String) throws {
        let gazetteer = try EntitiesStage.bundled.parties.get()
        #expect(gazetteer.parties.contains { $0.canonical == name })
    }

    @Test func aSharedAliasIsPlainForAtMostOneParty() throws {
        // Without country evidence a shared name falls back to its one plain party;
        // two plain parties would make the file's order decide.
        let gazetteer = try EntitiesStage.bundled.parties.get()
        for (key, candidates) in gazetteer.aliases {
            let countries = Set(candidates.map { gazetteer.parties[$0.party].country })
            guard countries.count > 1 else { continue }
            let plain = Set(candidates.filter { !$0.ambiguous }.map { gazetteer.parties[$0.party].canonical })
            #expect(plain.count <= 1, "alias key \(key) is plain for \(plain.sorted())")
        }
    }

    @Test func aQuestionMarkOnACanonicalSpellingKeepsItAmbiguous() throws {
        // Germany's Greens are named "Greens", an ordinary word.
        let gazetteer = try EntitiesStage.bundled.parties.get()
        let greens = gazetteer.candidates(WordSet.key("Greens"))
        #expect(!greens.isEmpty)
        #expect(greens.allSatisfy { $0.ambiguous && $0.commonWord })
    }

    @Test func abbreviationsInCapitals() {
        #expect(PartyGazetteer.Alias(name: "INC", ambiguous: false).writtenInCapitals)
        #expect(PartyGazetteer.Alias(name: "MQM-P", ambiguous: false).writtenInCapitals)
        #expect(PartyGazetteer.Alias(name: "JD(U)", ambiguous: false).writtenInCapitals)
        #expect(!PartyGazetteer.Alias(name: "Inc", ambiguous: false).writtenInCapitals)
        #expect(!PartyGazetteer.Alias(name: "AfD", ambiguous: false).writtenInCapitals)
        #expect(!PartyGazetteer.Alias(name: "A", ambiguous: false).writtenInCapitals)
        // Beyond ASCII the Unicode properties decide.
        #expect(PartyGazetteer.Alias(name: "ΠΑΣΟΚ", ambiguous: false).writtenInCapitals)
        #expect(PartyGazetteer.Alias(name: "ÖVP", ambiguous: false).writtenInCapitals)
        #expect(!PartyGazetteer.Alias(name: "ÖVp", ambiguous: false).writtenInCapitals)
        #expect(!PartyGazetteer.Alias(name: "Ökö", ambiguous: false).writtenInCapitals)
    }

    @Test(arguments: [
        ("Pheu Thai supporters gathered outside the party office in Bangkok on Sunday.", "Pheu Thai Party"),
        ("The KMT caucus met in Taipei to discuss the budget.", "Kuomintang"),
        ("Officials of the UPND in Lusaka denied the report.", "United Party for National Development"),
        ("The Sweden Democrats gained seats in the Riksdag in Stockholm.", "Sweden Democrats"),
        ("PiS deputies walked out of the Sejm in Warsaw.", "Law and Justice"),
        ("The TPLF said its central committee would meet in Mekelle.", "Tigray People's Liberation Front"),
        ("Chadema officials in Dar es Salaam rejected the count.", "Chadema"),
        ("Golkar lawmakers in Jakarta backed the bill.", "Golkar"),
        ("PDI-P members in Surabaya held a rally.", "Indonesian Democratic Party of Struggle"),
        ("The Minjoo Party of Korea held a vote in Seoul.", "Democratic Party of Korea"),
        ("The VVD lost ground in The Hague.", "People's Party for Freedom and Democracy"),
        ("Members of Morena in Mexico City backed the reform.", "Morena"),
        ("The SDF chairman spoke in Bamenda on Friday.", "Social Democratic Front (Cameroon)"),
        // The Congress's state units and organs name the party.
        ("The Kerala Pradesh Congress Committee issued a notice to two MPs in Kochi.", "Indian National Congress"),
        ("The TPCC chief in Hyderabad said the AICC would decide.", "Indian National Congress"),
        ("PMK cadres gathered outside the party office in Chennai, Tamil Nadu.", "Pattali Makkal Katchi"),
        ("The NDPP legislators met in Kohima on Tuesday.", "Nationalist Democratic Progressive Party"),
        // Organs of other parties: the PLP is Labour's MPs, CCHQ the Tories' head office.
        ("The PLP met at Westminster in London after the vote.", "Labour Party"),
        ("A spokesman for CCHQ in London said the candidate had been suspended.", "Conservative Party"),
        ("Members of the House Freedom Caucus in Washington sank the bill.", "Republican Party"),
    ])
    func partiesOfManyCountriesResolve(text: String, party: String) throws {
        #expect(try parties(text).contains(party))
    }

    @Test(arguments: [
        ("Two Barbados Labour Party MPs in Bridgetown criticised the prime minister.", ["Barbados Labour Party"]),
        (
            "The DLP chose a new president at its conference in Bridgetown, Barbados.",
            ["Democratic Labour Party (Barbados)"]
        ),
        ("The UWP in Roseau, Dominica, suspended two of its candidates.", ["United Workers' Party (Dominica)"]),
        ("The UWP in Castries, St Lucia, suspended two of its candidates.", ["United Workers Party (Saint Lucia)"]),
        ("The PLP caucus met in Nassau as Bahamian ministers debated the budget.", ["Progressive Liberal Party"]),
        (
            "The PLP caucus met as Bermudian ministers debated the budget in Bermuda.",
            ["Progressive Labour Party (Bermuda)"]
        ),
        ("Vetevendosje lawmakers in Pristina walked out of the Kosovo assembly.", ["Vetëvendosje"]),
        (
            "The DPS leadership in Podgorica expelled a Montenegrin mayor.",
            ["Democratic Party of Socialists of Montenegro"]
        ),
        ("The CNL in Bujumbura removed its leader, Burundian media said.", ["National Congress for Liberty"]),
        // The namesakes elsewhere still win in their own countries.
        ("The NDP in Ottawa chose a new leader in Canada.", ["New Democratic Party"]),
        ("The DPS in Sofia, Bulgaria, chose a new leader.", ["Movement for Rights and Freedoms"]),
        ("CCM officials in Dodoma, Tanzania, rejected the claim.", ["Chama Cha Mapinduzi"]),
    ])
    func partiesOfCountriesNoLabelledSetCovers(text: String, expected: [String]) throws {
        // Before these countries had parties, "Barbados Labour Party" read as Britain's
        // Labour, Montenegro's DPS as Bulgaria's and the UWP as no party at all.
        #expect(try Set(parties(text)) == Set(expected))
    }

    @Test(arguments: [
        (
            "The National Democratic Congress (NDC) has suspended four constituency executives. "
                + "The NDC said the case goes to its disciplinary committee.", ["National Democratic Congress"]
        ),
        (
            "The National Democratic Congress (NDC) won the election in Grenada. "
                + "The NDC said the cabinet would be sworn in on Monday.", ["National Democratic Congress (Grenada)"]
        ),
        (
            "The Democratic Party of Korea and the PPP clashed over the budget. "
                + "The PPP said it would boycott the vote.", ["People Power Party", "Democratic Party of Korea"]
        ),
    ])
    func aNamePlainForOnePartyPointsToItsCountryWhenNothingElseDoes(text: String, expected: [String]) throws {
        // "National Democratic Congress" is plain for Ghana's party and ambiguous for
        // Grenada's: with no country named, it points to Ghana, and so does its "NDC".
        // Any other pointer stops it: a Korean party makes "PPP" Korea's, not Pakistan's.
        #expect(try Set(parties(text)) == Set(expected))
    }

    @Test(arguments: [
        ("The infighting in the Rajasthan Congress grew as leaders met in Jaipur, India.", "Rajasthan Congress"),
        ("The British Conservative leader spoke in London on Monday.", "British Conservative"),
    ])
    func aPlaceBeforeAnAmbiguousPartyWordMakesItTheBranchThere(text: String, mention: String) throws {
        // An ambiguous word inside a longer name says nothing of a party, except after a place.
        let entities = try StageHarness(EntitiesStage.self).run(text: text).document.entities ?? []
        let branch = try #require(entities.first { $0.text == mention })
        #expect(branch.party != nil)
    }

    @Test func aPartyAdjectiveBeforeAPartyWordIsNoBranch() throws {
        // The tagger's lexicon lists "Democratic" among nationalities, as it does "Republican".
        #expect(
            try !parties("The Democratic Justice Party won the vote in Seoul, South Korea.").contains(
                "Justice Party (South Korea)"))
        #expect(try parties("The Valmora Democratic Front met in the capital on Monday.").isEmpty)
    }

    @Test(arguments: [
        ("The NPP government in Colombo said Sri Lankan ministers would meet on Monday.", "National People's Power"),
        ("The NPP chose its flagbearer in Accra, Ghana, on Saturday.", "New Patriotic Party"),
        ("ANC leader Musalia Mudavadi spoke in Nairobi, Kenya, on Sunday.", "Amani National Congress"),
        ("ANC leaders met in Johannesburg, South Africa, on Sunday.", "African National Congress"),
        ("The SDP candidate in Abuja, Nigeria, rejected the result.", "Social Democratic Party (Nigeria)"),
        ("GD lawmakers in Tbilisi, Georgia, passed the bill.", "Georgian Dream"),
        ("The NPP of President Adama Barrow won seats in Banjul, The Gambia.", "National People's Party (Gambia)"),
    ])
    func aBareAbbreviationNamesTheArticlesCountrysParty(text: String, party: String) throws {
        // The gazetteer spelled these "NPP (Sri Lanka)", "ANC (Kenya)", "SDP (Nigeria)": forms
        // no news writes, so Sri Lanka's governing party was no party in its own news.
        #expect(try Set(parties(text)) == [party])
    }

    @Test func aPartyNameNeverRunsAcrossASentence() throws {
        // The name key drops periods, so "Europe. Now" had read as Montenegro's "Europe Now".
        #expect(try parties("The minister spoke about trade with Europe. Now the talks will resume.").isEmpty)
    }

    // MARK: - Abbreviations

    @Test func anAbbreviationInCapitalsMatchesOnlyCapitals() throws {
        let company = try parties("Shares of Valmora Inc. rose in Chicago after the deal.")
        #expect(!company.contains("Indian National Congress"))
        #expect(try parties("The INC won two seats in the Lok Sabha from Delhi.").contains("Indian National Congress"))
    }

    @Test(arguments: [
        ("The PPP held a rally in Karachi on Sunday.", "Pakistan Peoples Party"),
        ("The PPP held a rally in Seoul on Sunday.", "People Power Party"),
        ("The PPP held a rally in Jakarta on Sunday.", "United Development Party"),
    ])
    func aSharedAcronymFollowsTheCountry(text: String, party: String) throws {
        #expect(try parties(text).contains(party))
    }

    @Test(arguments: [
        ("The Green Party in Germany elected two new leaders in Berlin.", "Greens"),
        ("The Green Party in Austria chose its list in Vienna.", "The Greens (Austria)"),
        ("The Green Party in Britain launched its manifesto in London.", "Green Party of England and Wales"),
    ])
    func theGreenPartyIsTheGreensOfTheArticlesCountry(text: String, party: String) throws {
        // English-language news calls most countries' Greens "the Green Party"; in Germany
        // and Austria that name was missing, and read as a party of its own ("Green Party").
        #expect(try parties(text) == [party])
    }

    @Test func aThaiDemocratIsOfTheDemocratParty() throws {
        // Thai news calls the Democrat Party's members "Democrat MPs"; an American "Democrat" stays American.
        #expect(
            try parties("A former Democrat MP for Songkhla quit after Pheu Thai took office in Bangkok.")
                .contains("Democrat Party (Thailand)"))
        #expect(
            try parties("Democrat senator Ruth Calder of Ohio voted against the bill in Washington.").first
                == "Democratic Party")
    }

    // MARK: - Common words

    @Test func aCommonWordNeedsItsPartysCountry() throws {
        #expect(try parties("Members of the Greens marched through Riverton on Saturday.").isEmpty)
        #expect(try parties("Members of the Greens marched through Berlin to the Bundestag.").contains("Greens"))
    }

    @Test(arguments: [
        "The Labor Department in Washington said hiring slowed in Ohio.",
        "Figures from the Labor Department showed wages rising in Canberra and Sydney.",
        "Delegates at the Congress of Trade Unions in New Delhi voted for a strike.",
        "Readers at the Library of Congress in New Delhi met Modi's aides.",
        "Fans in Canberra celebrated Labor Day with a parade.",
        "Officials in London said the Labour market in Britain was tight.",
        "The US Congress praised the Lok Sabha in New Delhi.",
    ])
    func aWordThatMakesItSomethingElse(text: String) throws {
        #expect(try parties(text).isEmpty)
    }

    @Test func aPersonAfterACommonWordLeavesItTheParty() throws {
        // A capitalized word after "Democrat" makes it another name ("Democrat Hall"), unless it begins a person.
        let found = try parties("Voters in Ohio cheered Democrat Dana Whitfield at a rally in Columbus.")
        #expect(found.contains("Democratic Party"))
        #expect(try parties("Visitors in Ohio toured Democrat Hall in Columbus.").isEmpty)
    }

    @Test func usBeforeACommonWordKeepsOnlyAmericanParties() throws {
        #expect(try parties("The US Democrats in Ohio chose a new chair.").contains("Democratic Party"))
        // Straight to the matcher: the tagger often joins "US Congress" into one name, which hides the rule.
        let gazetteer = try EntitiesStage.bundled.parties.get()
        let resolver = NameResolver(parties: gazetteer)
        let words = Words(TextLayout("Modi praised the US Congress after his Lok Sabha win in New Delhi."))
        let raw = resolver.rawPartyMatches(words)
        let matches = resolver.partyMatches(words, raw, evidence: resolver.countryEvidence(words, raw))
        #expect(!matches.contains { gazetteer.parties[$0.party].canonical == "Indian National Congress" })
    }

    @Test func aCapitalOpeningASentenceIsNotEnough() throws {
        #expect(try parties("Liberal spending rose sharply in Canberra this year.").isEmpty)
        #expect(try parties("Liberal MPs met in Canberra this year.").contains("Liberal Party of Australia"))
        let both = try parties("Labour won the vote in London. Voters in Britain backed Labour again.")
        #expect(both.count == 2 && both.allSatisfy { $0 == "Labour Party" })
    }

    @Test func anotherNameOfThePartyOrAPossessiveSupportsASentenceStart() throws {
        let named = try parties("The Labour Party met in London on Monday. Labour said Britain needed change.")
        #expect(named.count == 2 && named.allSatisfy { $0 == "Labour Party" })
        #expect(try parties("Labour's Dana Whitfield spoke in London about Britain.").contains("Labour Party"))
        #expect(try parties("Critics in London accused Labour of misleading Britain.").contains("Labour Party"))
    }

    @Test func aPassingMentionOfTheCountryIsNotEnough() throws {
        let text =
            "Lawmakers in Congress passed the bill in Washington on Tuesday, and the White House said American exporters to India would gain."
        #expect(try !parties(text).contains("Indian National Congress"))
        #expect(try parties("Congress leaders in New Delhi met in the Lok Sabha.").contains("Indian National Congress"))
    }

    @Test func anAbbreviationAloneInAStoryAboutOtherCountriesNamesNoParty() throws {
        // "ANP" and "MDP" are also a Dutch news agency and a Chilean movement.
        let agency =
            "Miners in Rotterdam and Amsterdam returned to work, ANP said. The Dutch agency said Washington approved."
        #expect(try !parties(agency).contains("Awami National Party"))
        let chile =
            "Members of the MDP took five seats in Santiago, and the MDP said Chilean miners in Antofagasta backed it."
        #expect(try !parties(chile).contains("Maldivian Democratic Party"))
        // Its country, a place in it or the full name lets it name the party again.
        let peshawar = "ANP workers in Peshawar met as Rotterdam, Amsterdam and Washington watched."
        #expect(try parties(peshawar).contains("Awami National Party"))
        let full = "The Awami National Party (ANP) met; the ANP said Rotterdam, Amsterdam and Washington watched."
        let named = try parties(full)
        #expect(named.count == 3 && named.allSatisfy { $0 == "Awami National Party" })
    }

    @Test func anAbbreviationWithFewPointersElsewhereStillNamesItsParty() throws {
        // A local story that never names its country: "MP", repeated, is one word pointing to Britain.
        let local =
            "Supporters of the BJP MP stormed the party office. The MP said the BJP ticket went to a newcomer, and the MP's aides left the BJP."
        #expect(try parties(local).contains("Bharatiya Janata Party"))
    }
}
