import Foundation
import Testing

@testable import TextpipeReport

@Suite("Report page")
struct ReportPageTests {
    private typealias Fixture = ReportFixture

    private static let hostile = "<script>alert(1)</script>"
    private static let breakout = #""><img src=x onerror=alert(1)>"#

    @Test func everyInputStringIsEscaped() throws {
        let evil = Self.hostile + Self.breakout
        let line =
            #"{"id":\#(Fixture.json(evil)),"title":\#(Fixture.json(evil)),"text":\#(Fixture.json(evil + " Ana")),"source":\#(Fixture.json(evil)),"summary":\#(Fixture.json(evil)),"date":"2005-03-01","entities":[{"text":"Ana","label":\#(Fixture.json(evil)),"start":\#(evil.unicodeScalars.count + 1),"end":\#(evil.unicodeScalars.count + 4),"canonical":\#(Fixture.json(evil)),"party":\#(Fixture.json(evil))}],"intra_party_conflict":{"label":true,"score":0.9,"party":\#(Fixture.json(evil)),"subtype":\#(Fixture.json(evil)),"subtypes":[\#(Fixture.json(evil))],"actors":[{"name":\#(Fixture.json(evil)),"party":\#(Fixture.json(evil)),"role":\#(Fixture.json(evil))}],"evidence":[{"sentence":0,"text":\#(Fixture.json(evil)),"cue":\#(Fixture.json(evil))}]}}"#
        let failed =
            #"{"id":\#(Fixture.json(evil)),"source":\#(Fixture.json(evil)),"stage":\#(Fixture.json(evil)),"error":\#(Fixture.json(evil)),"input":""}"#
        let (html, _) = try Fixture.page([line, failed], options: ReportOptions(title: evil, inputNames: [evil]))
        // Our one script, and no element, attribute or handler from the input.
        #expect(Fixture.count("<script", in: html) == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("alert(1)</script>"))
        #expect(Fixture.count("&lt;script&gt;alert(1)&lt;/script&gt;", in: html) >= 15)
        #expect(Fixture.count("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", in: html) >= 15)
        // Every attribute value the input fills stays one attribute.
        for attribute in ["data-party", "data-subtype", "data-canonical", "data-label", "value"] {
            let values = html.matches(of: try Regex(#"\#(attribute)="([^"]*)""#)).count
            #expect(values > 0, "no \(attribute)")
        }
        #expect(html.contains(#"<mark class="entity ent-_script_alert_1___script_"#))
    }

    @Test func thePageIsSelfContained() throws {
        let (html, _) = try Fixture.page([#"{"text":"Plain article."}"#])
        #expect(html.hasPrefix("<!doctype html>"))
        for reference in ["http:", "https:", "src=", "<link", "@import", "url("] {
            #expect(!html.contains(reference), "the page refers to something outside it: \(reference)")
        }
        #expect(html.contains("default-src &#39;none&#39;"))
    }

    @Test func theContentSecurityPolicyAllowsExactlyTheInlineScript() throws {
        var script: [UInt8] = []
        ReportScript.javascript.withUTF8Buffer { script.append(contentsOf: $0) }
        let hash = Data(SHA256.digest(script)).base64EncodedString()
        let (html, _) = try Fixture.page([#"{"text":"x"}"#])
        #expect(html.contains("script-src &#39;sha256-\(hash)&#39;"))
        #expect(html.contains("<script>\(String(decoding: script, as: UTF8.self))</script>"))
    }

    @Test func aRunWithoutConflictGivesAPlainArticleList() throws {
        let (html, builder) = try Fixture.page([
            #"{"id":"a","title":"First","text":"One."}"#, #"{"id":"b","title":"Second","text":"Two."}"#,
        ])
        #expect(builder.tally.articles == 2)
        #expect(!html.contains(#"id="flagged-table""#))
        #expect(!html.contains(#"id="flagged""#))
        #expect(html.contains("No article carries an <code>intra_party_conflict</code> field"))
        #expect(Fixture.count(#"<details class="article" id="#, in: html) == 2)
        #expect(html.contains(#"<h3>Articles <span class="note">(2)</span></h3>"#))
    }

    @Test func aRecordThatFailedIsListedAndCounted() throws {
        let failed =
            #"{"id":"bad.txt","source":"in/bad.txt","stage":"entities","error":"boom at 3","input":"{}"}"#
        let (html, builder) = try Fixture.page([#"{"text":"Fine."}"#, failed])
        #expect(builder.tally.failed == 1)
        #expect(builder.tally.articles == 1)
        #expect(
            html.contains(
                #"<tr class="failure"><td>in/bad.txt (test.jsonl:2)</td><td>bad.txt</td><td>entities</td><td>boom at 3</td></tr>"#
            ))
        #expect(html.contains("1 record that failed"))
    }

    @Test func tableRowsCarryWhatTheFiltersAndSortingUse() throws {
        let (html, builder) = try Fixture.page([
            Fixture.flagged(id: "1", title: "Row one", text: "x", party: "Alpha Party", subtype: "split", score: 0.5),
            #"{"text":"not flagged","intra_party_conflict":{"label":false,"score":0.1}}"#,
            Fixture.flagged(
                id: "3", title: "Row three", text: "x", party: "Beta Party", subtype: "leadership_challenge",
                score: 0.75,
                extra: #""published_at":"2005-03-07T10:00:00Z","#),
        ])
        #expect(builder.tally.flagged == 2)
        #expect(builder.tally.withConflict == 3)
        #expect(
            html.contains(
                ##"<tr data-party="Beta Party" data-subtype="leadership_challenge"><td class="num" data-value="3">3</td><td><a href="#a3">Row three</a></td><td>Beta Party</td><td>leadership challenge</td><td class="num" data-value="0.750">0.750</td><td class="num col-narrow" data-value="0">0</td><td class="col-date">2005-03-07</td></tr>"##
            ))
        #expect(html.contains(#"<option value="leadership_challenge">leadership challenge</option>"#))
        #expect(html.contains(#"<table id="flagged-table">"#))  // dates present: the column shows
        #expect(html.contains("Articles and flagged articles per day"))
    }

    @Test func maxArticlesCapsTheViewsButNotTheCounts() throws {
        var lines: [String] = []
        for index in 1...6 {
            lines.append(
                index % 2 == 0
                    ? Fixture.flagged(
                        id: "\(index)", title: "Flagged \(index)", text: "x", party: "P", subtype: "split", score: 0.9)
                    : #"{"id":"\#(index)","title":"Other \#(index)","text":"y","intra_party_conflict":{"label":false}}"#
            )
        }
        let (html, builder) = try Fixture.page(lines, options: ReportOptions(maxArticles: 2))
        #expect(builder.tally.articles == 6)
        #expect(builder.tally.flagged == 3)
        #expect(builder.flaggedViewCount == 2)
        #expect(builder.otherViewCount == 0)
        #expect(Fixture.count("<details class=", in: html) == 2)
        #expect(html.contains(#"<details class="article flagged" id="a2">"#))
        #expect(html.contains(#"<details class="article flagged" id="a4">"#))
        #expect(!html.contains(#"id="a6""#))
        #expect(html.contains(#"<span class="unlinked" title="not shown: over --max-articles">Flagged 6</span>"#))
        #expect(html.contains("Showing 2 of 6 articles"))
        // The articles bar counts all 6.
        #expect(html.contains(#"<text class="bar-value" x="344.0" y="17.0">6</text>"#))

        let roomy = try Fixture.page(lines, options: ReportOptions(maxArticles: 4)).builder
        #expect(roomy.flaggedViewCount == 3)
        #expect(roomy.otherViewCount == 1)
    }

    @Test func theTimeSeriesHasOneBarPerDayOrPerMonthOverLongSpans() throws {
        let days = try Fixture.page([
            #"{"text":"a","date":"2005-03-30"}"#, #"{"text":"b","date":"2005-04-02"}"#,
            Fixture.flagged(
                id: "c", title: "c", text: "c", party: "P", subtype: "split", score: 1, extra: #""date":"2005-04-02","#),
        ]).html
        #expect(days.contains("Articles and flagged articles per day"))
        #expect(Fixture.count("<g><title>2005-0", in: days) == 4)  // 30 and 31 March, 1 and 2 April
        #expect(days.contains("<g><title>2005-03-31: 0 articles, 0 flagged</title></g>"))
        #expect(days.contains("<g><title>2005-04-02: 2 articles, 1 flagged</title>"))

        let months = try Fixture.page([#"{"text":"a","date":"2004-01-15"}"#, #"{"text":"b","date":"2005-06-01"}"#]).html
        #expect(months.contains("Articles and flagged articles per month"))
        #expect(Fixture.count("<g><title>2004-", in: months) + Fixture.count("<g><title>2005-", in: months) == 18)
        #expect(months.contains(">2004-01</text>") && months.contains(">2005-06</text>"))

        #expect(!(try Fixture.page([#"{"text":"undated"}"#]).html.contains("per day")))
    }

    @Test func datesAreReadFromTheFirstISODateField() throws {
        #expect(try Fixture.article(#"{"text":"t","date":"2005-02-28"}"#).day?.iso8601 == "2005-02-28")
        #expect(
            try Fixture.article(#"{"text":"t","published":"2004-02-29T23:59:59+05:00"}"#).day?.iso8601 == "2004-02-29")
        #expect(
            try Fixture.article(#"{"text":"t","date":"soon","published_at":"1999-12-31 10:00"}"#).day?.iso8601
                == "1999-12-31")
        for bad in ["2005-02-29", "2005-13-01", "05-01-01", "2005-1-1", "2005-01-01x", ""] {
            #expect(ReportDay(iso8601: bad) == nil, "\(bad)")
        }
        #expect(try Fixture.article(#"{"text":"t","date":1109635200}"#).day == nil)
        let day = try #require(ReportDay(iso8601: "2024-12-31"))
        #expect(day.firstOfNextMonth.iso8601 == "2025-01-01")
        #expect(ReportDay(daysSinceEpoch: 0).iso8601 == "1970-01-01")
    }
}
