/// Short fictional articles, one per subtype and per hard negative. Parties,
/// people and places are invented; only the political vocabulary is real.
enum Fixtures {
    static let memberProtest = """
        Workers storm Valmora Renewal Front office over posts

        RIVERTON: Dozens of Valmora Renewal Front (VRF) workers stormed the party's head office on Saturday to protest against the new allocation of organisational posts.

        Workers chanted slogans against the party leadership and scuffled with committee members at the gate.

        VRF leader Paolo Brandt urged members to raise their differences inside the party rather than in the street.
        """

    static let discipline = """
        The Northland Heritage Party (NPP) on Friday expelled three of its MPs for anti-party activities.

        The party's disciplinary committee said the three, including Rosa Lindqvist, had defied party directives in last week's budget vote.

        Two other members were issued show-cause notices and asked to explain their conduct within seven days.
        """

    static let defection = """
        Senator Mara Quill quit the Coastal Harvest Party on Monday in protest against its leadership and said she would sit as an independent.

        Quill accused the Coastal Harvest Party leadership of abandoning its promises to rural voters.

        She is the third Coastal Harvest Party lawmaker to leave the party this year.
        """

    static let leadershipChallenge = """
        More than forty MPs of the Riverland Progress Party have submitted letters of no confidence in party leader Tom Vance, forcing a leadership ballot next week.

        The rebels say Vance should step down as leader after the party's defeat in the regional elections.

        Vance said he would fight the leadership challenge.
        """

    static let factionalFeud = """
        Two factions of the Eastern Reform Party clashed at the party's district office in Ostrava Bay on Sunday, leaving six people injured.

        Supporters of the camp led by Ivo Sandor and those loyal to party chairman Milan Kos hurled chairs at each other during a meeting.

        The infighting has paralysed the Eastern Reform Party ahead of the local elections.
        """

    static let split = """
        Rival factions of the Green Horizon Party have both approached the election commission to stake claim to the party's name and symbol.

        The faction led by Lena Moor declared itself the real party after the two groups expelled each other's leaders.

        The Green Horizon Party split last month after a dispute over the party presidency.
        """

    static let candidateSelection = """
        Dozens of aspirants of the Meadow Farmers Party who were denied tickets have threatened to contest as independents.

        The aspirants accused the party headquarters of imposing candidates in six constituencies and held parallel primaries on Saturday.

        Meadow Farmers Party officials said the selection process had been fair.
        """

    static let policyDissent = """
        Forty backbench MPs of the Harbour Civic Party rebelled against their own government on Tuesday and voted against the housing bill.

        The rebellion cut the government's majority to nine, the largest revolt against the party line this year.

        Party whips said the rebels had been warned.
        """

    static let interParty = """
        Supporters of the Valmora Renewal Front and the Coastal Harvest Party clashed in Riverton on Sunday, leaving ten people injured.

        Workers of the two parties hurled stones at each other after a rally, police said.

        Both parties blamed each other for the violence.
        """

    static let coalition = """
        The Coastal Harvest Party has quit the governing coalition with the Valmora Renewal Front, ending an alliance that had lasted six years.

        Coastal Harvest Party leader Ana Petrov said the coalition partner had broken its promises on farm subsidies.

        The Valmora Renewal Front now needs the support of independents to keep its majority.
        """

    static let nonPolitical = """
        Striker suspended after birthday party row

        Riverton United have suspended striker Joel Brandt after a row at a team-mate's birthday party.

        The club said the player would miss the next two matches, and the coach declined to comment.
        """

    static let protestAgainstGovernment = """
        Thousands of Valmora Renewal Front workers protested against the government in Riverton on Monday over rising fuel prices.

        The protesters, led by VRF leader Paolo Brandt, chanted slogans against the prime minister and demanded the resignation of the energy minister.

        The VRF said the protest against the government would continue until prices were cut.
        """

    static let governmentPolicy = """
        The government of Valmora has unveiled a budget that raises spending on schools and hospitals by a tenth.

        Finance minister Ana Petrov said the budget would be paid for by higher taxes on tobacco and a new levy on banks.

        Business groups welcomed the plan, though economists warned that growth could slow next year.
        """

    /// A paragraph about something else, to append to any article.
    static let unrelated = """

        In other news, the Riverton weather office said heavy rain was expected over the weekend, and farmers were advised to harvest early.
        """

    /// A paragraph with one passing, unrelated conflict word about a party, to append to a negative.
    static let passingMention = """

        Separately, a Riverland Progress Party spokesman said the party's leadership would meet on Monday to discuss its campaign.
        """
}
