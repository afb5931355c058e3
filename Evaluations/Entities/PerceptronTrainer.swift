import Entities
import Foundation

/// Trains the tagger: an averaged structured perceptron with Viterbi decoding
/// over BIO tags (Collins 2002).
///
/// Deterministic for a given seed: sentences are shuffled with a seeded
/// SplitMix64 generator and every table is built in a fixed order.
package struct PerceptronTrainer {
    /// Training settings.
    package struct Settings: Sendable {
        package var epochs = 10
        package var seed: UInt64 = 1
        package var bucketBits = 17
        /// 2: a second, document-level pass over the first pass's tags; 1: sentence-level only.
        package var passes = 2
        /// Perceptrons trained per pass with different shuffles, their weights averaged (bagging-style).
        package var ensemble = 1
        /// Features seen fewer times than this in training are left out (0 keeps all).
        package var minimumFeatureCount = 0
        package init() {}
    }

    /// What one epoch achieved on the development data.
    package struct EpochReport: Sendable {
        /// 1 for the sentence-level pass, 2 for the document-level pass.
        package var pass: Int
        package var epoch: Int
        package var mistakes: Int
        package var dev: SpanScore
    }

    /// A sentence ready for training: its features (flattened) and gold tags.
    struct Example {
        var features: [UInt32]
        /// `offsets[k]..<offsets[k + 1]` are the features of token `k`.
        var offsets: [Int]
        var gold: [Int]
        /// The sentence's tokens, as indices into its document.
        var tokens: Range<Int>
        /// Tokens the tagger leaves `O` unscored (``TokenFacts/inert``).
        var inert: [Bool]
        /// What training aims for: `gold` with inert tokens `O` (the tagger
        /// cannot tag them otherwise) and an `I-` tag they orphan made `B-`.
        var target: [Int] {
            var tags = gold
            for k in tags.indices where inert[k] { tags[k] = TagSet.outside }
            for k in tags.indices where !TagSet.allowed(tags[k], after: k == 0 ? nil : tags[k - 1]) { tags[k] -= 1 }
            return tags
        }
    }

    /// A document's token facts and gold tags, and the fold it belongs to.
    struct Prepared {
        var facts: [TokenFacts]
        var sentences: [Range<Int>]
        var gold: [Int]
        var fold: Int
    }

    /// Trained weights of one pass, before quantization.
    struct Weights {
        var emissions: [Float]
        var transitions: [Float]
        var epoch: Int
    }

    package var settings: Settings

    package init(settings: Settings) { self.settings = settings }

    /// Builds the lexicon the model ships: hand-written word lists, the entity
    /// strings of `documents`, and casing statistics from `documents` and `casingTexts`.
    static func lexicon(
        wordLists: [String], entitiesFrom documents: [CoNLLDocument], casing: [UInt64: (Int, Int)],
        clusters: [UInt64: UInt32]
    ) -> Lexicon {
        var lexicon = Lexicon()
        lexicon.clusters = clusters
        for list in wordLists { lexicon.add(wordList: list) }
        for document in documents {
            for sentence in document.sentences {
                for span in TagSet.spans(sentence.map(\.tag)) {
                    let hashes = span.range.map { k in
                        let scalars = Array(sentence[k].token.unicodeScalars)
                        return TokenFacts.foldedHash(scalars, 0..<scalars.count)
                    }
                    lexicon.add(phrase: hashes, category: .trained(span.type))
                }
            }
        }
        for (hash, counts) in casing {
            lexicon.casing[hash] = Lexicon.casingBucket(capitalized: counts.0, lower: counts.1)
        }
        return lexicon
    }

    /// Counts capitalized and lower-case uses of each word away from sentence starts.
    static func casingCounts(documents: [CoNLLDocument], texts: [String]) -> [UInt64: (Int, Int)] {
        var counts: [UInt64: (Int, Int)] = [:]
        func count(_ scalars: [Unicode.Scalar], _ tokens: [Range<Int>], _ sentences: [Range<Int>]) {
            for sentence in sentences {
                var headlineCaps = 0
                for i in sentence where TokenFacts(scalars, tokens[i]).allCaps { headlineCaps += 1 }
                if headlineCaps * 2 > sentence.count { continue }
                for i in sentence.dropFirst() {
                    let facts = TokenFacts(scalars, tokens[i])
                    if facts.capitalized { counts[facts.folded, default: (0, 0)].0 += 1 }
                    if facts.lowercase { counts[facts.folded, default: (0, 0)].1 += 1 }
                }
            }
        }
        for document in documents {
            let layout = document.layout()
            count(layout.scalars, layout.tokens, layout.sentences)
        }
        for text in texts {
            let layout = TextLayout(text)
            count(layout.scalars, layout.tokens, layout.sentences)
        }
        return counts
    }

    static func prepare(_ documents: [CoNLLDocument], extractor: FeatureExtractor, fold: Int) -> [Prepared] {
        documents.map { document in
            let layout = document.layout()
            return Prepared(
                facts: extractor.facts(layout.scalars, tokens: layout.tokens, sentences: layout.sentences),
                sentences: layout.sentences.filter { !$0.isEmpty }, gold: document.tags, fold: fold)
        }
    }

    /// The sentences of `document` as examples, with document features when `context` is given.
    static func examples(_ document: Prepared, extractor: FeatureExtractor, context: DocumentContext?) -> [Example] {
        document.sentences.map { sentence in
            let headline = extractor.isHeadline(document.facts, sentence)
            var example = Example(
                features: [], offsets: [0], gold: Array(document.gold[sentence]), tokens: sentence,
                inert: document.facts[sentence].map(\.inert))
            for i in sentence {
                if !document.facts[i].inert {
                    extractor.features(
                        document.facts, sentence: sentence, headline: headline, at: i, document: context,
                        into: &example.features)
                }
                example.offsets.append(example.features.count)
            }
            return example
        }
    }

    /// Trains on `train`, picks the epoch with the best dev micro-F1 over
    /// PER/ORG/LOC, and returns that model.
    ///
    /// Gazetteer features in training come from the *other* half of the
    /// training documents (two-fold jackknife), so the tagger learns how much
    /// to trust a gazetteer hit on unseen text instead of memorizing it; the
    /// shipped model's gazetteer holds all training entities. The second pass
    /// learns from first-pass tags made the same way: on each half by a
    /// first pass trained on the other half.
    package func train(
        train: [CoNLLDocument], dev: [CoNLLDocument], wordLists: [String], casingTexts: [String],
        clusters: [UInt64: UInt32] = [:],
        progress: (EpochReport) -> Void
    ) -> TaggerModel {
        let casing = Self.casingCounts(documents: train, texts: casingTexts)
        let halves = [
            train.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
            train.enumerated().filter { $0.offset % 2 == 1 }.map(\.element),
        ]
        let full = Self.lexicon(wordLists: wordLists, entitiesFrom: train, casing: casing, clusters: clusters)
        var trainDocuments: [Prepared] = []
        for half in 0..<2 {
            let lexicon = Self.lexicon(
                wordLists: wordLists, entitiesFrom: halves[1 - half], casing: casing, clusters: clusters)
            trainDocuments += Self.prepare(
                halves[half], extractor: FeatureExtractor(lexicon: lexicon, bucketBits: settings.bucketBits), fold: half
            )
        }
        let extractor = FeatureExtractor(lexicon: full, bucketBits: settings.bucketBits)
        let devDocuments = Self.prepare(dev, extractor: extractor, fold: -1)
        let firstTrain = trainDocuments.map { Self.examples($0, extractor: extractor, context: nil) }
        let firstDev = devDocuments.map { Self.examples($0, extractor: extractor, context: nil) }

        let first = trainPass(
            firstTrain.flatMap { $0 }, dev: firstDev.flatMap { $0 }, epochs: settings.epochs, pass: 1,
            progress: progress)
        guard settings.passes > 1 else {
            return TaggerModel(bucketBits: settings.bucketBits, passes: [Self.quantize(first)], lexicon: full)
        }
        // First-pass tags for the second pass to learn from: out of fold on training data.
        var firstTags = [[Int]](repeating: [], count: trainDocuments.count)
        for fold in 0..<2 {
            let inFold = trainDocuments.indices.filter { trainDocuments[$0].fold == fold }
            let outOfFold = trainDocuments.indices.filter { trainDocuments[$0].fold != fold }
            let weights = trainPass(inFold.flatMap { firstTrain[$0] }, dev: [], epochs: first.epoch, pass: 1) { _ in }
            for index in outOfFold {
                firstTags[index] = Self.predict(
                    firstTrain[index], weights: weights, tokenCount: trainDocuments[index].gold.count)
            }
        }
        let secondTrain = trainDocuments.indices.flatMap { index in
            Self.examples(
                trainDocuments[index], extractor: extractor,
                context: DocumentContext(facts: trainDocuments[index].facts, tags: firstTags[index]))
        }
        let secondDev = devDocuments.indices.flatMap { index in
            let tags = Self.predict(firstDev[index], weights: first, tokenCount: devDocuments[index].gold.count)
            return Self.examples(
                devDocuments[index], extractor: extractor,
                context: DocumentContext(facts: devDocuments[index].facts, tags: tags))
        }
        let second = trainPass(secondTrain, dev: secondDev, epochs: settings.epochs, pass: 2, progress: progress)
        return TaggerModel(
            bucketBits: settings.bucketBits, passes: [Self.quantize(first), Self.quantize(second)], lexicon: full)
    }

    /// Viterbi over one example's emissions, its inert tokens held to `O`.
    static func decode(
        _ emissions: UnsafeBufferPointer<Float>, _ example: Example, _ transitions: [Float], into tags: inout [Int]
    ) {
        var scratch = Viterbi.Scratch()
        example.inert.withUnsafeBufferPointer { inert in
            Viterbi.decode(
                emissions, n: example.gold.count, transitions: transitions, outside: inert, into: &tags,
                scratch: &scratch)
        }
    }

    /// Tags a document's sentences with float weights.
    static func predict(_ examples: [Example], weights: Weights, tokenCount: Int) -> [Int] {
        var tags = [Int](repeating: 0, count: tokenCount)
        var emissions: [Float] = []
        var predicted: [Int] = []
        let constrained = Viterbi.constrained(weights.transitions)
        for example in examples {
            score(example, weights: weights.emissions, into: &emissions)
            emissions.withUnsafeBufferPointer {
                Self.decode($0, example, constrained, into: &predicted)
            }
            for (k, i) in example.tokens.enumerated() { tags[i] = predicted[k] }
        }
        return tags
    }

    /// Trains one pass; with dev examples, returns the averaged weights of the
    /// epoch with the best dev micro-F1 over PER/ORG/LOC, else those of the last epoch.
    func trainPass(
        _ examples: [Example], dev devExamples: [Example], epochs: Int, pass: Int, progress: (EpochReport) -> Void
    ) -> Weights {
        guard settings.ensemble > 1 else {
            return trainSingle(
                examples, dev: devExamples, epochs: epochs, pass: pass, seed: settings.seed, progress: progress)
        }
        var members: [Weights] = []
        for member in 0..<settings.ensemble {
            members.append(
                trainSingle(
                    examples, dev: devExamples, epochs: epochs, pass: pass,
                    seed: settings.seed &+ UInt64(member) &* 1000, progress: progress))
        }
        let scale = 1 / Float(members.count)
        var average = Weights(
            emissions: [Float](repeating: 0, count: members[0].emissions.count),
            transitions: [Float](repeating: 0, count: members[0].transitions.count),
            epoch: members.map(\.epoch).max() ?? epochs)
        for member in members {
            for k in member.emissions.indices { average.emissions[k] += member.emissions[k] * scale }
            for k in member.transitions.indices { average.transitions[k] += member.transitions[k] * scale }
        }
        if !devExamples.isEmpty {
            var score = SpanScore()
            let constrained = Viterbi.constrained(average.transitions)
            var emissions: [Float] = []
            var predicted: [Int] = []
            for example in devExamples {
                Self.score(example, weights: average.emissions, into: &emissions)
                emissions.withUnsafeBufferPointer {
                    Self.decode($0, example, constrained, into: &predicted)
                }
                score.add(predicted: predicted, gold: example.gold)
            }
            progress(EpochReport(pass: pass, epoch: 0, mistakes: 0, dev: score))
        }
        return average
    }

    /// One perceptron; see ``trainPass(_:dev:epochs:pass:progress:)``.
    func trainSingle(
        _ examples: [Example], dev devExamples: [Example], epochs: Int, pass: Int, seed: UInt64,
        progress: (EpochReport) -> Void
    ) -> Weights {
        var examples = examples
        if settings.minimumFeatureCount > 1 {
            Self.prune(&examples, minimumCount: settings.minimumFeatureCount, rows: 1 << settings.bucketBits)
        }
        let count = TagSet.count
        let rows = 1 << settings.bucketBits
        var weights = [Float](repeating: 0, count: rows * count)
        var history = [Double](repeating: 0, count: rows * count)
        var transitions = [Float](repeating: 0, count: (count + 1) * count)
        var transitionHistory = [Double](repeating: 0, count: (count + 1) * count)
        var step = 1.0
        var generator = SplitMix64(seed: seed &+ UInt64(pass))
        var order = Array(examples.indices)
        let targets = examples.map(\.target)
        var best: (f1: Double, weights: Weights) = (-1, Weights(emissions: [], transitions: [], epoch: 0))
        var emissions: [Float] = []
        var predicted: [Int] = []

        for epoch in 1...epochs {
            order.shuffle(using: &generator)
            var mistakes = 0
            for index in order {
                let example = examples[index]
                // Transitions change with every update, so the decoder sees the current ones.
                let constrained = Viterbi.constrained(transitions)
                Self.score(example, weights: weights, into: &emissions)
                emissions.withUnsafeBufferPointer {
                    Self.decode($0, example, constrained, into: &predicted)
                }
                let target = targets[index]
                if predicted != target {
                    mistakes += 1
                    for k in target.indices {
                        let gold = target[k]
                        let guess = predicted[k]
                        let previousGold = k == 0 ? count : target[k - 1]
                        let previousGuess = k == 0 ? count : predicted[k - 1]
                        if gold != guess {
                            for f in example.features[example.offsets[k]..<example.offsets[k + 1]] {
                                let row = Int(f) * count
                                weights[row + gold] += 1
                                history[row + gold] += step
                                weights[row + guess] -= 1
                                history[row + guess] -= step
                            }
                        }
                        if gold != guess || previousGold != previousGuess {
                            transitions[previousGold * count + gold] += 1
                            transitionHistory[previousGold * count + gold] += step
                            transitions[previousGuess * count + guess] -= 1
                            transitionHistory[previousGuess * count + guess] -= step
                        }
                    }
                }
                step += 1
            }
            // Averaged weights: w − Σ(c·Δ)/c.
            let averaged = Weights(
                emissions: zip(weights, history).map { $0 - Float($1 / step) },
                transitions: zip(transitions, transitionHistory).map { $0 - Float($1 / step) }, epoch: epoch)
            guard !devExamples.isEmpty else {
                if epoch == epochs { best = (0, averaged) }
                continue
            }
            var score = SpanScore()
            let averagedConstrained = Viterbi.constrained(averaged.transitions)
            for example in devExamples {
                Self.score(example, weights: averaged.emissions, into: &emissions)
                emissions.withUnsafeBufferPointer {
                    Self.decode($0, example, averagedConstrained, into: &predicted)
                }
                score.add(predicted: predicted, gold: example.gold)
            }
            progress(EpochReport(pass: pass, epoch: epoch, mistakes: mistakes, dev: score))
            if score.f1PersonOrganizationLocation > best.f1 { best = (score.f1PersonOrganizationLocation, averaged) }
        }
        return best.weights
    }

    /// Drops rare features, which the perceptron would otherwise use to memorize sentences.
    static func prune(_ examples: inout [Example], minimumCount: Int, rows: Int) {
        var counts = [UInt8](repeating: 0, count: rows)
        for example in examples {
            for f in example.features where counts[Int(f)] < 255 { counts[Int(f)] += 1 }
        }
        for e in examples.indices {
            var features: [UInt32] = []
            var offsets = [0]
            for k in examples[e].gold.indices {
                for f in examples[e].features[examples[e].offsets[k]..<examples[e].offsets[k + 1]]
                where Int(counts[Int(f)]) >= minimumCount {
                    features.append(f)
                }
                offsets.append(features.count)
            }
            examples[e].features = features
            examples[e].offsets = offsets
        }
    }

    static func score(_ example: Example, weights: [Float], into emissions: inout [Float]) {
        let count = TagSet.count
        emissions.removeAll(keepingCapacity: true)
        emissions.append(contentsOf: repeatElement(0, count: example.gold.count * count))
        weights.withUnsafeBufferPointer { w in
            for k in example.gold.indices {
                for f in example.features[example.offsets[k]..<example.offsets[k + 1]] {
                    let row = Int(f) * count
                    for tag in 0..<count { emissions[k * count + tag] += w[row + tag] }
                }
            }
        }
    }

    /// Rows of nine weights become nine `Int8`s and a scale (row max / 127).
    static func quantize(_ trained: Weights) -> WeightTable {
        let count = TagSet.count
        let rows = trained.emissions.count / count
        var scales = [Float](repeating: 0, count: rows)
        var quantized = [Int8](repeating: 0, count: rows * count)
        for row in 0..<rows {
            var largest: Float = 0
            for tag in 0..<count { largest = max(largest, abs(trained.emissions[row * count + tag])) }
            guard largest > 0 else { continue }
            let scale = largest / 127
            scales[row] = scale
            for tag in 0..<count {
                quantized[row * count + tag] = Int8((trained.emissions[row * count + tag] / scale).rounded())
            }
        }
        return WeightTable(scales: scales, weights: quantized, transitions: trained.transitions)
    }
}

/// A small seeded generator, so training shuffles the same way on every machine.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
