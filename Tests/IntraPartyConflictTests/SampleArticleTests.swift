import Entities
import Foundation
import IntraPartyConflict
import Testing
import Textpipe
import TextpipeTestKit

/// The article the project was specified from (issue 6, item 5), read from the shared data folder.
@Suite struct SampleArticleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sample = packageRoot.appendingPathComponent("../shared/data/samples/mqm-bahadurabad.txt").standardized

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sample.path), "needs ../shared/data/samples"))
    func isAMemberProtestInsideMQMP() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let report = try IntraPartyConflictTests.judge(text)
        #expect(report.label)
        #expect(report.subtype == "member_protest")
        // MQM-P is the gazetteer's canonical name for Muttahida Qaumi Movement-Pakistan.
        #expect(report.party == "MQM-P")
        let evidence = report.evidence.map(\.text)
        #expect(evidence.contains { $0.contains("stormed Bahadurabad head office") })
        #expect(evidence.contains { $0.contains("have left the official WhatsApp group") })
        #expect(!evidence.contains { $0.contains("Governor") || $0.contains("governor") })
        #expect(report.actors.contains { $0.name == "Mustafa Kamal" })
    }
}
