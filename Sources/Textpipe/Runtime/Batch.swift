/// A run of consecutive input records that travels through the stages together.
struct Batch: Sendable {
    /// Position in input order, from 0.
    var sequence: Int
    var items: [Item]
}

/// One input record on its way through the pipeline.
struct Item: Sendable {
    enum State: Sendable {
        /// A JSON line not parsed yet.
        case raw(bytes: [UInt8], id: String, source: String?, location: String)
        /// A document still in the pipeline, with what the next ordered stage prepared for it.
        case live(Document, prepared: (any Sendable)?)
        /// Written out: the JSON line (without newline).
        case encoded([UInt8])
        case dropped(stage: String, reason: String)
        case failed(Failure)
    }
    var state: State
    /// How many ordered stages' `decide` saw it: the writer counts it as delivered to each of them.
    var decided = 0
}

/// An article that could not be read or processed.
struct Failure: Sendable {
    var id: String
    var source: String
    /// The stage that failed, or `read`.
    var stage: String
    var error: String
    /// Where to point in the message: `file:line:column` when known, else the source.
    var location: String
    /// The input as a string: the raw line, or the document as the failing stage received it.
    var input: String
}
