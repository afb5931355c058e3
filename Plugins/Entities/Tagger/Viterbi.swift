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

    /// Decodes `n` tokens whose scores are `emissions[i * count + tag]`;
    /// `transitions` must come from ``constrained(_:)``.
    package static func decode(
        _ emissions: UnsafeBufferPointer<Float>, n: Int, transitions: [Float], into tags: inout [Int]
    ) {
        var scratch = Scratch()
        decode(emissions, n: n, transitions: transitions, into: &tags, scratch: &scratch)
    }

    /// Buffers ``decode(_:n:transitions:into:scratch:)`` reuses from one sentence to the next.
    package struct Scratch {
        var score: [Float] = []
        var back: [Int8] = []

        package init() {}
    }

    /// ``decode(_:n:transitions:into:)`` without allocating per sentence;
    /// where `outside[i]` is true, token `i` can only be `O` (its emissions are not read).
    package static func decode(
        _ emissions: UnsafeBufferPointer<Float>, n: Int, transitions: [Float],
        outside: UnsafeBufferPointer<Bool>? = nil, into tags: inout [Int], scratch: inout Scratch
    ) {
        let count = TagSet.count
        tags.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        if scratch.score.count < n * count {
            scratch.score = [Float](repeating: 0, count: n * count)
            scratch.back = [Int8](repeating: 0, count: n * count)
        }
        var score = scratch.score
        var back = scratch.back
        scratch.score = []
        scratch.back = []
        defer {
            scratch.score = score
            scratch.back = back
        }
        let start = count * count
        for tag in 0..<count { score[tag] = transitions[start + tag] + emissions[tag] }
        if let outside, outside[0] {
            for tag in 1..<count { score[tag] = -.infinity }
            score[0] = transitions[start]
        }
        if n > 1 {
            for i in 1..<n {
                let row = i * count
                let previousRow = row - count
                if let outside, outside[i] {
                    // Only `O`: one best predecessor, and every other tag out of reach.
                    var best: Float = -.infinity
                    var bestPrevious = 0
                    for previous in 0..<count {
                        let candidate = score[previousRow + previous] + transitions[previous * count]
                        if candidate > best {
                            best = candidate
                            bestPrevious = previous
                        }
                    }
                    score[row] = best
                    back[row] = Int8(bestPrevious)
                    for tag in 1..<count { score[row + tag] = -.infinity }
                    continue
                }
                for tag in 0..<count {
                    var best: Float = -.infinity
                    var bestPrevious = 0
                    for previous in 0..<count {
                        let candidate = score[previousRow + previous] + transitions[previous * count + tag]
                        if candidate > best {
                            best = candidate
                            bestPrevious = previous
                        }
                    }
                    score[row + tag] = best + emissions[row + tag]
                    back[row + tag] = Int8(bestPrevious)
                }
            }
        }
        var last = 0
        var best: Float = -.infinity
        for tag in 0..<count where score[(n - 1) * count + tag] > best {
            best = score[(n - 1) * count + tag]
            last = tag
        }
        tags.append(contentsOf: repeatElement(0, count: n))
        tags[n - 1] = last
        var i = n - 1
        while i > 0 {
            last = Int(back[i * count + last])
            tags[i - 1] = last
            i -= 1
        }
    }
}
