import Testing
import Textpipe

@Suite struct StageErrorTests {
    @Test func aRecordErrorIsTheDefaultAndMeansExit65() {
        let error = StageError("no text", hint: "give the article a text")
        #expect(error.kind == .record)
        #expect(error.code == 65)
        #expect(error.description == "no text (hint: give the article a text)")
    }

    @Test func anIOErrorStopsTheRunWithExit74AndDiffersFromTheSameRecordError() {
        let error = StageError.io("state file 'x.db' is locked")
        #expect(error.kind == .io)
        #expect(error.code == 74)
        #expect(error.description == "state file 'x.db' is locked")
        #expect(error != StageError("state file 'x.db' is locked"))
    }
}
