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
        roles = profile.roles.map { role in
            RoleSummary(id: role.id, name: role.name,
                        cells: role.levels.map { CellSummary(required: $0.required, expectations: $0.expectations.count) })
        }
        expectations = profile.roles.reduce(0) { total, role in total + role.levels.reduce(0) { $0 + $1.expectations.count } }
    }
}

/// A role as lists show it: its id and name, and per level (in the profile's
/// level order) whether it is Required and how many expectations it has, so the
/// learning path is drawn without parsing a profile it does not open.
public struct RoleSummary: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var cells: [CellSummary]

    public init(id: String, name: String, cells: [CellSummary] = []) {
        self.id = id
        self.name = name
        self.cells = cells
    }
}

/// One cell of the role × level matrix as the index keeps it.
public struct CellSummary: Codable, Equatable, Sendable {
    public var required: Bool
    public var expectations: Int

    public init(required: Bool, expectations: Int) {
        self.required = required
        self.expectations = expectations
    }

    /// `R3` (Required, three expectations) or `o2`: how the index writes a cell.
    var code: String { (required ? "R" : "o") + String(expectations) }

    init?(code: Substring) {
        guard let first = code.first, first == "R" || first == "o", let count = Int(code.dropFirst()), count >= 0 else { return nil }
        self.init(required: first == "R", expectations: count)
    }
}
