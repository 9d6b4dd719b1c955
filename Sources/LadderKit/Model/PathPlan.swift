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
    /// Readiness when nothing is tracked.
    var untrackedReadiness: Readiness

    /// The plan for a role and level, or nil when no profile names the role.
    public init?(library: ProfileLibrary, role roleID: String, level: String) {
        guard let profiles = Profiles(naming: roleID, in: library) else { return nil }
        self.init(profiles, level: level, library: library)
    }

    /// The plan for a level of a role whose profiles were looked up before (the team
    /// view looks them up once per role, then makes a plan per level).
    public init(_ profiles: Profiles, level: String, library: ProfileLibrary) {
        var nextLevels: [String: Int] = [:]
        let byName = profiles.sources.map { source in
            let skill = PathSkill.make(summary: source.summary, role: source.role, level: level, tracked: nil, library: library)
            if let next = skill.level { nextLevels[next, default: 0] += 1 }
            return skill
        }
        // Required first, each part by name as the profiles are.
        let order = byName.indices.filter { byName[$0].required } + byName.indices.filter { !byName[$0].required }
        role = profiles.role
        self.level = level
        nextLevel = nextLevels.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        skills = order.map { byName[$0] }
        sources = order.map { profiles.sources[$0] }
        places = Dictionary(skills.enumerated().map { ($1.skill, $0) }, uniquingKeysWith: { a, _ in a })
        untrackedReadiness = Readiness(skills)
    }

    /// The profiles that name a role, each with its role, by name; the role's id and
    /// name as the first of them names it.
    public struct Profiles: Sendable {
        var role: RoleSummary
        var sources: [(summary: ProfileSummary, role: RoleSummary)]

        /// Nil when no profile names the role. The library keeps its summaries by name
        /// (lower-cased, then id), so the profiles come in that order without a sort.
        public init?(naming roleID: String, in library: ProfileLibrary) {
            sources = library.summaries.compactMap { summary in
                summary.roles.first { $0.id == roleID }.map { (summary, $0) }
            }
            guard let first = sources.first else { return nil }
            role = RoleSummary(id: first.role.id, name: first.role.name)
        }
    }

    /// The skills the person tracks on this plan, by their place in `skills`.
    /// `counts`: a tracked skill's counts worked out before (`PathFigure`), so its
    /// profile is not read again.
    func tracked(by record: PersonRecord, library: ProfileLibrary, counts: [String: PathCounts]) -> [Int: PathSkill] {
        var tracked: [Int: PathSkill] = [:]
        for id in record.skillOrder {
            guard let place = places[id], let own = record.skills[id] else { continue }
            let (summary, role) = sources[place]
            tracked[place] = PathSkill.make(summary: summary, role: role, level: level, tracked: own,
                                            library: library, counts: counts[id])
        }
        return tracked
    }

    /// Every skill of the plan in path order: Required first, tracked first within
    /// each, then by name (as `PathOrder.path`).
    func skills(with tracked: [Int: PathSkill]) -> [PathSkill] {
        let places = tracked.keys.sorted()
        let optional = skills.firstIndex { !$0.required } ?? skills.count
        var path: [PathSkill] = []
        path.reserveCapacity(skills.count)
        // Required tracked, Required untracked, optional tracked, optional untracked.
        for group in [0..<optional, optional..<skills.count] {
            for place in places where group.contains(place) { path.append(tracked[place] ?? skills[place]) }
            for place in group where tracked[place] == nil { path.append(skills[place]) }
        }
        return path
    }

    /// Readiness with these tracked skills: the untracked plan's, with each tracked
    /// skill counted instead of its untracked self (what `Readiness(skills(with:))` gives).
    func readiness(with tracked: [Int: PathSkill]) -> Readiness {
        var readiness = untrackedReadiness
        for (place, skill) in tracked {
            readiness.count(skills[place], -1)
            readiness.count(skill, 1)
        }
        return readiness
    }
}

/// A tracked skill's ticks toward its path level, as `PathSkill` counts them.
public struct PathCounts: Equatable, Sendable {
    public var done: Int
    public var total: Int
    public var excluded: Int

    public init(done: Int, total: Int, excluded: Int) {
        self.done = done
        self.total = total
        self.excluded = excluded
    }
}
