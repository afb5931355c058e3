import Foundation

/// Unicode normalization, skipped for text that is already normalized.
///
/// Foundation's normalizers run at about 55 MB/s here, slower than the rest of
/// the stage together, and almost all news text is already in NFC. A string
/// made only of scalars that are NFC_Quick_Check=Yes with canonical combining
/// class 0 is in NFC, and likewise for NFKC; the ranges below are such
/// scalars, taken from the Unicode Character Database (checked against
/// Python's `unicodedata`, Unicode 14) for the scripts and symbols news
/// carries. A scalar outside them only means the normalizer runs.
enum NormalizationCheck {
    /// Scalars that leave a string in NFC, sorted.
    static let nfcStable: [ClosedRange<UInt32>] = [
        0x0000...0x02FF, 0x0375...0x037D, 0x0388...0x0482, 0x0488...0x052F, 0x05D0...0x05F4,
        0x0600...0x060F, 0x061B...0x064A, 0x0660...0x066F, 0x0671...0x06D5, 0x06EE...0x06FF,
        0x1E00...0x1EFF, 0x2002...0x20CF, 0x20F1...0x2125, 0x212C...0x2328, 0x232B...0x27FF,
        0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xAC00...0xD7A3, 0xFF01...0xFF60, 0x1F000...0x1FAFF,
    ]

    /// Scalars that leave a string in NFKC, sorted.
    static let nfkcStable: [ClosedRange<UInt32>] = [
        0x0000...0x009F, 0x00A1...0x00A7, 0x00A9...0x00A9, 0x00AB...0x00AE, 0x00B0...0x00B1,
        0x00B6...0x00B7, 0x00BB...0x00BB, 0x00BF...0x0131, 0x0134...0x013E, 0x0141...0x0148,
        0x014A...0x017E, 0x0180...0x01C3, 0x01CD...0x01F0, 0x01F4...0x02AF, 0x0388...0x03CF,
        0x03FA...0x0482, 0x0488...0x052F, 0x05D0...0x05F4, 0x0600...0x060F, 0x061B...0x064A,
        0x0660...0x066F, 0x0679...0x06D5, 0x06EE...0x06FF, 0x1E00...0x1E99, 0x1E9C...0x1EFF,
        0x2010...0x2010, 0x2012...0x2016, 0x2018...0x2023, 0x2027...0x202E, 0x2030...0x2032, 0x2035...0x2035,
        0x2038...0x203B, 0x203D...0x203D, 0x203F...0x2046, 0x204A...0x2056, 0x2058...0x205E,
        0x2060...0x206F, 0x20A9...0x20CF, 0x2190...0x222B, 0x3001...0x3029, 0x303B...0x3098,
        0x30A0...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F252...0x1FAFF,
    ]

    /// Whether a string made of `value` and other stable scalars is already in `form`.
    @inline(__always)
    static func isStable(_ value: UInt32, under form: NormalizeOptions.Form) -> Bool {
        switch form {
        case .none: return true
        case .nfc: return value < 0x300 || contains(nfcStable, value)
        case .nfkc: return value < 0xA0 || contains(nfkcStable, value)
        }
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].lowerBound <= value
    }

    /// `text` in `form`.
    static func normalize(_ text: String, to form: NormalizeOptions.Form) -> String {
        switch form {
        case .none: return text
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .nfkc: return text.precomposedStringWithCompatibilityMapping
        }
    }
}
