import Foundation

/// One pass's weights: a hashed table whose rows hold a feature's nine tag
/// weights as `Int8`s with one `Float` scale, and the BIO transition scores.
///
/// A row is 16 bytes — scale, nine weights, three bytes of padding — so
/// scoring a feature touches one cache line. The rows live in `storage`,
/// which for a loaded model is the memory-mapped model file itself: loading
/// copies nothing, and pages come in as tagging touches them.
package struct WeightTable: Sendable {
    /// Bytes per row.
    static let rowSize = 16
    /// Rows of the table.
    let rows: Int
    /// Bytes holding the rows at `rowsOffset` (16-byte aligned).
    let storage: Data
    let rowsOffset: Int
    /// The transitions as trained, before the BIO constraints; what the model file stores.
    let rawTransitions: [Float]
    /// `(tags + 1) × tags` scores; row `tags` is the sentence start. Constrained to BIO.
    let transitions: [Float]
    /// ``transitions`` as the vectors the decoder reads.
    let decoding: Viterbi.Transitions

    /// A table over rows already laid out (a loaded file); copies them when
    /// they are misaligned in memory or the machine is big-endian.
    package init(rows: Int, storage: Data, rowsOffset: Int, transitions: [Float]) {
        let aligned = storage.withUnsafeBytes { raw in
            raw.baseAddress.map { Int(bitPattern: $0 + rowsOffset) % Self.rowSize == 0 } ?? false
        }
        if aligned && 1.littleEndian == 1 {
            self.storage = storage
            self.rowsOffset = rowsOffset
        } else {
            var copy = Data(count: rows * Self.rowSize)
            copy.withUnsafeMutableBytes { target in
                storage.withUnsafeBytes { source in
                    for row in 0..<rows {
                        let from = rowsOffset + row * Self.rowSize
                        let scale = Float(
                            bitPattern: UInt32(
                                littleEndian: source.loadUnaligned(fromByteOffset: from, as: UInt32.self)))
                        target.storeBytes(of: scale, toByteOffset: row * Self.rowSize, as: Float.self)
                        for k in 4..<Self.rowSize { target[row * Self.rowSize + k] = source[from + k] }
                    }
                }
            }
            self.storage = copy
            self.rowsOffset = 0
        }
        self.rows = rows
        rawTransitions = transitions
        self.transitions = Viterbi.constrained(transitions)
        decoding = Viterbi.Transitions(self.transitions)
    }

    /// A table from trained arrays: `weights` holds nine per row.
    package init(scales: [Float], weights: [Int8], transitions: [Float]) {
        precondition(weights.count == scales.count * TagSet.count, "weight table size")
        var storage = Data(count: scales.count * Self.rowSize)
        storage.withUnsafeMutableBytes { raw in
            for row in scales.indices {
                raw.storeBytes(of: scales[row], toByteOffset: row * Self.rowSize, as: Float.self)
                for tag in 0..<TagSet.count {
                    raw.storeBytes(
                        of: weights[row * TagSet.count + tag], toByteOffset: row * Self.rowSize + 4 + tag, as: Int8.self
                    )
                }
            }
        }
        self.init(rows: scales.count, storage: storage, rowsOffset: 0, transitions: transitions)
    }

    /// Calls `body` with the rows (`rows × 16` bytes, 16-byte aligned).
    func withRows<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        storage.withUnsafeBytes { raw in
            body(UnsafeRawBufferPointer(rebasing: raw[rowsOffset..<(rowsOffset + rows * Self.rowSize)]))
        }
    }

    /// Adds the weights of `features[range]` to `sums` (lanes 0…7) and `last` (the ninth tag).
    ///
    /// Eight lanes and a scalar, not one `SIMD16`: its last vector of four lanes
    /// was multiplied and added for one weight, 34 instructions a feature where
    /// this takes 25.
    @inline(__always)
    static func accumulate(
        _ rows: UnsafeRawBufferPointer, _ features: UnsafeBufferPointer<UInt32>, _ range: Range<Int>,
        into sums: inout SIMD8<Float>, _ last: inout Float
    ) {
        guard let base = rows.baseAddress, let features = features.baseAddress else { return }
        for k in range {
            let row = base + Int(features[k]) &* rowSize
            let scale = row.load(as: Float.self)
            if scale == 0 { continue }
            // Written out: the generic Int8 → Float vector conversion is not specialized and costs more.
            let w = row.loadUnaligned(fromByteOffset: 4, as: SIMD8<Int8>.self)
            let weights = SIMD8<Float>(
                Float(w[0]), Float(w[1]), Float(w[2]), Float(w[3]), Float(w[4]), Float(w[5]), Float(w[6]), Float(w[7]))
            sums += scale * weights
            last += scale * Float(row.load(fromByteOffset: 12, as: Int8.self))
        }
    }
}

