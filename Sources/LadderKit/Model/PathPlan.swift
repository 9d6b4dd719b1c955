/// A role's skills measured from one level, before anyone's ticks: which level each
/// skill measures toward, whether it is Required and how many expectations it has,
/// in path order. The same for everyone of that role and level, so the team view
/// works it out once per role and level, and a person's path only reads the skills
/// they track.
public struct PathPlan: Sendable {
    public var role: RoleSummary
    public var level: String
    /// The level most skills measure toward; nil at the top everywhere.
    public var nextLevel: String?
    /// Every skill of the role, untracked, Required first, then by name.
    var skills: [PathSkill]
    /// Each skill's profile summary and role, in the same order.
    var sources: [(summary: ProfileSummary, role: RoleSummary)]
    /// A skill's place in `skills`, by profile id.
    var places: [String: Int]

    /// The plan for a role and level, or nil when no profile names the role.
    public init?(library: ProfileLibrary, role roleID: String, level: String) {
        var pairs: [(summary: ProfileSummary, role: RoleSummary, skill: PathSkill)] = []
        var nextLevels: [String: Int] = [:]
        for summary in library.summaries {
            guard let found = summary.roles.first(where: { $0.id == roleID }) else { continue }
            let skill = PathSkill.make(summary: summary, role: found, level: level, tracked: nil, library: library)
            if let next = skill.level { nextLevels[next, default: 0] += 1 }
            pairs.append((summary, found, skill))
        }
        guard let first = pairs.first else { return nil }
        let order = PathOrder.name.sorted(pairs.map(\.skill))
        let byID = Dictionary(pairs.map { ($0.skill.skill, $0) }, uniquingKeysWith: { a, _ in a })
        role = RoleSummary(id: first.role.id, name: first.role.name)
        self.level = level
        nextLevel = nextLevels.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        skills = order
        sources = order.compactMap { byID[$0.skill].map { ($0.summary, $0.role) } }
        places = Dictionary(order.enumerated().map { ($1.skill, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The person's skills on this plan in path order: Required first, tracked first
    /// within each, then by name (as `PathOrder.path`). `counts`: a tracked skill's
    /// counts worked out before (`PathFigure`), so its profile is not read again.
    func skills(for record: PersonRecord, library: ProfileLibrary,
                counts: [String: PathCounts] = [:]) -> [PathSkill] {
        var skills = self.skills
        for id in record.skillOrder {
            guard let place = places[id] else { continue }
            let (summary, role) = sources[place]
            skills[place] = PathSkill.make(summary: summary, role: role, level: level, tracked: record.skills[id],
                                           library: library, counts: counts[id])
        }
        var groups: [[PathSkill]] = [[], [], [], []]
        for skill in skills { groups[(skill.required ? 0 : 2) + (skill.tracked ? 0 : 1)].append(skill) }
        return groups.flatMap { $0 }
    }
}

/// A tracked skill's ticks toward its path level, as `PathSkill` counts them.
public struct PathCounts: Codable, Equatable, Sendable {
    public var done: Int
    public var total: Int
    public var excluded: Int

    public init(done: Int, total: Int, excluded: Int) {
        self.done = done
        self.total = total
        self.excluded = excluded
    }
}
