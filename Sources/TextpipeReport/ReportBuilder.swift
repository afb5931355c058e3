/// Builds the page from records as they are read, and writes it at the end.
///
/// Everything after the overview waits in ``Spool``s on disk, so memory does
/// not grow with the input: the builder keeps only the ``ReportTally`` and one
/// section at a time. Article views are capped by ``ReportOptions/maxArticles``
/// (flagged articles first, then the others, each in input order); the
/// counts, charts and the flagged-articles table cover every record.
final class ReportBuilder {
    let options: ReportOptions
    private(set) var tally = ReportTally()
    private let tableRows: Spool
    private let flaggedViews: Spool
    private let otherViews: Spool
    private let failures: Spool
    /// The spool size after each kept unflagged view, so the page can take only as many as fit.
    private var otherViewEnds: [Int] = []
    private(set) var flaggedViewCount = 0
    private(set) var failureRowCount = 0
    /// Flagged articles listed in the table whose view was left out.
    private(set) var unlinkedRowCount = 0
    /// Raw party and subtype values of flagged articles, for the table's filters.
    private(set) var parties: Set<String> = []
    private(set) var subtypes: Set<String> = []
    private(set) var hasDates = false
    private var ordinal = 0
    private var scratch = HTMLWriter(capacity: 1 << 16)

    init(options: ReportOptions) throws(ReportError) {
        self.options = options
        tableRows = try Spool()
        flaggedViews = try Spool()
        otherViews = try Spool()
        failures = try Spool()
    }

    /// Unflagged article views the page shows: as many as the flagged ones leave room for.
    var otherViewCount: Int { min(otherViewEnds.count, max(0, options.maxArticles - flaggedViewCount)) }

    /// Adds one record.
    func add(_ item: ReportItem) throws(ReportError) {
        switch item {
        case .failed(let record):
            tally.failed += 1
            guard failureRowCount < options.maxArticles else { return }
            failureRowCount += 1
            scratch.removeAll()
            ReportPage.writeFailureRow(record, into: &scratch)
            try failures.write(scratch)
        case .article(let article):
            ordinal += 1
            tally.add(article)
            if article.day != nil { hasDates = true }
            if article.isFlagged {
                let shown = flaggedViewCount < options.maxArticles
                parties.insert(article.conflict?.party ?? "")
                subtypes.insert(article.conflict?.subtype ?? "")
                scratch.removeAll()
                ReportPage.writeTableRow(article, ordinal: ordinal, linked: shown, into: &scratch)
                try tableRows.write(scratch)
                if shown {
                    flaggedViewCount += 1
                    try writeView(article, to: flaggedViews)
                } else {
                    unlinkedRowCount += 1
                }
            } else if otherViewEnds.count < options.maxArticles {
                try writeView(article, to: otherViews)
                otherViewEnds.append(otherViews.size)
            }
        }
    }

    private func writeView(_ article: ReportArticle, to spool: Spool) throws(ReportError) {
        scratch.removeAll()
        ArticleView(article: article, ordinal: ordinal).write(into: &scratch)
        try spool.write(scratch)
    }

    /// Writes the whole page through `write`, in pieces of about a megabyte.
    func finish(_ write: ([UInt8]) throws(ReportError) -> Void) throws(ReportError) {
        let page = ReportPage(builder: self)
        var html = HTMLWriter(capacity: 1 << 20)
        func flush() throws(ReportError) {
            guard !html.isEmpty else { return }
            try write(html.bytes)
            html.removeAll()
        }
        page.writeHead(into: &html)
        page.writeOverview(into: &html)
        if tally.withConflict > 0 {
            page.writeTableStart(into: &html)
            try flush()
            try tableRows.copy(to: write)
            page.writeTableEnd(into: &html)
        }
        page.writeArticlesStart(into: &html)
        if flaggedViewCount > 0 {
            page.writeViewsHeading("Flagged articles", shown: flaggedViewCount, into: &html)
            try flush()
            try flaggedViews.copy(to: write)
        }
        let others = otherViewCount
        if others > 0 {
            page.writeViewsHeading(
                tally.withConflict > 0 ? "Other articles" : "Articles", shown: others, into: &html)
            try flush()
            try otherViews.copy(prefix: otherViewEnds[others - 1], to: write)
        }
        page.writeArticlesEnd(into: &html)
        if tally.failed > 0 {
            page.writeFailuresStart(into: &html)
            try flush()
            try failures.copy(to: write)
            page.writeFailuresEnd(into: &html)
        }
        page.writeEnd(into: &html)
        try flush()
    }
}
