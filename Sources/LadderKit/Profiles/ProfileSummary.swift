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
                        cells: role.levels.map { CellSummary(required: $0.required, expectations: $0.expectations.count,
                                                             ids: $0.expectations.map(\.id)) })
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
    /// The expectations' ids, so progress toward a level is counted without the
    /// profile; nil when an id holds a character the index cannot write (then the
    /// profile is read, as before).
    public var ids: [String]?

    public init(required: Bool, expectations: Int, ids: [String]? = nil) {
        self.required = required
        self.expectations = expectations
        let writable = ids?.allSatisfy { !$0.isEmpty && !$0.contains(where: { $0 == " " || $0 == "," || $0 == ":" || $0.isNewline }) }
        self.ids = writable == true && ids?.count == expectations ? ids : nil
    }

    /// `R3:f85ceb,a746e2,e4d097` (Required, three expectations and their ids), `o2`
    /// (optional, two, ids not kept): how the index writes a cell.
    var code: String { (required ? "R" : "o") + String(expectations) + (ids.map { ":" + $0.joined(separator: ",") } ?? "") }

    init?(code: Substring) {
        let parts = code.split(separator: ":", maxSplits: 1)
        guard let head = parts.first, let first = head.first, first == "R" || first == "o",
              let count = Int(head.dropFirst()), count >= 0 else { return nil }
        let ids = parts.count == 2 ? parts[1].split(separator: ",").map(String.init) : nil
        guard ids == nil || ids?.count == count else { return nil }
        self.init(required: first == "R", expectations: count, ids: ids)
    }

    /// Progress toward this cell's level from the ids alone (nil without them): as
    /// `Progress(RoleLevel, tracked:)` counts it, not-applicable ones left out.
    public func progress(level: String, tracked: TrackedSkill) -> Progress? {
        guard let ids else { return nil }
        let counted = ids.filter { tracked.notApplicable[$0] == nil }
        return Progress(level: level, done: counted.count { tracked.ticks[$0] != nil }, total: counted.count,
                        required: required, excluded: ids.count - counted.count)
    }
}
