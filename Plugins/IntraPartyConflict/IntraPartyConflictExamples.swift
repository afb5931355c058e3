import Textpipe

/// The stage's examples: short fictional articles with the `entities` the
/// entities stage gives them (the examples runner runs this stage alone).
///
/// The scores come from the bundled weights; retraining changes them, and
/// this file with them.
enum IntraPartyConflictExamples {
    static let all: [StageExample] = [
        StageExample(
            "workers storm their own party's office: a member protest, with evidence",
            input: #"""
                {"text": "Workers of the Valmora Renewal Front (VRF) stormed the party's head office on Saturday. They chanted slogans against the party leadership over the allocation of posts. VRF leader Paolo Brandt urged members to settle differences inside the party.", "entities": [{"text": "Valmora Renewal Front", "label": "ORG", "start": 15, "end": 36, "canonical": "Valmora Renewal Front"}, {"text": "VRF", "label": "ORG", "start": 38, "end": 41, "canonical": "Valmora Renewal Front"}, {"text": "VRF", "label": "ORG", "start": 168, "end": 171, "canonical": "Valmora Renewal Front"}, {"text": "Paolo Brandt", "label": "PER", "start": 179, "end": 191, "canonical": "Paolo Brandt"}]}
                """#,
            expected: #"""
                {"intra_party_conflict": {"label": true, "score": 0.917, "subtype": "member_protest", "subtypes": ["member_protest"], "party": "Valmora Renewal Front", "actors": [], "evidence": [{"sentence": 1, "text": "They chanted slogans against the party leadership over the allocation of posts.", "cue": "slogans against", "target": "own_leadership", "score": 0.774}]}}
                """#),
        StageExample(
            "supporters of two different parties clash: not intra-party conflict",
            input: #"""
                {"text": "Supporters of the Valmora Renewal Front and the Coastal Harvest Party clashed in Riverton on Sunday. Workers of the two parties hurled stones at each other after a rally.", "entities": [{"text": "Valmora Renewal Front", "label": "ORG", "start": 18, "end": 39, "canonical": "Valmora Renewal Front"}, {"text": "Coastal Harvest Party", "label": "ORG", "start": 48, "end": 69, "canonical": "Coastal Harvest Party"}, {"text": "Riverton", "label": "LOC", "start": 81, "end": 89, "canonical": "Riverton"}]}
                """#,
            expected: #"""
                {"intra_party_conflict": {"label": false, "score": 0.006, "subtype": null, "subtypes": [], "party": null, "actors": [], "evidence": []}}
                """#),
        StageExample(
            "an expulsion for anti-party activities, label and subtype only",
            options: "{ details: false }",
            input: #"""
                {"text": "The Northland Heritage Party expelled three of its MPs for anti-party activities on Friday. Two other members were issued show-cause notices.", "entities": [{"text": "Northland Heritage Party", "label": "ORG", "start": 4, "end": 28, "canonical": "Northland Heritage Party"}]}
                """#,
            expected: #"""
                {"intra_party_conflict": {"label": true, "score": 0.985, "subtype": "discipline", "subtypes": [], "party": "Northland Heritage Party", "actors": [], "evidence": []}}
                """#),
    ]
}
