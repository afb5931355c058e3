import Foundation
import Textpipe
import TextpipeEvalKit

/// A sparse matrix in compressed rows, `Float` values.
struct SparseRows: Sendable {
    var rows: Int
    var columns: Int
    /// Row `r`'s entries are `starts[r]..<starts[r + 1]` of `indices` and `values`.
    var starts: [Int]
    var indices: [Int32]
    var values: [Float]

    /// The transpose, in compressed rows too (entries of a row in ascending column order).
    func transposed() -> SparseRows {
        var counts = [Int](repeating: 0, count: columns + 1)
        for column in indices { counts[Int(column) + 1] += 1 }
        for k in 0..<columns { counts[k + 1] += counts[k] }
        var next = counts
        var newIndices = [Int32](repeating: 0, count: indices.count)
        var newValues = [Float](repeating: 0, count: values.count)
        for r in 0..<rows {
            for k in starts[r]..<starts[r + 1] {
                let column = Int(indices[k])
                newIndices[next[column]] = Int32(r)
                newValues[next[column]] = values[k]
                next[column] += 1
            }
        }
        return SparseRows(rows: columns, columns: rows, starts: counts, indices: newIndices, values: newValues)
    }

    /// `self × dense`, where `dense` is `columns × width`, row-major; rows computed in parallel.
    func times(_ dense: [Double], width: Int, threads: Int) -> [Double] {
        let result = Locked([Double](repeating: 0, count: rows * width))
        let chunks = Swift.min(rows, 64)
        Throughput.forEach(count: chunks, threads: threads) { _, chunk in
            let lower = rows * chunk / chunks
            let upper = rows * (chunk + 1) / chunks
            var part = [Double](repeating: 0, count: (upper - lower) * width)
            dense.withUnsafeBufferPointer { x in
                part.withUnsafeMutableBufferPointer { y in
                    for r in lower..<upper {
                        let out = (r - lower) * width
                        for k in starts[r]..<starts[r + 1] {
                            let value = Double(values[k])
                            let base = Int(indices[k]) * width
                            for j in 0..<width { y[out + j] += value * x[base + j] }
                        }
                    }
                }
            }
            result.withLock { all in
                for k in part.indices { all[lower * width + k] = part[k] }
            }
        }
        return result.withLock { $0 }
    }
}

/// The leading singular vectors of a sparse matrix by the randomized range
/// finder of Halko, Martinsson & Tropp (2011): a random sketch of the
/// columns, two power iterations, an orthonormal basis, and an exact
/// eigendecomposition of the small projected matrix. Deterministic for a seed:
/// every parallel sum is split into fixed chunks added in order.
enum RandomizedSVD {
    /// The first `rank` left singular vectors of `matrix`, each row scaled by √σ
    /// (as word vectors are usually taken from a PPMI matrix), row-major `rows × rank`.
    static func leftVectors(_ matrix: SparseRows, rank: Int, seed: UInt64, threads: Int) -> [Float] {
        let width = Swift.min(rank + 20, matrix.columns, matrix.rows)
        let transpose = matrix.transposed()
        var generator = SplitMix64(seed: seed)
        var sketch = [Double](repeating: 0, count: matrix.columns * width)
        for k in sketch.indices { sketch[k] = generator.next() & 1 == 0 ? 1 : -1 }
        var basis = orthonormalized(
            matrix.times(sketch, width: width, threads: threads), width: width, threads: threads)
        for _ in 0..<2 {
            let back = orthonormalized(
                transpose.times(basis, width: width, threads: threads), width: width, threads: threads)
            basis = orthonormalized(matrix.times(back, width: width, threads: threads), width: width, threads: threads)
        }
        // C = Aᵀ Q; the eigenvectors of CᵀC rotate Q onto the singular vectors, its eigenvalues are σ².
        let projected = transpose.times(basis, width: width, threads: threads)
        let gram = gramian(projected, width: width, threads: threads)
        let (eigenvalues, eigenvectors) = jacobiEigen(gram, size: width)
        let order = (0..<width).sorted { eigenvalues[$0] > eigenvalues[$1] }.prefix(Swift.min(rank, width))
        let k = order.count
        var vectors = [Float](repeating: 0, count: matrix.rows * k)
        for r in 0..<matrix.rows {
            for (column, e) in order.enumerated() {
                var sum = 0.0
                for j in 0..<width { sum += basis[r * width + j] * eigenvectors[j * width + e] }
                vectors[r * k + column] = Float(sum * pow(Swift.max(eigenvalues[e], 0), 0.25))
            }
        }
        return vectors
    }

