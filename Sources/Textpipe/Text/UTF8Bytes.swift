/// The UTF-8 encoding of one Unicode scalar value, for code that builds text as bytes.
public enum UTF8Bytes {
    /// The one to four bytes that encode scalar value `value` (which must be a valid scalar).
    @inlinable @inline(__always)
    public static func encode(_ value: UInt32) -> (bytes: (UInt8, UInt8, UInt8, UInt8), count: Int) {
        switch value {
        case 0..<0x80:
            return ((UInt8(value), 0, 0, 0), 1)
        case 0x80..<0x800:
            return ((UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F), 0, 0), 2)
        case 0x800..<0x10000:
            return ((UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F), 0), 3)
        default:
            return (
                (
                    UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
                    UInt8(0x80 | value & 0x3F)
                ), 4
            )
        }
    }

    /// Appends the UTF-8 encoding of scalar value `value` to `out`.
    @inlinable @inline(__always)
    public static func append(_ value: UInt32, to out: inout [UInt8]) {
        let (bytes, count) = encode(value)
        out.append(bytes.0)
        if count > 1 { out.append(bytes.1) }
        if count > 2 { out.append(bytes.2) }
        if count > 3 { out.append(bytes.3) }
    }
}
