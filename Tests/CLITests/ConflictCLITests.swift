import Foundation
import Testing

/// `textpipe train conflict` and `textpipe eval conflict`, run as a user would.
@Suite struct ConflictCLITests {
    /// Ten labelled fictional articles: positives of several subtypes and hard negatives.
    static let gold = [
        (
            #"Workers of the Valmora Renewal Front stormed the party's head office on Saturday. They chanted slogans against the party leadership over the allocation of posts. Party leader Paolo Brandt urged calm."#,
            true, "member_protest"
        ),
        (
            #"The Northland Heritage Party expelled three of its MPs for anti-party activities. The party's disciplinary committee said they had defied party directives. Two other members were issued show-cause notices."#,
            true, "discipline"
        ),
        (
            #"Senator Mara Quill quit the Coastal Harvest Party on Monday in protest against its leadership. Quill accused the party leadership of abandoning its promises. She is the third Coastal Harvest Party lawmaker to leave the party this year."#,
            true, "defection_or_exit"
        ),
        (
            #"More than forty MPs of the Riverland Progress Party submitted letters of no confidence in party leader Tom Vance. The rebels say Vance should step down as leader. Vance said he would fight the leadership challenge."#,
            true, "leadership_challenge"
        ),
        (
            #"Two factions of the Eastern Reform Party clashed at the party's district office. Supporters of the camp led by Ivo Sandor hurled chairs at those loyal to the chairman. The infighting has paralysed the Eastern Reform Party."#,
            true, "factional_feud"
        ),
        (
            #"Workers of the Valmora Renewal Front protested against the chief minister over fuel prices. They marched to the ministry and chanted slogans against the government. Police dispersed the protesters."#,
            false, ""
        ),
        (
            #"Supporters of the Valmora Renewal Front and the Coastal Harvest Party clashed in Riverton. Workers of the two parties hurled stones at each other after a rally. Police arrested six people."#,
            false, ""
        ),
        (
            #"The Meadow Farmers Party re-elected Anna Berg unopposed as its chairwoman on Sunday. Delegates applauded her speech. The party will hold its next congress in two years."#,
            false, ""
        ),
        (
            #"The Harbour Civic Party merged with the Lakeside Unity Party on Friday. Leaders of both parties signed the merger agreement. The new party will keep the Harbour Civic Party name."#,
            false, ""
        ),
        (
            #"The city council approved a new budget for the harbour. The mayor said the plan would create jobs. Work starts in spring."#,
            false, ""
        ),
    ]

    /// Writes the gold articles as JSON Lines to a temporary file.
    static func goldFile() throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textpipe-conflict-\(UUID().uuidString).jsonl")
        let lines = try gold.enumerated().map { index, item in
            var object: [String: Any] = ["id": "fx-\(index)", "text": item.0, "label": item.1]
            if item.1 { object["subtype"] = item.2 }
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func trainingIsDeterministicAndTheStageUsesItsWeights() throws {
        let data = try Self.goldFile()
        let first = data.deletingPathExtension().appendingPathExtension("1.json")
        let second = data.deletingPathExtension().appendingPathExtension("2.json")
        defer { for file in [data, first, second] { try? FileManager.default.removeItem(at: file) } }
        for output in [first, second] {
            let trained = try CLI.run([
                "train", "conflict", "--train", data.path, "--dev", data.path, "--output", output.path, "--folds", "2",
            ])
            #expect(trained.status == 0, "\(trained.stderr)")
            #expect(trained.lines.contains { $0.hasPrefix("2-fold cross-validation on") })
            #expect(trained.lines.contains { $0.hasPrefix("held out:") })
            #expect(trained.lines.contains { $0.hasPrefix("reliability") })
        }
        // Byte for byte the same but for the output path the provenance records.
        let texts = try [first, second].map {
            try String(contentsOf: $0, encoding: .utf8).replacingOccurrences(of: $0.path, with: "OUT")
        }
        #expect(texts[0] == texts[1])
        // Fitted and scored on the same ten articles, the weights must separate them.
        let scored = try CLI.run(["eval", "conflict", "--gold", data.path, "--model", first.path, "--explain", "fx-0"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.lines.contains { $0.hasPrefix("precision 1.000  recall 1.000") }, "\(scored.stdout)")
        #expect(scored.lines.contains { $0.contains("target own_leadership") })
        #expect(scored.lines.contains { $0.contains("features:") })
    }

    @Test func aModelForOtherFeaturesIsRefusedWithAHint() throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textpipe-old-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: model) }
        try
            #"{"weights": {"intra_sum": 1}, "bias": 0, "calibration": {"scale": 1, "offset": 0}, "subtypes": {"weights": {}, "bias": {}}, "provenance": {}}"#
            .write(to: model, atomically: true, encoding: .utf8)
        let data = try Self.goldFile()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try CLI.run(["eval", "conflict", "--gold", data.path, "--model", model.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown feature 'intra_sum'"))
        #expect(result.stderr.contains("retrain it with 'textpipe train conflict'"))
    }

    /// A broken gold file is one compiler-style line naming the line as an editor numbers
    /// it (blank lines count), exit 65, no usage text — for every reader of gold data.
    @Test(arguments: [
        ["eval", "conflict", "--gold"], ["train", "conflict", "--output", "/nonexistent/w.json", "--train"],
        ["eval", "entities", "--news"],
    ])
    func aBrokenGoldLineIsOneLineWithItsNumber(_ command: [String]) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try "{\"id\":\"a\",\"text\":\"The party met.\",\"label\":false}\n\n{\"id\":\"b\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(command + [file.path])
        #expect(result.status == 65, "\(result.stderr)")
        let errors = result.stderr.split(separator: "\n")
        #expect(errors == ["\(file.path):3: error: not a JSON object (each line holds one record)"])
    }

    /// The dev file is read before the folds run: its broken line is reported, and
    /// nothing of the cross-validation is printed first.
    @Test func aBrokenDevFileStopsTrainingBeforeCrossValidation() throws {
        let train = try Self.goldFile()
        let dev = train.deletingPathExtension().appendingPathExtension("dev.jsonl")
        defer { for file in [train, dev] { try? FileManager.default.removeItem(at: file) } }
        try "{\"text\":\"x\"}\n".write(to: dev, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "train", "conflict", "--train", train.path, "--dev", dev.path, "--output", "/nonexistent/w.json",
        ])
        #expect(result.status == 65)
        #expect(
            result.stderr.split(separator: "\n")
                == ["\(dev.path):1: error: expected a string 'text' and a boolean 'label'"])
        #expect(!result.stdout.contains("cross-validation"))
    }
}
