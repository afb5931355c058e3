import Synchronization

/// Mutable state a stage shares between threads, behind one lock.
///
/// `Mutex` cannot be stored in a copyable struct, and stages are structs; this
/// class holds it so a stage can keep `let seen = Locked(Set<UInt64>())`.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
        try mutex.withLock(body)
    }
}
