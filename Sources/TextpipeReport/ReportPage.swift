import Foundation

/// The fixed parts of the page — head, overview, the table's frame, headings,
/// the script — around what ``ReportBuilder`` spooled.
struct ReportPage {
    let builder: ReportBuilder
    private var tally: ReportTally { builder.tally }
    private var options: ReportOptions { builder.options }

    /// The Content-Security-Policy: nothing from the network, and of scripts only ours (by its hash).
    static let contentSecurityPolicy: String = {
        var script: [UInt8] = []
        ReportScript.javascript.withUTF8Buffer { script.append(contentsOf: $0) }
        let hash = Data(SHA256.digest(script)).base64EncodedString()
        return
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'"
    }()

    // MARK: - Head and overview

    func writeHead(into html: inout HTMLWriter) {
        html.markup(
            #"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content=""#
        )
        html.text(Self.contentSecurityPolicy)
        html.markup(#""><meta name="generator" content="textpipe report"><title>"#)
        html.text(options.title)
        html.markup("</title><style>")
        html.markup(ReportStyle.css)
        html.markup("</style></head>\n<body><header><h1>")
        html.text(options.title)
        html.markup(#"</h1><p class="lede">"#)
        html.count(tally.articles)
        html.markup(tally.articles == 1 ? " article" : " articles")
        if tally.withConflict > 0 {
            html.markup(", ")
            html.count(tally.flagged)
            html.markup(" flagged for intra-party conflict")
        }
        if tally.failed > 0 {
            html.markup(", ")
            html.count(tally.failed)
            html.markup(tally.failed == 1 ? " record that failed" : " records that failed")
        }
        if !options.inputNames.isEmpty {
            html.markup(" — read from ")
            html.text(options.inputNames.joined(separator: ", "))
        }
        html.markup(##".</p><nav aria-label="Sections"><a href="#overview">Overview</a>"##)
        if tally.withConflict > 0 { html.markup(##"<a href="#flagged">Flagged articles</a>"##) }
        html.markup(##"<a href="#articles">Articles</a>"##)
        if tally.failed > 0 { html.markup(##"<a href="#failed">Records that failed</a>"##) }
        html.markup("</nav></header>\n<main>")
    }

    func writeOverview(into html: inout HTMLWriter) {
        html.markup(
            #"<section id="overview" aria-labelledby="overview-heading"><h2 id="overview-heading">Overview</h2><div class="stats">"#
        )
        writeStat(tally.articles, "articles", into: &html)
        if tally.withConflict > 0 { writeStat(tally.flagged, "flagged", into: &html) }
        if tally.entities > 0 { writeStat(tally.entities, "entity mentions", into: &html) }
        if tally.failed > 0 { writeStat(tally.failed, "records that failed", into: &html) }
        html.markup(#"</div><div class="charts">"#)
        var counts: [(label: String, value: Int)] = [("articles", tally.articles)]
        if tally.withConflict > 0 {
            counts.append(("flagged", tally.flagged))
            counts.append(("not flagged", tally.withConflict - tally.flagged))
            if tally.withConflict < tally.articles {
                counts.append(("no conflict verdict", tally.articles - tally.withConflict))
            }
        }
        if tally.failed > 0 { counts.append(("records that failed", tally.failed)) }
        SVGChart.bars(title: "Articles", counts, id: ReportToken("chart-articles"), into: &html)
        if tally.withConflict > 0 {
            SVGChart.bars(
                title: "Flagged articles by party", ReportTally.ranked(tally.flaggedByParty),
                id: ReportToken("chart-party"), into: &html)
            SVGChart.bars(
                title: "Flagged articles by subtype", ReportTally.ranked(tally.flaggedBySubtype),
                id: ReportToken("chart-subtype"), into: &html)
        }
        if tally.entities > 0 {
            SVGChart.bars(
                title: "Entity mentions by label", ReportTally.ranked(tally.entitiesByLabel),
                id: ReportToken("chart-labels"), into: &html)
        }
        SVGChart.timeSeries(tally.byDay, into: &html)
        html.markup("</div>")
        if tally.withConflict == 0 && tally.articles > 0 {
            html.markup(
                #"<p class="note">No article carries an <code>intra_party_conflict</code> field: run a pipeline with the intra-party-conflict stage (<code>textpipe run conflict-watch …</code>) to see flagged articles.</p>"#
            )
        }
        html.markup("</section>\n")
    }

    private func writeStat(_ value: Int, _ label: StaticString, into html: inout HTMLWriter) {
        html.markup(#"<div class="stat"><span class="stat-value">"#)
        html.count(value)
        html.markup(#"</span><span class="stat-label">"#)
        html.markup(label)
        html.markup("</span></div>")
    }

    // MARK: - Flagged-articles table

    func writeTableStart(into html: inout HTMLWriter) {
        html.markup(
            #"<section id="flagged" aria-labelledby="flagged-heading"><h2 id="flagged-heading">Flagged articles</h2>"#)
        guard tally.flagged > 0 else {
            html.markup(#"<p class="note">No article was flagged. "#)
            html.count(tally.withConflict)
            html.markup(" articles carry a verdict of the intra-party-conflict stage.</p>")
            return
        }
        html.markup(
            #"<div class="filters" role="search"><label for="filter-text">Search<input type="search" id="filter-text" placeholder="title, party, subtype"></label>"#
        )
        writeSelect("filter-party", "Party", builder.parties, into: &html)
        writeSelect("filter-subtype", "Subtype", builder.subtypes, into: &html)
        html.markup(#"<span id="filter-count" aria-live="polite">"#)
        html.number(tally.flagged)
        html.markup(" of ")
        html.number(tally.flagged)
        html.markup(" shown</span></div>")
        if builder.unlinkedRowCount > 0 {
            html.markup(#"<p class="note">"#)
            html.count(builder.unlinkedRowCount)
            html.markup(" flagged articles are listed without a link (in grey): the page shows at most ")
            html.count(options.maxArticles)
            html.markup(" articles (<code>--max-articles</code>).</p>")
        }
        html.markup(
            builder.hasDates
                ? #"<div class="table-wrap"><table id="flagged-table">"#
                : #"<div class="table-wrap"><table id="flagged-table" class="no-dates">"#)
        html.markup(
            #"<caption class="table-caption">Click a column heading to sort; a title opens the article.</caption><thead><tr>"#
        )
        html.markup(
            #"<th scope="col" class="num" data-key="order" data-type="number" aria-sort="ascending"><button type="button">#</button></th>"#
        )
        html.markup(#"<th scope="col" data-key="title"><button type="button">Title</button></th>"#)
        html.markup(#"<th scope="col" data-key="party"><button type="button">Party</button></th>"#)
        html.markup(#"<th scope="col" data-key="subtype"><button type="button">Subtype</button></th>"#)
        html.markup(
            #"<th scope="col" class="num" data-key="score" data-type="number" aria-sort="none"><button type="button">Score</button></th>"#
        )
        html.markup(
            #"<th scope="col" class="num col-narrow" data-key="evidence" data-type="number" aria-sort="none"><button type="button">Evidence</button></th>"#
        )
        html.markup(#"<th scope="col" class="col-date" data-key="date"><button type="button">Date</button></th>"#)
        html.markup("</tr></thead><tbody>\n")
    }

    private func writeSelect(
        _ id: StaticString, _ label: StaticString, _ values: Set<String>, into html: inout HTMLWriter
    ) {
        html.markup(#"<label for=""#)
        html.markup(id)
        html.markup(#"">"#)
        html.markup(label)
        html.markup(#"<select id=""#)
        html.markup(id)
        html.markup(#""><option value="">all</option>"#)
        for value in values.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            html.markup(#"<option value=""#)
            html.text(value)
            html.markup(#"">"#)
            html.text(value.isEmpty ? "(none)" : ArticleView.displayName(value))
            html.markup("</option>")
        }
        html.markup("</select></label>")
    }

    /// One row of the table; `linked` when the article's view is on the page.
    static func writeTableRow(_ article: ReportArticle, ordinal: Int, linked: Bool, into html: inout HTMLWriter) {
        let conflict = article.conflict
        html.markup(#"<tr data-party=""#)
        html.text(conflict?.party ?? "")
        html.markup(#"" data-subtype=""#)
        html.text(conflict?.subtype ?? "")
        html.markup(#""><td class="num" data-value=""#)
        html.number(ordinal)
        html.markup(#"">"#)
        html.number(ordinal)
        html.markup("</td><td>")
        if linked {
            html.markup(##"<a href="#"##)
            html.markup(id: ArticleView.anchor(ordinal))
            html.markup(#"">"#)
            html.text(article.title ?? article.id)
            html.markup("</a>")
        } else {
            html.markup(#"<span class="unlinked" title="not shown: over --max-articles">"#)
            html.text(article.title ?? article.id)
            html.markup("</span>")
        }
        html.markup("</td><td>")
        html.text(conflict?.party ?? "")
        html.markup("</td><td>")
        html.text(conflict?.subtype.map(ArticleView.displayName) ?? "")
        html.markup(#"</td><td class="num" data-value=""#)
        if let score = conflict?.score {
            html.score(score)
            html.markup(#"">"#)
            html.score(score)
        } else {
            html.markup(#"">"#)
        }
        html.markup(#"</td><td class="num col-narrow" data-value=""#)
        html.number(conflict?.evidence.count ?? 0)
        html.markup(#"">"#)
        html.number(conflict?.evidence.count ?? 0)
        html.markup(#"</td><td class="col-date">"#)
        if let day = article.day { html.text(day.iso8601) }
        html.markup("</td></tr>\n")
    }

    func writeTableEnd(into html: inout HTMLWriter) {
        if tally.flagged > 0 { html.markup("</tbody></table></div>") }
        html.markup("</section>\n")
    }

    // MARK: - Article views

    func writeArticlesStart(into html: inout HTMLWriter) {
        html.markup(
            #"<section id="articles" aria-labelledby="articles-heading"><h2 id="articles-heading">Articles</h2>"#)
        let shown = builder.flaggedViewCount + builder.otherViewCount
        html.markup(#"<p class="note">"#)
        if shown < tally.articles {
            html.markup("Showing ")
            html.count(shown)
            html.markup(" of ")
            html.count(tally.articles)
            html.markup(" articles")
            if tally.withConflict > 0 { html.markup(", flagged ones first") }
            html.markup("; <code>--max-articles N</code> shows more. The counts above cover all of them.")
        } else {
            html.markup("All ")
            html.count(shown)
            html.markup(shown == 1 ? " article" : " articles")
            html.markup(tally.withConflict > 0 ? ", flagged ones first." : ", in input order.")
        }
        html.markup(" Open one to read it with its entities")
        if tally.withConflict > 0 { html.markup(" and evidence") }
        html.markup(" highlighted.</p>")
        guard shown > 0 else { return }
        html.markup(
            #"<div class="toolbar"><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></div>"#
        )
        html.markup(#"<ul class="legend" aria-label="Legend">"#)
        for (label, name) in EntityLabel.known {
            html.markup(#"<li><span class="legend-entity "#)
            html.markup(id: EntityLabel(label).cssClass)
            html.markup(#"">"#)
            html.text(label)
            html.markup("</span> ")
            html.text(name)
            html.markup("</li>")
        }
        if tally.withConflict > 0 {
            html.markup(#"<li><span class="legend-evidence">evidence sentence</span> with its <b>cue</b> in bold</li>"#)
        }
        html.markup(#"<li class="note">hover or focus a name for its canonical form and party</li></ul>"#)
    }

    func writeViewsHeading(_ heading: StaticString, shown: Int, into html: inout HTMLWriter) {
        html.markup("<h3>")
        html.markup(heading)
        html.markup(#" <span class="note">("#)
        html.count(shown)
        html.markup(")</span></h3>\n")
    }

    func writeArticlesEnd(into html: inout HTMLWriter) {
        html.markup("</section>\n")
    }

    // MARK: - Records that failed

    func writeFailuresStart(into html: inout HTMLWriter) {
        html.markup(
            #"<section id="failed" aria-labelledby="failed-heading"><h2 id="failed-heading">Records that failed</h2><p class="note">"#
        )
        html.count(tally.failed)
        html.markup(" dead-letter records")
        if builder.failureRowCount < tally.failed {
            html.markup(", the first ")
            html.count(builder.failureRowCount)
            html.markup(" listed")
        }
        html.markup(
            #".</p><div class="table-wrap"><table class="failures"><thead><tr><th scope="col">Read from</th><th scope="col">Id</th><th scope="col">Stage</th><th scope="col">Error</th></tr></thead><tbody>"#
        )
    }

    static func writeFailureRow(_ record: FailedRecord, into html: inout HTMLWriter) {
        html.markup(#"<tr class="failure"><td>"#)
        html.text(record.source.map { "\($0) (\(record.location))" } ?? record.location)
        html.markup("</td><td>")
        html.text(record.id ?? "")
        html.markup("</td><td>")
        html.text(record.stage ?? "")
        html.markup("</td><td>")
        html.text(record.error)
        html.markup("</td></tr>\n")
    }

    func writeFailuresEnd(into html: inout HTMLWriter) {
        html.markup("</tbody></table></div></section>\n")
    }

    func writeEnd(into html: inout HTMLWriter) {
        html.markup(
            "</main>\n<footer>Made by <code>textpipe report</code>. One file: no network, no fonts or scripts from elsewhere.</footer>\n<script>"
        )
        html.markup(ReportScript.javascript)
        html.markup("</script></body></html>\n")
    }
}
