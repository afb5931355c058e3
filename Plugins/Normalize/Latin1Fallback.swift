/// Windows-1252, the encoding most "Latin-1" text on the web really is.
///
/// It agrees with Latin-1 except in 0x80–0x9F, where Latin-1 has C1 control
/// codes and Windows-1252 has printable characters (€, curly quotes, dashes).
/// The five bytes Windows-1252 leaves undefined read as their Latin-1 code
/// points, as browsers and Python's `errors="surrogateescape"`-free decoders do.
enum Windows1252 {
    /// The characters of bytes 0x80–0x9F.
    static let highControls: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The code point of byte `byte`.
    @inline(__always)
    static func scalarValue(of byte: UInt8) -> UInt32 {
        byte >= 0x80 && byte < 0xA0 ? highControls[Int(byte) - 0x80] : UInt32(byte)
    }

    /// The byte that encodes `value` in Windows-1252 — or, for a C1 control,
    /// in Latin-1 — when it is outside ASCII; `nil` for anything else.
    ///
    /// Accepting C1 controls too lets mojibake made by a Latin-1 decoder be
    /// repaired as well as mojibake made by a Windows-1252 one.
    @inline(__always)
    static func highByte(for value: UInt32) -> UInt8? {
        if value >= 0x80 && value <= 0xFF { return UInt8(value) }
        guard value >= 0x152 && value <= 0x2122 else { return nil }
        switch value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }
}

/// Decodes text that is not valid UTF-8.
///
/// News files that fail UTF-8 are almost always Latin-1 or Windows-1252 — or
/// UTF-8 with a few such bytes pasted in. So every well-formed UTF-8 sequence
/// is kept as UTF-8 and every other byte is read as Windows-1252. A file that
/// is wholly Latin-1 decodes exactly as Latin-1 would, except for the rare
/// pair such as `Ã©` that is also a UTF-8 sequence — and that pair is far
/// more likely to have been UTF-8 in the first place.
enum Latin1Fallback {
    /// The text of `bytes`, never failing.
    static func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        bytes.withUnsafeBufferPointer { input in
            var i = 0
            while i < input.count {
                let byte = input[i]
                if byte < 0x80 {
                    out.append(byte)
                    i += 1
                } else if let length = UTF8Scan.validSequenceLength(input, at: i) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<i + length]))
                    i += length
                } else {
                    UTF8Scan.append(Windows1252.scalarValue(of: byte), to: &out)
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
