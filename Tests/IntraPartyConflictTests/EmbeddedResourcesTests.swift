import Foundation
import IntraPartyConflict
import Testing
import TextpipeTestKit

@Suite struct EmbeddedResourcesTests {
    @Test func everyResourceFileIsEmbeddedByteForByte() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appending(path: "../../Plugins/IntraPartyConflict/Resources").standardizedFileURL
        #expect(try embeddingDifferences(IntraPartyConflictStage.embeddedResources, folder: folder) == [])
        #expect(IntraPartyConflictStage.embeddedResources.names == ["cues.tsv", "model.json", "targets.tsv"])
    }
}
