extension DocumentDecoder {
    /// Parses one JSON object into its members, in order, each value as a
    /// compact fragment — for answers that are not article records (no
    /// `"text"`), such as an `exec` child's line.
    ///
    /// The same strict RFC 8259 checks as ``decode(_:defaultID:source:)``; a
    /// repeated key keeps its first place and its last value.
    ///
    /// - Throws: ``RecordError`` when the bytes are not one JSON object.
    public static func decodeObject(_ bytes: [UInt8]) throws(RecordError) -> [(name: String, value: JSONFragment)] {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(RecordError) in try decodeObject(buffer) }
        }
        return try result.get()
    }

    private static func decodeObject(
        _ bytes: UnsafeRawBufferPointer
    ) throws(RecordError) -> [(name: String, value: JSONFragment)] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw RecordError(message: "invalid JSON: expected a JSON object, found end of input", offset: 0)
        }
        var scanner = JSONScanner(base: base, count: bytes.count)
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else {
            let kind = try scanner.skipValue(depth: 0)
            throw RecordError(message: "expected a JSON object, found \(kind)")
        }
        scanner.position += 1
        scanner.skipWhitespace()
        var members: [(name: String, value: JSONFragment)] = []
        if scanner.current == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpectedKey() }
                let start = scanner.position + 1
                let escaped = try scanner.scanString()
                let name = scanner.decodeString(from: start, to: scanner.position - 1, escaped: escaped)
                try scanner.expectColon()
                let valueStart = scanner.position
                scanner.sawWhitespace = false
                _ = try scanner.skipValue(depth: 1)
                let value = scanner.fragment(from: valueStart, to: scanner.position, compact: scanner.sawWhitespace)
                if let index = members.firstIndex(where: { $0.name.utf8.elementsEqual(name.utf8) }) {
                    members[index].value = value
                } else {
                    members.append((name, value))
                }
                if try scanner.endOfMember() { break }
            }
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.unexpected(expected: "end of input after the JSON value") }
        return members
    }
}
