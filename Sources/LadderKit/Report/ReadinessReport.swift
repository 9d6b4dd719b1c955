/// A report's readiness for the next level: the learning path's line now, where it
/// stood when the report's period began, and each day it changed.
public struct ReadinessReport: Equatable, Sendable, Encodable {
    /// The person's role: its id and name; their level and the next one.
    public var role: String
    public var roleName: String
    public var level: String
    public var nextLevel: String?
    public var requiredSkills: Int
    public var requiredSkillsComplete: Int
    public var requiredAtZero: Int
    public var done: Int
    public var total: Int
    public var percent: Int
    /// "Toward Senior: 8 of 30 · 26%, 1 of 9 Required skills complete, 4 at 0%".
    public var line: String
    /// Readiness before the period began (the first point when the period is all of it and there are several).
    public var atPeriodStart: ReadinessPoint?
    /// "up from 10% on 2026-05-01 (+16 points)", when there is an earlier point toward the same level.
    public var trend: String?
    /// Each day readiness changed, oldest first.
    public var history: [ReadinessPoint]

    /// The readiness of a person with a role and level; nil without them. `periodStart`:
    /// the moment the report's period begins (nil: the whole record).
    public init?(record: PersonRecord, library: ProfileLibrary, periodStart: String?) {
        self.init(record: record, library: library, periodStart: periodStart, history: nil)
    }

    /// `history`: the record's readiness points, when its events were read already (nil: read them here).
    init?(record: PersonRecord, library: ProfileLibrary, periodStart: String?, history: [ReadinessPoint]?) {
        guard let roleID = record.role, let level = record.level,
              let path = LearningPath.make(record: record, library: library, role: roleID, level: level, nextUpLimit: 0) else { return nil }
        role = path.role.id
        roleName = path.role.name
        self.level = level
        nextLevel = path.nextLevel
        let r = path.readiness
        (requiredSkills, requiredSkillsComplete, requiredAtZero) = (r.requiredSkills, r.requiredSkillsComplete, r.requiredAtZero)
        (done, total, percent) = (r.done, r.total, r.percent)
        line = r.line(toward: path.nextLevel)
        self.history = history ?? ReadinessHistory.of(record, library: library)
        if let periodStart {
            let day = String(periodStart.prefix(10))
            atPeriodStart = self.history.last { $0.date < day }
        } else {
            atPeriodStart = self.history.count > 1 ? self.history.first : nil
        }
        let now = ReadinessPoint(date: "", level: level, toward: path.nextLevel, readiness: r)
        trend = ReadinessHistory.trend(from: atPeriodStart, to: now)
    }
}
