/// One article's section of the page: its headline, what the stages found, and its text marked up.
///
/// The section is a `<details>` element, closed, so a page of thousands of
/// articles opens fast and reads as a list; a link to `#a12` opens it.
struct ArticleView {
    let article: ReportArticle
    /// The article's place in the input, from 1; its anchor is `a<ordinal>`.
    let ordinal: Int

    /// The anchor of the article's section.
    static func anchor(_ ordinal: Int) -> ReportToken { ReportToken("a", String(ordinal)) }

    /// Writes the section.
    func write(into html: inout HTMLWriter) {
        let text = ScalarText(article.text)
        let title = ScalarText(article.title ?? "")
        let located = locateEvidence(text: text, title: title)

        html.markup(article.isFlagged ? #"<details class="article flagged" id=""# : #"<details class="article" id=""#)
        html.markup(id: Self.anchor(ordinal))
        html.markup(#""><summary><span class="ordinal">"#)
        html.number(ordinal)
        html.markup(#"</span> <span class="article-title">"#)
        if article.title != nil {
            TextMarkup(located.flatMap { $0.inTitle ? $0.marks : [] }, textCount: title.count).write(title, into: &html)
        } else {
            html.text(article.id)
        }
        html.markup("</span>")
        writeBadges(into: &html)
        html.markup(#"</summary><div class="article-body">"#)
        writeMeta(into: &html)
        if let summary = article.summary, !summary.isEmpty {
            html.markup(#"<section class="article-summary"><h4>Summary</h4><p>"#)
            html.text(summary)
            html.markup("</p></section>")
        }
        if let conflict = article.conflict {
            writeActors(conflict.actors, into: &html)
            writeEvidenceList(conflict.evidence, located: located, into: &html)
        }
        html.markup(#"<section class="article-text-section"><h4>Text</h4><div class="article-text">"#)
        let marks = located.flatMap { $0.inTitle ? [] : $0.marks } + entityMarks()
        TextMarkup(marks, textCount: text.count).write(text, into: &html)
        html.markup("</div></section></div></details>\n")
    }

    private func entityMarks() -> [TextMarkup.Mark] {
        article.entities.map { TextMarkup.Mark(range: $0.start..<max($0.start, $0.end), kind: .entity($0)) }
    }

    // MARK: - Evidence

    /// Where one evidence sentence was found, and its marks (the sentence and its cue).
    struct LocatedEvidence {
        var inTitle: Bool
        var marks: [TextMarkup.Mark]
        var found: Bool { !marks.isEmpty }
    }

    /// The anchor of evidence sentence `index` (from 0).
    func evidenceAnchor(_ index: Int) -> ReportToken {
        ReportToken("a", String(ordinal), "-e", String(index + 1))
    }

    /// Finds each evidence sentence in the headline or the text, searching on
    /// from the previous one (the stage lists them in order), then from the start.
    func locateEvidence(text: ScalarText, title: ScalarText) -> [LocatedEvidence] {
        guard let evidence = article.conflict?.evidence else { return [] }
        var cursor = 0
        return evidence.enumerated().map { index, item in
            let haystack = item.isHeadline ? title : text
            let from = item.isHeadline ? 0 : cursor
            guard let range = haystack.find(item.text, from: from) ?? haystack.find(item.text) else {
                return LocatedEvidence(inTitle: item.isHeadline, marks: [])
            }
            if !item.isHeadline { cursor = range.upperBound }
            var marks = [TextMarkup.Mark(range: range, kind: .evidence(id: evidenceAnchor(index)))]
            if let cue = item.cue,
                let cueRange = haystack.find(cue, from: range.lowerBound, within: range, ignoringCase: true)
            {
                marks.append(TextMarkup.Mark(range: cueRange, kind: .cue))
            }
            return LocatedEvidence(inTitle: item.isHeadline, marks: marks)
        }
    }

    private func writeEvidenceList(
        _ evidence: [ReportEvidence], located: [LocatedEvidence], into html: inout HTMLWriter
    ) {
        guard !evidence.isEmpty else { return }
        html.markup(#"<section class="evidence-section"><h4>Evidence ("#)
        html.number(evidence.count)
        html.markup(#")</h4><ol class="evidence-list">"#)
        for (index, item) in evidence.enumerated() {
            html.markup(#"<li class="evidence-item">"#)
            let place = item.isHeadline ? "headline" : item.sentence.map { "sentence \($0 + 1)" } ?? "sentence"
            if located[index].found {
                html.markup(##"<a class="evidence-place" href="#"##)
                html.markup(id: evidenceAnchor(index))
                html.markup(#"">"#)
                html.text(place)
                html.markup("</a> ")
            } else {
                html.markup(#"<span class="evidence-place">"#)
                html.text(place)
                html.markup(#" (not found in the text)</span> "#)
            }
            let sentence = ScalarText(item.text)
            var marks: [TextMarkup.Mark] = []
            if let cue = item.cue, let range = sentence.find(cue, ignoringCase: true) {
                marks.append(TextMarkup.Mark(range: range, kind: .cue))
            }
            html.markup(#"<q class="evidence-quote">"#)
            TextMarkup(marks, textCount: sentence.count).write(sentence, into: &html)
            html.markup("</q>")
            if let cue = item.cue, marks.isEmpty {
                html.markup(#" <span class="evidence-cue">cue: <b class="cue">"#)
                html.text(cue)
                html.markup("</b></span>")
            }
            html.markup("</li>")
        }
        html.markup("</ol></section>")
    }

    // MARK: - Parts

    private func writeBadges(into html: inout HTMLWriter) {
        guard let conflict = article.conflict else { return }
        if conflict.label {
            html.markup(#" <span class="badge flag">flagged</span>"#)
            if let party = conflict.party {
                html.markup(#" <span class="badge party">"#)
                html.text(party)
                html.markup("</span>")
            }
            if let subtype = conflict.subtype {
                html.markup(#" <span class="badge subtype">"#)
                html.text(Self.displayName(subtype))
                html.markup("</span>")
            }
        }
        if let score = conflict.score {
            html.markup(#" <span class="badge score">score "#)
            html.score(score)
            html.markup("</span>")
        }
    }

    private func writeMeta(into html: inout HTMLWriter) {
        html.markup(#"<dl class="meta"><dt>id</dt><dd>"#)
        html.text(article.id)
        html.markup("</dd><dt>read from</dt><dd>")
        html.text(article.source.map { "\($0) (\(article.location))" } ?? article.location)
        html.markup("</dd>")
        if let day = article.day {
            html.markup("<dt>date</dt><dd>")
            html.text(day.iso8601)
            html.markup("</dd>")
        }
        if let conflict = article.conflict {
            if let party = conflict.party {
                html.markup("<dt>party</dt><dd>")
                html.text(party)
                html.markup("</dd>")
            }
            if !conflict.subtypes.isEmpty {
                html.markup("<dt>subtypes</dt><dd>")
                html.text(conflict.subtypes.map(Self.displayName).joined(separator: ", "))
                html.markup("</dd>")
            }
        }
        html.markup("<dt>entities</dt><dd>")
        html.number(article.entities.count)
        html.markup("</dd></dl>")
    }

    private func writeActors(_ actors: [ReportActor], into html: inout HTMLWriter) {
        guard !actors.isEmpty else { return }
        html.markup(#"<section class="actors-section"><h4>Actors</h4><ul class="actors">"#)
        for actor in actors {
            html.markup(#"<li class="actor"><span class="actor-name">"#)
            html.text(actor.name)
            html.markup("</span>")
            if let role = actor.role {
                html.markup(#" <span class="actor-role">"#)
                html.text(Self.displayName(role))
                html.markup("</span>")
            }
            if let party = actor.party {
                html.markup(#" <span class="actor-party">"#)
                html.text(party)
                html.markup("</span>")
            }
            html.markup("</li>")
        }
        html.markup("</ul></section>")
    }

    /// `member_protest` as `member protest`.
    static func displayName(_ name: String) -> String {
        String(name.map { $0 == "_" ? " " : $0 })
    }
}
