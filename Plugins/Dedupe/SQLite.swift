import CSQLite

/// A connection to an SQLite database through its C API: just what the state file needs.
///
/// Not `Sendable`: the dedupe stage keeps it inside its `Locked` state, which
/// hands it to one thread at a time, so the compiler checks that no reference
/// to it escapes the lock. (The connection is opened in serialized mode,
/// `SQLITE_OPEN_FULLMUTEX`, as a second guard, not as the reason it is safe.)
final class SQLiteDatabase {
    /// An SQLite result code with SQLite's message for it.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        /// The primary result code (`SQLITE_BUSY` for `SQLITE_BUSY_SNAPSHOT`, …).
        var primary: Int32 { code & 0xFF }
        var description: String { message }
    }

    private var handle: OpaquePointer?

    /// Opens (creating if needed) the database at `path`.
    init(path: String) throws(Failure) {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(
            path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw Failure(code: status, message: message)
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Closes the connection; later calls fail.
    func close() throws(Failure) {
        guard let handle else { return }
        let status = sqlite3_close_v2(handle)
        self.handle = nil
        guard status == SQLITE_OK else { throw Failure(code: status, message: String(cString: sqlite3_errstr(status))) }
    }

    /// Runs one or more statements that return no rows of interest.
    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        guard status == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(error)
            throw Failure(code: sqlite3_extended_errcode(handle), message: message)
        }
    }

    /// Compiles one statement.
    func prepare(_ sql: String) throws(Failure) -> Statement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw failure(status) }
        return Statement(statement, database: self)
    }

    fileprivate func failure(_ status: Int32) -> Failure {
        Failure(
            code: sqlite3_extended_errcode(handle),
            message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed")
    }

    /// A compiled statement: bind, step, read columns, reset. Like its
    /// connection, not `Sendable`: it lives inside the stage's lock.
    final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        func bind(_ value: Int64, at index: Int32) throws(Failure) {
            try check(sqlite3_bind_int64(statement, index, value))
        }

        func bind(_ value: String, at index: Int32) throws(Failure) {
            // SQLITE_TRANSIENT: SQLite copies the text before this call returns.
            try check(
                sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)))
        }

        func bind(_ bytes: [UInt8]?, at index: Int32) throws(Failure) {
            guard let bytes else {
                try check(sqlite3_bind_null(statement, index))
                return
            }
            let status = bytes.withUnsafeBytes {
                sqlite3_bind_blob(
                    statement, index, $0.baseAddress, Int32($0.count),
                    unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
            try check(status)
        }

        /// Advances to the next row; false when there is none.
        func step() throws(Failure) -> Bool {
            let status = sqlite3_step(statement)
            switch status {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw database.failure(status)
            }
        }

        func reset() {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }

        func int64(at column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

        func text(at column: Int32) -> String? {
            guard let text = sqlite3_column_text(statement, column) else { return nil }
            return String(cString: text)
        }

        /// The column as bytes; `nil` for SQL NULL.
        func blob(at column: Int32) -> [UInt8]? {
            guard sqlite3_column_type(statement, column) != SQLITE_NULL else { return nil }
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let pointer = sqlite3_column_blob(statement, column) else { return [] }
            return Array(UnsafeRawBufferPointer(start: pointer, count: count))
        }

        private func check(_ status: Int32) throws(Failure) {
            guard status == SQLITE_OK else { throw database.failure(status) }
        }
    }
}
