import CSQLite
import Textpipe

/// The state file: every article the stage has indexed, in the order it first
/// saw them, so that a later run drops what an earlier one saw.
///
/// An SQLite database (schema version 1):
///
/// ```sql
/// CREATE TABLE dedupe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
/// -- format = 'textpipe-dedupe', schema_version = '1', and the settings the
/// -- rows depend on: key, shingle_size, permutations, seed
/// CREATE TABLE dedupe_articles (
///     position  INTEGER PRIMARY KEY, -- 0, 1, 2 … in order of first sight, across runs
///     id        TEXT NOT NULL,       -- the article's id
///     exact_key INTEGER NOT NULL,    -- the 64-bit hash of the compared text, as a signed integer
///     signature BLOB                 -- permutations × 2 bytes: the low 16 bits of each MinHash
///                                    -- value, little-endian; NULL when the article had none
/// );
/// ```
///
/// The LSH bands are not stored: they are rebuilt from the signatures, so
/// `near_threshold` may change between runs; the settings in `dedupe_meta` may
/// not, since the stored hashes depend on them.
///
/// One run holds the file for its whole duration (`locking_mode = EXCLUSIVE`),
/// so a second run on it fails at once with a clear error instead of
/// interleaving writes.
///
/// A row is queued when `decide` keeps its article and committed only once
/// the runner says the article was delivered (``commit(decidedBefore:)``,
/// one WAL transaction per writer batch): a row written before its article
/// was made the next run drop an article nobody ever received — 1,363
/// Reuters articles in one SIGKILL try. A crash or Ctrl-C therefore loses
/// only rows of articles delivered since the last commit (the next run writes
/// those again: at least once, never lost), and never leaves a half-written
/// transaction. Rows still queued at ``close()`` were never delivered and are
/// discarded.
struct DedupeStateFile {
    let path: String
    private let database: SQLiteDatabase
    private let insert: SQLiteDatabase.Statement
    /// Rows not delivered yet, in decision order; `decision` numbers the stage's `decide` calls from 0.
    private var pending: [(decision: Int, position: Int, id: String, exactKey: UInt64, values: [UInt16])] = []

    /// Opens (or creates) the state file at `path` and takes it for this run.
    ///
    /// - Throws: ``StageError/io(_:hint:)`` when the file is in use by another run, is not
    ///   a dedupe state file (corrupt, or another database), or was written with
    ///   other `settings`.
    init(path: String, settings: [(key: String, value: String)]) throws(StageError) {
        self.path = path
        do {
            let database = try SQLiteDatabase(path: path)
            self.database = database
            // Hold the lock from the first read to the end of the run; no shared-memory WAL index.
            try database.execute("PRAGMA locking_mode = EXCLUSIVE")
            // Read-only first: a file that is not ours is refused exactly as it was. Switching
            // another application's database to WAL before refusing it rewrote its header.
            let isNew = try Self.inTransaction(database, "BEGIN") {
                try Self.checkSchema(database, path: path, settings: settings)
            }
            try database.execute("PRAGMA journal_mode = WAL")
            try database.execute("PRAGMA synchronous = NORMAL")
            if isNew {
                try Self.inTransaction(database, "BEGIN IMMEDIATE") {
                    // Checked again under the write lock: another run may have created it meanwhile.
                    if try Self.checkSchema(database, path: path, settings: settings) {
                        try Self.createSchema(database, settings)
                    }
                }
            }
            insert = try database.prepare(
                "INSERT INTO dedupe_articles (position, id, exact_key, signature) VALUES (?, ?, ?, ?)")
        } catch {
            throw Self.explain(error, path: path)
        }
    }

