import Gazetteer
import Textpipe

/// One rule that relabels a tagged mention from the words around it and the
/// gazetteers (``NameResolver/labelRules``).
///
/// A rule either gives the mention a label, stops the search with the tagger's
/// label standing, or does not apply (`nil`), and then the next rule is asked.
/// Each rule carries examples, which `LabelRuleTests` runs through the resolver.
struct LabelRule: Sendable {
    /// What a rule that applies decides.
    enum Decision: Equatable, Sendable {
        /// The mention takes this label.
        case label(EntityLabel)
        /// The tagger's label stands, and no later rule is asked.
        case keepTaggers

        /// The label to give the mention, or nil to keep the tagger's.
        var label: EntityLabel? {
            switch self {
            case .label(let label): return label
            case .keepTaggers: return nil
            }
        }
    }

    /// A sentence, one mention in it with the label the tagger gave it, what the
    /// gazetteers know of its words (phrase → category), and the label the rules give it.
    struct Example: Sendable {
        let text: String
        let mention: String
        let tagged: EntityLabel
        let known: [String: Lexicon.Category]
        let expected: EntityLabel

        init(
            _ text: String, _ mention: String, tagged: EntityLabel, known: [String: Lexicon.Category] = [:],
            expected: EntityLabel
        ) {
            self.text = text
            self.mention = mention
            self.tagged = tagged
            self.known = known
            self.expected = expected
        }
    }

    /// Kebab-case, unique among the rules.
    let name: String
    /// Why the rule exists: the tagger's mistake it fixes, and its limits.
    let why: String
    let examples: [Example]
    let decide: @Sendable (LabelContext) -> Decision?
}

/// What a label rule sees of one mention: its tokens and label, the article's
/// words, the gazetteers, and the few facts several rules share, computed once.
struct LabelContext {
    let resolver: NameResolver
    let words: Words
    let known: Known
    let tokens: Range<Int>
    let first: Int
    let last: Int
    /// The tagger's label.
    let label: EntityLabel
    /// The gazetteer categories of the whole mention.
    let phrase: UInt16
    /// Whether the mention opens with a known first name.
    let firstNamed: Bool
    /// The case-folded key of the mention's words without "the".
    let nameHash: UInt64
    /// Whether the article reads like sport; asked only by the rules that need it, since it reads the whole article.
    let isSport: () -> Bool

    init(_ mention: Mention, _ words: Words, _ known: Known, resolver: NameResolver, isSport: @escaping () -> Bool) {
        self.resolver = resolver
        self.words = words
        self.known = known
        self.isSport = isSport
        tokens = mention.tokens
        first = tokens.lowerBound
        last = tokens.upperBound - 1
        label = mention.label
        phrase = known(tokens)
        firstNamed = known.word(first) & Known.firstName != 0
        if tokens.count == 1, words.key(first) != NameResolver.Key.the {
            // The word's key, hashed once per article.
            nameHash = words.key(first)
        } else {
            var name = NameKey(foldCase: true)
            for i in tokens where words.key(i) != NameResolver.Key.the { name.add(words.scalars(i)) }
            nameHash = name.hash
        }
    }

    /// Whether a word of the mention is an organization's ("Party", "Club").
    func hasOrganizationWord() -> Bool { tokens.contains { NameResolver.organizationWordSet.contains(words.key($0)) } }

    /// Whether every token of `range` is capitalized or a period, as a name's are.
    func nameLike(_ range: Range<Int>) -> Bool {
        range.allSatisfy { words.startsCapitalized($0) || words.isToken($0, ".") }
    }
}
