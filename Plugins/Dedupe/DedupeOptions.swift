import Textpipe

/// The options of the `dedupe` stage.
public struct DedupeOptions: StageOptions {
    /// What happens to a duplicate.
    public enum Mode: String, Sendable, CaseIterable, OptionValue {
        /// Leave it out (counted as dropped, reason `duplicate`).
        case drop
        /// Keep it, with `duplicate_of` pointing at the earlier article.
        case mark
        /// Decide nothing: write each article's `dedupe_fingerprint` (exact key,
        /// band keys, MinHash values, settings) for `textpipe dedupe decide`,
        /// which makes the decisions over a whole corpus split across machines.
        case fingerprint
    }

    /// Which text two articles are compared on.
    public enum Key: String, Sendable, CaseIterable, OptionValue {
        case text
        case titleAndText = "title+text"
    }

    @StageOption(
        "mode",
        help:
            "drop: leave duplicates out (counted as dropped, reason 'duplicate'); mark: keep them and add duplicate_of {id, similarity, kind}; fingerprint: decide nothing, add dedupe_fingerprint for 'textpipe dedupe decide'"
    )
    public var mode = Mode.drop
    @StageOption("key", help: "what two articles are compared on, for exact and near duplicates")
    public var key = Key.text
    /// Estimated Jaccard similarity at or above which an article is a near
    /// duplicate; `nil` turns near-duplicate detection off.
    @StageOption(
        "near_threshold",
        help:
            "estimated Jaccard similarity of word shingles at or above which an article is a near duplicate; 0 or null: exact duplicates only"
    )
    public var nearThreshold: Double? = 0.8
    @StageOption(
        "shingle_size",
        help: "words per shingle; words are \\w+ runs of the lower-cased text, as Python's re finds them")
    public var shingleSize = 5
    @StageOption(
        "permutations", help: "MinHash values per article (even, 16–1024): more is a finer estimate, slower and bigger")
    public var permutations = 128
    @StageOption("seed", help: "seed of every hash function; the same seed gives the same decisions on every machine")
    public var seed: UInt64 = 1
    /// The SQLite state file, or `nil` to keep everything in memory.
    @StageOption(
        "state",
        help: "SQLite file that keeps the articles seen, so later runs drop what earlier runs saw; one run at a time")
    public var state: String? = nil

    public init() {}

    /// Throws ``StageError`` for values that make no sense.
    func validate() throws {
        if let nearThreshold, !(0...1).contains(nearThreshold) {
            throw StageError(
                "near_threshold must be between 0 and 1, got \(nearThreshold)",
                hint: "0 or null turns near duplicates off")
        }
        guard (1...64).contains(shingleSize) else {
            throw StageError("shingle_size must be between 1 and 64, got \(shingleSize)")
        }
        guard (16...1024).contains(permutations), permutations.isMultiple(of: 2) else {
            throw StageError("permutations must be an even number from 16 to 1024, got \(permutations)")
        }
        if state != nil, mode == .fingerprint {
            throw StageError(
                "mode: fingerprint decides nothing, so it keeps no state file",
                hint: "leave state out; 'textpipe dedupe decide' makes the decisions")
        }
        if let state, state.isEmpty {
            throw StageError("state must be a file path", hint: "leave it out to keep the state in memory")
        }
    }

    /// Everything a decision depends on, as one line that fingerprints and
    /// decisions carry, so that steps run with other settings are refused:
    /// `key=text shingle_size=5 permutations=128 seed=1 near_threshold=0.8 bands=7x2`.
    package var settingsLine: String {
        let banding = effectiveNearThreshold.map { LSHBanding(threshold: $0, permutations: permutations) }
        return "key=\(key.rawValue) shingle_size=\(shingleSize) permutations=\(permutations) seed=\(seed) "
            + "near_threshold=\(effectiveNearThreshold.map { "\($0)" } ?? "off") "
            + "bands=\(banding.map { "\($0.bands)x\($0.rows)" } ?? "off")"
    }

    /// The options a ``settingsLine`` was made from; `nil` when the line is not one.
    init?(settingsLine line: String) {
        var values: [Substring: Substring] = [:]
        for part in line.split(separator: " ") {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            values[part[..<equals]] = part[part.index(after: equals)...]
        }
        guard let key = values["key"].flatMap({ Key(rawValue: String($0)) }),
            let shingleSize = values["shingle_size"].flatMap({ Int($0) }),
            let permutations = values["permutations"].flatMap({ Int($0) }),
            let seed = values["seed"].flatMap({ UInt64($0) }), let threshold = values["near_threshold"]
        else { return nil }
        self.init()
        self.key = key
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.seed = seed
        if threshold == "off" {
            nearThreshold = nil
        } else {
            guard let value = Double(threshold) else { return nil }
            nearThreshold = value
        }
        guard (try? validate()) != nil, settingsLine == line else { return nil }
    }

    /// The near-duplicate threshold in force: `nil` when off.
    var effectiveNearThreshold: Double? {
        guard let nearThreshold, nearThreshold > 0 else { return nil }
        return nearThreshold
    }
}
