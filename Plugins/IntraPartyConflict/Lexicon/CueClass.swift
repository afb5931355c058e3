/// What a cue phrase signals: one of the eight subtypes of intra-party
/// conflict, a marker that a sentence is about one party's own members, or a
/// sign of a look-alike that is not intra-party conflict.
package enum CueClass: String, CaseIterable, Sendable, Codable {
    case leadershipChallenge = "leadership_challenge"
    case factionalFeud = "factional_feud"
    case memberProtest = "member_protest"
    case discipline
    case defectionOrExit = "defection_or_exit"
    case split
    case candidateSelectionDispute = "candidate_selection_dispute"
    case policyDissent = "policy_dissent"
    /// The contention is inside one organization: "within the party", "infighting", "its own".
    case `internal`
    /// Members of a party acting as a group: "workers", "MPs", "cadre".
    case group
    /// Two different sides: "rival parties", "opposition supporters".
    case inter
    /// The target is the state: "against the government".
    case government
    /// Coalition or alliance partners.
    case coalition
    /// Merging, unity, joining forces.
    case merger
    /// Leaving for health, family or a new job.
    case voluntary
    /// Uncontested internal elections.
    case routine
    /// Firms, clubs, sport, bands; "party" in its non-political senses.
    case nonpolitical
    /// The contention is denied or negated: "denied any rift", "no differences".
    case denial
    /// A stock phrase whose words look like a cue but say something else:
    /// "left the party facing its worst crisis" is not an exit. A cue match
    /// inside an idiom match is dropped; the idiom itself carries no weight.
    case idiom

    /// The eight subtypes, in the order the README lists them.
    package static let subtypes: [CueClass] = [
        .leadershipChallenge, .factionalFeud, .memberProtest, .discipline, .defectionOrExit, .split,
        .candidateSelectionDispute, .policyDissent,
    ]

    /// The classes that become features: all but `idiom`, which only removes
    /// the cue matches it covers.
    package static let weighed: [CueClass] = allCases.filter { $0 != .idiom }

    /// Whether this class is one of the subtypes of intra-party conflict.
    package var isSubtype: Bool { index < 8 }

    /// A dense index, for per-class arrays.
    package var index: Int {
        switch self {
        case .leadershipChallenge: 0
        case .factionalFeud: 1
        case .memberProtest: 2
        case .discipline: 3
        case .defectionOrExit: 4
        case .split: 5
        case .candidateSelectionDispute: 6
        case .policyDissent: 7
        case .internal: 8
        case .group: 9
        case .inter: 10
        case .government: 11
        case .coalition: 12
        case .merger: 13
        case .voluntary: 14
        case .routine: 15
        case .nonpolitical: 16
        case .denial: 17
        case .idiom: 18
        }
    }
}
