#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor through one reused buffer.
///
/// Lines longer than `maxLineBytes` are not kept in memory: the reader skips to
/// the next newline and reports the line as oversized.
///
/// `package`, so `textpipe report` reads a run's JSON Lines the way `run` does.
package struct LineReader {
    package enum Line {
        /// A complete line without its `\n` (and without a trailing `\r`), valid until the next call.
        case line(UnsafeRawBufferPointer)
        /// A line that was longer than the limit; its first bytes, for the report.
        case oversized(prefix: [UInt8], length: Int)
    }

    private let fd: Int32
    private let maxLineBytes: Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var eof = false
    /// The errno of a failed read, if one failed.
    package private(set) var readError: Int32?

    package init(fd: Int32, maxLineBytes: Int, chunk: Int = 1 << 20) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        self.buffer = .allocate(byteCount: max(chunk, 4096), alignment: 1)
    }

    /// Frees the buffer.
    package mutating func close() {
        buffer.deallocate()
        buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }

    /// The next line, or nil at end of input. `beforeBlocking` runs before each
    /// read(2), so a caller can flush work while stdin is idle.
    package mutating func next(beforeBlocking: () -> Void = {}) -> Line? {
        // Bytes after `start` already searched for a newline, so a long line is scanned once.
        var scanned = 0
        while true {
            if let newline = findNewline(from: start + scanned) {
                if newline - start > maxLineBytes {
                    let prefix = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<min(newline, start + 200)]))
                    defer { start = newline + 1 }
                    return .oversized(prefix: prefix, length: newline - start)
                }
                var lineEnd = newline
                if lineEnd > start, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd])
                start = newline + 1
                return .line(line)
            }
            if end - start > maxLineBytes { return skipOversized() }
            if eof {
                guard end > start else { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd])
                start = end
                return .line(line)
            }
            scanned = end - start
            compactOrGrow()
            beforeBlocking()
            fill()
        }
    }

    private func findNewline(from offset: Int) -> Int? {
        guard offset < end, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + offset, 0x0A, end - offset) else { return nil }
        return base.distance(to: UnsafeMutableRawPointer(hit))
    }

    /// Moves unread bytes to the front, or doubles the buffer when they fill it.
    private mutating func compactOrGrow() {
        if start > 0 {
            let count = end - start
            if count > 0, let base = buffer.baseAddress { memmove(base, base + start, count) }
            start = 0
            end = count
        }
        if end == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 1)
            bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            buffer.deallocate()
            buffer = bigger
        }
    }

    private mutating func fill() {
        guard let base = buffer.baseAddress else { eof = true; return }
        while true {
            let count = read(fd, base + end, buffer.count - end)
            if count > 0 {
                end += count
                return
            }
            if count == 0 {
                eof = true
                return
            }
            if errno == EINTR { continue }
            readError = errno
            eof = true
            return
        }
    }

    private mutating func skipOversized() -> Line {
        let prefix = Array(UnsafeRawBufferPointer(rebasing: buffer[start..<min(end, start + 200)]))
        var length = 0
        while true {
            if let newline = findNewline(from: start) {
                length += newline - start
                start = newline + 1
                return .oversized(prefix: prefix, length: length)
            }
            length += end - start
            start = 0
            end = 0
            if eof { return .oversized(prefix: prefix, length: length) }
            fill()
        }
    }
}
