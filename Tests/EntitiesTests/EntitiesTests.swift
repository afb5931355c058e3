import Entities
import Foundation
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
