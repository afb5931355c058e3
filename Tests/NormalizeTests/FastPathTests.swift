import Testing

@testable import Normalize

/// The character pass copies plain text eight bytes at a time; these check the
/// bit tricks against the obvious byte loop.
@Suite struct FastPathTests {
    /// What ``TextCleaner/plainRunEnd(_:from:)`` must compute, one byte at a time.
    static func naivePlainRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        func isVisible(_ byte: UInt8) -> Bool { byte >= 0x21 && byte <= 0x7E }
        var end = start
        while end < bytes.count {
            if isVisible(bytes[end]) {
                end += 1
            } else if bytes[end] == 0x20 && end + 1 < bytes.count && isVisible(bytes[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    @Test func plainRunsMatchTheByteLoop() {
        // A fixed-seed generator, so a failure reproduces.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x09, 0x1F, 0x21, 0x41, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<3000 {
            let length = Int(next() % 40)
            var bytes = (0..<length).map { _ in
                next() % 3 == 0 ? alphabet[Int(next() % UInt64(alphabet.count))] : UInt8(0x61 + next() % 26)
            }
            if next() % 4 == 0 { bytes = Array(repeating: 0x61, count: Int(next() % 20)) + bytes }
            for start in 0...bytes.count {
                let fast = bytes.withUnsafeBufferPointer { TextCleaner.plainRunEnd($0, from: start) }
                #expect(fast == Self.naivePlainRunEnd(bytes, from: start), "\(bytes) from \(start)")
            }
        }
    }

    @Test(arguments: [
        ("abcdefgh", true), ("abc defg", true), ("abc  efg", false), ("abcdefg ", false), (" bcdefgh", true),
        ("abc\ndefg", false), ("abcdefg~", true), ("abcdefg\u{7F}", false), ("abc\tdefg", false),
    ])
    func blocks(text: String, plain: Bool) {
        let bytes = Array(text.utf8)
        let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        #expect(TextCleaner.isPlainBlock(word) == plain)
    }

    @Test func unchangedTextIsReportedAsSuch() {
        let cleaner = TextCleaner(
            collapse: true, paragraphBreaks: true, asciiQuotes: false, asciiDashes: false, form: .nfc)
        let clean = Array("Title\n\nA clean paragraph, with £ and “quotes”.".utf8)
        #expect(clean.withUnsafeBufferPointer { cleaner.clean($0).bytes } == nil)
        let dirty = Array("Title\n\nA  dirty one.".utf8)
        #expect(dirty.withUnsafeBufferPointer { cleaner.clean($0).bytes } == Array("Title\n\nA dirty one.".utf8))
    }
}
