/// A skill profile: what each role is expected to do at each level of one skill.
///
/// Read from a YAML file (see `ProfileFile`); `levels` is ordered from the first
/// (lowest) level to the last, and every role has one `RoleLevel` per level, in
/// the same order.
public struct Profile: Codable, Equatable, Sendable {
    /// Format version of the file this profile came from.
    public var schema: Int
    /// Stable short id, e.g. `serverless-functions`; the file name without `.yaml`.
    public var id: String
    public var name: String
    public var keywords: [String]
    public var domain: String
    public var group: String
    /// Last-updated date of the source page, ISO `YYYY-MM-DD`.
    public var updated: String
    /// Level names, lowest first.
    public var levels: [String]
    public var roles: [Role]
    /// Where to learn the skill as a whole (optional in the file).
    public var resources: [Resource]?

    public static let currentSchema = 1

    public init(schema: Int = Profile.currentSchema, id: String, name: String, keywords: [String],
                domain: String, group: String, updated: String, levels: [String], roles: [Role],
                resources: [Resource]? = nil) {
        self.schema = schema
        self.id = id
        self.name = name
        self.keywords = keywords
        self.domain = domain
        self.group = group
        self.updated = updated
        self.levels = levels
        self.roles = roles
        self.resources = resources
    }

    /// The role with this id or name (case-insensitive), if any.
    public func role(named query: String) -> Role? {
        // A journal names a role by its id: found without lowercasing (a history asks once per change).
        if let role = roles.first(where: { $0.id == query }) { return role }
        let key = query.lowercased()
        return roles.first { $0.id == key || $0.name.lowercased() == key }
    }

    /// The index of the level with this name (case-insensitive), if any.
    public func levelIndex(named query: String) -> Int? {
        if let exact = levels.firstIndex(of: query) { return exact } // as the journal spells it
        let key = query.lowercased()
        return levels.firstIndex { $0.lowercased() == key }
    }

    /// Every expectation of the profile with where it stands.
    public func allExpectations() -> [(role: Role, level: RoleLevel, expectation: Expectation)] {
        roles.flatMap { role in
            role.levels.flatMap { level in level.expectations.map { (role, level, $0) } }
        }
    }

    /// Where an expectation id stands: in `role` when that role has it (an id can be in
    /// several roles), else the first place; nil when no role has it.
    public func place(of id: String, preferring role: String? = nil) -> (role: Role, level: RoleLevel, expectation: Expectation)? {
        var first: (role: Role, level: RoleLevel, expectation: Expectation)?
        for found in roles where first == nil || found.id == role {
            for level in found.levels {
                guard let expectation = level.expectations.first(where: { $0.id == id }) else { continue }
                if found.id == role { return (found, level, expectation) }
                if first == nil { first = (found, level, expectation) }
            }
        }
        return first
    }
}

/// A role a skill appears in, e.g. *Cloud Engineer*, with its expectations per level.
public struct Role: Codable, Equatable, Sendable {
    /// Stable short id, e.g. `cloud-engineer`.
    public var id: String
    public var name: String
    /// One entry per profile level, in the profile's level order.
    public var levels: [RoleLevel]

    public init(id: String, name: String, levels: [RoleLevel]) {
        self.id = id
        self.name = name
        self.levels = levels
    }

    /// This role's cell for the level with this name.
    public func level(_ name: String) -> RoleLevel? {
        levels.first { $0.level == name }
    }
}

/// One cell of the role × level matrix: whether the level is Required for the role,
/// and the expectations (one sentence each) a person meets at that level.
public struct RoleLevel: Codable, Equatable, Sendable {
    public var level: String
    public var required: Bool
    public var expectations: [Expectation]

    public init(level: String, required: Bool, expectations: [Expectation]) {
        self.level = level
        self.required = required
        self.expectations = expectations
    }

    /// The cell's description as the page shows it: the expectations joined by spaces.
    public var description: String { expectations.map(\.text).joined(separator: " ") }
}

/// One thing a person can tick: a sentence of a cell's description.
public struct Expectation: Codable, Equatable, Sendable {
    /// Short id, unique within the profile, that never changes once written, so a
    /// tick follows its expectation through rewording and reordering.
    public var id: String
    public var text: String
    /// Where to learn it (optional in the file).
    public var resources: [Resource]?

    public init(id: String, text: String, resources: [Resource]? = nil) {
        self.id = id
        self.text = text
        self.resources = resources
    }
}

/// A place to learn from: a title and an `http` or `https` URL, checked when the
/// profile is read (`ResourceRules`); shown as text, and as a link only through
/// `Hyperlink.checked` (never passed to the terminal raw).
public struct Resource: Codable, Equatable, Sendable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
