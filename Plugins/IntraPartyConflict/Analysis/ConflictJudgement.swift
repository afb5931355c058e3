import Foundation
import Textpipe

/// An article scored by the model: the probability, and the subtype, party,
/// evidence and actors behind it.
package struct ConflictJudgement: Sendable {
    package let article: ArticleAnalysis
    /// The calibrated probability that the article reports intra-party conflict.
    package let score: Double
    /// Each sentence's calibrated probability as if it were the whole article (0 without a contention cue).
    package let sentenceScores: [Double]
    /// Each sentence's logit (`nil` without a contention cue).
    let sentenceLogits: [Double?]
    /// Each sentence's uncalibrated probability (0 without a contention cue): the
    /// subtype classifier was fitted on these, before any calibration existed.
    /// Computed on demand: only flagged articles need it.
    package var rawSentenceScores: [Double] { sentenceLogits.map { $0.map { 1 / (1 + exp(-$0)) } ?? 0 } }
    /// Sparse features of each sentence, for explanations.
    let sentenceFeatures: [[(Int, Double)]]
    /// The article's feature vector.
    let vector: [Double]
    let model: DenseConflictModel

    package init(article: ArticleAnalysis, model: DenseConflictModel) {
        self.article = article
        self.model = model
        sentenceFeatures = article.sentences.map(ConflictFeatures.sentence)
        let vector = ConflictFeatures.vector(article, sentences: sentenceFeatures)
        self.vector = vector
        sentenceLogits = zip(article.sentences, sentenceFeatures).map { sentence, features in
            sentence.contention == nil ? nil : model.sentenceLogit(features, articleVector: vector)
        }
        sentenceScores = sentenceLogits.map { $0.map { model.probability(logit: $0) } ?? 0 }
        // An article in which the entities stage finds no party cannot say which
        // party fights itself: its score is 0, never a guess. With the 134-country
        // gazetteer this costs nothing in train cross-validation (F1 0.881 either way)
        // and one dev positive whose party the gazetteer lacks; without it, AG News
        // flags "rebels" and "factions" of armed groups.
        let noParty = article.partyMentionCount == 0
        score = noParty ? 0 : model.probability(logit: model.logit(vector))
    }

    /// The sentences that support the label: contention with a sentence score of
    /// at least `threshold`, or else the strongest contention sentence; in text order.
    package func supporting(threshold: Double) -> [Int] {
        let candidates = article.sentences.indices.filter { article.sentences[$0].contention != nil }
        let above = candidates.filter { sentenceScores[$0] >= threshold }
        if !above.isEmpty { return above }
        guard let best = candidates.max(by: { sentenceScores[$0] < sentenceScores[$1] }) else { return [] }
        return [best]
    }

    /// Subtypes with the subtype classifier's probabilities, most probable first.
    package var subtypes: [(subtype: CueClass, probability: Double)] {
        model.subtypes(ConflictFeatures.subtypeVector(article, sentenceScores: rawSentenceScores))
    }

    /// The party in conflict: the actors' party of the supporting sentences,
    /// weighted by their scores, the title and lead counting half again; the focus party on ties.
    package func party(supporting: [Int]) -> String? {
        var votes: [String: Double] = [:]
        for index in supporting {
            let sentence = article.sentences[index]
            guard let context = sentence.context else { continue }
            votes[context, default: 0] += sentenceScores[index] * (sentence.isLead ? 1.5 : 1)
        }
        return votes.max { a, b in
            if a.value != b.value { return a.value < b.value }
            if (a.key == article.focus) != (b.key == article.focus) { return b.key == article.focus }
            return a.key > b.key
        }?.key ?? article.focus
    }

    /// The features of a sentence that move its score most, with their contributions (weight × value).
    package func contributions(ofSentence index: Int, limit: Int = 6) -> [(feature: String, contribution: Double)] {
        var parts = sentenceFeatures[index].map { (ConflictFeatures.names[$0.0], model.weights[$0.0] * $0.1) }
        for k in ConflictFeatures.sentenceCount..<vector.count where vector[k] != 0 {
            parts.append((ConflictFeatures.names[k], model.weights[k] * vector[k]))
        }
        return parts.filter { $0.1 != 0 }.sorted { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0 < $1.0 }
            .prefix(limit).map { ($0.0, $0.1) }
    }

    /// The strongest subtype cue of a sentence.
    func cue(_ sentence: SentenceFacts) -> CueLexicon.Match? {
        sentence.contention.flatMap { sentence.best[$0.cueClass.index] }
    }

    /// Up to `limit` supporting sentences, strongest first, then listed in text order.
    func evidence(_ supporting: [Int], limit: Int) -> [ConflictReport.Evidence] {
        let chosen = supporting.sorted { a, b in
            sentenceScores[a] != sentenceScores[b] ? sentenceScores[a] > sentenceScores[b] : a < b
        }.prefix(limit).sorted()
        return chosen.map { index in
            let sentence = article.sentences[index]
            return ConflictReport.Evidence(
                sentence: sentence.index, text: article.text(of: sentence),
                cue: cue(sentence).map { article.text(of: $0, in: sentence) } ?? "",
                target: sentence.target.rawValue, score: (sentenceScores[index] * 1000).rounded() / 1000)
        }
    }

    /// Persons named in the evidence who belong to the party in conflict (or to no known party).
    ///
    /// A person named after a discipline or leadership cue ("… expelled X",
    /// "… a challenge to X") is its target; everyone else is an actor.
    func actors(_ supporting: [Int], party: String?) -> [ConflictReport.Actor] {
        var result: [ConflictReport.Actor] = []
        var seen = Set<String>()
        for index in supporting where article.sentences[index].index >= 0 {
            let sentence = article.sentences[index]
            let match = cue(sentence)
            let cueClass = sentence.contention?.cueClass
            let cueStart = match.map { article.offset(of: $0, in: sentence) } ?? Int.max
            // Persons are in text order: start at the sentence's first, stop past its end.
            var first = article.persons.partitioningIndex { $0.entity.start >= sentence.start }
            while first < article.persons.count, article.persons[first].entity.start < sentence.end {
                let (entity, known) = article.persons[first]
                first += 1
                guard entity.end <= sentence.end else { continue }
                let personParty = known ?? (sentence.parties.count <= 1 ? sentence.context : nil)
                guard personParty == party || personParty == nil else { continue }
                let name = entity.canonical ?? entity.text
                guard seen.insert(name).inserted else { continue }
                let targeted = entity.start > cueStart && (cueClass == .discipline || cueClass == .leadershipChallenge)
                result.append(ConflictReport.Actor(name: name, party: personParty, role: targeted ? "target" : "actor"))
            }
        }
        return result
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate that is
    /// false then true along the array (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
