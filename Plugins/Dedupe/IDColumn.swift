/// Article ids, kept compactly: the UTF-8 bytes of each chunk of ids in one buffer.
///
/// A `String` per id costs 16 bytes plus a heap object for ids over 15 bytes;
/// this costs the id's bytes plus 4.
struct IDColumn: Sendable {
    private struct Chunk: Sendable {
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
    }

    private var chunks: [Chunk] = []
    private(set) var count = 0

    private static let idsPerChunk = 4096

    mutating func append(_ id: String) {
        if count % Self.idsPerChunk == 0 {
            var chunk = Chunk()
            chunk.ends.reserveCapacity(Self.idsPerChunk)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].bytes.append(contentsOf: id.utf8)
        chunks[chunks.count - 1].ends.append(UInt32(chunks[chunks.count - 1].bytes.count))
        count += 1
    }

    subscript(index: Int) -> String {
        let chunk = chunks[index / Self.idsPerChunk]
        let position = index % Self.idsPerChunk
        let start = position == 0 ? 0 : Int(chunk.ends[position - 1])
        return String(decoding: chunk.bytes[start..<Int(chunk.ends[position])], as: UTF8.self)
    }

    /// Bytes allocated for the ids.
    var allocatedBytes: Int { chunks.reduce(0) { $0 + $1.bytes.capacity + $1.ends.capacity * 4 } }
}
