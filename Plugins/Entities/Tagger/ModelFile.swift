import Foundation

/// The tagger's compact binary file format, little-endian:
///
/// ```
/// "TXPNER04"                         magic, 8 bytes ("TXPNER03": no clusters section)
/// u32 bucketBits, u32 tagCount (9), u32 passCount
/// per pass:
///   f32 × (tagCount + 1) × tagCount   transitions (last row: sentence start)
///   zero bytes up to a multiple of 16 from the start of the file
///   2^bucketBits rows of 16 bytes      f32 scale, i8 × 9 weights, 3 zero bytes
/// u32 phraseCount, u32 longestPhrase, (u64 hash, u16 categories) × phraseCount
/// u32 casingCount, (u64 hash, u8 bucket) × casingCount
/// u32 clusterCount, (u64 hash, u32 path) × clusterCount
/// ```
package enum ModelFile {
    static let magic = Array("TXPNER04".utf8)
    /// Models from before clusters, still read.
    static let magicWithoutClusters = Array("TXPNER03".utf8)

    /// A problem reading a model file.
    package struct FormatError: Error, CustomStringConvertible {
        package var path: String
        package var message: String
        package var description: String { "\(path): error: not a textpipe entities model (\(message))" }
    }

    /// The bytes of `model` in this format.
    package static func encode(_ model: TaggerModel) -> [UInt8] {
        var out: [UInt8] = magic
        out.reserveCapacity(model.passes.count * (WeightTable.rowSize << model.bucketBits) + 1 << 20)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(UInt32(model.bucketBits))
        u32(UInt32(TagSet.count))
        u32(UInt32(model.passes.count))
        for pass in model.passes {
            pass.rawTransitions.forEach(f32)
            while out.count % WeightTable.rowSize != 0 { out.append(0) }
            pass.withRows { rows in
                for row in 0..<pass.rows {
                    let start = row * WeightTable.rowSize
                    f32(rows.load(fromByteOffset: start, as: Float.self))
                    out.append(contentsOf: rows[(start + 4)..<(start + WeightTable.rowSize)])
                }
            }
        }
        let lexicon = model.lexicon
        // Sorted, so the same model always gives the same bytes.
        let phrases = lexicon.phrases.sorted { $0.key < $1.key }
        u32(UInt32(phrases.count))
        u32(UInt32(lexicon.longestPhrase))
        for (hash, bits) in phrases {
            u64(hash)
            withUnsafeBytes(of: bits.littleEndian) { out.append(contentsOf: $0) }
        }
        let casing = lexicon.casing.sorted { $0.key < $1.key }
        u32(UInt32(casing.count))
        for (hash, bucket) in casing {
            u64(hash)
            out.append(bucket)
        }
        let clusters = lexicon.clusters.sorted { $0.key < $1.key }
        u32(UInt32(clusters.count))
        for (hash, path) in clusters {
            u64(hash)
            u32(path)
        }
        return out
    }

    /// Reads a model from `url`.
    package static func load(_ url: URL) throws -> TaggerModel {
        // Mapped, not read: the weight tables are used in place (see `WeightTable`).
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        return try decode(data, path: url.path)
    }

    /// Decodes a model from the bytes of a file at `path` (for messages).
    package static func decode(_ data: Data, path: String) throws -> TaggerModel {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> TaggerModel in
            var offset = 0
            func need(_ count: Int) throws {
                guard offset + count <= raw.count else {
                    throw FormatError(path: path, message: "truncated at byte \(offset)")
                }
            }
            func u32() throws -> UInt32 {
                try need(4)
                defer { offset += 4 }
                return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            }
            func floats(_ count: Int) throws -> [Float] {
                try need(count * 4)
                defer { offset += count * 4 }
                return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for k in 0..<count {
                        buffer[k] = Float(
                            bitPattern: UInt32(
                                littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 * k, as: UInt32.self)))
                    }
                    initialized = count
                }
            }
            try need(8)
            let version = Array(raw[0..<8])
            guard version == magic || version == magicWithoutClusters else {
                throw FormatError(path: path, message: "bad magic")
            }
            offset = 8
            let bucketBits = Int(try u32())
            let tagCount = Int(try u32())
            let passCount = Int(try u32())
            guard tagCount == TagSet.count, (8...26).contains(bucketBits), (1...2).contains(passCount) else {
                throw FormatError(
                    path: path,
                    message: "unsupported layout: \(tagCount) tags, \(bucketBits) bucket bits, \(passCount) passes")
            }
            var passes: [WeightTable] = []
            for _ in 0..<passCount {
                let transitions = try floats((tagCount + 1) * tagCount)
                let rows = 1 << bucketBits
                while offset % WeightTable.rowSize != 0 { offset += 1 }
                try need(rows * WeightTable.rowSize)
                passes.append(WeightTable(rows: rows, storage: data, rowsOffset: offset, transitions: transitions))
                offset += rows * WeightTable.rowSize
            }
            // The lexicon's tables are checked and located, not decoded (``LexiconSections``).
            func table(_ count: Int, stride: Int) throws -> LexiconSections.Table {
                let available = raw.count - offset
                if count * stride > available {
                    // Where reading entry by entry stops: at an entry's key or at the value after it.
                    let whole = available / stride * stride
                    offset += whole + (available - whole >= 8 ? 8 : 0)
                    try need(stride)
                }
                defer { offset += count * stride }
                return LexiconSections.Table(offset: offset, count: count)
            }
            let phraseCount = Int(try u32())
            let longestPhrase = Int(try u32())
            let phrases = try table(phraseCount, stride: 10)
            let casing = try table(Int(try u32()), stride: 9)
            let clusters = version == magic ? try table(Int(try u32()), stride: 12) : .init(offset: offset, count: 0)
            guard offset == raw.count else {
                throw FormatError(path: path, message: "\(raw.count - offset) bytes after the end")
            }
            let lexicon = LexiconSections(
                data: data, longestPhrase: longestPhrase, phrases: phrases, casing: casing, clusters: clusters)
            return TaggerModel(bucketBits: bucketBits, passes: passes, lexicon: lexicon)
        }
    }

    /// A model file's lexicon, left in the file's bytes: three tables of
    /// entries of a fixed size, a little-endian `u64` key and its value.
    ///
    /// The tagger reads them as ``HashIndex``es built straight from the bytes;
    /// only writing the model again needs a ``Lexicon``, decoded on demand.
    struct LexiconSections: Sendable {
        /// Where a table's entries start, and how many there are.
        struct Table: Sendable {
            var offset: Int
            var count: Int
        }

        let data: Data
        let longestPhrase: Int
        /// `u64` phrase hash, `u16` categories.
        let phrases: Table
        /// `u64` word hash, `u8` casing bucket.
        let casing: Table
        /// `u64` word hash, `u32` cluster path; empty in a model without clusters.
        let clusters: Table

        private func phrase(_ raw: UnsafeRawBufferPointer, _ i: Int) -> (key: UInt64, value: UInt16) {
            let at = phrases.offset + i * 10
            return (
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)),
                UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt16.self))
            )
        }

        private func casingBucket(_ raw: UnsafeRawBufferPointer, _ i: Int) -> (key: UInt64, value: UInt8) {
            let at = casing.offset + i * 9
            return (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)), raw[at + 8])
        }

        private func cluster(_ raw: UnsafeRawBufferPointer, _ i: Int) -> (key: UInt64, value: UInt32) {
            let at = clusters.offset + i * 12
            return (
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)),
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))
            )
        }

        /// The tagger's view of the tables.
        func extractor(bucketBits: Int) -> FeatureExtractor {
            data.withUnsafeBytes { raw in
                FeatureExtractor(
                    phrases: HashIndex(count: phrases.count, empty: 0) { phrase(raw, $0) },
                    casing: HashIndex(count: casing.count, empty: 0) { casingBucket(raw, $0) },
                    clusters: HashIndex(count: clusters.count, empty: 0) { cluster(raw, $0) },
                    longestPhrase: longestPhrase, bucketBits: bucketBits)
            }
        }

        /// The tables as a ``Lexicon``; a key written twice keeps its later value.
        func lexicon() -> Lexicon {
            data.withUnsafeBytes { raw in
                var lexicon = Lexicon()
                lexicon.longestPhrase = longestPhrase
                lexicon.phrases.reserveCapacity(phrases.count)
                for i in 0..<phrases.count {
                    let (key, value) = phrase(raw, i)
                    lexicon.phrases[key] = value
                }
                lexicon.casing.reserveCapacity(casing.count)
                for i in 0..<casing.count {
                    let (key, value) = casingBucket(raw, i)
                    lexicon.casing[key] = value
                }
                lexicon.clusters.reserveCapacity(clusters.count)
                for i in 0..<clusters.count {
                    let (key, value) = cluster(raw, i)
                    lexicon.clusters[key] = value
                }
                return lexicon
            }
        }
    }
}
