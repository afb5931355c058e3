import Foundation
import Textpipe

/// Drops (or marks) articles that repeat an earlier one, exactly or nearly.
///
/// ```
///            prepare (parallel)                      decide (serial, input order)
/// article ──► exact key + MinHash signature ──► exact match? ─► LSH candidates ─► verify ─► keep / drop / mark
///                                                  └───────── index the article ◄─────────┘
/// ```
///
/// - Exact duplicates: a 64-bit hash of the compared text (`key`).
/// - Near duplicates: MinHash over word shingles, LSH banding chosen from
///   `near_threshold` (``LSHBanding``), every candidate verified by its
///   estimated Jaccard similarity (``NearDuplicateIndex``).
///
/// Because `decide` runs in input order, the first occurrence always wins and
/// the output is the same for every `--jobs`. Only first occurrences — the
/// articles kept — are indexed, so `duplicate_of` always names a kept article
/// (the earliest one matched) and the index grows with the kept articles
/// only. (Indexing near duplicates too would catch a story that drifts with
/// each repost; it changed no decision on BBC or Reuters-21578 and cost
/// memory for every repeat.) With `state`, the index starts from, and is
/// saved to, an SQLite file (``DedupeStateFile``); a kept article's row is
/// saved only once the runner reports it delivered (``delivered(_:)``), so a
/// killed run never makes the next one drop an article nobody received.
public struct DedupeStage: OrderedStage {
    public typealias Options = DedupeOptions

    public static let name = "dedupe"
    public static let summary =
        "Drop or mark exact and near-duplicate articles (MinHash + LSH); the first occurrence wins"
    public static let outputs = ["duplicate_of"]
    public static let examples: [StageExample] = [
        StageExample(
            "The first occurrence of a story is kept as it is (a repeat later in the input would be dropped)",
            input:
                #"{"id":"wire-7","text":"The Riverton harbour board approved a new budget for the docks on Monday."}"#,
            expected:
                #"{"id":"wire-7","text":"The Riverton harbour board approved a new budget for the docks on Monday."}"#
        ),
        StageExample(
            "mode: mark keeps every article; a repeat would get duplicate_of {id, similarity, kind}",
            options: "{ mode: mark, near_threshold: 0.9 }",
            input:
                #"{"id":"feed-a:12","title":"Ferry strike ends","text":"Ferry services between Riverton and Castel Isle resumed on Wednesday."}"#,
            expected: #"{"id":"feed-a:12","title":"Ferry strike ends"}"#
        ),
        StageExample(
            "Exact duplicates only, comparing title and text",
            options: "{ key: title+text, near_threshold: null }",
            input: #"{"id":"n1","title":"Budget passed","text":"The council passed the budget."}"#,
            expected: #"{"id":"n1","title":"Budget passed","text":"The council passed the budget."}"#
        ),
    ]

    let options: DedupeOptions
    let fingerprinter: Fingerprinter
    private let memory: Locked<Memory>
    private let scratchPool = Locked<[Fingerprinter.Scratch]>([])

    public init(options: DedupeOptions) throws {
        try options.validate()
        self.options = options
        let threshold = options.effectiveNearThreshold
        fingerprinter = Fingerprinter(
            shingleSize: options.shingleSize, permutations: options.permutations, seed: options.seed,
            nearThreshold: threshold, keepsValues: options.state != nil || options.mode == .fingerprint)
        let index = NearDuplicateIndex(
            permutations: options.permutations, banding: fingerprinter.banding, threshold: threshold ?? 1,
            keepsIDs: options.mode == .mark)
        memory = Locked(Memory(index: index))
    }

    // MARK: - Stage

    public func prepare(_ document: Document) throws -> ArticleFingerprint {
        // A decision made elsewhere (`textpipe dedupe decide`) needs no fingerprint here.
        if options.mode != .fingerprint, document.field(Self.decisionField) != nil {
            return ArticleFingerprint(exactKey: 0, values: [], nibbles: [], bandKeys: [])
        }
        // Buffers are borrowed from a pool and given back, so a warm run allocates only results.
        var scratch = scratchPool.withLock { $0.popLast() } ?? Fingerprinter.Scratch()
        let fingerprint = fingerprinter.fingerprint(parts(of: document), scratch: &scratch)
        scratchPool.withLock { $0.append(scratch) }
        return fingerprint
    }

    public func decide(_ document: inout Document, prepared: ArticleFingerprint) throws -> Disposition {
        if options.mode == .fingerprint {
            document.setField(
                Self.fingerprintField,
                FingerprintJSON.fingerprint(id: document.id, settings: options.settingsLine, prepared))
            return .keep
        }
        let given = document.field(Self.decisionField)
        let id = document.id
        let found = try memory.withLock { memory -> (NearDuplicateIndex.Match, String?)? in
            // Counted before anything can throw: the runner counts every call in `delivered(_:)`.
            let decision = memory.decisions
            memory.decisions += 1
            if memory.appliesDecisions == nil { memory.appliesDecisions = given != nil }
            guard memory.appliesDecisions == (given != nil) else {
                throw StageError(
                    given == nil
                        ? "no \(Self.decisionField) on this article, but earlier articles of this run had one"
                        : "a \(Self.decisionField) on this article, but earlier articles of this run had none",
                    hint: "decisions from 'textpipe dedupe decide' apply to every article of a run or to none")
            }
            if let given { return try Self.match(given, settings: options.settingsLine) }
            try memory.open(options, fingerprinter)
            // Only first occurrences are indexed: a duplicate points at an article that was kept.
            if let match = memory.index.match(prepared) { return (match, memory.index.id(at: match.article)) }
            let position = memory.index.insert(prepared, id: id)
            memory.stateFile?.append(
                decision: decision, position: position, id: id, exactKey: prepared.exactKey, values: prepared.values)
            return nil
        }
        if given != nil {
            document.removeField(Self.decisionField)
            document.removeField(Self.fingerprintField)
        }
        guard let (match, earlier) = found else { return .keep }
        switch options.mode {
        case .drop:
            return .drop(reason: "duplicate")
        case .mark:
            document.setField("duplicate_of", Self.mark(id: earlier ?? "", match: match))
            return .keep
        case .fingerprint:
            return .keep
        }
    }

