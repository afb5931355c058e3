import Textpipe

/// The words the label rules (``NameResolver/retype(_:words:gazetteer:)``) look
/// for around a mention, as ``WordSet``s: written from general news usage, not
/// from any one article.
extension NameResolver {
    /// Nouns after which a capitalized name is a person ("general secretary KC Venugopal").
    static let personCues = WordSet(
        officeWords.subtracting([
            "head", "boss", "member", "members", "worker", "workers", "peer", "peers", "veteran", "house",
        ]).union(kinshipWords))

    /// Kin, after which a name is a person ("his son Daham", "whose son, Daham,").
    static let kinship = WordSet(kinshipWords)
    static let kinshipWords: Set<String> = [
        "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "nephew", "niece", "cousin",
        "uncle", "aunt", "widow", "widower", "grandson", "granddaughter", "son-in-law", "daughter-in-law",
    ]

    /// Credits before a name ("Edited by Zodwa Mkhize").
    static let bylines: WordSet = [
        "edited by", "written by", "reported by", "reporting by", "compiled by", "photo by", "photographs by",
        "interviewed by", "additional reporting",
    ]

    /// Verbs of saying; one followed by "he" or "she" tells a person ("Mithrapala said he …").
    static let speechVerbs: WordSet = ["said", "says", "told", "added", "claimed", "alleged", "insisted", "argued"]
    static let personalPronouns: WordSet = ["he", "she", "his", "her"]

    /// Keys of single words the rules look for.
    enum Key {
        static let of = WordSet.key("of")
        static let the = WordSet.key("the")
        static let `in` = WordSet.key("in")
        static let at = WordSet.key("at")
        static let `for` = WordSet.key("for")
        static let who = WordSet.key("who")
        static let and = WordSet.key("and")
        static let channel = WordSet.key("channel")
        static let comma = WordSet.key(",")
        static let justice = WordSet.key("justice")
        static let identifiedAs = WordSet.key("identified as")
    }

    /// ``organizationWords`` and ``nameHonorifics`` as word sets.
    static let organizationWordSet = WordSet(organizationWords)
    static let honorificSet = WordSet(nameHonorifics)
    static let personTitleSet = WordSet(personTitles)

    /// Words allowed between a name's comma and the role that describes it
    /// ("Om Mathur, BJP general secretary"); capitalized words are allowed too.
    static let appositionWords: WordSet = [
        "the", "a", "former", "senior", "deputy", "vice", "general", "joint", "party", "state", "district",
        "provincial", "national", "regional", "county", "city", "then", "acting", "'s",
    ]

    /// Words before a name that rule out a person in an apposition ("the Herald, …", "from Kinnaur, …").
    static let beforePlaces: WordSet = ["the", "from", "in", "at", "to", "near", "across"]

    /// Roles that can follow a name in an apposition.
    static let appositionRoles: WordSet = [
        "leader", "chairman", "chairperson", "chairwoman", "chief", "president", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "mp", "mna", "mpa", "mla", "mlc", "mep", "senator", "lawmaker", "legislator",
        "minister", "candidate", "founder", "convener", "convenor", "treasurer", "coordinator", "councillor",
        "councilor", "mayor", "governor", "whip", "in-charge", "president-elect", "speaker",
    ]

    /// Two words before a name that make it a place ("MP for Dover", "seat of Lalor").
    static let placeBefore: WordSet = [
        "mp for", "member for", "mla from", "mna from", "mpa from", "mp from", "seat of", "constituency of",
        "district of", "town of", "city of", "village of", "province of", "county of", "state of", "municipality of",
        "region of", "ward of", "suburb of", "outskirts of", "capital of", "residents of", "people of",
    ]

    /// Words after a name that make it a place ("Eldas MP", "Yavatmal district").
    static let placeAfter: WordSet = [
        "constituency", "constituencies", "seat", "district", "county", "province", "municipality", "ward",
        "village", "villages", "town", "suburb", "area", "areas", "locality",
    ]

    /// Compass words that end constituency and district names ("Bristol East").
    static let compassWords: WordSet = [
        "east", "west", "north", "south", "central", "north-east", "north-west", "south-east", "south-west",
        "northeast", "northwest", "southeast", "southwest", "rural", "urban", "city",
    ]

    /// Words that qualify an organization's organ ("National Executive", "Central Committee").
    static let organModifiers: WordSet = [
        "national", "central", "federal", "state", "provincial", "regional", "district", "executive", "working",
        "disciplinary", "standing", "steering", "political", "general",
    ]
    /// An organization's organs, after ``organModifiers``.
    static let organNouns: WordSet = [
        "executive", "committee", "council", "board", "commission", "secretariat", "bureau", "assembly", "convention",
        "conference", "congress",
    ]
    /// A firm's legal ending ("Inc", "Ltd", "plc").
    static let companyEndings: WordSet = [
        "inc", "corp", "corporation", "ltd", "limited", "plc", "co", "holdings", "llc", "gmbh",
    ]
    /// Words that end the names of newspapers and broadcasters ("Republic TV", "Colombo Gazette").
    static let mediaWords: WordSet = [
        "tv", "television", "radio", "gazette", "chronicle", "telegraph", "express", "observer", "mirror", "times",
        "post", "herald", "tribune", "journal", "news", "daily", "standard", "guardian", "courier", "dispatch",
    ]

