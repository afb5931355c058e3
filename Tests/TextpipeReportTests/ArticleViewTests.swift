import Foundation
import Testing

@testable import TextpipeReport

@Suite("Article view")
struct ArticleViewTests {
    private typealias Fixture = ReportFixture

    /// The text of each entity mark: what comes after `<mark class="entity …">` up to the label.
    private func markedTexts(_ html: String) -> [String] {
        let pattern = #/<mark class="entity [^"]*"[^>]*>([^<]*)<span class="tag">/#
        return html.matches(of: pattern).map { String($0.output.1) }
    }

    // Scalar offsets computed with Python's str.index: an emoji with a skin-tone
    // modifier (2 scalars, 1 character), CJK, a combining acute (Cafe + U+0301),
    // a flag (2 regional indicators) and a precomposed ë.
    private static let text = "👋🏽 Ana Lima met 王小明 at Cafe\u{301} Nord 🇵🇹 with Zo\u{EB} Ruiz."
    private static let entities = [
        #"{"text":"Ana Lima","label":"PER","start":3,"end":11,"canonical":"Ana Lima","party":"Blue Party"}"#,
        #"{"text":"王小明","label":"PER","start":16,"end":19}"#,
        #"{"text":"Cafe\u0301 Nord","label":"LOC","start":23,"end":33}"#,
        #"{"text":"Zo\u00eb Ruiz","label":"PER","start":42,"end":50}"#,
    ]

    @Test func highlightsSitOnUnicodeScalarOffsets() throws {
        let line =
            #"{"id":"u","text":\#(Fixture.json(Self.text)),"entities":[\#(Self.entities.joined(separator: ","))]}"#
        let html = try Fixture.view(line)
        #expect(markedTexts(html) == ["Ana Lima", "王小明", "Cafe\u{301} Nord", "Zo\u{EB} Ruiz"])
        #expect(html.contains("👋🏽 <mark"))
        #expect(html.contains("</mark> 🇵🇹 with <mark"))
    }

