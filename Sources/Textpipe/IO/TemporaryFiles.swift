import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temporary output files that a signal must not leave behind.
///
/// ``OutputSink`` registers each temporary file it creates and unregisters it on
/// commit or abandon. ``removeOnSignals()`` installs a handler for SIGINT,
/// SIGTERM, SIGHUP and SIGQUIT that unlinks what is registered and re-raises the
/// signal with its default action, so the exit status is still the signal's
/// (130 for Ctrl-C in a shell). The handler may only call async-signal-safe
/// functions, so the paths live in C memory allocated once, in fixed slots.
public enum TemporaryFiles {
    /// More than a run ever has open (output and dead-letter file).
    static let capacity = 16

    /// Installs the cleanup handler; call once, early, from `main`.
    ///
    /// The signals are also unblocked: a parent that spawns from a thread with them
    /// blocked (Foundation's `Process` under `swift test` does) would otherwise
    /// leave `kill -TERM` pending until the run had finished and renamed its output.
    public static func removeOnSignals() {
        _ = storage
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            // A signal the parent ignores stays ignored (`nohup`, a background job of a script).
            var current = sigaction()
            sigaction(signalNumber, nil, &current)
            #if canImport(Glibc)
                let ignored = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1
            #else
                let ignored = unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) == 1
            #endif
            guard !ignored else { continue }
            sigaddset(&unblock, signalNumber)
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = handleSignal
            #else
                action.__sigaction_u.__sa_handler = handleSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The registered paths, for tests.
    static var registered: [String] {
        storage.lock.withLock {
            (0..<capacity).compactMap { storage.slots[$0].map { String(cString: $0) } }
        }
    }

    /// Registers the path `path` (bytes, no NUL; not always UTF-8).
    static func register(_ path: [UInt8]) {
        storage.lock.withLock {
            guard let slot = (0..<capacity).first(where: { storage.slots[$0] == nil }) else { return }
            storage.slots[slot] = FileName.withCString(path) { strdup($0) }
        }
    }

    static func register(_ path: String) { register(Array(path.utf8)) }

    static func unregister(_ path: String) { unregister(Array(path.utf8)) }

    static func unregister(_ path: [UInt8]) {
        storage.lock.withLock {
            for slot in 0..<capacity {
                guard let stored = storage.slots[slot],
                    UnsafeRawBufferPointer(start: stored, count: strlen(stored)).elementsEqual(path)
                else { continue }
                storage.slots[slot] = nil
                free(stored)
            }
        }
    }

    /// Unlinks every registered file; async-signal-safe (no locks, no allocation).
    fileprivate static func unlinkAll() {
        for slot in 0..<capacity {
            if let path = storage.slots[slot] { unlink(path) }
        }
    }

    private static let storage = Storage()
}

/// The slots, shared with the signal handler.
private final class Storage: @unchecked Sendable {
    // @unchecked: `slots` is written only under `lock`; the signal handler reads it
    // without the lock (it may not take one) and sees each pointer either set or nil,
    // because a slot is cleared before the string it pointed to is freed.
    // NSLock, not `Mutex`: ThreadSanitizer cannot see `Mutex` on Linux (see `Locked`)
    // and reported a race here when two tests opened outputs at once.
    let lock = NSLock()
    let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init() {
        slots = .allocate(capacity: TemporaryFiles.capacity)
        slots.initialize(repeating: nil, count: TemporaryFiles.capacity)
    }
}

private func handleSignal(_ signalNumber: Int32) {
    TemporaryFiles.unlinkAll()
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
