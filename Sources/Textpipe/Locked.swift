import Foundation

/// Mutable state shared between threads, behind one lock: the one lock type of
/// the runtime and the stages.
///
/// Stages are structs and cannot hold a `Mutex`; this class holds the lock so
/// a stage can keep `let seen = Locked(Set<UInt64>())`.
///
/// Not `Synchronization.Mutex`: on Linux its lock lives in the uninstrumented
/// standard library, so ThreadSanitizer cannot see it — a two-thread probe
/// incrementing one locked counter 10,000 times each reported "Swift access
/// race" on every run, with the right total — and every runtime test drowned
/// in such false reports. `NSLock` is a `pthread_mutex_t`, which
/// ThreadSanitizer intercepts, so `swift test --sanitize=thread` reports only
/// real races.
///
/// Like `Mutex`, the value need not be `Sendable`: the initializer takes it
/// `sending` (no other reference to it survives) and `withLock` lends it
/// `inout sending` and returns only a `sending` result, so nothing reachable
/// from the value leaves the lock. A stage can therefore keep a non-Sendable
/// resource — the dedupe stage's SQLite connection — inside `Locked` without
/// declaring that resource `@unchecked Sendable`. This class is the one place
/// that needs `@unchecked`.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched inside `lock`, which `withLock` holds,
    // and it never escapes (`sending` in and out).
    private let lock = NSLock()
    private var value: Value

    public init(_ value: sending Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