    @Test func entitiesCarryTheirLabelCanonicalNameAndParty() throws {
        let line = #"{"id":"u","text":\#(Fixture.json(Self.text)),"entities":[\#(Self.entities[0])]}"#
        let html = try Fixture.view(line)
        #expect(
            html.contains(
                #"<mark class="entity per" tabindex="0" data-label="PER" data-canonical="Ana Lima" data-party="Blue Party">Ana Lima<span class="tag">PER</span><span class="card" role="tooltip"><span class="card-name">Ana Lima</span> <span class="card-kind">person</span><span class="card-party">party: Blue Party</span></span></mark>"#
            ))
    }

    @Test func entitiesOutOfBoundsEmptyOrOverlappingAreLeftOut() throws {
        let entities = [
            #"{"label":"PER","start":3,"end":11}"#, #"{"label":"ORG","start":5,"end":9}"#,
            #"{"label":"LOC","start":40,"end":999}"#, #"{"label":"LOC","start":12,"end":12}"#,
            #"{"label":"MISC","start":-1,"end":2}"#, #"{"label":"PER","text":"no offsets"}"#,
        ]
        let line = #"{"id":"u","text":\#(Fixture.json(Self.text)),"entities":[\#(entities.joined(separator: ","))]}"#
        let article = try Fixture.article(line)
        #expect(article.entities.count == 5)  // the one without offsets is dropped when read
        #expect(markedTexts(try Fixture.view(line)) == ["Ana Lima"])
    }

    @Test func aRecordWithoutEntitiesShowsItsTextPlain() throws {
        let html = try Fixture.view(#"{"id":"p","title":"Plain","text":"Nothing <b>marked</b> here."}"#)
        #expect(!html.contains(#"class="entity"#))
        #expect(!html.contains(#"class="evidence""#))
        #expect(html.contains(#"<div class="article-text">Nothing &lt;b&gt;marked&lt;/b&gt; here.</div>"#))
        #expect(html.contains(#"<details class="article" id="a1">"#))
    }

    @Test func evidenceSentencesAreMarkedWithTheirCueInBold() throws {
        let text = "The Green League met on Monday.\n\nTwo members quit the Green League in protest. Others stayed."
        let line = Fixture.flagged(
            id: "e", title: "Green League split deepens", text: text, party: "Green League", subtype: "split",
            score: 0.9,
            evidence: [
                (-1, "Green League split deepens", "split deepens"),
                (1, "Two members quit the Green League in protest.", "Quit the"),
                (4, "A sentence that is not in the text.", "absent"),
            ],
            extra: #""entities":[{"text":"Green League","label":"ORG","start":54,"end":66}],"#)
        let html = try Fixture.view(line, ordinal: 7)
        // Headline evidence is marked in the title, text evidence in the text, around the entity.
        #expect(
            html.contains(
                #"<span class="article-title"><span class="evidence" id="a7-e1">Green League <b class="cue">split deepens</b></span></span>"#
            ))
        #expect(
            html.contains(
                #"<span class="evidence" id="a7-e2">Two members <b class="cue">quit the</b> <mark class="entity org""#))
        #expect(html.contains(#"Green League<span class="tag">ORG</span>"#))
        #expect(html.contains(#"</mark> in protest.</span> Others stayed."#))
        // The list links to both found sentences and says which one it could not find.
        #expect(html.contains(##"<a class="evidence-place" href="#a7-e2">sentence 2</a>"##))
        #expect(html.contains("sentence 5 (not found in the text)"))
        #expect(Fixture.count(#"<span class="evidence""#, in: html) == 2)
    }

    @Test func marksThatCrossAreSplitSoTheHTMLStaysWellFormed() throws {
        // The entity starts inside the evidence sentence and runs past its end.
        let text = "Alpha said Beta Gamma. Delta"
        let line = Fixture.flagged(
            id: "x", title: "t", text: text, party: "P", subtype: "split", score: 1,
            evidence: [(0, "Alpha said Beta", "said")],
            extra: #""entities":[{"text":"Beta Gamma","label":"PER","start":11,"end":21}],"#)
        let html = try Fixture.view(line)
        #expect(
            html.contains(
                #"<span class="evidence" id="a1-e1">Alpha <b class="cue">said</b> <mark class="entity per" tabindex="0" data-label="PER">Beta</mark></span><mark class="entity per continued"> Gamma<span class="tag">PER</span>"#
            ))
        for tag in ["mark", "span", "b", "details", "section", "div"] {
            #expect(Fixture.count("<\(tag)", in: html) == Fixture.count("</\(tag)>", in: html), "unbalanced <\(tag)>")
        }
    }

    @Test func actorsAreListedWithRoleAndParty() throws {
        let line =
            #"{"text":"t","intra_party_conflict":{"label":true,"party":"Blue Party","actors":[{"name":"Ana Lima","party":"Blue Party","role":"rebel_leader"},{"name":"No Party"}]}}"#
        let html = try Fixture.view(line)
        #expect(
            html.contains(
                #"<li class="actor"><span class="actor-name">Ana Lima</span> <span class="actor-role">rebel leader</span> <span class="actor-party">Blue Party</span></li><li class="actor"><span class="actor-name">No Party</span></li>"#
            ))
    }

    @Test func unknownFieldsAndOddTypesAreIgnored() throws {
        let line =
            #"{"id":"n","text":"Alpha","future":{"x":[1]},"summary":42,"entities":"not a list","intra_party_conflict":{"label":true,"score":"high","subtype":["x"],"party":"P","evidence":[{"text":"Alpha","cue":"Alpha","sentence":0,"score":0.7,"features":{"a":1}},{"cue":"no text"}],"features":[1,2]}}"#
        let article = try Fixture.article(line)
        #expect(article.summary == nil)
        #expect(article.entities.isEmpty)
        #expect(
            article.conflict
                == ReportConflict(
                    label: true, party: "P", evidence: [ReportEvidence(sentence: 0, text: "Alpha", cue: "Alpha")]))
        #expect(try Fixture.view(line).contains(#"<span class="evidence" id="a1-e1"><b class="cue">Alpha</b></span>"#))
    }
}
