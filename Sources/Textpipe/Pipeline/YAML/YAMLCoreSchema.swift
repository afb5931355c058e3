/// The YAML 1.2 core schema: which plain scalars are null, bool, int or float.
///
/// Only plain, untagged scalars are resolved; a quoted scalar is always a
/// string. Unlike YAML 1.1 (and Yams' resolver), `yes`, `no`, `on` and `off`
/// are strings, `1_000` is a string and `0777` is the decimal 777.
enum YAMLCoreSchema {
    /// The type of the plain scalar `text`.
    static func resolve(_ text: String) -> YAMLScalar.Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let bytes = Array(text.utf8)
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        return .string
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func isInt(_ bytes: [UInt8]) -> Bool {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = bytes[2...]
            if bytes[1] == UInt8(ascii: "o") { return digits.allSatisfy { (0x30...0x37).contains($0) } }
            if bytes[1] == UInt8(ascii: "x") { return digits.allSatisfy(isHexDigit) }
        }
        let unsigned = bytes.first.map(isSign) == true ? bytes.dropFirst() : bytes[...]
        return !unsigned.isEmpty && unsigned.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf` or `\.nan` (three spellings each).
    static func isFloat(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var rest = bytes[...]
        if let first = rest.first, isSign(first) { rest = rest.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(String(decoding: rest, as: UTF8.self)) { return true }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction: ArraySlice<UInt8> = []
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        // `.` alone and `.e5` have no digits; `5.` has (the core schema allows it).
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, isSign(sign) { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    /// The integer `text` (an int of the core schema) as `T`, or `nil` when it does not fit.
    static func integer<T: FixedWidthInteger>(_ text: String, as: T.Type) -> T? {
        if text.hasPrefix("0o") { return T(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return T(text.dropFirst(2), radix: 16) }
        return T(text, radix: 10)
    }

    /// The number `text` (an int or float of the core schema) as a `Double`.
    static func double(_ text: String) -> Double? {
        var sign = 1.0
        var unsigned = Substring(text)
        if let first = unsigned.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            unsigned = unsigned.dropFirst()
        }
        switch unsigned {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        if text.hasPrefix("0o") || text.hasPrefix("0x") {
            return integer(text, as: Int64.self).map(Double.init)
        }
        // Swift's parser wants a digit on both sides of the point; YAML does not.
        var digits = String(unsigned)
        if digits.hasPrefix(".") { digits = "0" + digits }
        digits = digits.replacingOccurrences(of: ".e", with: ".0e").replacingOccurrences(of: ".E", with: ".0E")
        if digits.hasSuffix(".") { digits += "0" }
        return Double(digits).map { sign * $0 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
