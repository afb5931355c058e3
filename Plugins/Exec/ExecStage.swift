import Foundation
import Textpipe

/// Runs each article through a long-lived child process in any language,
/// one JSON object per line each way — the protocol of Hadoop Streaming and
/// Benthos' `command` processor.
///
/// ```
///                 {"id":"a1","text":"…",…}\n        ┌──────────────┐
/// process(doc) ─────────────────────────────────────►│ child 1 of N │
///              ◄─────────────────────────────────────│ (processes)  │
///                 {"sentiment":0.8}\n                 └──────────────┘
///                 {"drop":"reason"}\n   → dropped with that reason
///                 {"error":"message"}\n → failed: on_error applies
/// ```
///
/// The child gets the whole record as the runner would write it and answers
/// with the fields to merge, each listed in `outputs`. It may echo `"id"`;
/// when it does, the stage checks it is the record's, which catches a child
/// that answers out of order. Every record is written to a child as soon as
/// a runner thread reaches it (no batch is gathered first), and the runner's
/// threads wait for a free child, so at most `processes` records are inside
/// children at any time.
///
/// The output is the same for every `--jobs`: the runner keeps input order,
/// and an answer depends only on its record as long as the child keeps no
/// state between records (a child that numbers its answers breaks this).
/// A child that crashes, hangs past `timeout`, prints a line that is not a
/// JSON object or answers one record with two lines fails only the record it
/// held — the error carries the tail of its stderr, and `on_error` decides
/// (dead-letter by default) — and is started again for the next record.
public struct ExecStage: Stage {
    public typealias Options = ExecOptions

    public static let name = "exec"
    public static let summary =
        "Run each article through a child process (any language): JSON Lines in on stdin, fields out on stdout"
    public static let outputs: [String] = []
    public static let discussion = """
        Protocol: each child reads one JSON object per line on stdin — the article as textpipe \
        writes it — and answers one line on stdout for each, in order:
          {"sentiment": 0.8}          fields to merge, each listed in outputs
          {"drop": "reason"}          drop the article with that reason
          {"error": "message"}        fail the article (on_error applies)
        An answer may echo "id"; if it does, it must be the article's. Flush after each line.
        A child that exits, hangs past timeout, prints a line that is not a JSON object or \
        answers one article twice fails only that article (with its stderr tail) and is \
        started again. Children keep no state between articles, so output is the same for \
        every --jobs; the command is started without a shell, from the current directory.
        """
    public static let examples: [StageExample] = [
        StageExample(
            "The child answers with the fields to merge (here sed stands in for a Python script)",
            options: #"{ command: [sed, -u, 's/.*/{"seen":true}/'], outputs: [seen] }"#,
            input: #"{"id":"a1","text":"The council met on Monday."}"#,
            expected: #"{"id":"a1","text":"The council met on Monday.","seen":true}"#),
        StageExample(
            #"An answer {"drop": "reason"} drops the article"#,
            options: #"{ command: [sed, -u, 's/.*/{"drop":"not wanted"}/'] }"#,
            input: #"{"id":"a2","text":"Advertisement"}"#,
            expected: nil),
    ]

    let options: ExecOptions
    let pool: ChildPool

    public init(options: ExecOptions) throws {
        try options.validate()
        self.options = options
        pool = ChildPool(command: options.command, processes: options.processes, timeout: options.timeout)
    }

    public func process(_ document: inout Document) throws -> Disposition {
        var request: [UInt8] = []
        JSONWriter.appendDocument(document, to: &request)
        request.append(UInt8(ascii: "\n"))
        let answer: [(name: String, value: JSONFragment)]
        do throws(ExecFault) {
            answer = try pool.exchange(request, id: document.rawID ?? JSONFragment(string: document.id))
        } catch {
            // One error type for stages (the core's): a fault of the child is this record's problem.
            throw StageError(error.description)
        }
        if let drop = answer.first(where: { $0.name == "drop" }) {
            let reason = Self.string(drop.value) ?? drop.value.description
            return .drop(reason: reason)
        }
        if let error = answer.first(where: { $0.name == "error" }) {
            let message = Self.string(error.value) ?? error.value.description
            throw StageError("exec: the child reported an error: \(message)")
        }
        for member in answer where member.name != "id" {
            guard options.outputs.contains(member.name) else {
                throw StageError(
                    "exec: the child answered field '\(member.name)', which is not in outputs",
                    hint: "add it to the stage's outputs, or leave it out of the answer")
            }
            document.setField(member.name, member.value)
        }
        return .keep
    }

    /// The text of a JSON string, `nil` for another kind of value.
    private static func string(_ fragment: JSONFragment) -> String? {
        try? JSONDecoder().decode(String.self, from: Data(fragment.bytes))
    }

    /// Closes the children's stdin and reaps them once the last article is through.
    public func finish() throws {
        pool.close()
    }
}
