/// The JSON of the shared annotations, `entities` and `sentences`: one codec in
/// the core, so the stage that writes an annotation and the stages that read it
/// cannot disagree about its shape.
///
/// Written with ``JSONWriter`` in the bytes `JSONEncoder` with sorted keys
/// writes (keys in code-point order, `nil` properties left out, strings escaped
/// as little as JSON allows), at a fraction of its cost: encoding `entities`
/// with `JSONEncoder` took 8% of the entities stage's time. Read with
/// ``JSONScanner``, which validates as it goes: decoding `entities` with
/// `JSONDecoder` was a third of the intra-party-conflict stage's time on BBC
/// articles.
enum AnnotationJSON {
    // MARK: - Writing

    /// `entities` as a compact JSON array of objects with sorted keys.
    static func fragment(_ entities: [Entity]) -> JSONFragment {
        var out: [UInt8] = []
        out.reserveCapacity(entities.count * 96)
        out.append(UInt8(ascii: "["))
        for (index, entity) in entities.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            if let canonical = entity.canonical {
                append(#""canonical":"#, to: &out)
                JSONWriter.appendString(canonical, to: &out)
                out.append(UInt8(ascii: ","))
            }
            append(#""end":"#, to: &out)
            out.append(contentsOf: String(entity.end).utf8)
            append(#","label":""#, to: &out)
            out.append(contentsOf: entity.label.rawValue.utf8)
            out.append(UInt8(ascii: "\""))
            if let party = entity.party {
                append(#","party":"#, to: &out)
                JSONWriter.appendString(party, to: &out)
            }
            append(#","start":"#, to: &out)
            out.append(contentsOf: String(entity.start).utf8)
            append(#","text":"#, to: &out)
            JSONWriter.appendString(entity.text, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return JSONFragment(trustedBytes: out)
    }

    /// `sentences` as a compact JSON array of `{"end":…,"start":…}` objects.
    static func fragment(_ spans: [TextSpan]) -> JSONFragment {
        var out: [UInt8] = []
        out.reserveCapacity(spans.count * 24 + 2)
        out.append(UInt8(ascii: "["))
        for (index, span) in spans.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(#"{"end":"#, to: &out)
            out.append(contentsOf: String(span.end).utf8)
            append(#","start":"#, to: &out)
            out.append(contentsOf: String(span.start).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return JSONFragment(trustedBytes: out)
    }

    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    // MARK: - Reading

    /// The entities in an `entities` field.
    ///
    /// Each element must be an object with a string `text`, a `label` that is
    /// one of ``EntityLabel``'s, and integer `start` and `end`; `canonical` and
    /// `party` are strings, `null` or absent. Other keys are skipped, as
    /// `JSONDecoder` skips them.
    static func entities(_ fragment: JSONFragment) throws(RecordError) -> [Entity] {
        try elements(of: fragment) { (scanner: inout JSONScanner, index: Int) throws(RecordError) in
            var text: String?
            var label: EntityLabel?
            var start: Int?
            var end: Int?
            var canonical: String?
            var party: String?
            try members(&scanner, element: index) { (key: String, scanner: inout JSONScanner) throws(RecordError) in
                switch key {
                case "text": text = try string(&scanner, key: key, element: index)
                case "label":
                    let name = try string(&scanner, key: key, element: index)
                    guard let known = EntityLabel(rawValue: name) else {
                        throw RecordError(
                            message: "element \(index): 'label' must be PER, ORG, LOC or MISC, found \"\(name)\"")
                    }
                    label = known
                case "start": start = try integer(&scanner, key: key, element: index)
                case "end": end = try integer(&scanner, key: key, element: index)
                case "canonical": canonical = try optionalString(&scanner, key: key, element: index)
                case "party": party = try optionalString(&scanner, key: key, element: index)
                default: _ = try scanner.skipValue(depth: 2)
                }
            }
            guard let text else { throw missing("text", element: index) }
            guard let label else { throw missing("label", element: index) }
            guard let start else { throw missing("start", element: index) }
            guard let end else { throw missing("end", element: index) }
            return Entity(text: text, label: label, start: start, end: end, canonical: canonical, party: party)
        }
    }

    /// The spans in a `sentences` field: objects with integer `start` and `end`.
    static func sentences(_ fragment: JSONFragment) throws(RecordError) -> [TextSpan] {
        try elements(of: fragment) { (scanner: inout JSONScanner, index: Int) throws(RecordError) in
            var start: Int?
            var end: Int?
            try members(&scanner, element: index) { (key: String, scanner: inout JSONScanner) throws(RecordError) in
                switch key {
                case "start": start = try integer(&scanner, key: key, element: index)
                case "end": end = try integer(&scanner, key: key, element: index)
                default: _ = try scanner.skipValue(depth: 2)
                }
            }
            guard let start else { throw missing("start", element: index) }
            guard let end else { throw missing("end", element: index) }
            return TextSpan(start: start, end: end)
        }
    }

    /// The elements of the JSON array in `fragment`, each read by `element` (given its index).
    private static func elements<T>(
        of fragment: JSONFragment, _ element: (inout JSONScanner, Int) throws(RecordError) -> T
    ) throws(RecordError) -> [T] {
        let result = fragment.bytes.withUnsafeBytes { buffer -> Result<[T], RecordError> in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return .failure(RecordError(message: "expected an array, found nothing"))
            }
            var scanner = JSONScanner(base: base, count: buffer.count)
            return Result { () throws(RecordError) in
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "[") else {
                    let kind = try scanner.skipValue(depth: 0)
                    throw RecordError(message: "expected an array of objects, found \(kind)")
                }
                scanner.position += 1
                scanner.skipWhitespace()
                var values: [T] = []
                if scanner.current == UInt8(ascii: "]") {
                    scanner.position += 1
                } else {
                    while true {
                        guard scanner.current == UInt8(ascii: "{") else {
                            let kind = try scanner.skipValue(depth: 1)
                            throw RecordError(message: "element \(values.count): expected an object, found \(kind)")
                        }
                        values.append(try element(&scanner, values.count))
                        if try scanner.endOfElement() { break }
                    }
                }
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.unexpected(expected: "end of the array") }
                return values
            }
        }
        return try result.get()
    }

    /// Calls `member` with each key of the object at the scanner's `{`, the
    /// scanner at the key's value, which `member` must consume.
    private static func members(
        _ scanner: inout JSONScanner, element: Int,
        _ member: (String, inout JSONScanner) throws(RecordError) -> Void
    ) throws(RecordError) {
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "}") {
            scanner.position += 1
            return
        }
        while true {
            guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpectedKey() }
            let start = scanner.position + 1
            let escaped = try scanner.scanString()
            let key = scanner.decodeString(from: start, to: scanner.position - 1, escaped: escaped)
            try scanner.expectColon()
            try member(key, &scanner)
            if try scanner.endOfMember() { return }
        }
    }

    private static func string(_ scanner: inout JSONScanner, key: String, element: Int) throws(RecordError) -> String {
        guard scanner.current == UInt8(ascii: "\"") else {
            let kind = try scanner.skipValue(depth: 2)
            throw RecordError(message: "element \(element): '\(key)' must be a string, found \(kind)")
        }
        let start = scanner.position + 1
        let escaped = try scanner.scanString()
        return scanner.decodeString(from: start, to: scanner.position - 1, escaped: escaped)
    }

    private static func optionalString(
        _ scanner: inout JSONScanner, key: String, element: Int
    ) throws(RecordError) -> String? {
        if scanner.current == UInt8(ascii: "n") {
            _ = try scanner.skipValue(depth: 2)
            return nil
        }
        return try string(&scanner, key: key, element: element)
    }

    /// An integer that fits an `Int` on every platform (at most 18 digits), without fraction or exponent.
    private static func integer(_ scanner: inout JSONScanner, key: String, element: Int) throws(RecordError) -> Int {
        let start = scanner.position
        let kind = try scanner.skipValue(depth: 2)
        let end = scanner.position
        let notInteger = RecordError(message: "element \(element): '\(key)' must be an integer, found \(kind)")
        guard kind == .number else { throw notInteger }
        var index = start
        let negative = scanner.byte(at: index) == UInt8(ascii: "-")
        if negative { index += 1 }
        guard end - index <= 18 else { throw notInteger }
        var value = 0
        while index < end {
            let digit = scanner.byte(at: index) &- UInt8(ascii: "0")
            guard digit < 10 else { throw notInteger }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    private static func missing(_ key: String, element: Int) -> RecordError {
        RecordError(message: "element \(element): missing '\(key)'")
    }
}
