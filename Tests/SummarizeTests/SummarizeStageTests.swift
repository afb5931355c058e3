import Testing
import Textpipe
import TextpipeTestKit

@testable import Summarize

@Test func examplesPass() {
    #expect(exampleFailures(of: StageType(SummarizeStage.self)) == [])
}
