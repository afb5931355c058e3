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
}
