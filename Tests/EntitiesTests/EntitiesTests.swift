import Entities
import Foundation
import Gazetteer
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct EmbeddedResourcesTests {
    @Test func everyResourceFileIsEmbeddedByteForByte() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appending(path: "../../Plugins/Entities/Resources").standardizedFileURL
        #expect(try embeddingDifferences(EntitiesResources.embedded, folder: folder) == [])
        #expect(EntitiesResources.embedded.names.contains("model.bin"))
    }

    @Test func aMissingResourceIsAStageErrorNamingIt() {
        #expect(
            throws: StageError(
                "the entities resource 'nope.bin' is not embedded in this binary",
                hint: "add it to the stage's Embedded/resources.c and rebuild")
        ) {
            try EntitiesResources.data("nope.bin")
        }
    }
}

@Suite struct SharedSentencesTests {
    /// The stage hands later stages the split it tagged by — the shared
    /// splitter's — and writes none of it, so the output is what it was.
    @Test(arguments: [
        "Tony Blair met Angela Merkel in Berlin. Mr. Blair said the talks went well.",
        "A headline\n\nKARACHI: MQM-P leader Farooq Sattar spoke. \"We will stay,\" he said... U.S. envoys left!",
        "",
    ])
    func theStageSharesItsSplitWithoutWritingIt(text: String) throws {
        let document = try StageHarness(EntitiesStage.self).run(text: text).document
        #expect(try document.sentences == SentenceSplitter.sentences(in: text))
        #expect(document.field("sentences") == nil)
        #expect(document.fields.map(\.name) == ["entities"])
    }
}
