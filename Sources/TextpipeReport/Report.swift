import Textpipe

/// What `textpipe report` is asked for.
public struct ReportOptions: Sendable {
    /// The page's `<title>` and heading.
    public var title: String
    /// Most article views on the page; every record is still counted.
    public var maxArticles: Int
    /// The inputs as the user named them, for the page's first line.
    public var inputNames: [String]

    /// With 1,000 views, 20,000 BBC-length records made a 17.8 MB page that
    /// headless Chromium loaded and scripted in 3.9 s here; all 20,000 views
    /// made 235 MB. The counts and the table do not depend on it.
    public static let defaultMaxArticles = 1000

    public init(title: String = "textpipe report", maxArticles: Int = defaultMaxArticles, inputNames: [String] = []) {
        self.title = title
        self.maxArticles = maxArticles
        self.inputNames = inputNames
    }
}

/// What a report held, for the line the command prints.
public struct ReportSummary: Sendable, Equatable {
    public var articles: Int
    public var flagged: Int
    public var failed: Int
    /// Articles with a view on the page.
    public var articleViews: Int
    /// Size of the page in bytes.
    public var bytes: Int
}

/// `textpipe report`: the JSON Lines of a run as one self-contained HTML page.
///
/// ```
/// run.jsonl ──► ReportReader ──► ReportBuilder ──► tally (in memory)
///                (LineReader,        │          └─► table rows, article views (spooled to disk)
///              DocumentDecoder)      ▼
///                        head + overview + table + views + script ──► OutputSink
/// ```
///
/// The page has inline CSS and one inline script (allowed by hash in its
/// Content-Security-Policy), no network access and no external fonts. Every
/// string from the input is HTML-escaped by ``HTMLWriter``.
public enum Report {
    /// Reads `inputs`, writes the page to `output` (not committed: the caller
    /// commits a file output once this returns).
    ///
    /// Nothing is written before every input has been read, so a bad line leaves
    /// no half page behind.
    ///
    /// - Throws: ``ReportError``; ``ReportError/outputClosed`` when the reader of
    ///   stdout went away (`| head`), which is not worth a message.
    public static func write(
        _ inputs: [ReportInput], options: ReportOptions, to output: OutputSink
    ) throws(ReportError) -> ReportSummary {
        var bytes = 0
        let builder = try render(inputs, options: options) { (chunk: [UInt8]) throws(ReportError) in
            do throws(OutputSink.WriteError) {
                try output.write(chunk)
            } catch {
                switch error {
                case .closed: throw ReportError.outputClosed
                case .failed(let message):
                    throw ReportError(message: "textpipe: error: \(message)", exitCode: ReportError.ioError)
                }
            }
            bytes += chunk.count
        }
        return ReportSummary(
            articles: builder.tally.articles, flagged: builder.tally.flagged, failed: builder.tally.failed,
            articleViews: builder.flaggedViewCount + builder.otherViewCount, bytes: bytes)
    }

    /// Reads `inputs` and hands the page to `write` in pieces.
    static func render(
        _ inputs: [ReportInput], options: ReportOptions, write: ([UInt8]) throws(ReportError) -> Void
    ) throws(ReportError) -> ReportBuilder {
        let builder = try ReportBuilder(options: options)
        try ReportReader().read(inputs) { (item: ReportItem) throws(ReportError) in try builder.add(item) }
        try builder.finish(write)
        return builder
    }
}

extension ReportError {
    /// The reader of the output went away; the command ends quietly with status 0.
    public static let outputClosed = ReportError(message: "", exitCode: 0)
}
