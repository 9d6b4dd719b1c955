/// The learning path: for a person's role and level, every skill whose profile names
/// the role, with progress toward the next level, how ready they are across the
/// Required ones, and what to learn next.
///
/// Built from the library's summaries (which keep, per role and level, whether it is
/// Required and how many expectations it has), so a skill the person does not track
/// is counted without parsing its profile; only tracked skills, and the few that
/// "next up" quotes, are read in full.
public struct LearningPath: Equatable, Sendable {
    public var role: RoleSummary
    /// The person's level.
    public var level: String
    /// The level the path measures toward; nil when the person is at the top everywhere.
    public var nextLevel: String?
    /// Every skill of the role: Required ones first, then optional, each by name.
    public var skills: [PathSkill]
    public var readiness: Readiness
    /// What the person works on (soonest target first), then the first open Required
    /// expectations, from the skills closest to complete.
    public var nextUp: [NextUp]

    /// How many "next up" items the path quotes.
    public static let nextUpLimit = 5

    /// The path for a role and level, or nil when no profile names the role.
    public static func make(record: PersonRecord, library: ProfileLibrary, role roleID: String, level: String,
                            nextUpLimit: Int = LearningPath.nextUpLimit) -> LearningPath? {
        PathPlan(library: library, role: roleID, level: level).map {
            make(record: record, library: library, plan: $0, nextUpLimit: nextUpLimit)
        }
    }

    /// The person's path on a plan of their role and level (the team view makes one
    /// plan per role and level). `counts`: tracked skills' counts worked out before
    /// (`PathFigure`), so their profiles are not read.
    public static func make(record: PersonRecord, library: ProfileLibrary, plan: PathPlan,
                            counts: [String: PathCounts] = [:], nextUpLimit: Int = LearningPath.nextUpLimit) -> LearningPath {
        let skills = plan.skills(with: plan.tracked(by: record, library: library, counts: counts))
        var path = LearningPath(role: plan.role, level: plan.level, nextLevel: plan.nextLevel, skills: skills,
                                readiness: Readiness(skills), nextUp: [])
        path.nextUp = NextUp.pick(from: skills, record: record, library: library, role: plan.role.id, limit: nextUpLimit)
        return path
    }

    /// The Required skills and the optional ones, apart.
    public var requiredSkills: [PathSkill] { skills.filter(\.required) }
    public var optionalSkills: [PathSkill] { skills.filter { !$0.required } }
    /// Skills of the role the person does not track yet.
    public var untracked: [PathSkill] { skills.filter { !$0.tracked } }
}

/// One skill on the path: the role's cell at the next level, and how much of it is ticked.
public struct PathSkill: Equatable, Sendable {
    public var skill: String
    public var name: String
    /// The level measured (the one after the person's level in this profile); nil when
    /// the profile lacks the person's level or it is its top one.
    public var level: String?
    /// Whether that level is Required for the role.
    public var required: Bool
    public var tracked: Bool
    /// The skill's own level when it is tracked at another than the person's.
    public var ownLevel: String?
    public var done: Int
    public var total: Int
    /// Expectations marked not applicable: out of `done` and `total`.
    public var excluded: Int

    public var percent: Int { total == 0 ? 0 : done * 100 / total }
    public var isComplete: Bool { total > 0 && done == total }

    /// The skill's progress toward the path's level; nil when it has none.
    public var progress: Progress? {
        level.map { Progress(level: $0, done: done, total: total, required: required, excluded: excluded) }
    }

    /// `counts`: the tracked skill's counts worked out before, else read from its profile.
    static func make(summary: ProfileSummary, role: RoleSummary, level: String, tracked: TrackedSkill?,
                     library: ProfileLibrary, counts: PathCounts? = nil) -> PathSkill {
        let index = summary.levels.firstIndex(of: level) ?? summary.levels.firstIndex { $0.lowercased() == level.lowercased() }
        var skill = PathSkill(skill: summary.id, name: summary.name, level: nil, required: false, tracked: tracked != nil,
                              ownLevel: nil, done: 0, total: 0, excluded: 0)
        guard let index, index + 1 < summary.levels.count, index + 1 < role.cells.count else { return skill }
        let cell = role.cells[index + 1]
        skill.level = summary.levels[index + 1]
        skill.required = cell.required
        skill.total = cell.expectations
        guard let tracked else { return skill }
        let own = summary.levels.firstIndex(of: tracked.level)
            ?? summary.levels.firstIndex { $0.lowercased() == tracked.level.lowercased() }
        if let own, own != index { skill.ownLevel = summary.levels[own] }
        if let own, own > index {
            skill.done = skill.total // already past the path's level in this skill
            return skill
        }
        if let counts {
            (skill.done, skill.total, skill.excluded) = (counts.done, counts.total, counts.excluded)
            return skill
        }
        guard let cell = library.profile(summary.id)?.role(named: role.id)?.level(summary.levels[index + 1]) else {
            return skill
        }
        let progress = Progress(cell, tracked: tracked)
        (skill.done, skill.total, skill.excluded) = (progress.done, progress.total, progress.excluded)
        return skill
    }
}

/// How ready a person is for the next level across the Required skills of their role.
/// A conversation aid, not a promotion guarantee.
public struct Readiness: Equatable, Sendable {
    public var requiredSkills: Int
    public var requiredSkillsComplete: Int
    /// Required skills with nothing ticked yet.
    public var requiredAtZero: Int
    public var done: Int
    public var total: Int

    public var percent: Int { total == 0 ? 0 : done * 100 / total }

