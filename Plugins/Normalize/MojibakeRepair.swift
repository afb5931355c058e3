/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 and encoded again
/// (`â€™` for `’`, `Ã©` for `é`, `Ð¿Ñ€Ð¸` for `при`).
///
/// The unit is a run of adjacent characters that each have a Windows-1252 or
/// Latin-1 byte ≥ 0x80: UTF-8 sequences contain no ASCII byte, so mojibake
/// always forms such a run. A run is replaced only when its bytes are, all of
/// them, well-formed UTF-8 — ordinary accented text almost never is — and, to
/// spare real text such as `SPAß“` or `PELÉ’s`, when the run holds more than
/// one sequence, or a three- or four-byte one, or a two-byte one led by `Â` or
/// `Ã` (U+0080–U+00FF, where nearly all real mojibake falls). Text that was
/// mis-decoded twice is repaired twice.
struct MojibakeRepair: Sendable {
    /// Whether `input` holds a character that can start mojibake: `Â`–`ô`
    /// (U+00C2–U+00F4), which are `C3 82`–`C3 B4` in UTF-8.
    func applies(to input: UnsafeBufferPointer<UInt8>) -> Bool {
        var next = UTF8Scan.index(of: 0xC3, in: input)
        while let i = next, i + 1 < input.count {
            if input[i + 1] >= 0x82 && input[i + 1] <= 0xB4 { return true }
            next = UTF8Scan.index(of: 0xC3, in: input, from: i + 1)
        }
        return false
    }

    /// `input` with mojibake repaired, or `nil` when nothing changed.
    func repair(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard var result = repairOnce(input) else { return nil }
        // Mojibake of mojibake: at most two more rounds.
        for _ in 0..<2 {
            let again = result.withUnsafeBufferPointer { buffer in
                applies(to: buffer) ? repairOnce(buffer) : nil
            }
            guard let again else { break }
            result = again
        }
        return result
    }

    private func repairOnce(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let repairs = Self.repairableRuns(input)
        guard !repairs.isEmpty else { return nil }
        // A repaired run is shorter than the run: each of its characters took two bytes or more.
        return ByteWriter.write(capacity: input.count) { out in
            var copied = 0
            for (range, bytes) in repairs {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<range.lowerBound]))
                bytes.withUnsafeBufferPointer { out.append(contentsOf: $0) }
                copied = range.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied...]))
        }
    }

    /// The runs of `input` to replace, with the bytes they stand for.
    static func repairableRuns(_ input: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, [UInt8])] {
        var repairs: [(Range<Int>, [UInt8])] = []
        var run: [UInt8] = []
        var runStart = 0
        let n = input.count
        var i = 0
        while i <= n {
            var byte: UInt8?
            var length = 1
            if i < n && input[i] >= 0x80 {
                let (value, scalarLength) = UTF8Scan.decode(input, at: i)
                length = scalarLength
                byte = Windows1252.highByte(for: value)
            }
            if let byte {
                if run.isEmpty { runStart = i }
                run.append(byte)
            } else if !run.isEmpty {
                if isRepairable(run) { repairs.append((runStart..<i, run)) }
                run.removeAll(keepingCapacity: true)
            }
            i += length
        }
        return repairs
    }

    /// Whether `run` (bytes, all ≥ 0x80) is well-formed UTF-8 and plausibly mojibake.
    static func isRepairable(_ run: [UInt8]) -> Bool {
        run.withUnsafeBufferPointer { bytes in
            var i = 0
            var sequences = 0
            var plausible = false
            while i < bytes.count {
                guard let length = UTF8Scan.validSequenceLength(bytes, at: i) else { return false }
                if length > 2 || bytes[i] == 0xC2 || bytes[i] == 0xC3 { plausible = true }
                sequences += 1
                i += length
            }
            return plausible || sequences > 1
        }
    }
}
