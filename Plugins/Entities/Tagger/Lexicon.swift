import Foundation
import Gazetteer

/// What the tagger knows about words beyond its weights: gazetteer phrases and
/// how often a word is capitalized.
///
/// Both are stored by hash (``FeatureHash``), never as text, so the model holds
/// no copy of the training data's entity lists.
package struct Lexicon: Sendable {
    /// Gazetteer categories; a phrase may be in several (a bit mask).
    package enum Category: Int, CaseIterable, Sendable {
        case trainedPerson, trainedOrganization, trainedLocation, trainedMisc
        case place, nationality, party, organization, firstName, personTitle, organizationWord, placeWord

        /// The category of a section name in a word-list file (`[place]`).
        package init?(section: String) {
            switch section {
            case "place": self = .place
            case "nationality": self = .nationality
            case "party": self = .party
            case "organization": self = .organization
            case "first-name": self = .firstName
            case "person-title": self = .personTitle
            case "organization-word": self = .organizationWord
            case "place-word": self = .placeWord
            default: return nil
            }
        }

        /// The category for entities of training type `type` (index into ``TagSet/types``).
        package static func trained(_ type: Int) -> Category {
            [.trainedPerson, .trainedOrganization, .trainedLocation, .trainedMisc][type]
        }
    }

    /// Phrase hash (``phraseHash(_:)`` of its tokens' folded hashes) → category bits.
    package var phrases: [UInt64: UInt16] = [:]
    /// Folded word hash → capitalization bucket (see ``casingBucket(capitalized:lower:)``).
    package var casing: [UInt64: UInt8] = [:]
    /// Folded word hash → cluster path, as bits under a leading 1 (``clusterPath(_:)``):
    /// "0110" is `0b10110`. Empty for a model trained without clusters.
    package var clusters: [UInt64: UInt32] = [:]
    /// The longest phrase, in tokens.
    package var longestPhrase = 1

    package init() {}

    /// Adds a phrase given as its tokens' folded hashes.
    package mutating func add(phrase tokens: [UInt64], category: Category) {
        guard !tokens.isEmpty, tokens.count <= 8 else { return }
        phrases[Self.phraseHash(tokens), default: 0] |= 1 << UInt16(category.rawValue)
        longestPhrase = max(longestPhrase, tokens.count)
    }

    /// Adds a phrase written as text, tokenized the way articles are.
    package mutating func add(phrase text: String, category: Category) {
        let scalars = Array(text.unicodeScalars)
        let tokens = TokenFacts.tokenize(scalars)
        add(phrase: tokens.map { TokenFacts.foldedHash(scalars, $0) }, category: category)
    }

    /// Adds every `[section]` of a word-list file: one phrase a line, `#` comments.
    package mutating func add(wordList text: String) {
        var category: Category?
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            if entry.hasPrefix("["), entry.hasSuffix("]") {
                category = Category(section: String(entry.dropFirst().dropLast()))
                continue
            }
            if let category { add(phrase: entry, category: category) }
        }
    }

    /// Adds the clusters of a `path<TAB>word<TAB>count` file (the format of Liang's
    /// `wcluster`, which `textpipe train clusters` writes); returns the lines that are not.
    @discardableResult
    package mutating func add(clusters text: String) -> [Int] {
        var bad: [Int] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let path = Self.clusterPath(fields[0]), !fields[1].isEmpty else {
                bad.append(number + 1)
                continue
            }
            let scalars = Array(fields[1].unicodeScalars)
            clusters[TokenFacts.foldedHash(scalars, 0..<scalars.count)] = path
        }
        return bad
    }

    /// A path of `0`s and `1`s as bits under a leading 1; nil when it is not one or is longer than 31.
    package static func clusterPath(_ text: Substring) -> UInt32? {
        guard text.count <= 31 else { return nil }
        var path: UInt32 = 1
        for character in text {
            guard character == "0" || character == "1" else { return nil }
            path = path << 1 | (character == "1" ? 1 : 0)
        }
        return path
    }

    /// The first `length` branches of a path (the whole path when it is shorter); 0 stays 0 (no cluster).
    @inline(__always) static func prefix(_ path: UInt32, _ length: Int) -> UInt32 {
        let depth = 31 - path.leadingZeroBitCount
        return depth > length ? path >> UInt32(depth - length) : path
    }

    @inlinable static func phraseHash<Tokens: Sequence<UInt64>>(_ tokens: Tokens) -> UInt64 {
        var hash: UInt64 = 0x5eed
        for token in tokens { hash = FeatureHash.mix(hash, token) }
        return hash
    }

    /// A bucket for how a word is written away from the start of a sentence:
    /// 0 unseen, else ratio band × 3 + frequency band + 1.
    package static func casingBucket(capitalized: Int, lower: Int) -> UInt8 {
        let total = capitalized + lower
        guard total > 0 else { return 0 }
        let ratio = Double(capitalized) / Double(total)
        let ratioBand = ratio < 0.02 ? 0 : ratio < 0.3 ? 1 : ratio < 0.7 ? 2 : ratio < 0.98 ? 3 : 4
        let frequencyBand = total < 3 ? 0 : total < 30 ? 1 : 2
        return UInt8(ratioBand * 3 + frequencyBand + 1)
    }
}
