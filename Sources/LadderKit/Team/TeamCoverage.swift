/// Coverage: for one role and level, each Required expectation of the role's skills
/// with who on the team has it ticked and how many of those ticks a reviewer
/// confirmed, so a lead sees what nobody on the team can do yet and where one
/// person is the only one.
///
/// Built from the people summaries (each person's ticks and confirmations, kept in
/// `TeamFacts`) and the profiles whose role cell at that level is Required; only
/// those profiles are read in full.
public struct TeamCoverage: Equatable, Sendable {
    public var role: RoleSummary
    public var level: String
    /// How many people are counted (the team shown).
    public var people: Int
    /// Skills where the level is Required for the role, by name, each with its expectations in order.
    public var skills: [Skill]

    /// One skill's Required expectations at the level.
    public struct Skill: Equatable, Sendable {
        public var skill: String
        public var name: String
        public var expectations: [Item]
    }

    /// One expectation and who has it ticked.
    public struct Item: Equatable, Sendable {
        public var id: String
        public var text: String
        /// Everyone with it ticked, by name.
        public var holders: [Holder]

        public var ticked: Int { holders.count }
        /// Ticks a reviewer confirmed (or accepted after a question).
        public var confirmed: Int { holders.filter(\.confirmed).count }
        /// Nobody on the team has it ticked.
        public var nobody: Bool { holders.isEmpty }
        /// Exactly one person has it ticked.
        public var onlyOne: Bool { holders.count == 1 }
    }

    /// A person who ticked an expectation, and whether a reviewer confirmed it.
    public struct Holder: Equatable, Sendable {
        public var id: PersonID
        public var name: String
        public var confirmed: Bool
    }

    /// Every expectation, skill by skill.
    public var items: [Item] { skills.flatMap(\.expectations) }
    /// Expectations nobody has ticked, and those only one person has.
    public var nobodyCount: Int { items.filter(\.nobody).count }
    public var onlyOneCount: Int { items.filter(\.onlyOne).count }

    /// The coverage of `people` (summaries of the team shown) for a role id and a
    /// level; nil when no profile names the role.
    public static func make(_ people: [PersonSummary], library: ProfileLibrary, role roleID: String, level: String) -> TeamCoverage? {
        let key = level.lowercased()
        // Who ticked what, by skill and expectation id.
        var ticks: [String: [String: [Holder]]] = [:]
        for person in people.sorted(by: { ($0.name.lowercased(), $0.id.rawValue) < ($1.name.lowercased(), $1.id.rawValue) }) {
            for tick in person.team?.evidence ?? [] {
                ticks[tick.skill, default: [:]][tick.item, default: []]
                    .append(Holder(id: person.id, name: person.name, confirmed: tick.confirmed == true))
            }
        }
        var role: RoleSummary?
        var levelName = level
        var skills: [Skill] = []
        for summary in library.summaries {
            guard let found = summary.roles.first(where: { $0.id == roleID }) else { continue }
            if role == nil { role = RoleSummary(id: found.id, name: found.name) }
            guard let index = summary.levels.firstIndex(where: { $0.lowercased() == key }), index < found.cells.count,
                  found.cells[index].required,
                  let cell = library.profile(summary.id)?.role(named: roleID)?.level(summary.levels[index]) else { continue }
            levelName = summary.levels[index]
            let held = ticks[summary.id] ?? [:]
            skills.append(Skill(skill: summary.id, name: summary.name, expectations: cell.expectations.map {
                Item(id: $0.id, text: $0.text, holders: held[$0.id] ?? [])
            }))
        }
        guard let role else { return nil }
        skills.sort { ($0.name.lowercased(), $0.skill) < ($1.name.lowercased(), $1.skill) }
        return TeamCoverage(role: role, level: levelName, people: people.count, skills: skills)
    }

    /// The role and level a lead most likely means: the team's most common role (ties
    /// by name; or `role`, an id, when given) and its people's most common next level;
    /// without roles on the team, the library's first role and the level after its
    /// first. Nil with no roles at all.
    public static func defaultChoice(_ members: [TeamMember], catalog: RoleCatalog, role: String? = nil) -> (role: String, level: String)? {
        let counts = Dictionary(members.compactMap(\.role).map { ($0, 1) }, uniquingKeysWith: +)
        let names = Dictionary(catalog.roles.map { ($0.id, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
        let common = role ?? counts.max { a, b in
            a.value != b.value ? a.value < b.value : (names[a.key] ?? a.key) > (names[b.key] ?? b.key)
        }?.key
        guard let entry = common.flatMap({ id in catalog.roles.first { $0.id == id } }) ?? catalog.roles.first else { return nil }
        let next = members.filter { $0.role == entry.id }.compactMap(\.nextLevel)
        let nextCounts = Dictionary(next.map { ($0, 1) }, uniquingKeysWith: +)
        let order = { (level: String) in entry.levels.firstIndex(of: level) ?? Int.max }
        if let level = nextCounts.max(by: { a, b in a.value != b.value ? a.value < b.value : order(a.key) > order(b.key) })?.key {
            return (entry.id, level)
        }
        return (entry.id, entry.levels.dropFirst().first ?? entry.levels.first ?? "")
    }

    /// The roles to choose among: the team's first (most people first), then the rest of the library's.
    public static func roleChoices(_ members: [TeamMember], catalog: RoleCatalog) -> [String] {
        let counts = Dictionary(members.compactMap(\.role).map { ($0, 1) }, uniquingKeysWith: +)
        let ids = catalog.roles.map(\.id)
        let team = ids.filter { counts[$0] != nil }.sorted { (counts[$0] ?? 0) > (counts[$1] ?? 0) }
        return team + ids.filter { counts[$0] == nil }
    }
}