    /// Commits the state rows of the first `count` articles decided, now that they are out.
    public func delivered(_ count: Int) throws {
        try memory.withLock { memory in
            guard memory.failure == nil else { return }
            do throws(StageError) {
                try memory.stateFile?.commit(decidedBefore: count)
            } catch {
                memory.failure = error
                throw error
            }
        }
    }

    public func finish() throws {
        try memory.withLock { memory in
            // A failure `decide` already reported has stopped the run; saying it again adds nothing.
            guard memory.failure == nil else { return }
            try memory.open(options, fingerprinter)
            try memory.stateFile?.close()
            memory.stateFile = nil
        }
    }

    // MARK: - Reporting

    /// The size of the in-memory index, for `textpipe eval dedupe` and benchmarks.
    package struct Statistics: Sendable, Equatable {
        /// Articles in the index: the first occurrences, which are the articles kept.
        package var indexedArticles: Int
        /// Bytes the index has allocated, ids apart.
        package var indexBytes: Int
        /// Bytes allocated for ids (kept in `mode: mark` only, for `duplicate_of`).
        package var idBytes: Int
        /// The LSH banding in use, e.g. `7 bands × 2 rows`, or `off`.
        package var banding: String
    }

    package func statistics() -> Statistics {
        memory.withLock { memory in
            Statistics(
                indexedArticles: memory.index.count, indexBytes: memory.index.indexBytes, idBytes: memory.index.idBytes,
                banding: fingerprinter.banding?.description ?? "off")
        }
    }

    // MARK: - Decisions made elsewhere

    /// The field `mode: fingerprint` writes, read by `textpipe dedupe decide`.
    public static let fingerprintField = "dedupe_fingerprint"
    /// The field that carries a decision from `textpipe dedupe decide`; a
    /// stage in `drop` or `mark` mode applies it instead of deciding.
    public static let decisionField = "dedupe_decision"

    /// The match a `dedupe_decision` field names, or `nil` for an article to keep.
    ///
    /// - Throws: ``StageError/io(_:hint:)`` when the decision was made with other
    ///   settings: applying it would silently give another run's answers.
    static func match(_ field: JSONFragment, settings: String) throws -> (NearDuplicateIndex.Match, String?)? {
        let decision: FingerprintJSON.Decision
        do {
            decision = try JSONDecoder().decode(FingerprintJSON.Decision.self, from: Data(field.bytes))
        } catch {
            throw StageError("\(decisionField) is not a decision from 'textpipe dedupe decide'")
        }
        guard decision.settings == settings else {
            throw StageError.io(
                "\(decisionField) was decided with '\(decision.settings)', but this dedupe stage has '\(settings)'",
                hint: "fingerprint, decide and apply with the same pipeline")
        }
        guard let earlier = decision.duplicate_of else { return nil }
        guard let kind = NearDuplicateIndex.Match.Kind(rawValue: earlier.kind) else {
            throw StageError("\(decisionField) has an unknown kind '\(earlier.kind)'")
        }
        return (NearDuplicateIndex.Match(article: 0, kind: kind, similarity: earlier.similarity), earlier.id)
    }

    // MARK: - Helpers

    private func parts(of document: Document) -> [String] {
        switch options.key {
        case .text: return [document.text]
        case .titleAndText: return [document.title ?? "", document.text]
        }
    }

    /// `{"id":"…","similarity":0.97,"kind":"near"}`, written by hand: it is on the hot path of `mode: mark`.
    static func mark(id: String, match: NearDuplicateIndex.Match) -> JSONFragment {
        var bytes = Array(#"{"id":"#.utf8)
        JSONWriter.appendString(id, to: &bytes)
        let similarity = (match.similarity * 1000).rounded() / 1000
        bytes += Array(#","similarity":\#(similarity),"kind":"\#(match.kind.rawValue)"}"#.utf8)
        return JSONFragment(trustedBytes: bytes)
    }

    /// What the lock guards: the index and the state file, opened at first use.
    private struct Memory {
        var index: NearDuplicateIndex
        var stateFile: DedupeStateFile?
        var opened = false
        var failure: StageError?
        /// Whether this run applies decisions made elsewhere; set by the first article.
        var appliesDecisions: Bool?
        /// `decide` calls so far, the numbering ``delivered(_:)`` counts in.
        var decisions = 0

        init(index: NearDuplicateIndex) { self.index = index }

        /// Opens the state file and loads it into the index, once.
        ///
        /// Not in `init`: `textpipe validate` and `describe` build stages too,
        /// and must not create or lock files.
        mutating func open(_ options: DedupeOptions, _ fingerprinter: Fingerprinter) throws(StageError) {
            if let failure { throw failure }
            guard !opened else { return }
            opened = true
            guard let path = options.state else { return }
            do {
                let file = try DedupeStateFile(
                    path: path,
                    settings: [
                        ("key", options.key.rawValue), ("shingle_size", "\(options.shingleSize)"),
                        ("permutations", "\(options.permutations)"), ("seed", "\(options.seed)"),
                    ])
                try file.load(permutations: options.permutations) { id, exactKey, values in
                    index.insert(fingerprinter.fingerprint(exactKey: exactKey, values: values), id: id)
                }
                stateFile = file
            } catch {
                failure = error
                throw error
            }
        }
    }
}
