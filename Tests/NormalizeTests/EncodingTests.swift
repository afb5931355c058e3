import Foundation
import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct Latin1FallbackTests {
    private func document(bytes: [UInt8]) -> Document {
        var document = Document(id: "test", text: String(decoding: bytes, as: UTF8.self))
        document.undecodedText = bytes
        return document
    }

    @Test func decodesLatin1AndWindows1252() throws {
        // "a £15.8m signing — café" in Windows-1252, with curly quotes from 0x93/0x94.
        let bytes: [UInt8] =
            Array("a ".utf8) + [0xA3] + Array("15.8m ".utf8) + [0x93] + Array("signing".utf8)
            + [0x94, 0x20, 0x97, 0x20] + Array("caf".utf8) + [0xE9]
        let out = try StageHarness(NormalizeStage.self).run(document(bytes: bytes)).document
        #expect(out.text == "a £15.8m “signing” — café")
        #expect(out.undecodedText == nil)
    }

    @Test func keepsValidUTF8AmongInvalidBytes() throws {
        let bytes: [UInt8] = Array("naïve ".utf8) + [0xA3] + Array("5 日本".utf8)
        let out = try StageHarness(NormalizeStage.self).run(document(bytes: bytes)).document
        #expect(out.text == "naïve £5 日本")
    }

    @Test func offLeavesTheBytesForTheRunner() throws {
        let bytes: [UInt8] = Array("a ".utf8) + [0xA3]
        let out = try StageHarness(NormalizeStage.self, options: "{ latin1_fallback: false }").run(
            document(bytes: bytes)
        )
        .document
        #expect(out.undecodedText == bytes)
    }

    @Test(.enabled(if: SharedData.isPresent, "needs ../shared/data (BBC articles)"))
    func bbcLatin1Article() throws {
        let bytes = Array(try Data(contentsOf: SharedData.root.appendingPathComponent("bbc/articles/sport/199.txt")))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the file is meant to be Latin-1")
        let out = try StageHarness(NormalizeStage.self).run(document(bytes: bytes)).document
        #expect(out.undecodedText == nil)
        #expect(out.text.contains("a £15.8m signing from Parma"))
        #expect(!out.text.contains("\u{FFFD}"))
        #expect(out.text.hasPrefix("Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu"))
    }
}

@Suite struct MojibakeTests {
    @Test(arguments: [
        ("itâ€™s", "it’s"),
        ("â€œquotedâ€\u{9D}", "“quoted”"),
        ("cafÃ©", "café"),
        ("Ã‰lysÃ©e", "Élysée"),
        ("Â£15", "£15"),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет"),
        ("æ—¥æœ¬", "日本"),
        ("ðŸ˜€", "😀"),
        ("cafÃƒÂ©", "café"),  // twice
        ("caf\u{C3}\u{A9} latin-1 style", "café latin-1 style"),
    ])
    func repairs(input: String, expected: String) throws {
        #expect(scalars(try normalized(input)) == scalars(expected))
    }

    @Test(arguments: [
        "café naïve façade", "SPAß“ and PELÉ’s", "São Paulo", "Ã alone", "Â", "½°", "Ärger über Öl", "â€ broken",
        "Ð¿", "déjà vu", "El Niño", "Ãé",
    ])
    func leavesRealText(input: String) throws {
        #expect(scalars(try normalized(input)) == scalars(input))
    }

    @Test func canBeTurnedOff() throws {
        #expect(try normalized("cafÃ©", options: "{ fix_mojibake: false }") == "cafÃ©")
    }
}

@Suite struct UnicodeFormTests {
    @Test func nfcComposes() throws {
        let decomposed = "Cafe\u{301} Zu\u{308}rich"
        #expect(scalars(try normalized(decomposed)) == scalars("Caf\u{E9} Z\u{FC}rich"))
        #expect(scalars(try normalized(decomposed, options: "{ form: none }")) == scalars(decomposed))
    }

    @Test func nfcKeepsCompatibilityCharacters() throws {
        #expect(scalars(try normalized("ﬁne ① Ｈ")) == scalars("ﬁne ① Ｈ"))
    }

    @Test func nfkcFolds() throws {
        #expect(scalars(try normalized("ﬁne ① Ｈｅｌｌｏ x²", options: "{ form: nfkc }")) == scalars("fine 1 Hello x2"))
        #expect(scalars(try normalized("e\u{301}", options: "{ form: nfkc }")) == scalars("\u{E9}"))
    }

    @Test func nfkcResultIsCleanedAgain() throws {
        // U+00A8 is a space and a combining mark under NFKC: the two spaces collapse.
        let once = try normalized("a \u{A8} b", options: "{ form: nfkc }")
        #expect(try normalized(once, options: "{ form: nfkc }") == once)
        #expect(!once.contains("  "))
    }

    @Test func removingAnInvisibleLetsCharactersCompose() throws {
        #expect(scalars(try normalized("e\u{200B}\u{301}")) == scalars("\u{E9}"))
    }

    @Test func nonEnglishStaysIntact() throws {
        let texts = [
            "کراچی: متحدہ قومی موومنٹ پاکستان کے کارکنوں نے بہادرآباد میں پارٹی دفتر کے باہر احتجاج کیا۔",
            "中华人民共和国国务院新闻办公室今天发表白皮书。「引号」",
            "Ελληνικά: Η Αθήνα είναι η πρωτεύουσα.",
            "Москва — столица России, «Известия».",
            "Ça coûte 15 € à Zürich, señor Núñez; Dvořák, Łódź, Ærøskøbing.",
            "עברית: ירושלים",
            "한국어: 서울특별시",
            "हिन्दी: नई दिल्ली",
            "日本語：東京都、カタカナ、ひらがな。",
        ]
        for text in texts {
            let nfc = text.precomposedStringWithCanonicalMapping
            #expect(scalars(try normalized(text)) == scalars(nfc), "\(text)")
        }
    }
}
