/// What lists and searches need of a profile, without its expectations.
public struct ProfileSummary: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var keywords: [String]
    public var domain: String
    public var group: String
    public var updated: String
    public var levels: [String]
    public var roles: [RoleSummary]
    /// Expectations over every role and level.
    public var expectations: Int

    public init(id: String, name: String, keywords: [String], domain: String, group: String, updated: String,
                levels: [String], roles: [RoleSummary], expectations: Int) {
        self.id = id
        self.name = name
        self.keywords = keywords
        self.domain = domain
        self.group = group
        self.updated = updated
        self.levels = levels
        self.roles = roles
        self.expectations = expectations
    }

    public init(_ profile: Profile) {
        id = profile.id
        name = profile.name
        keywords = profile.keywords
        domain = profile.domain
        group = profile.group
        updated = profile.updated
        levels = profile.levels
        roles = profile.roles.map { RoleSummary(id: $0.id, name: $0.name) }
        expectations = profile.roles.reduce(0) { total, role in total + role.levels.reduce(0) { $0 + $1.expectations.count } }
    }
}

/// A role as lists show it: its id and name.
public struct RoleSummary: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
}