    public init(_ skills: [PathSkill]) {
        (requiredSkills, requiredSkillsComplete, requiredAtZero, done, total) = (0, 0, 0, 0, 0)
        for skill in skills { count(skill, 1) }
    }

    /// Counts a skill in (`sign` 1) or out (-1); only Required skills with a next level count.
    mutating func count(_ skill: PathSkill, _ sign: Int) {
        guard skill.required && skill.level != nil else { return }
        requiredSkills += sign
        if skill.isComplete { requiredSkillsComplete += sign }
        if skill.done == 0 && skill.total > 0 { requiredAtZero += sign }
        done += sign * skill.done
        total += sign * skill.total
    }

    /// "Toward Senior: 8 of 30 · 26%, 1 of 9 Required skills complete, 4 at 0%".
    public func line(toward level: String?, dot: String = "·") -> String {
        guard let level else { return "Top level reached in every skill of this role." }
        guard requiredSkills > 0 else { return "Toward \(level): no skill of this role makes \(level) Required." }
        var text = "Toward \(level): \(done) of \(total) \(dot) \(percent)%, \(requiredSkillsComplete) of \(requiredSkills) Required skill\(requiredSkills == 1 ? "" : "s") complete"
        if requiredAtZero > 0 { text += ", \(requiredAtZero) at 0%" }
        return text
    }
}

/// One thing to learn next: an open Required expectation of a skill on the path.
extension ProfileLibrary {
    /// Where to learn an item of "next up": its expectation's resources in its profile.
    public func resources(of item: NextUp) -> [Resource] {
        profile(item.skill)?.place(of: item.expectation)?.expectation.resources ?? []
    }
}

public struct NextUp: Equatable, Sendable {
    public var skill: String
    public var skillName: String
    public var level: String
    public var expectation: String
    public var text: String
    /// The person is working on it (`f`, `ladder focus`), since this moment.
    public var focusSince: String? = nil
    /// The focus's target day, `YYYY-MM-DD`, if any.
    public var due: String? = nil

    public var isFocused: Bool { focusSince != nil }

    /// Whether a focus's target day has passed; `today` is `YYYY-MM-DD`.
    public func isOverdue(today: String) -> Bool { due.map { $0 < today } ?? false }

    /// What the person works on in the path's skills (every one of them, even past
    /// `limit`), then the first open expectations of the Required skills, closest to
    /// complete first (more done, then fewer left), reading only the profiles it quotes.
    static func pick(from skills: [PathSkill], record: PersonRecord, library: ProfileLibrary, role: String,
                     limit: Int) -> [NextUp] {
        let working = WorkingOn(record).items
        guard limit > 0 || !working.isEmpty else { return [] }
        let names = Dictionary(skills.map { ($0.skill, $0.name) }, uniquingKeysWith: { a, _ in a })
        let focused = working.compactMap { item -> NextUp? in
            guard let name = names[item.skill] else { return nil }
            return NextUp(skill: item.skill, skillName: name, level: item.focus.level, expectation: item.focus.expectation,
                          text: item.focus.text, focusSince: item.focus.since, due: item.focus.due)
        }
        guard limit > focused.count else { return focused }
        let taken = Set(focused.map { "\($0.skill)/\($0.expectation)" })
        let open = pickOpen(from: skills, record: record, library: library, role: role, limit: limit + taken.count)
            .filter { !taken.contains("\($0.skill)/\($0.expectation)") }
        return focused + open.prefix(max(0, limit - focused.count))
    }

    /// The first open expectations of the Required skills, closest to complete first
    /// (more done, then fewer left), reading only the profiles it quotes.
    static func pickOpen(from skills: [PathSkill], record: PersonRecord, library: ProfileLibrary, role: String,
                         limit: Int) -> [NextUp] {
        let candidates = skills.filter { $0.required && !$0.isComplete && $0.total > 0 && $0.level != nil }
            .sorted { a, b in
                if a.percent != b.percent { return a.percent > b.percent }
                if a.total - a.done != b.total - b.done { return a.total - a.done < b.total - b.done }
                return a.name.lowercased() < b.name.lowercased()
            }
        var picked: [NextUp] = []
        for skill in candidates where picked.count < limit {
            guard let level = skill.level,
                  let cell = library.profile(skill.skill)?.role(named: role)?.level(level) else { continue }
            let tracked = record.skills[skill.skill]
            for expectation in cell.expectations where picked.count < limit {
                guard tracked?.ticks[expectation.id] == nil, tracked?.notApplicable[expectation.id] == nil else { continue }
                picked.append(NextUp(skill: skill.skill, skillName: skill.name, level: level,
                                     expectation: expectation.id, text: expectation.text))
            }
        }
        return picked
    }
}

/// The orders the path can be listed in; Required skills always come before optional ones.
public enum PathOrder: String, CaseIterable, Sendable {
    case path = "path order", leastDone = "least done", mostDone = "most done", name

    /// The next order, for `o`.
    public var next: PathOrder {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    /// Skills in this order, Required first; ties by name (each name lowered once, not per comparison).
    public func sorted(_ skills: [PathSkill]) -> [PathSkill] {
        skills.map { (skill: $0, name: $0.name.lowercased()) }.sorted { x, y in
            let (a, b) = (x.skill, y.skill)
            if a.required != b.required { return a.required }
            switch self {
            case .path:
                if a.tracked != b.tracked { return a.tracked }
            case .leastDone:
                if a.percent != b.percent { return a.percent < b.percent }
            case .mostDone:
                if a.percent != b.percent { return a.percent > b.percent }
            case .name:
                break
            }
            return (x.name, a.skill) < (y.name, b.skill)
        }.map(\.skill)
    }
}
