/// HTML text under construction, as UTF-8 bytes.
///
/// Two doors in, and the type says which: ``markup(_:)`` takes only string
/// literals (tags written in this module), and ``text(_:)`` escapes. Numbers
/// and ids the report makes go through ``number(_:)`` and ``markup(id:)``.
/// Nothing read from the input can reach the page unescaped without a call
/// that says so in its name.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends markup written in this module.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends markup this module assembled (a CSS class list, an element id)
    /// from ``HTMLWriter/token(_:)`` and literals.
    mutating func markup(id: ReportToken) {
        bytes.append(contentsOf: id.value.utf8)
    }

    /// Appends an integer.
    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends a count for people to read, in groups of three digits (`20,000`).
    mutating func count(_ value: Int) {
        bytes.append(contentsOf: Self.formatCount(value).utf8)
    }

    /// `20,000`.
    static func formatCount(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Appends a score with three decimals (`0.996`).
    mutating func score(_ value: Double) {
        bytes.append(contentsOf: Self.formatScore(value).utf8)
    }

    /// Appends a coordinate with one decimal (`12.5`), for SVG.
    mutating func coordinate(_ value: Double) {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        bytes.append(contentsOf: "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)".utf8)
    }

    /// Appends `string` as text or as an attribute value (double- or single-quoted).
    mutating func text(_ string: String) {
        Self.escape(string.utf8, into: &bytes)
    }

    /// Appends bytes of valid UTF-8 text, escaped.
    mutating func text(utf8: some Collection<UInt8>) {
        Self.escape(utf8, into: &bytes)
    }

    /// Appends another writer's HTML.
    mutating func append(_ other: HTMLWriter) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Escapes the five characters with a meaning in HTML text and attributes,
    /// and replaces control characters an HTML parser rejects with U+FFFD.
    static func escape(_ utf8: some Collection<UInt8>, into out: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00...0x1F, 0x7F: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            default: out.append(byte)
            }
        }
    }

    /// `0.996`, `1.000`, `0.040`: three decimals, like the conflict stage writes them.
    static func formatScore(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let thousandths = Int((abs(value) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return (value < 0 && thousandths > 0 ? "-" : "") + "\(thousandths / 1000)."
            + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// A string made only of `[A-Za-z0-9_-]`, safe anywhere in markup: an element
/// id, a CSS class, a `data-` value.
struct ReportToken: Hashable {
    let value: String

    /// A token from the report's own parts (`"a"`, an ordinal); a part with
    /// another character is a programmer error, stopped by a precondition.
    init(_ parts: String...) {
        value = parts.joined()
        precondition(value.utf8.allSatisfy(Self.isAllowed), "not a token: \(value)")
    }

    /// A token made from input (an entity label): other characters become `_`,
    /// ASCII letters are lower-cased.
    init(sanitizing string: String) {
        var bytes = Array(string.utf8.prefix(40)).map { Self.isAllowed($0) ? $0 : UInt8(ascii: "_") }
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        value = bytes.isEmpty ? "_" : String(decoding: bytes, as: UTF8.self)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
