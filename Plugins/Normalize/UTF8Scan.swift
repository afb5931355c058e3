import Textpipe

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small UTF-8 routines the passes share.
///
/// Every pass reads and writes UTF-8 bytes rather than `Character`s: news text
/// is mostly ASCII, and a byte loop that only decodes a scalar when it meets a
/// byte ≥ 0x80 is many times faster than grapheme iteration.
enum UTF8Scan {
    /// The scalar starting at `i` and its length in bytes, for input known to be
    /// valid UTF-8 (the bytes of a Swift `String`).
    @inline(__always)
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = input[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 {
            return (UInt32(lead & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F), 3
            )
        }
        return (
            UInt32(lead & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12 | UInt32(input[i + 2] & 0x3F) << 6
                | UInt32(input[i + 3] & 0x3F), 4
        )
    }

    /// The length of the well-formed UTF-8 sequence starting at `i`, or `nil`
    /// when the bytes there are not one (overlong forms, surrogates and values
    /// above U+10FFFF are not well-formed).
    static func validSequenceLength(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let lead = input[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= input.count else { return nil }
        let second = input[i + 1]
        guard second >= low && second <= high else { return nil }
        var k = 2
        while k < length {
            guard input[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return length
    }

    /// Appends the UTF-8 encoding of scalar value `value` (which must be a valid scalar).
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        UTF8Bytes.append(value, to: &out)
    }

    /// The index of the first `byte` in `input` at or after `start`, found with
    /// the C library's vectorized `memchr`: passes look for their trigger
    /// bytes this way before deciding to run.
    @inline(__always)
    static func index(of byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Whether `a` and `b` hold the same bytes (the C library's `memcmp`).
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// Whether two strings have the same UTF-8 bytes (`==` would also equate
    /// canonically equivalent strings, which normalization must tell apart).
    static func equal(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in equal(x, y) } }
    }

    /// Whether `input` contains `byte`.
    @inline(__always)
    static func contains(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>) -> Bool {
        index(of: byte, in: input) != nil
    }

    /// Whether `value` is a Unicode scalar value (not a surrogate, not above U+10FFFF).
    @inline(__always)
    static func isScalar(_ value: UInt32) -> Bool {
        value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF)
    }

    /// Whether `byte` is an ASCII letter or digit.
    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// `byte` with ASCII upper-case letters lowered.
    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
