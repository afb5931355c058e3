/// What a run does with an article that a stage or the reader cannot handle.
public enum ErrorPolicy: String, Sendable, CaseIterable, Codable {
    /// Stop the run: exit 65 after writing the articles before it.
    case fail
    /// Report it on stderr, count it as failed, and go on.
    case skip
    /// Report it, write it to the dead-letter file, and go on.
    case deadLetter = "dead-letter"
}
