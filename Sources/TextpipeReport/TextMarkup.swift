/// Writes a text with its marks — evidence sentences, cues, entity spans — as nested HTML.
///
/// Marks of one kind never overlap (a later one that overlaps an earlier one
/// is left out); marks of different kinds nest as evidence ⊃ cue ⊃ entity.
/// Where two kinds cross rather than nest, the inner one is closed and opened
/// again, so the HTML is always well formed:
///
/// ```
/// text      Rifts inside the Valmora Democratic Front burst …
/// evidence  [-----------------------------------------------
/// entity                     [------------------------]
/// HTML      <span class="evidence">Rifts inside the <mark class="entity org">Valmora…</mark> burst…
/// ```
struct TextMarkup {
    /// One mark, as scalar offsets into the text.
    struct Mark {
        var range: Range<Int>
        var kind: Kind
    }

    enum Kind {
        /// An evidence sentence; `id` is the anchor the article's evidence list links to.
        case evidence(id: ReportToken)
        case cue
        case entity(ReportEntity)

        /// Outer layers first.
        var layer: Int {
            switch self {
            case .evidence: 0
            case .cue: 1
            case .entity: 2
            }
        }
    }

    /// The marks that fit the text, per layer, sorted and without overlaps.
    private(set) var layers: [[Mark]] = [[], [], []]

    /// Marks `marks` on a text of `count` scalars; marks out of bounds, empty or overlapping are left out.
    init(_ marks: [Mark], textCount count: Int) {
        for mark in marks.sorted(by: {
            ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound)
        }) {
            guard mark.range.lowerBound >= 0, mark.range.upperBound <= count, !mark.range.isEmpty else { continue }
            let layer = mark.kind.layer
            if let last = layers[layer].last, last.range.upperBound > mark.range.lowerBound { continue }
            layers[layer].append(mark)
        }
    }

    /// The entity marks kept, for tests and counts.
    var entityCount: Int { layers[2].count }

    /// Writes `text` with the marks.
    func write(_ text: ScalarText, into html: inout HTMLWriter) {
        var boundaries = Set([0, text.count])
        for layer in layers {
            for mark in layer {
                boundaries.insert(mark.range.lowerBound)
                boundaries.insert(mark.range.upperBound)
            }
        }
        let cuts = boundaries.sorted()
        var next = [0, 0, 0]
        // The marks open now, outermost first, as (layer, index in layer).
        var stack: [(layer: Int, index: Int)] = []
        for (segmentStart, segmentEnd) in zip(cuts, cuts.dropFirst()) {
            var wanted: [(layer: Int, index: Int)] = []
            for layer in 0..<3 {
                while next[layer] < layers[layer].count, layers[layer][next[layer]].range.upperBound <= segmentStart {
                    next[layer] += 1
                }
                if next[layer] < layers[layer].count, layers[layer][next[layer]].range.lowerBound <= segmentStart {
                    wanted.append((layer, next[layer]))
                }
            }
            var keep = 0
            while keep < stack.count, keep < wanted.count, stack[keep] == wanted[keep] { keep += 1 }
            while stack.count > keep {
                let (layer, index) = stack.removeLast()
                close(layers[layer][index], at: segmentStart, into: &html)
            }
            for (layer, index) in wanted[keep...] {
                open(layers[layer][index], at: segmentStart, into: &html)
                stack.append((layer, index))
            }
            html.text(utf8: text.bytes(segmentStart..<segmentEnd))
        }
        while let (layer, index) = stack.popLast() {
            close(layers[layer][index], at: text.count, into: &html)
        }
    }

    private func open(_ mark: Mark, at offset: Int, into html: inout HTMLWriter) {
        let first = mark.range.lowerBound == offset
        switch mark.kind {
        case .evidence(let id):
            if first {
                html.markup(#"<span class="evidence" id=""#)
                html.markup(id: id)
                html.markup(#"">"#)
            } else {
                html.markup(#"<span class="evidence">"#)
            }
        case .cue:
            html.markup(#"<b class="cue">"#)
        case .entity(let entity):
            html.markup(#"<mark class="entity "#)
            html.markup(id: EntityLabel(entity.label).cssClass)
            if first {
                html.markup(#"" tabindex="0" data-label=""#)
                html.text(entity.label)
                if let canonical = entity.canonical {
                    html.markup(#"" data-canonical=""#)
                    html.text(canonical)
                }
                if let party = entity.party {
                    html.markup(#"" data-party=""#)
                    html.text(party)
                }
                html.markup(#"">"#)
            } else {
                html.markup(#" continued">"#)
            }
        }
    }

    private func close(_ mark: Mark, at offset: Int, into html: inout HTMLWriter) {
        switch mark.kind {
        case .evidence: html.markup("</span>")
        case .cue: html.markup("</b>")
        case .entity(let entity):
            // The label and the card go once, after the entity's last piece, as displaCy puts its label.
            if mark.range.upperBound == offset { Self.writeTagAndCard(entity, into: &html) }
            html.markup("</mark>")
        }
    }

    /// The visible label and the card shown on hover and focus: canonical name, kind, party.
    static func writeTagAndCard(_ entity: ReportEntity, into html: inout HTMLWriter) {
        let label = EntityLabel(entity.label)
        html.markup(#"<span class="tag">"#)
        html.text(entity.label)
        html.markup(#"</span><span class="card" role="tooltip"><span class="card-name">"#)
        html.text(entity.canonical ?? entity.text ?? "")
        html.markup(#"</span> <span class="card-kind">"#)
        html.text(label.name)
        html.markup("</span>")
        if let party = entity.party {
            html.markup(#"<span class="card-party">party: "#)
            html.text(party)
            html.markup("</span>")
        }
        html.markup("</span>")
    }
}

/// An entity label as the page shows it.
struct EntityLabel {
    /// The labels the entities stage writes, with a colour each in the style sheet.
    static let known: [(label: String, name: String)] = [
        ("PER", "person"), ("ORG", "organisation"), ("LOC", "location"), ("MISC", "other name"),
    ]

    let label: String

    init(_ label: String) {
        self.label = label
    }

    /// `per`, `org`, `loc`, `misc`; other labels get `ent-` and the label made safe, so
    /// a label such as `evidence` cannot take on one of the page's own classes.
    var cssClass: ReportToken {
        Self.known.contains { $0.label == label }
            ? ReportToken(sanitizing: label) : ReportToken(sanitizing: "ent-" + label)
    }

    /// `person`, `organisation`, …; the label itself when it is not one the stage writes.
    var name: String {
        Self.known.first { $0.label == label }?.name ?? label
    }
}
