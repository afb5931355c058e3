import Testing

@testable import TextpipeReport

@Suite("HTMLWriter")
struct HTMLWriterTests {
    private func escaped(_ string: String) -> String {
        var html = HTMLWriter()
        html.text(string)
        return String(decoding: html.bytes, as: UTF8.self)
    }

    @Test func escapesTheCharactersWithAMeaningInHTML() {
        #expect(escaped("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(escaped(#""><img src=x onerror=alert(1)>"#) == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        #expect(escaped("a & b 'c'") == "a &amp; b &#39;c&#39;")
    }

    @Test func keepsNonASCIIAndLineBreaksAndReplacesOtherControlCharacters() {
        #expect(escaped("Zoë 王 👋\n\tx\r") == "Zoë 王 👋\n\tx\r")
        #expect(escaped("a\u{0}b\u{1B}c\u{7F}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test func scoresHaveThreeDecimals() {
        #expect(HTMLWriter.formatScore(0.996) == "0.996")
        #expect(HTMLWriter.formatScore(0.04) == "0.040")
        #expect(HTMLWriter.formatScore(1) == "1.000")
        #expect(HTMLWriter.formatScore(-0.5) == "-0.500")
        #expect(HTMLWriter.formatScore(.nan) == "–")
    }

    @Test func countsAreGroupedByThousands() {
        #expect(HTMLWriter.formatCount(0) == "0")
        #expect(HTMLWriter.formatCount(999) == "999")
        #expect(HTMLWriter.formatCount(20000) == "20,000")
        #expect(HTMLWriter.formatCount(1_234_567) == "1,234,567")
        #expect(HTMLWriter.formatCount(-4321) == "-4,321")
    }

    @Test func tokensMadeFromInputHoldOnlySafeCharacters() {
        #expect(ReportToken(sanitizing: "PER").value == "per")
        #expect(ReportToken(sanitizing: #"x" onmouseover="alert(1)"#).value == "x__onmouseover__alert_1_")
        #expect(ReportToken(sanitizing: "").value == "_")
        #expect(EntityLabel("evidence").cssClass.value == "ent-evidence")
        #expect(EntityLabel("ORG").cssClass.value == "org")
    }

    @Test func sha256MatchesTheStandardVectors() {
        func hex(_ message: String) -> String {
            SHA256.digest(Array(message.utf8)).map {
                String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
            }
            .joined()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
