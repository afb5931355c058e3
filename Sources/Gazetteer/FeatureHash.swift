/// Cheap, stable 64-bit hashing for features: FNV-1a over scalars, and a
/// SplitMix-style finalizer to combine hashes.
///
/// Stable across runs and platforms (unlike `Hasher`), because the trained
/// model stores weights by these hashes.
@usableFromInline package enum FeatureHash {
    @usableFromInline package static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable package static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3
    }

    @inlinable package static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a &+ 0x9e37_79b9_7f4a_7c15 &+ (b &* 0xbf58_476d_1ce4_e5b9)
        x = (x ^ (x >> 30)) &* 0xbf58_476d_1ce4_e5b9
        x = (x ^ (x >> 27)) &* 0x94d0_49bb_1331_11eb
        return x ^ (x >> 31)
    }

    @inlinable package static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { mix(mix(a, b), c) }

    /// The hash of a string's normalized scalars (see ``normalized(_:)``).
    @usableFromInline package static func of(_ text: String) -> UInt64 {
        var hash = seed
        for scalar in text.unicodeScalars { hash = add(hash, normalized(scalar).value) }
        return hash
    }

    /// Typographic quotes and dashes as their ASCII forms, so `’s` and `'s` hash alike.
    @inlinable package static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x2032: return "'"
        case 0x201C, 0x201D, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012: return "-"
        case 0x2013, 0x2014: return "-"
        default: return scalar
        }
    }

    /// Lower case, and every digit as `0`, so years and amounts share features.
    @inlinable @inline(__always) package static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { return Unicode.Scalar(UInt8(value + 32)) }
            if value >= 0x30 && value <= 0x39 { return "0" }
            return scalar
        }
        return foldedBeyondASCII(scalar)
    }

    /// ``folded(_:)`` for scalars outside ASCII, out of line: most text never needs it.
    @usableFromInline @inline(never) package static func foldedBeyondASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.properties.numericType == .decimal { return "0" }
        if scalar.properties.changesWhenLowercased, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
        {
            return lower
        }
        return normalized(scalar)
    }
}
