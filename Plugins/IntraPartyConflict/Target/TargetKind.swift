/// Who a contention is aimed at, seen from the party whose members act.
///
/// The deciding question for intra-party conflict: workers of party X
/// rallying against their own leaders are `ownLeadership`; the same workers
/// rallying against the chief minister are `government`.
package enum TargetKind: String, CaseIterable, Sendable, Codable {
    /// The party's leaders: "the party leadership", "high command", "its leader".
    case ownLeadership = "own_leadership"
    /// The party's bodies and premises: "central committee", "NEC", "the party office".
    case ownOrgan = "own_organ"
    /// The party's own members: "fellow MPs", "party colleagues", a person of the same party.
    case ownMember = "own_member"
    /// The party itself, as the thing left or defied: "quit the party", "against the party line".
    case ownParty = "own_party"
    /// The state: ministries, chief minister, police, election commission, courts, "the government".
    case government
    /// A different party, named or as "the opposition", "rival parties".
    case otherParty = "other_party"
    /// A partner in a coalition or alliance.
    case coalitionPartner = "coalition_partner"
    /// Nothing in the sentence names a target.
    case none

    /// Whether the target lies inside the acting party.
    package var isInternal: Bool {
        switch self {
        case .ownLeadership, .ownOrgan, .ownMember, .ownParty: true
        case .government, .otherParty, .coalitionPartner, .none: false
        }
    }
}