    /// Buildings, which a person's name may precede ("Kiyani Hall") and "of" may follow ("Palace of Westminster").
    static let buildingWords: WordSet = [
        "hall", "bhavan", "bhawan", "mahal", "palace", "tower", "towers", "castle", "fort", "manor", "mansion",
        "auditorium",
    ]

    /// Bodies a nationality adjective names ("Scottish Executive").
    static let governmentWords: WordSet = [
        "executive", "government", "parliament", "assembly", "senedd", "cabinet", "administration",
    ]

    /// Words that end the names of streets, quarters and grounds ("University Road", "SBO Colony").
    static let streetWords: WordSet = [
        "street", "road", "avenue", "square", "lane", "colony", "chowk", "maidan", "bazar", "bazaar", "nagar", "marg",
        "ground", "grounds", "stadium", "airport", "bridge",
    ]

    /// Words that end the names of venues, facilities, competitions and natural features, which a first
    /// name may open ("Heinz Field", "AL Division Series", "San Andreas Fault").
    static let venueWords: WordSet = [
        "field", "park", "arena", "center", "centre", "coliseum", "colosseum", "memorial", "stadium", "gardens",
        "garden", "hall", "hospital", "prison", "jail", "camp", "base", "dome", "theatre", "theater", "bridge",
        "tower", "square", "street", "road", "avenue", "lane", "airport", "series", "division", "league", "conference",
        "championship", "cup", "trophy", "open", "games", "fault", "valley", "river", "lake", "island", "mountains",
    ]

    /// Legislatures and like bodies written without a type word: always organizations.
    static let institutions: WordSet = [
        "parliament", "senate", "commons", "house of commons", "house of lords", "knesset", "bundestag", "bundesrat",
        "duma", "majlis", "lok sabha", "rajya sabha", "vidhan sabha", "national assembly", "storting", "riksdag",
        "folketing", "sejm", "dail", "oireachtas", "cortes", "congreso", "jatiya sangsad", "pratinidhi sabha",
        "g7", "g8", "g20",
    ]

    /// Words after a house of a legislature that make the name before it a constituency.
    static let constituencyWords: WordSet = [
        "constituency", "constituencies", "seat", "segment", "bypoll", "by-election", "by-poll",
    ]
    /// Houses written between a constituency and that word ("Jayadev Assembly constituency").
    static let houseWords: WordSet = ["assembly", "lok", "sabha", "vidhan", "parliamentary", "provincial"]

    /// Titles that open a person's name ("Lord Ashcroft", "Baroness Warsi", "Sir Keir Starmer").
    static let peerageTitles: WordSet = [
        "lord", "lady", "baroness", "baron", "sir", "dame", "mr", "mrs", "ms", "dr", "prof",
    ]

    /// Day and month names, which end a name only by mistake ("Ashoka Road Wednesday").
    static let dateWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Abbreviated offices and titles, which the tagger sometimes takes for an organization on their own.
    static let officeAbbreviations: WordSet = [
        "pm", "cm", "mp", "mps", "mla", "mlas", "mna", "mnas", "mpa", "mpas", "mep", "meps", "mlc", "dsp", "sho", "asp",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    ]

    /// Offices named after a constituency ("Dover MP", "Eldas MP").
    static let electedOffices: WordSet = ["mp", "mla", "mna", "mpa", "mep", "mlc"]

    /// Words of sports reporting (see ``isSports(_:)``).
    static let sportsWords: WordSet = [
        "innings", "wicket", "wickets", "striker", "midfielder", "goalkeeper", "defender", "footballer", "cricketer",
        "batsman", "bowler", "halftime", "half-time", "semifinal", "semi-final", "quarterfinal", "quarter-final",
        "playoff", "play-off", "playoffs", "olympic", "olympics", "medal", "medallist", "tournament", "championship",
        "unbeaten", "scored", "stadium", "premiership", "fixture", "fixtures", "coach", "match", "matches", "goals",
        "cup", "season", "squad", "referee", "referees", "player", "players", "game", "games", "derby", "hat-trick",
        "kick-off", "scorer", "penalty", "penalties", "sprint", "marathon", "inning", "quarterback",
        "wicket-keeper", "wicketkeeper", "receiver", "touchdown", "touchdowns", "rebounds", "pitcher", "homer", "nfl",
        "nba", "mlb", "nhl", "fifa", "uefa", "bundesliga", "goalie", "goaltending", "batting", "bowling",
    ]
}