/// A trained entity tagger: one or two passes of hashed feature weights, and a lexicon.
///
/// The first pass tags each sentence from its own features; the second, when
/// the model has one, tags again with the first pass's view of the whole
/// document as extra features (``DocumentContext``). Immutable after loading,
/// so one model serves every thread.
package final class TaggerModel: Sendable {
    /// log2 of the number of rows in each hashed weight table.
    package let bucketBits: Int
    let passes: [WeightTable]
    let extractor: FeatureExtractor
    private let lexiconSource: LexiconSource

    /// Where ``lexicon`` comes from.
    private enum LexiconSource: Sendable {
        case built(Lexicon)
        /// A loaded model's, decoded from the file when asked for: tagging reads
        /// only the extractor's indexes, and decoding a `Lexicon` at every load
        /// as well was four fifths of loading the model (see ``HashIndex``).
        case file(ModelFile.LexiconSections)
    }

    /// Gazetteer phrases and casing statistics the features use.
    ///
    /// For a loaded model this decodes them again from its file at every call
    /// (writing a model is the one use).
    package var lexicon: Lexicon {
        switch lexiconSource {
        case .built(let lexicon): return lexicon
        case .file(let sections): return sections.lexicon()
        }
    }

    /// A model from its passes; every table has `2^bucketBits` rows.
    package convenience init(bucketBits: Int, passes: [WeightTable], lexicon: Lexicon) {
        self.init(
            bucketBits: bucketBits, passes: passes, lexiconSource: .built(lexicon),
            extractor: FeatureExtractor(lexicon: lexicon, bucketBits: bucketBits))
    }

    /// A model whose lexicon stays in the bytes of its file.
    convenience init(bucketBits: Int, passes: [WeightTable], lexicon: ModelFile.LexiconSections) {
        self.init(
            bucketBits: bucketBits, passes: passes, lexiconSource: .file(lexicon),
            extractor: lexicon.extractor(bucketBits: bucketBits))
    }

    private init(bucketBits: Int, passes: [WeightTable], lexiconSource: LexiconSource, extractor: FeatureExtractor) {
        precondition(
            passes.allSatisfy { $0.rows == 1 << bucketBits } && (1...2).contains(passes.count), "weight tables")
        precondition(TagSet.count == 9, "the scoring loop is unrolled for nine tags")
        self.bucketBits = bucketBits
        self.passes = passes
        self.lexiconSource = lexiconSource
        self.extractor = extractor
    }

    /// Tags every token of a document.
    ///
    /// - Parameters:
    ///   - scalars: the document's text.
    ///   - tokens: token ranges into `scalars`.
    ///   - sentences: sentences as ranges of token indices, in order.
    /// - Returns: one tag per token (see ``TagSet``).
    package func tag(_ scalars: [Unicode.Scalar], tokens: [Range<Int>], sentences: [Range<Int>]) -> [Int] {
        let facts = extractor.facts(scalars, tokens: tokens, sentences: sentences)
        precondition(
            sentences.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= facts.count }, "sentences within the tokens")
        // The sentence-level features, computed once: the second pass uses them too.
        var own = FeatureLists(features: [], offsets: [0])
        own.offsets.reserveCapacity(facts.count + 1)
        facts.withUnsafeBufferPointer { facts in
            for sentence in sentences {
                let headline = extractor.isHeadline(facts, sentence)
                for i in sentence {
                    if !facts[i].inert {
                        own.append(room: FeatureExtractor.maxFeatures, mask: extractor.mask) { out in
                            extractor.features(facts, sentence: sentence, headline: headline, at: i, into: &out)
                        }
                    }
                    own.endToken()
                }
            }
        }
        own.finish()
        let inert = facts.map(\.inert)
        var tags = run(passes[0], sentences: sentences, lists: [own], inert: inert)
        if passes.count > 1 {
            let document = DocumentContext(facts: facts, tags: tags)
            var more = FeatureLists(features: [], offsets: [0])
            more.offsets.reserveCapacity(facts.count + 1)
            for sentence in sentences {
                for i in sentence {
                    if !facts[i].inert {
                        more.append(room: 8, mask: extractor.mask) { out in
                            extractor.documentFeatures(facts[i], at: i, document: document, into: &out)
                        }
                    }
                    more.endToken()
                }
            }
            more.finish()
            tags = run(passes[1], sentences: sentences, lists: [own, more], inert: inert)
        }
        return tags
    }

    /// Feature indices of the tokens in sentence order: `offsets[p]..<offsets[p + 1]` for the `p`th.
    private struct FeatureLists {
        var features: [UInt32]
        var offsets: [Int]
        /// Indices written while building; `features` beyond it is room not yet used.
        private var used = 0

        init(features: [UInt32], offsets: [Int]) {
            self.features = features
            self.offsets = offsets
            used = features.count
        }

        /// Writes one token's features with `write`, which writes at most `room` of them.
        @inline(__always)
        mutating func append(room: Int, mask: UInt64, _ write: (inout FeatureWriter) -> Void) {
            if features.count - used < room {
                features.append(contentsOf: repeatElement(0, count: Swift.max(room, features.count)))
            }
            let start = used
            used += features.withUnsafeMutableBufferPointer { buffer in
                var writer = FeatureWriter(buffer, at: start, mask: mask)
                write(&writer)
                precondition(writer.count <= room, "feature room")
                return writer.count
            }
        }

        /// Ends the current token's features.
        mutating func endToken() { offsets.append(used) }

        /// Drops the room not used.
        mutating func finish() { features.removeLast(features.count - used) }
    }

    /// Decodes every sentence with one pass's weights over the features of
    /// `lists`, added up in their order. Tokens marked `inert` are `O`, unscored.
    private func run(_ table: WeightTable, sentences: [Range<Int>], lists: [FeatureLists], inert: [Bool]) -> [Int] {
        var result = [Int](repeating: 0, count: lists[0].offsets.count - 1)
        // The buffers below are read unchecked: every sentence must lie within the tokens.
        precondition(
            sentences.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= min(inert.count, result.count) }
                && sentences.reduce(0) { $0 + $1.count } == result.count
                && lists.allSatisfy { $0.offsets.count == lists[0].offsets.count },
            "sentences and features")
        var scratch = Viterbi.Scratch()
        // Emissions are scored as the decoder asks for them, straight from
        // unchecked buffers: no per-sentence emission array, no closure call per token.
        let first = lists[0]
        let second = lists.count > 1 ? lists[1] : FeatureLists(features: [], offsets: [])
        table.withRows { rows in
            first.features.withUnsafeBufferPointer { features in
                first.offsets.withUnsafeBufferPointer { offsets in
                    second.features.withUnsafeBufferPointer { moreFeatures in
                        second.offsets.withUnsafeBufferPointer { moreOffsets in
                            inert.withUnsafeBufferPointer { inert in
                                result.withUnsafeMutableBufferPointer { result in
                                    var position = 0
                                    for sentence in sentences {
                                        let start = sentence.lowerBound
                                        let base = position
                                        Viterbi.decode(
                                            n: sentence.count, transitions: table.decoding, scratch: &scratch,
                                            outside: { inert[start + $0] },
                                            emission: { k in
                                                let p = base + k
                                                var sums = SIMD8<Float>()
                                                var last: Float = 0
                                                WeightTable.accumulate(
                                                    rows, features, offsets[p]..<offsets[p + 1], into: &sums, &last)
                                                if !moreOffsets.isEmpty {
                                                    WeightTable.accumulate(
                                                        rows, moreFeatures, moreOffsets[p]..<moreOffsets[p + 1],
                                                        into: &sums, &last)
                                                }
                                                return Viterbi.Lanes(
                                                    sums.lowHalf, sums.highHalf, SIMD4(last, 0, 0, 0))
                                            },
                                            store: { result[start + $0] = $1 })
                                        position += sentence.count
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The entity spans of a document: ``tag(_:tokens:sentences:)``, then
    /// ``LabelConsistency`` across the document.
    package func spans(_ scalars: [Unicode.Scalar], tokens: [Range<Int>], sentences: [Range<Int>]) -> [(
        range: Range<Int>, type: Int
    )] {
        var spans = TagSet.spans(tag(scalars, tokens: tokens, sentences: sentences))
        LabelConsistency.apply(&spans, scalars: scalars, tokens: tokens, vote: passes.count == 1)
        return spans
    }

    /// The gazetteer categories of the phrase made of `tokens` (bits of ``Lexicon/Category``; 0 when unknown).
    package func gazetteer(_ scalars: [Unicode.Scalar], tokens: ArraySlice<Range<Int>>) -> UInt16 {
        guard tokens.count <= extractor.longestPhrase else { return 0 }
        return extractor.phrases[Lexicon.phraseHash(tokens.lazy.map { TokenFacts.foldedHash(scalars, $0) })] ?? 0
    }

    /// Whether the word `token` is usually written in lower case in running
    /// text (capitalized under 30 % of the time, seen at least three times).
    package func usuallyLowercase(_ scalars: [Unicode.Scalar], token: Range<Int>) -> Bool {
        let bucket = extractor.casing[TokenFacts.foldedHash(scalars, token)] ?? 0
        // Buckets are ratio band × 3 + frequency band + 1 (``Lexicon/casingBucket(capitalized:lower:)``).
        return [2, 3, 5, 6].contains(bucket)
    }

    /// Tags from spans: `B-`/`I-` over each span, `O` elsewhere.
    package static func tags(_ spans: [(range: Range<Int>, type: Int)], count: Int) -> [Int] {
        var tags = [Int](repeating: TagSet.outside, count: count)
        for span in spans {
            for i in span.range { tags[i] = i == span.range.lowerBound ? 1 + 2 * span.type : 2 + 2 * span.type }
        }
        return tags
    }
}