    /// Runs `body` between `begin` and `COMMIT`, rolling back when it throws.
    @discardableResult
    private static func inTransaction<Result>(
        _ database: SQLiteDatabase, _ begin: String, _ body: () throws -> Result
    ) throws -> Result {
        try database.execute(begin)
        do {
            let result = try body()
            try database.execute("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// Creates the tables of a new state file.
    private static func createSchema(_ database: SQLiteDatabase, _ settings: [(key: String, value: String)]) throws {
        try database.execute(
            """
            CREATE TABLE dedupe_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE dedupe_articles (
                position INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                exact_key INTEGER NOT NULL,
                signature BLOB
            );
            """)
        let meta = try database.prepare("INSERT INTO dedupe_meta (key, value) VALUES (?, ?)")
        for (key, value) in [("format", "textpipe-dedupe"), ("schema_version", "1")] + settings {
            try meta.bind(key, at: 1)
            try meta.bind(value, at: 2)
            _ = try meta.step()
            meta.reset()
        }
    }

    /// Checks, reading only, that the file is new (true) or a state file written with `settings` (false).
    private static func checkSchema(
        _ database: SQLiteDatabase, path: String, settings: [(key: String, value: String)]
    ) throws -> Bool {
        let tables = try database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        var names: Set<String> = []
        while try tables.step() { names.insert(tables.text(at: 0) ?? "") }
        if names.isEmpty { return true }
        guard names.contains("dedupe_meta"), names.contains("dedupe_articles") else {
            throw StageError.io(
                "state file '\(path)' is an SQLite database but not a dedupe state file (it has tables \(names.sorted().joined(separator: ", ")))",
                hint: "point 'state' at a new file")
        }
        let rows = try database.prepare("SELECT key, value FROM dedupe_meta")
        var stored: [String: String] = [:]
        while try rows.step() { stored[rows.text(at: 0) ?? ""] = rows.text(at: 1) ?? "" }
        guard stored["format"] == "textpipe-dedupe" else {
            throw StageError.io(
                "state file '\(path)' is not a textpipe dedupe state file", hint: "point 'state' at a new file")
        }
        guard stored["schema_version"] == "1" else {
            throw StageError.io(
                "state file '\(path)' has schema version \(stored["schema_version"] ?? "?"); this textpipe reads version 1"
            )
        }
        for (key, value) in settings where stored[key] != value {
            throw StageError.io(
                "state file '\(path)' was written with \(key) \(stored[key] ?? "unset"), this pipeline uses \(value)",
                hint: "use the options the state was written with, or a new state file")
        }
        return false
    }

    /// Calls `body` with every stored article, in order.
    func load(
        permutations: Int, _ body: (_ id: String, _ exactKey: UInt64, _ values: [UInt16]) -> Void
    ) throws(StageError) {
        do {
            let rows = try database.prepare(
                "SELECT position, id, exact_key, signature FROM dedupe_articles ORDER BY position")
            var expected: Int64 = 0
            while try rows.step() {
                guard rows.int64(at: 0) == expected else {
                    throw StageError.io("state file '\(path)' is damaged: article \(expected) is missing")
                }
                expected += 1
                let blob = rows.blob(at: 3) ?? []
                guard blob.isEmpty || blob.count == 2 * permutations else {
                    throw StageError.io(
                        "state file '\(path)' is damaged: article \(expected - 1) has a \(blob.count)-byte signature, expected \(2 * permutations)"
                    )
                }
                var values: [UInt16] = []
                values.reserveCapacity(blob.count / 2)
                var index = 0
                while index < blob.count {
                    values.append(UInt16(blob[index]) | UInt16(blob[index + 1]) << 8)
                    index += 2
                }
                body(rows.text(at: 1) ?? "", UInt64(bitPattern: rows.int64(at: 2)), values)
            }
        } catch {
            throw Self.explain(error, path: path)
        }
    }

    /// Queues the article kept by `decide` call number `decision`, to be written once it is delivered.
    mutating func append(decision: Int, position: Int, id: String, exactKey: UInt64, values: [UInt16]) {
        pending.append((decision, position, id, exactKey, values))
    }

    /// Writes, in one transaction, the queued rows of the first `count` decisions: those delivered.
    mutating func commit(decidedBefore count: Int) throws(StageError) {
        let delivered = pending.prefix { $0.decision < count }.count
        guard delivered > 0 else { return }
        do {
            try database.execute("BEGIN IMMEDIATE")
            do {
                for row in pending[..<delivered] {
                    try insert.bind(Int64(row.position), at: 1)
                    try insert.bind(row.id, at: 2)
                    try insert.bind(Int64(bitPattern: row.exactKey), at: 3)
                    var blob: [UInt8]?
                    if !row.values.isEmpty {
                        blob = []
                        blob?.reserveCapacity(2 * row.values.count)
                        for value in row.values { blob? += [UInt8(value & 0xFF), UInt8(value >> 8)] }
                    }
                    try insert.bind(blob, at: 4)
                    _ = try insert.step()
                    insert.reset()
                }
                try database.execute("COMMIT")
            } catch {
                insert.reset()
                try? database.execute("ROLLBACK")
                throw error
            }
            pending.removeFirst(delivered)
        } catch {
            throw Self.explain(error, path: path)
        }
    }

    /// Closes the file, discarding rows of articles never delivered.
    mutating func close() throws(StageError) {
        pending.removeAll()
        do {
            try database.close()
        } catch {
            throw Self.explain(error, path: path)
        }
    }

    /// ``explain(_:path:)`` for any error from a block that mixes SQLite calls and checks.
    static func explain(_ error: any Error, path: String) -> StageError {
        if let failure = error as? SQLiteDatabase.Failure { return explain(failure, path: path) }
        if let error = error as? StageError { return error.kind == .io ? error : .io(error.message, hint: error.hint) }
        return .io("state file '\(path)': \(error)")
    }

    /// A message that says what an SQLite failure means for the user.
    static func explain(_ failure: SQLiteDatabase.Failure, path: String) -> StageError {
        switch failure.primary {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .io(
                "state file '\(path)' is in use by another run (\(failure.message))",
                hint: "runs that share a state file must run one after the other")
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return .io(
                "state file '\(path)' is not a valid dedupe state file (\(failure.message))",
                hint: "move it away to start afresh, or point 'state' at another file")
        case SQLITE_CANTOPEN:
            return .io(
                "cannot open state file '\(path)' (\(failure.message))",
                hint: "check that its directory exists and is writable")
        case SQLITE_READONLY, SQLITE_PERM:
            return .io("state file '\(path)' cannot be written (\(failure.message))")
        case SQLITE_FULL, SQLITE_IOERR:
            return .io("cannot write state file '\(path)' (\(failure.message))")
        default:
            return .io("state file '\(path)': \(failure.message) (SQLite error \(failure.code))")
        }
    }
}
