/// One step of a pipeline: it reads a ``Document``, may change it, and decides
/// whether it goes on.
///
/// ```
///          ┌───────────┐   ┌──────────┐   ┌──────────┐
/// reader ─►│ normalize │──►│  dedupe  │──►│ entities │──► … ──► writer
///          └───────────┘   └──────────┘   └──────────┘
///            parallel        ordered        parallel
/// ```
///
/// A stage is a `Sendable` struct built once per run from its options and then
/// called from many threads at once, one document at a time.
///
/// ### Implementation requirements
///
/// - `process` must depend only on the document and the stage's own immutable
///   state: no globals, no mutable statics. Its result must not depend on which
///   thread runs it or in what order documents arrive — output is byte-identical
///   for every `--jobs`.
/// - A stage whose decision depends on earlier articles (dedupe) adopts
///   ``OrderedStage`` instead, and keeps its history behind a lock.
/// - Throw for a problem with *this* document (the runner applies `on_error`);
///   throw from `init(options:)` for a problem with the configuration; throw
///   ``StageError/io(_:hint:)`` when the stage's own file fails and it cannot go on.
/// - Write results as fields named after what they are (`summary`,
///   `intra_party_conflict`) and list them in ``outputs``.
/// - Ship ``examples``: one test runs them for every registered stage.
public protocol Stage: Sendable {
    /// The stage's options, decoded from the pipeline's YAML.
    associatedtype Options: StageOptions
    /// The name a pipeline uses, in kebab-case: `"intra-party-conflict"`.
    static var name: String { get }
    /// One line for `textpipe list`.
    static var summary: String { get }
    /// The document fields this stage reads, which an earlier stage of the same
    /// pipeline must write (list them in its ``outputs``): `["entities"]`, met by
    /// any stage that writes `entities`.
    static var requires: [String] { get }
    /// The document fields this stage writes, for `describe` and for checking other stages' ``requires``.
    static var outputs: [String] { get }
    /// Input → expected output pairs, shown by `describe` and run by the test suite.
    static var examples: [StageExample] { get }
    /// Paragraphs `describe` prints after the summary, for what options and
    /// examples cannot show (exec's protocol); empty for most stages.
    static var discussion: String { get }
    /// Builds the stage; throws ``StageError`` for options that make no sense together.
    init(options: Options) throws
    /// Processes one document.
    func process(_ document: inout Document) throws -> Disposition
    /// Called once after the last document, serially; flush state here.
    func finish() throws
}

extension Stage {
    public static var requires: [String] { [] }
    public static var outputs: [String] { [] }
    public static var discussion: String { "" }
    public func finish() throws {}
}

/// A stage whose decision depends on the articles before it, in input order.
///
/// The runner calls ``prepare(_:)`` in parallel (the expensive, independent
/// part: a MinHash signature) and ``decide(_:prepared:)`` serially, in input
/// order, so the first occurrence always wins whatever `--jobs` is. State that
/// `decide` changes lives behind a lock (a ``Locked`` value), never in a global.
///
/// ```
/// decide #0 #1 #2 … #k ──► later stages ──► writer ──► output ──► delivered(k + 1)
///                                                      (write returned; with
///                                                       --output: after the rename)
/// ```
///
/// State that outlives the run (dedupe's state file) is committed only from
/// ``delivered(_:)``: a crash between `decide` and the write must not leave a
/// record of an article that was never written, or the next run would drop
/// it as already seen.
public protocol OrderedStage: Stage {
    /// What `prepare` computes for `decide`.
    associatedtype Prepared: Sendable
    /// The parallel part; must not touch shared state.
    func prepare(_ document: Document) throws -> Prepared
    /// The serial part, called in input order.
    func decide(_ document: inout Document, prepared: Prepared) throws -> Disposition
    /// The first `count` articles `decide` was called on have been delivered.
    ///
    /// Delivered means the writer has passed them: written to the output (the
    /// write returned; for an output file replaced atomically, once it was
    /// renamed into place), or dropped, dead-lettered or skipped by a later
    /// stage. `count` only grows, calls are serial (never two at once, possibly
    /// concurrent with `decide`), and articles never delivered are never
    /// reported — a run that is killed, or stops on an error, reports the
    /// prefix it delivered. Throw ``StageError/io(_:hint:)`` when the stage's own file
    /// cannot be written: the run stops with exit 74.
    func delivered(_ count: Int) throws
}

extension OrderedStage {
    /// Nothing to commit: a stage without state beyond the run ignores delivery.
    public func delivered(_ count: Int) throws {}

    /// Runs `prepare` then `decide`: correct when documents arrive one at a time
    /// in order, as in tests.
    public func process(_ document: inout Document) throws -> Disposition {
        let prepared = try prepare(document)
        return try decide(&document, prepared: prepared)
    }
}

/// What happens to a document after a stage.
public enum Disposition: Sendable, Equatable {
    /// The document goes on to the next stage.
    case keep
    /// The document leaves the pipeline, counted as dropped with `reason`.
    case drop(reason: String)
}

/// A problem a stage reports: with its configuration (from `init`), with one
/// document (from `process`), or with its own file, which stops the run.
///
/// One type with a ``Kind``, so that a stage and the runner never disagree on
/// which error means what: a ``Kind/record`` error is about one document, and
/// the runner applies `on_error` to it; an ``Kind/io`` error means the stage
/// cannot go on at all because its own file — a state database that is
/// corrupt, locked by another run, or cannot be written — failed. The runner
/// reports that once, stops reading, abandons the output and exits 74, as
/// when it cannot write its output. Stages throw ``io(_:hint:)`` only for such trouble.
public struct StageError: Error, CustomStringConvertible, Equatable {
    /// What the error stops: one document, or the whole run.
    public enum Kind: Sendable, Equatable {
        /// This document (or this configuration) is the problem; the run goes on under `on_error`.
        case record
        /// The stage's own file failed; the run stops.
        case io
    }

    public var kind: Kind
    public var message: String
    public var hint: String?

    /// A problem with one document or with the stage's options.
    public init(_ message: String, hint: String? = nil) {
        self.init(kind: .record, message: message, hint: hint)
    }

    private init(kind: Kind, message: String, hint: String?) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    /// The stage's own file failed and it cannot go on: the run stops with exit 74.
    public static func io(_ message: String, hint: String? = nil) -> StageError {
        StageError(kind: .io, message: message, hint: hint)
    }

    /// The exit status (sysexits) of a run that this error stops: 65 for a
    /// document under `on_error: fail`, 74 for the stage's own file.
    public var code: Int32 {
        switch kind {
        case .record: 65
        case .io: 74
        }
    }

    public var description: String { hint.map { "\(message) (hint: \($0))" } ?? message }
}

/// An input and the output a stage must produce from it.
///
/// Documents are written as JSON objects, the way they travel on stdin and
/// stdout. `expected` lists only the fields the example checks; `nil` means
/// the stage drops the document.
public struct StageExample: Sendable {
    /// What the example shows, for `describe` and test names.
    public var title: String
    /// Options as YAML flow text (`"{ sentences: 2 }"`), or `nil` for defaults.
    public var options: String?
    /// The input document as a JSON object.
    public var input: String
    /// Fields of the output document as a JSON object, or `nil` when the stage drops it.
    public var expected: String?

    public init(_ title: String, options: String? = nil, input: String, expected: String?) {
        self.title = title
        self.options = options
        self.input = input
        self.expected = expected
    }
}
