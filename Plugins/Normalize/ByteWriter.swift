import Textpipe

/// Output bytes written straight into an array's storage.
///
/// `Array.append` checks uniqueness and capacity on every byte, which cost a
/// third of the stage's time. A pass instead writes through this into storage
/// sized from its input; if the guess was too small the writer notes it, stops
/// writing, and ``write(capacity:_:)`` runs the pass again with more room.
struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private(set) var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The bytes a pass writes, starting with room for `capacity` of them.
    static func write(capacity: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
        var capacity = max(capacity, 16)
        while true {
            var overflowed = false
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var writer = ByteWriter(buffer)
                body(&writer)
                overflowed = writer.overflowed
                initialized = overflowed ? 0 : writer.count
            }
            if !overflowed { return bytes }
            capacity *= 2
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The last byte written.
    var last: UInt8? { count > 0 ? buffer[count - 1] : nil }

    /// The byte at `index`, which must be below ``count``.
    subscript(index: Int) -> UInt8 { buffer[index] }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count < buffer.count {
            buffer[count] = byte
            count += 1
        } else {
            overflowed = true
        }
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard count + bytes.count <= buffer.count else {
            overflowed = true
            return
        }
        _ = UnsafeMutableBufferPointer(rebasing: buffer[count..<count + bytes.count]).initialize(fromContentsOf: bytes)
        count += bytes.count
    }

    /// Appends the UTF-8 encoding of scalar value `value`.
    @inline(__always)
    mutating func append(scalar value: UInt32) {
        let (bytes, count) = UTF8Bytes.encode(value)
        append(bytes.0)
        if count > 1 { append(bytes.1) }
        if count > 2 { append(bytes.2) }
        if count > 3 { append(bytes.3) }
    }

    /// Forgets the bytes from `newCount` on.
    mutating func truncate(to newCount: Int) {
        count = min(count, max(newCount, 0))
    }
}
