/// File names as the file system keeps them: bytes, not always UTF-8.
///
/// A name such as `caf\xE9.txt` (Latin-1) cannot round-trip through `String`
/// (decoding replaces the byte with U+FFFD, and `open` then says "No such
/// file"), so the directory walk keeps names as bytes, opens them as bytes,
/// and makes a `String` only for ids and messages. Public so that other readers of
/// command-line paths (`textpipe report`) open the same bytes the user typed.
public enum FileName {
    /// The name for ids and messages: UTF-8 as is, any other byte as `\xHH`.
    public static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
                let scalar = String(validating: bytes[index..<index + length], as: UTF8.self)
            {
                result += scalar
                index += length
            } else {
                result += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                index += 1
            }
        }
        return result
    }

    /// Calls `body` with `bytes` as a NUL-terminated C path.
    public static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { path in
                guard let base = path.baseAddress else { preconditionFailure("a path with its NUL is never empty") }
                return body(base)
            }
        }
    }
}
