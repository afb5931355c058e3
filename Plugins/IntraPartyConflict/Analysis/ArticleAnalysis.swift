import Textpipe

/// One article read sentence by sentence: which cues each sentence holds and
/// whether its participants share a party.
///
/// The title (when the document has one apart from its text) is analysed as
/// sentence -1; party names in it are recognized by the names the entities
/// stage found in the text.
public struct ArticleAnalysis: Sendable {
    /// The title's facts first (when there is a title), then one per sentence of the text.
    public let sentences: [SentenceFacts]
    /// The party the article is mostly about.
    public let focus: String?
    /// Mentions of parties and of persons affiliated with one.
    public let partyMentionCount: Int
    /// Distinct parties in the article.
    public let distinctParties: Int
    /// Whether the word "party" occurs in its political sense.
    public let mentionsParty: Bool
    /// Persons with their party, by scalar offset, for actors.
    let persons: [(entity: Entity, party: String?)]
    let text: ScalarText
    let title: ScalarText?
    let tokens: [Token]
    let titleTokens: [Token]

    /// Analyses `document`, using its `entities` when present.
    init(document: Document, lexicon: CueLexicon, aliases: PartyAliases) {
        let entities = document.field("entities").flatMap { EntityReader.entities($0.bytes) } ?? document.entities ?? []
        let parties = PartyMentions(entities: entities, aliases: aliases)
        let text = ScalarText(document.text)
        let tokens = Tokenizer.tokens(in: text)
        var words = tokens.map { Self.normalized($0.text) }
        // The words of a party's name read as "party", so cues about "the party" match named parties.
        var tokenIndex = 0
        for mention in parties.mentions where mention.isParty {
            while tokenIndex < tokens.count, tokens[tokenIndex].end <= mention.start { tokenIndex += 1 }
            var k = tokenIndex
            while k < tokens.count, tokens[k].start < mention.end {
                words[k] = "party"
                k += 1
            }
        }
        var facts: [SentenceFacts] = []
        var titleTokens: [Token] = []
        var title: ScalarText?
        if let documentTitle = document.title, !documentTitle.isEmpty {
            let scalars = ScalarText(documentTitle)
            titleTokens = Tokenizer.tokens(in: scalars)
            let titleWords = titleTokens.map { Self.normalized($0.text) }
            let lower = " " + titleWords.joined(separator: " ") + " "
            var named: [String] = []
            for (surface, party) in parties.surfaces.sorted(by: { $0.key < $1.key }) {
                let key =
                    " " + Tokenizer.tokens(in: surface).map { Self.normalized($0.text) }.joined(separator: " ") + " "
                if lower.contains(key), !named.contains(party) { named.append(party) }
            }
            facts.append(
                Self.facts(
                    index: -1, span: 0..<scalars.count, words: titleWords, range: 0..<titleWords.count, parties: named,
                    focus: parties.focus, lexicon: lexicon))
            title = scalars
        }
        var mentionIndex = 0
        var partyWord = false
        for (number, range) in SentenceSplitter.ranges(in: text, tokens: tokens).enumerated() {
            let start = tokens[range.lowerBound].start
            let end = tokens[range.upperBound - 1].end
            var named: [String] = []
            while mentionIndex < parties.mentions.count, parties.mentions[mentionIndex].start < end {
                let mention = parties.mentions[mentionIndex]
                if mention.start >= start, !named.contains(mention.party) { named.append(mention.party) }
                mentionIndex += 1
            }
            // A sentence whose subject is a pronoun ("They shouted slogans against
            // the PTI chairman") is about the previous sentence's parties too.
            if Self.pronouns.contains(words[range.lowerBound]), let previous = facts.last, previous.index >= 0 {
                for party in previous.parties where !named.contains(party) { named.insert(party, at: 0) }
            }
            let sentence = Self.facts(
                index: number, span: start..<end, words: words, range: range, parties: named, focus: parties.focus,
                lexicon: lexicon)
            partyWord = partyWord || (sentence.weight(.nonpolitical) < 1 && words[range].contains("party"))
            facts.append(sentence)
        }
        sentences = facts
        focus = parties.focus
        partyMentionCount = parties.mentions.count
        distinctParties = Set(parties.mentions.map(\.party)).count
        mentionsParty = partyWord
        persons = entities.filter { $0.label == "PER" }.map { ($0, $0.party) }
        self.text = text
        self.title = title
        self.tokens = tokens
        self.titleTokens = titleTokens
    }

    /// Whether a party name names an alliance of parties ("National Democratic Alliance").
    static func isAlliance(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("alliance") || lower.contains("coalition")
    }

