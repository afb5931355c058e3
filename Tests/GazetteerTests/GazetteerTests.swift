import Foundation
import Gazetteer
import Testing
import TextpipeTestKit

@Suite struct GazetteerTests {
    @Test func theResourcesFolderIsEmbeddedByteForByte() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appending(path: "../../Sources/Gazetteer/Resources").standardizedFileURL
        #expect(try embeddingDifferences(Gazetteer.resources, folder: folder) == [])
    }

    @Test func theSharedGazetteerParsesAndNamesPartiesOfManyCountries() throws {
        let gazetteer = try Gazetteer.shared.get()
        #expect(Set(gazetteer.parties.map(\.country)).count >= 100)
        let mqm = try #require(gazetteer.parties.first { $0.canonical == "MQM-P" })
        #expect(mqm.country == "PK")
    }

    @Test func aMalformedLineIsReportedWithItsFileAndLine() {
        let error = #expect(throws: PartyGazetteer.FormatError.self) {
            try PartyGazetteer(tsv: "# comment\nPK\n", countries: "")
        }
        #expect(error?.file == "parties.tsv")
        #expect(error?.line == 2)
    }

    /// A canonical name qualified by its country is also its short name, in that
    /// country only; a qualifier that is no country ("United") is part of the name.
    @Test func aCountryQualifiedCanonicalNameGivesAnAmbiguousShortName() throws {
        let gazetteer = try PartyGazetteer(
            tsv: """
                JP\tLiberal Democratic Party (Japan)\t?LDP
                JP\tDemocratic Party (Japan, 2016)\t
                IN\tJanata Dal (United)\tJD(U)
                US\tDemocratic Party\tDemocrats
                """,
            countries: "JP\tJapan|Tokyo\nIN\tIndia\nUS\tUnited States\n")
        func aliases(_ canonical: String) -> [String] {
            let party = gazetteer.parties.first { $0.canonical == canonical }
            return party?.aliases.map { ($0.ambiguous ? "?" : "") + $0.name } ?? []
        }
        #expect(aliases("Liberal Democratic Party (Japan)") == ["?LDP", "?Liberal Democratic Party"])
        #expect(aliases("Democratic Party (Japan, 2016)") == ["?Democratic Party"])
        #expect(aliases("Janata Dal (United)") == ["JD(U)"])
        #expect(aliases("Democratic Party") == ["Democrats"])
    }

    /// The gazetteer's files are cut at ASCII separators by scanning bytes; on
    /// them that must agree with `split(separator:)`, empty pieces and all.
    @Test(arguments: [
        "PK\tMQM-P\tMQM|?Muttahida\n\n#note\nIN\tJanata Dal (United)\tJD(U)\n",
        "\n\nleading and trailing\n\n", "", "\n", "one line, no newline", "Łódź\tŚląsk|Kraków\n日本\t東京|大阪\n",
        "La France insoumise  ", "  ", "Parti Québécois", "Ελληνική Λύση", "a",
    ])
    func piecesAgreeWithSplit(text: String) {
        for separator: Character in ["\n", "\t", "|", " "] {
            let scalar = separator.unicodeScalars.first ?? " "
            let line = Substring(text)
            #expect(line.pieces(between: scalar) == line.split(separator: separator))
            #expect(
                line.pieces(between: scalar, omittingEmpty: false)
                    == line.split(separator: separator, omittingEmptySubsequences: false))
            #expect(PartyGazetteer.lastWord(of: text) == text.split(separator: " ").last)
            // A piece of a piece, whose bytes start inside its base string.
            if let inner = line.split(separator: "\n").last {
                #expect(inner.pieces(between: scalar) == inner.split(separator: separator))
            }
        }
    }

    /// Names of letters and single spaces are cut at their spaces without the
    /// tokenizer; every name and cue of the bundled files must get the keys the
    /// tokenizer would give it, as must names it has rules for.
    @Test func namesCutAtSpacesGetTheTokenizersKeys() throws {
        let gazetteer = try Gazetteer.shared.get()
        let countries = try Gazetteer.resources.text("countries.tsv")
        let cues = countries.split(separator: "\n").flatMap {
            $0.split(separator: "\t").last?.split(separator: "|") ?? []
        }
        let names = gazetteer.parties.flatMap { [$0.canonical] + $0.aliases.map(\.name) } + cues.map(String.init)
        let tricky = [
            "Labour's", "MQM-P", "U.S. Congress", "Thackeray-led", "don't", "Janata Dal (United)", "  Labour",
            "Labour ",
            "Pheu  Thai", "", " ", "A", "Democratic Party", "Parti Québécois",
        ]
        #expect(names.count > 5000)
        for name in names + tricky {
            for foldCase in [true, false] {
                #expect(
                    PartyGazetteer.keys(name, foldCase: foldCase)
                        == PartyGazetteer.tokenizedKeys(name, foldCase: foldCase), "\(name)")
            }
        }
    }
}
