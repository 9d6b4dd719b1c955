/// The orders the team view can be listed in (`o` on the team screen).
public enum TeamOrder: String, CaseIterable, Sendable {
    case attention = "needs a 1:1 first", name, readiness = "least ready first", review = "longest since review"

    /// The next order, for `o`.
    public var next: TeamOrder {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    /// Members in this order; ties by name, then id.
    public func sorted(_ members: [TeamMember]) -> [TeamMember] {
        members.sorted { a, b in
            switch self {
            case .attention:
                if a.attention.count != b.attention.count { return a.attention.count > b.attention.count }
            case .name:
                break
            case .readiness:
                let x = a.readiness?.percent ?? 101, y = b.readiness?.percent ?? 101
                if x != y { return x < y }
            case .review:
                let x = a.daysSinceReview ?? Int.max, y = b.daysSinceReview ?? Int.max
                if x != y { return x > y }
            }
            return (a.name.lowercased(), a.id.rawValue) < (b.name.lowercased(), b.id.rawValue)
        }
    }
}
