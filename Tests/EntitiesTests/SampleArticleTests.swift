import Entities
import Foundation
import Testing
import Textpipe
import TextpipeTestKit

/// The article the project was specified from (issue 4, item 10), read from the shared data folder.
@Suite struct SampleArticleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sample = packageRoot.appendingPathComponent("../shared/data/samples/mqm-bahadurabad.txt").standardized

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sample.path), "needs ../shared/data/samples"))
    func findsThePeoplePartiesAndPlaces() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let entities = try #require(try StageHarness(EntitiesStage.self).run(text: text).document.entities)
        for entity in entities {
            print("\(entity.label)\t\(entity.text)\t\(entity.canonical ?? "-")\t\(entity.party ?? "-")")
        }
        func has(_ label: EntityLabel, _ canonical: String) -> Bool {
            entities.contains { $0.label == label && $0.canonical == canonical }
        }
        for person in [
            "Mustafa Kamal", "Anees Qaim Khani", "Farooq Sattar", "Kamran Tessori", "Khalid Maqbool Siddiqui",
            "Shehbaz Sharif",
        ] {
            #expect(has(.person, person), "person \(person)")
        }
        let mqm = "MQM-P"
        #expect(has(.organization, mqm))
        #expect(
            entities.filter { ["MQM", "MQM-P"].contains($0.text) }.allSatisfy {
                $0.canonical == mqm && $0.label == .organization
            })
        #expect(entities.contains { $0.text == "Muttahida Qaumi Movement (MQM) Pakistan" && $0.canonical == mqm })
        #expect(has(.organization, "ARY News"))
        #expect(entities.contains { $0.label == .organization && $0.text.hasSuffix("Central Executive Committee") })
        for place in ["Karachi", "Bahadurabad", "Sindh"] { #expect(has(.location, place), "place \(place)") }
        let sattar = entities.filter { $0.canonical == "Farooq Sattar" }
        #expect(!sattar.isEmpty && sattar.allSatisfy { $0.party == mqm })
        // Offsets are Unicode-scalar offsets into the text.
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
        }
    }
}
