/// A growable table of fixed-width rows, stored in fixed-size chunks.
///
/// A plain array doubles when it grows, so up to half of it is slack; chunks of
/// 1,024 rows keep the slack under one chunk, which is what lets the index stay
/// within its bytes-per-article budget on any corpus size.
struct ChunkedColumn<Element: BitwiseCopyable & Sendable>: Sendable {
    /// Elements per row.
    let width: Int
    private let zero: Element
    private var chunks: [[Element]] = []
    private(set) var count = 0

    static var rowsPerChunk: Int { 1024 }

    init(width: Int, zero: Element) {
        self.width = width
        self.zero = zero
    }

    /// Appends a row of `width` elements, `zero` where `row` is short.
    mutating func append(_ row: some Collection<Element>) {
        if count % Self.rowsPerChunk == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(width * Self.rowsPerChunk)
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        chunks[last].append(contentsOf: row.prefix(width))
        let short = width - min(row.count, width)
        if short > 0 { chunks[last].append(contentsOf: repeatElement(zero, count: short)) }
        count += 1
    }

    /// Element `column` of row `row`.
    subscript(row: Int, column: Int) -> Element {
        get { chunks[row / Self.rowsPerChunk][(row % Self.rowsPerChunk) * width + column] }
        set { chunks[row / Self.rowsPerChunk][(row % Self.rowsPerChunk) * width + column] = newValue }
    }

    /// Calls `body` with the elements of row `row`.
    func withRow<Result>(_ row: Int, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        chunks[row / Self.rowsPerChunk].withUnsafeBufferPointer { chunk in
            body(UnsafeBufferPointer(rebasing: chunk[((row % Self.rowsPerChunk) * width)...].prefix(width)))
        }
    }

    /// Bytes allocated for the elements.
    var allocatedBytes: Int { chunks.reduce(0) { $0 + $1.capacity * MemoryLayout<Element>.stride } }
}
