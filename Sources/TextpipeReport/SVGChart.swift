/// Bar charts and a time series drawn as inline SVG, sized by `viewBox` so they
/// scale to any width; colours come from the page's style sheet.
enum SVGChart {
    /// Bars shown before the rest are summed into one "others" bar.
    static let maxBars = 10

    /// A horizontal bar chart: one labelled bar per entry, its count written beside it.
    static func bars(
        title: String, _ entries: [(label: String, value: Int)], id: ReportToken, into html: inout HTMLWriter
    ) {
        var rows = entries
        if rows.count > maxBars {
            let rest = rows[(maxBars - 1)...]
            rows = Array(rows[..<(maxBars - 1)])
            rows.append(("\(rest.count) others", rest.reduce(0) { $0 + $1.value }))
        }
        let rowHeight = 26.0
        // 360 units across a chart about 350 px wide keeps 13-unit text at 13 px.
        let labelWidth = 138.0
        let height = Double(max(rows.count, 1)) * rowHeight + 4
        let largest = Double(max(rows.map(\.value).max() ?? 1, 1))
        // Room for the largest count written out (about 8 units a character at 13 units).
        let valueWidth = Double(HTMLWriter.formatCount(Int(largest)).count) * 8 + 8
        let barSpace = 360 - labelWidth - 6 - valueWidth
        html.markup(#"<figure class="chart"><figcaption id=""#)
        html.markup(id: id)
        html.markup(#"">"#)
        html.text(title)
        html.markup(#"</figcaption><svg class="bars" viewBox="0 0 360 "#)
        html.coordinate(height)
        html.markup(#"" role="img" aria-labelledby=""#)
        html.markup(id: id)
        html.markup(#"">"#)
        if rows.isEmpty {
            html.markup(#"<text class="chart-empty" x="0" y="18">none</text>"#)
        }
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let width = max(2, barSpace * Double(row.value) / largest)
            html.markup("<g><title>")
            html.text(row.label)
            html.markup(": ")
            html.count(row.value)
            html.markup(#"</title><text class="bar-label" x="0" y=""#)
            html.coordinate(y + 17)
            html.markup(#"">"#)
            html.text(truncated(row.label, to: 16))
            html.markup(#"</text><rect class="bar" x=""#)
            html.coordinate(labelWidth)
            html.markup(#"" y=""#)
            html.coordinate(y + 4)
            html.markup(#"" width=""#)
            html.coordinate(width)
            html.markup(#"" height="18" rx="2"/><text class="bar-value" x=""#)
            html.coordinate(labelWidth + width + 6)
            html.markup(#"" y=""#)
            html.coordinate(y + 17)
            html.markup(#"">"#)
            html.count(row.value)
            html.markup("</text></g>")
        }
        html.markup("</svg></figure>")
    }

    /// Articles and flagged articles per day (per month when the days span more than
    /// 400, so a bar stays wider than a pixel), as bars over time.
    static func timeSeries(_ byDay: [ReportDay: (articles: Int, flagged: Int)], into html: inout HTMLWriter) {
        guard let first = byDay.keys.min(), let last = byDay.keys.max() else { return }
        let monthly = last.daysSinceEpoch - first.daysSinceEpoch >= 400
        var bins: [(label: String, articles: Int, flagged: Int)] = []
        var binOf: [Int: Int] = [:]
        if monthly {
            var day = first.firstOfMonth
            while day <= last {
                binOf[day.daysSinceEpoch] = bins.count
                bins.append((day.month, 0, 0))
                day = day.firstOfNextMonth
            }
        } else {
            for offset in first.daysSinceEpoch...last.daysSinceEpoch {
                binOf[offset] = bins.count
                bins.append((ReportDay(daysSinceEpoch: offset).iso8601, 0, 0))
            }
        }
        for (day, counts) in byDay {
            let key = monthly ? day.firstOfMonth.daysSinceEpoch : day.daysSinceEpoch
            guard let bin = binOf[key] else { continue }
            bins[bin].articles += counts.articles
            bins[bin].flagged += counts.flagged
        }
        let left = 44.0
        let right = 792.0
        let top = 12.0
        let bottom = 132.0
        let step = (right - left) / Double(bins.count)
        let largest = Double(max(bins.map(\.articles).max() ?? 1, 1))
        html.markup(#"<figure class="chart wide"><figcaption id="chart-days">Articles and flagged articles per "#)
        html.markup(monthly ? "month" : "day")
        html.markup(
            #" <span class="key"><span class="swatch all"></span>articles <span class="swatch flagged"></span>flagged</span></figcaption>"#
        )
        html.markup(#"<svg class="series" viewBox="0 0 800 160" role="img" aria-labelledby="chart-days">"#)
        html.markup(#"<line class="axis" x1="44" y1="132.5" x2="792" y2="132.5"/>"#)
        html.markup(#"<text class="axis-label" x="38" y="16" text-anchor="end">"#)
        html.count(Int(largest))
        html.markup(#"</text><text class="axis-label" x="38" y="132" text-anchor="end">0</text>"#)
        for (index, bin) in bins.enumerated() {
            let x = left + Double(index) * step
            let width = max(step * 0.8, 0.6)
            html.markup("<g><title>")
            html.text(bin.label)
            html.markup(": ")
            html.count(bin.articles)
            html.markup(" articles, ")
            html.count(bin.flagged)
            html.markup(" flagged</title>")
            for (value, cssClass) in [(bin.articles, "all"), (bin.flagged, "flagged")] where value > 0 {
                let height = (bottom - top) * Double(value) / largest
                html.markup(#"<rect class="series-"#)
                html.markup(cssClass == "all" ? "all" : "flagged")
                html.markup(#"" x=""#)
                html.coordinate(x)
                html.markup(#"" y=""#)
                html.coordinate(bottom - height)
                html.markup(#"" width=""#)
                html.coordinate(width)
                html.markup(#"" height=""#)
                html.coordinate(height)
                html.markup(#""/>"#)
            }
            html.markup("</g>")
        }
        let labelled = bins.count == 1 ? [0] : [0, bins.count - 1]
        for index in labelled {
            html.markup(#"<text class="axis-label" x=""#)
            html.coordinate(left + Double(index) * step + (index == 0 ? 0 : step))
            html.markup(
                index == 0 || bins.count == 1 ? #"" y="150" text-anchor="start">"# : #"" y="150" text-anchor="end">"#)
            html.text(bins[index].label)
            html.markup("</text>")
        }
        html.markup("</svg></figure>")
    }

    /// `string` cut to `limit` scalars with an ellipsis; the full text is in the bar's `<title>`.
    static func truncated(_ string: String, to limit: Int) -> String {
        let scalars = string.unicodeScalars
        guard scalars.count > limit else { return string }
        var result = String.UnicodeScalarView(scalars.prefix(limit - 1))
        result.append("…")
        return String(result)
    }
}
