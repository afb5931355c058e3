import Dispatch

/// Lets batches through in sequence order, one at a time, whatever order they arrive in.
///
/// Batch `k` runs only after batch `k-1` has run; early arrivals wait in a
/// reorder buffer. The work runs on the gate's own serial queue, so a gate is
/// where an ordered stage decides and where the writer writes.
final class OrderedGate: Sendable {
    private struct Waiting {
        var next = 0
        var buffer: [Int: (Batch, @Sendable (Batch) -> Void)] = [:]
    }

    private let queue: DispatchQueue
    private let waiting = Locked(Waiting())

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Queues `batch`; `work` runs on the gate's queue once every earlier batch has run.
    func submit(_ batch: Batch, _ work: @escaping @Sendable (Batch) -> Void) {
        queue.async {
            self.waiting.withLock { $0.buffer[batch.sequence] = (batch, work) }
            while let (ready, readyWork) = self.waiting.withLock({ state -> (Batch, @Sendable (Batch) -> Void)? in
                guard let entry = state.buffer.removeValue(forKey: state.next) else { return nil }
                state.next += 1
                return entry
            }) {
                readyWork(ready)
            }
        }
    }
}
