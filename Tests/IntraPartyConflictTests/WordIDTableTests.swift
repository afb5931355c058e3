import Testing

@testable import IntraPartyConflict

/// The open-addressing word table answers as the dictionary it is built from.
@Suite struct WordIDTableTests {
    @Test func answersAsTheDictionaryItWasBuiltFrom() throws {
        let lexicon = try IntraPartyConflictStage.bundled.lexicon.get()
        let targets = try IntraPartyConflictStage.bundled.targets.get()
        var entries: [String: (cue: Int32, target: Int32)] = [:]
        for (word, id) in lexicon.vocabulary { entries[word] = (id, -1) }
        for (word, id) in targets.vocabulary { entries[word] = (entries[word]?.cue ?? -1, id) }
        let table = WordIDTable(entries)
        #expect(!entries.isEmpty)
        for (word, ids) in entries {
            let found = try #require(table[word], "\(word)")
            #expect(found.cue == ids.cue && found.target == ids.target, "\(word)")
        }
        for word in ["", "zzqx", "Party", "parties-", "\u{00E9}lection", "the the"] where entries[word] == nil {
            #expect(table[word] == nil, "\(word)")
        }
    }
}
