/// Best tag sequence under emission and transition scores, with BIO constraints.
package enum Viterbi {
    /// Transition scores with forbidden BIO moves (`O → I-X`, `B-X → I-Y`) set
    /// to a large negative number. Row `count` holds the start-of-sentence scores.
    package static func constrained(_ transitions: [Float]) -> [Float] {
        let count = TagSet.count
        var result = transitions
        for previous in 0...count {
            for tag in 0..<count where !TagSet.allowed(tag, after: previous == count ? nil : previous) {
                result[previous * count + tag] = -1e9
            }
        }
        return result
    }

    /// The number of tags the vector code is written for (``TagSet/count``).
    static let tagCount = 9

    /// Constrained transitions (``constrained(_:)``) as one vector per previous
    /// tag, lane `tag` scoring `previous → tag`; row ``tagCount`` is the sentence start.
    /// Lanes past the last tag are 0 and never read.
    package struct Transitions: Sendable {
        let rows: [SIMD16<Float>]

        package init(_ constrained: [Float]) {
            precondition(TagSet.count == Viterbi.tagCount && constrained.count == (tagCount + 1) * tagCount)
            rows = (0...tagCount).map { previous in
                var row = SIMD16<Float>()
                for tag in 0..<tagCount { row[tag] = constrained[previous * tagCount + tag] }
                return row
            }
        }
    }

    /// Decodes `n` tokens whose scores are `emissions[i * count + tag]`;
    /// `transitions` must come from ``constrained(_:)``.
    package static func decode(
        _ emissions: UnsafeBufferPointer<Float>, n: Int, transitions: [Float], into tags: inout [Int]
    ) {
        var scratch = Scratch()
        decode(emissions, n: n, transitions: transitions, into: &tags, scratch: &scratch)
    }

    /// Buffers the decoders reuse from one sentence to the next.
    package struct Scratch {
        /// Per token, the best score of a path ending in each tag there.
        var score: [Lanes] = []

        package init() {}
    }

    /// Nine tag scores in the lanes of three 4-lane vectors (lanes 9…11 unused).
    ///
    /// Not one `SIMD16<Float>`: written as that, the forward step compiled to
    /// 344 instructions of blends; as three `SIMD4`s it is 90 (adds and `maxps`).
    struct Lanes {
        var low: SIMD4<Float>
        var middle: SIMD4<Float>
        var high: SIMD4<Float>

        @inline(__always) init(_ low: SIMD4<Float>, _ middle: SIMD4<Float>, _ high: SIMD4<Float>) {
            self.low = low
            self.middle = middle
            self.high = high
        }

        @inline(__always) init(repeating value: Float) {
            self.init(SIMD4(repeating: value), SIMD4(repeating: value), SIMD4(repeating: value))
        }

        @inline(__always) static func + (a: Lanes, b: Lanes) -> Lanes {
            Lanes(a.low + b.low, a.middle + b.middle, a.high + b.high)
        }

        /// Lane `tag` (0…8).
        @inline(__always) subscript(tag: Int) -> Float {
            get { tag < 4 ? low[tag] : tag < 8 ? middle[tag - 4] : high[tag - 8] }
            set {
                if tag < 4 {
                    low[tag] = newValue
                } else if tag < 8 {
                    middle[tag - 4] = newValue
                } else {
                    high[tag - 8] = newValue
                }
            }
        }

        /// Lane `tag` of a transition row (``Transitions/rows``) as lanes.
        @inline(__always) init(row rows: UnsafeRawPointer, _ previous: Int) {
            let at = previous * MemoryLayout<SIMD16<Float>>.stride
            self.init(
                rows.load(fromByteOffset: at, as: SIMD4<Float>.self),
                rows.load(fromByteOffset: at + 16, as: SIMD4<Float>.self),
                rows.load(fromByteOffset: at + 32, as: SIMD4<Float>.self))
        }

        /// Each lane of `candidate` that is greater than this one's replaces it.
        @inline(__always) mutating func keepGreater(_ candidate: Lanes) {
            low.replace(with: candidate.low, where: candidate.low .> low)
            middle.replace(with: candidate.middle, where: candidate.middle .> middle)
            high.replace(with: candidate.high, where: candidate.high .> high)
        }
    }

    /// ``decode(_:n:transitions:into:)`` without allocating per sentence;
    /// where `outside[i]` is true, token `i` can only be `O` (its emissions are not read).
    package static func decode(
        _ emissions: UnsafeBufferPointer<Float>, n: Int, transitions: [Float],
        outside: UnsafeBufferPointer<Bool>? = nil, into tags: inout [Int], scratch: inout Scratch
    ) {
        let count = tagCount
        precondition(emissions.count >= n * count)
        tags.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        tags.append(contentsOf: repeatElement(0, count: n))
        let table = Transitions(transitions)
        tags.withUnsafeMutableBufferPointer { tags in
            decode(
                n: n, transitions: table, scratch: &scratch, outside: { outside?[$0] ?? false },
                emission: { i in
                    var row = Lanes(repeating: 0)
                    for tag in 0..<count { row[tag] = emissions[i * count + tag] }
                    return row
                }, store: { tags[$0] = $1 })
        }
    }

    /// For each tag, the best score of a path reaching it from the previous
    /// token's tags, scored `score`, under transition rows `rows`.
    ///
    /// Out of line: inlined into the decoder, the same code compiled to blends
    /// instead of `maxps` (240 instructions a token instead of 112).
    @inline(never)
    static func step(_ score: Lanes, _ rows: UnsafeRawPointer) -> Lanes {
        var best = Lanes(repeating: -.infinity)
        // Written out, so each lane is taken from a register rather than through memory.
        @inline(__always) func relax(_ value: Float, _ previous: Int) {
            best.keepGreater(Lanes(repeating: value) + Lanes(row: rows, previous))
        }
        relax(score.low[0], 0)
        relax(score.low[1], 1)
        relax(score.low[2], 2)
        relax(score.low[3], 3)
        relax(score.middle[0], 4)
        relax(score.middle[1], 5)
        relax(score.middle[2], 6)
        relax(score.middle[3], 7)
        relax(score.high[0], 8)
        return best
    }

    /// Decodes `n` tokens whose scores are the first nine lanes of `emissions[i]`,
    /// token `i` held to `O` where `outside[i]`, handing each token's tag to `store`.
    ///
    /// All nine tags at once, one lane each: 81 scalar candidates with bounds
    /// checks per token were 13 % of the entities stage's instructions. Lane by
    /// lane this is the scalar recurrence, the same sums and comparisons. The
    /// forward pass keeps only the best scores; tracing back works out the one
    /// best previous tag it needs from them as the scalar loop did, the first
    /// on ties (strictly greater replaces), rather than keeping all nine
    /// per token, whose blends cost more than the maxima themselves.
    @inline(__always)
    static func decode(
        n: Int, transitions: Transitions, scratch: inout Scratch, outside: (Int) -> Bool,
        emission: (Int) -> Lanes, store: (Int, Int) -> Void
    ) {
        guard n > 0 else { return }
        if scratch.score.count < n { scratch.score = [Lanes](repeating: Lanes(repeating: 0), count: n) }
        transitions.rows.withUnsafeBufferPointer { rows in
            scratch.score.withUnsafeMutableBufferPointer { scores in
                guard let base = rows.baseAddress else { return }
                let t = UnsafeRawPointer(base)
                var score: Lanes
                if outside(0) {
                    score = Lanes(repeating: -.infinity)
                    score.low[0] = rows[tagCount][0]
                } else {
                    score = Lanes(row: t, tagCount) + emission(0)
                }
                scores[0] = score
                var i = 1
                var previousOutside = outside(0)
                while i < n {
                    // After an `O`-only token every lane but the first is minus infinity, so
                    // only `O` can come before: the step is that one candidate, exactly
                    // (most tokens are inert, and so most steps follow one).
                    let best = previousOutside ? Lanes(repeating: score.low[0]) + Lanes(row: t, 0) : step(score, t)
                    previousOutside = outside(i)
                    if previousOutside {
                        // Only `O`; the other tags are out of reach.
                        let o = best.low[0]
                        score = Lanes(repeating: -.infinity)
                        score.low[0] = o
                    } else {
                        score = best + emission(i)
                    }
                    scores[i] = score
                    i += 1
                }
                var last = 0
                var best: Float = -.infinity
                for tag in 0..<tagCount where score[tag] > best {
                    best = score[tag]
                    last = tag
                }
                store(n - 1, last)
                i = n - 1
                while i > 0 {
                    // An `O`-only token is `O`: every other tag there is at minus infinity.
                    if outside(i - 1) {
                        last = 0
                        store(i - 1, last)
                        i -= 1
                        continue
                    }
                    let previousScore = scores[i - 1]
                    var bestPrevious = 0
                    var best: Float = -.infinity
                    for previous in 0..<tagCount {
                        let candidate = previousScore[previous] + rows[previous][last]
                        if candidate > best {
                            best = candidate
                            bestPrevious = previous
                        }
                    }
                    last = bestPrevious
                    store(i - 1, last)
                    i -= 1
                }
            }
        }
    }
}