    /// `YᵀY` for a row-major `n × width` matrix, summed over fixed chunks of rows in order.
    static func gramian(_ y: [Double], width: Int, threads: Int) -> [Double] {
        let n = y.count / width
        let chunks = Swift.max(1, Swift.min(n, 32))
        let parts = Locked([[Double]](repeating: [], count: chunks))
        Throughput.forEach(count: chunks, threads: threads) { _, chunk in
            var g = [Double](repeating: 0, count: width * width)
            y.withUnsafeBufferPointer { y in
                g.withUnsafeMutableBufferPointer { g in
                    for r in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                        let row = r * width
                        for a in 0..<width {
                            let ya = y[row + a]
                            if ya == 0 { continue }
                            for b in a..<width { g[a * width + b] += ya * y[row + b] }
                        }
                    }
                }
            }
            parts.withLock { $0[chunk] = g }
        }
        var g = [Double](repeating: 0, count: width * width)
        for part in parts.withLock({ $0 }) {
            for k in part.indices { g[k] += part[k] }
        }
        for a in 0..<width {
            for b in 0..<a { g[a * width + b] = g[b * width + a] }
        }
        return g
    }

    /// An orthonormal basis of the columns of `y` (row-major `n × width`) by
    /// Cholesky QR, done twice: the second pass mends what rounding left of the first.
    static func orthonormalized(_ y: [Double], width: Int, threads: Int) -> [Double] {
        var q = y
        for _ in 0..<2 {
            var g = gramian(q, width: width, threads: threads)
            // A tiny ridge keeps a rank-deficient sketch (fewer distinct columns than width) factorable.
            var trace = 0.0
            for a in 0..<width { trace += g[a * width + a] }
            for a in 0..<width { g[a * width + a] += 1e-12 * trace / Double(width) + 1e-300 }
            let r = cholesky(g, size: width)
            let n = q.count / width
            let source = q
            let rows = Locked([Double](repeating: 0, count: q.count))
            let chunks = Swift.max(1, Swift.min(n, 64))
            Throughput.forEach(count: chunks, threads: threads) { _, chunk in
                let lower = n * chunk / chunks
                let upper = n * (chunk + 1) / chunks
                var part = [Double](repeating: 0, count: (upper - lower) * width)
                // Solve x R = y for each row: forward substitution over the columns.
                for row in lower..<upper {
                    let out = (row - lower) * width
                    for j in 0..<width {
                        var sum = source[row * width + j]
                        for i in 0..<j { sum -= part[out + i] * r[i * width + j] }
                        part[out + j] = sum / r[j * width + j]
                    }
                }
                rows.withLock { all in
                    for k in part.indices { all[lower * width + k] = part[k] }
                }
            }
            q = rows.withLock { $0 }
        }
        return q
    }

    /// The upper-triangular R with RᵀR = g (row-major `size × size`).
    static func cholesky(_ g: [Double], size: Int) -> [Double] {
        var r = [Double](repeating: 0, count: size * size)
        for j in 0..<size {
            var diagonal = g[j * size + j]
            for k in 0..<j { diagonal -= r[k * size + j] * r[k * size + j] }
            let pivot = diagonal > 0 ? diagonal.squareRoot() : 1e-150
            r[j * size + j] = pivot
            for i in (j + 1)..<Swift.max(j + 1, size) {
                var sum = g[j * size + i]
                for k in 0..<j { sum -= r[k * size + j] * r[k * size + i] }
                r[j * size + i] = sum / pivot
            }
        }
        return r
    }

    /// Eigenvalues and eigenvectors (as columns, row-major) of a symmetric matrix, by cyclic Jacobi rotations.
    static func jacobiEigen(_ matrix: [Double], size n: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<60 {
            var off = 0.0
            var total = 0.0
            for i in 0..<n {
                for j in 0..<n {
                    total += a[i * n + j] * a[i * n + j]
                    if i != j { off += a[i * n + j] * a[i * n + j] }
                }
            }
            if off <= 1e-22 * total { break }
            for p in 0..<n {
                for q in (p + 1)..<Swift.max(p + 1, n) {
                    let apq = a[p * n + q]
                    if abs(apq) < 1e-300 { continue }
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p]
                        let akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k]
                        let aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p]
                        let vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }
}
