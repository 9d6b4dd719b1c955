import CellGrid
/// The roles across every profile, matched by role id: what a person picks as their
/// role, with how many skills name each and the levels those skills have.
public struct RoleCatalog: Equatable, Sendable {
    /// One role across profiles.
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var name: String
        /// How many profiles name the role.
        public var skills: Int
        /// The levels of those profiles, in their order.
        public var levels: [String]
    }

    public var roles: [Entry]

    /// Every role of the library's summaries, most skills first, then by name.
    public init(_ library: ProfileLibrary) {
        var byID: [String: Entry] = [:]
        for summary in library.summaries {
            for role in summary.roles {
                var entry = byID[role.id] ?? Entry(id: role.id, name: role.name, skills: 0, levels: [])
                entry.skills += 1
                for level in summary.levels where !entry.levels.contains(where: { $0.lowercased() == level.lowercased() }) {
                    entry.levels.append(level)
                }
                byID[role.id] = entry
            }
        }
        roles = byID.values.sorted { a, b in
            a.skills != b.skills ? a.skills > b.skills : (a.name.lowercased(), a.id) < (b.name.lowercased(), b.id)
        }
    }

    /// The role with this id or name (case-insensitive).
    public func role(named query: String) -> Entry? {
        let key = query.lowercased()
        return roles.first { $0.id == key } ?? roles.first { $0.name.lowercased() == key }
    }
}

extension Changes {
    /// Set the person's role and level across skills (the learning path's).
    public static func role(_ role: String, level: String, catalog: RoleCatalog) throws(InputError) -> Change {
        guard let found = catalog.role(named: role) else {
            guard !catalog.roles.isEmpty else { throw InputError("unknown role '\(Safe.text(role))'; no profile names any role yet") }
            let close = Suggestions.closest(to: role, among: catalog.roles.map(\.name), aliases: catalog.roles.map { ($0.id, $0.name) })
            throw InputError(Suggestions.unknown("role", role, choices: catalog.roles.map(\.name), suggested: close))
        }
        guard let name = found.levels.first(where: { $0.lowercased() == level.lowercased() }) else {
            throw InputError(Suggestions.unknown("level", level, context: " for \(found.name)", choices: found.levels))
        }
        return .role(role: found.id, level: name)
    }

    /// Track a skill at the person's role and level unless given others; a skill
    /// that lacks the person's role needs one given for it.
    public static func track(_ profile: Profile, role: String?, level: String?, record: PersonRecord) throws(InputError) -> Change {
        let roles = profile.roles.map(\.name).joined(separator: ", ")
        guard let role = role ?? record.role else {
            throw InputError("no role given and none set for \(record.name); pass --role (one of: \(roles)) or set yours with: ladder role ROLE --level LEVEL")
        }
        guard profile.role(named: role) != nil else {
            guard record.role == role else { throw profile.unknownRole(role) }
            throw InputError("your role '\(Safe.text(role))' is not in \(profile.name); pass --role (one of: \(roles))")
        }
        guard let level = level ?? record.level else {
            throw InputError("no level given and none set for \(record.name); pass --level (one of: \(profile.levels.joined(separator: ", ")))")
        }
        return try track(profile, role: role, level: level)
    }
}
