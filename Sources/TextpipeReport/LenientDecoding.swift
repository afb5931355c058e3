/// An array whose elements that do not decode as `Element` are dropped, not fatal.
///
/// The report reads stage outputs that other people's stages may extend or
/// bend; one odd entity must not hide an article.
struct LenientArray<Element: Decodable>: Decodable {
    var elements: [Element] = []

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            if let element = try? container.decode(Element.self) {
                elements.append(element)
            } else {
                // A failed decode leaves the container where it was; step over the element.
                _ = try container.decode(AnyJSON.self)
            }
        }
    }
}

/// Any JSON value, decoded and thrown away.
struct AnyJSON: Decodable {
    init(from decoder: any Decoder) throws {}
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `nil` when it is absent, `null` or of another type.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }

    /// The array at `key` without its undecodable elements; empty when absent or not an array.
    func lenientArray<T: Decodable>(_ type: T.Type, _ key: Key) -> [T] {
        lenient(LenientArray<T>.self, key)?.elements ?? []
    }
}