    /// Subject pronouns that carry the previous sentence's participants.
    static let pronouns: Set<String> = ["they", "he", "she", "their", "his", "her", "both"]

    /// A token as the lexicon writes it: lower case, straight apostrophes, ASCII hyphens.
    static func normalized(_ token: String) -> String {
        // Most tokens are ASCII: lower-case them byte by byte, without Unicode case tables.
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            guard token.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return token }
            return String(decoding: token.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        let lower = token.lowercased()
        var result = ""
        result.unicodeScalars.append(
            contentsOf: lower.unicodeScalars.map { scalar -> Unicode.Scalar in
                switch scalar.value {
                case 0x2018, 0x2019: "'"
                case 0x2010, 0x2011, 0x2013: "-"
                default: scalar
                }
            })
        return result
    }

    /// The facts of the sentence `words[range]`.
    static func facts(
        index: Int, span: Range<Int>, words: [String], range: Range<Int>, parties: [String], focus: String?,
        lexicon: CueLexicon
    ) -> SentenceFacts {
        var weights = [Double](repeating: 0, count: CueClass.allCases.count)
        var best = [CueLexicon.Match?](repeating: nil, count: CueClass.allCases.count)
        for match in lexicon.matches(in: words, range: range) {
            let cue = lexicon.cues[match.cue]
            let k = cue.cueClass.index
            if cue.weight > weights[k] {
                weights[k] = cue.weight
                best[k] = match
            }
        }
        func w(_ c: CueClass) -> Double { weights[c.index] }
        let partyWord = w(.nonpolitical) < 1 && words[range].contains("party")
        let own = w(.internal) >= 0.5 || w(.group) > 0 || partyWord
        var sameParty: Double
        var crossParty = false
        switch parties.count {
        case 0:
            sameParty = focus == nil ? (own ? 0.4 : 0.15) : (own ? 0.75 : 0.5)
        case 1:
            sameParty = own ? 1.0 : 0.8
        default:
            if w(.defectionOrExit) >= 0.6, w(.coalition) < 0.5, !parties.contains(where: Self.isAlliance) {
                // "defected from P to Q": the exit from P is the conflict.
                sameParty = 0.9
            } else if w(.internal) >= 0.6 {
                sameParty = 0.8
            } else {
                sameParty = 0.35
                crossParty = true
            }
        }
        let internalMarked = w(.internal) >= 0.6
        // "rival parties", "opposition supporters"; or "the ruling party" against a party named beside it.
        if w(.inter) >= 0.7 || (w(.inter) >= 0.5 && !parties.isEmpty), !internalMarked {
            sameParty = min(sameParty, 0.35)
            crossParty = true
        }
        // Contention: noisy-or of the strongest cue of each subtype; an internal
        // marker ("tensions within the party") adds half its weight.
        var calm = 1 - 0.5 * w(.internal)
        for subtype in CueClass.subtypes { calm *= 1 - w(subtype) }
        if calm > 1 - 0.5 * w(.internal) - 1e-9 { calm = 1 }
        var intra = (1 - calm) * sameParty * (1 - 0.8 * w(.nonpolitical))
        if !internalMarked {
            intra *= (1 - 0.6 * w(.government)) * (1 - 0.5 * max(w(.coalition), w(.merger)))
        }
        // Leaving an alliance is a coalition dispute, not an exit from one's party.
        if parties.count == 1, Self.isAlliance(parties[0]) { sameParty = min(sameParty, 0.35) }
        let context =
            parties.count == 1 ? parties[0] : (parties.contains { $0 == focus } ? focus : parties.first ?? focus)
        return SentenceFacts(
            index: index, start: span.lowerBound, end: span.upperBound, weights: weights, best: best, parties: parties,
            context: context, crossParty: crossParty, sameParty: sameParty, intra: intra)
    }

    /// The text of a sentence.
    public func text(of sentence: SentenceFacts) -> String {
        (sentence.index < 0 ? title ?? text : text).slice(sentence.start, sentence.end)
    }

    /// The surface text a cue match covers in a sentence.
    public func text(of match: CueLexicon.Match, in sentence: SentenceFacts) -> String {
        let tokens = sentence.index < 0 ? titleTokens : self.tokens
        return (sentence.index < 0 ? title ?? text : text).slice(tokens[match.start].start, tokens[match.end - 1].end)
    }

    /// The scalar offset where a match starts, in the sentence's own text.
    func offset(of match: CueLexicon.Match, in sentence: SentenceFacts) -> Int {
        (sentence.index < 0 ? titleTokens : tokens)[match.start].start
    }
}
