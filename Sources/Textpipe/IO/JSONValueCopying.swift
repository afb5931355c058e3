/// Turning bytes the scanner has already validated into Swift values.
///
/// Nothing here checks the JSON again: the ranges must come from a successful
/// ``JSONScanner/scanString()`` or ``JSONScanner/skipValue(depth:)``.
extension JSONScanner {
    /// The value of a validated string whose content (between the quotes) is `start..<end`.
    func decodeString(from start: Int, to end: Int, escaped: Bool) -> String {
        let length = end - start
        let source = base + start
        guard escaped else {
            return String(unsafeUninitializedCapacity: length) { buffer in
                guard let target = buffer.baseAddress else { return 0 }
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: length)
                return length
            }
        }
        // Every escape is at least as long as the UTF-8 it stands for, so the
        // raw length is enough room.
        return String(unsafeUninitializedCapacity: length) { buffer in
            guard let target = buffer.baseAddress else { return 0 }
            return unescape(from: start, to: end, into: target)
        }
    }

    /// Writes the value of validated string content `start..<end` to `target`; returns the byte count.
    private func unescape(from start: Int, to end: Int, into target: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = start
        while index < end {
            var runEnd = index
            while runEnd < end, byte(at: runEnd) != UInt8(ascii: "\\") { runEnd += 1 }
            if runEnd > index {
                UnsafeMutableRawPointer(target + written).copyMemory(from: base + index, byteCount: runEnd - index)
                written += runEnd - index
                index = runEnd
            }
            guard index < end else { break }
            let escape = byte(at: index + 1)
            index += 2
            let simple: UInt8
            switch escape {
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                // Validated already: four hex digits, surrogates in pairs.
                var value = validatedHexQuad(at: index)
                index += 4
                if value >= 0xD800, value <= 0xDBFF {
                    let low = validatedHexQuad(at: index + 2)
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                written += encodeUTF8(value, into: target + written)
                continue
            default: simple = escape  // `"`, `\` and `/` stand for themselves
            }
            target[written] = simple
            written += 1
        }
        return written
    }

    private func validatedHexQuad(at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = byte(at: index + offset)
            // '0'...'9' are 0x30...0x39; 'a'...'f' and 'A'...'F' end in 1...6.
            let digit = byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : (byte & 0x0F) &+ 9
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func encodeUTF8(_ value: UInt32, into target: UnsafeMutablePointer<UInt8>) -> Int {
        let (bytes, count) = UTF8Bytes.encode(value)
        target[0] = bytes.0
        if count > 1 { target[1] = bytes.1 }
        if count > 2 { target[2] = bytes.2 }
        if count > 3 { target[3] = bytes.3 }
        return count
    }

    /// The validated value at `start..<end` as a compact fragment.
    ///
    /// With `compact` false the bytes are known to hold no insignificant white
    /// space and are copied in one go; otherwise white space outside strings is
    /// dropped and strings are copied byte for byte, escapes untouched.
    func fragment(from start: Int, to end: Int, compact: Bool) -> JSONFragment {
        let length = end - start
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            guard let target = buffer.baseAddress else {
                initialized = 0
                return
            }
            guard compact else {
                UnsafeMutableRawPointer(target).copyMemory(from: base + start, byteCount: length)
                initialized = length
                return
            }
            var written = 0
            var index = start
            var inString = false
            while index < end {
                let byte = byte(at: index)
                index += 1
                if inString {
                    target[written] = byte
                    written += 1
                    if byte == UInt8(ascii: "\\") {
                        target[written] = self.byte(at: index)
                        written += 1
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else {
                    switch byte {
                    case 0x20, 0x0A, 0x0D, 0x09: continue
                    case UInt8(ascii: "\""): inString = true
                    default: break
                    }
                    target[written] = byte
                    written += 1
                }
            }
            initialized = written
        }
        return JSONFragment(trustedBytes: bytes)
    }
}
