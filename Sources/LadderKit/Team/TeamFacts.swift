/// What the team view needs of a person beyond the people screen's summary: their
/// path's role and level, answers waiting for the reviewer, when they last made
/// progress, how old each tick's evidence is and whether a reviewer confirmed it. Kept in the people summaries cache,
/// so the team view reads no journal that did not change.
public struct TeamFacts: Equatable, Sendable {
    /// The person's role (an id) and level across skills: the learning path's.
    public var role: String?
    public var level: String?
    /// Questions the person answered that wait for the reviewer.
    public var answered: Int
    /// When the person's record starts (their first event).
    public var since: String?
    /// Their last tick or step up.
    public var lastProgress: String?
    /// Every tick with the date of its evidence (the later of the tick and its note).
    public var evidence: [TickEvidence]

    public init(role: String? = nil, level: String? = nil, answered: Int = 0, since: String? = nil,
                lastProgress: String? = nil, evidence: [TickEvidence] = []) {
        self.role = role
        self.level = level
        self.answered = answered
        self.since = since
        self.lastProgress = lastProgress
        self.evidence = evidence
    }

    /// The facts of a folded record.
    public init(_ record: PersonRecord) {
        self.init(role: record.role, level: record.level)
        answered = record.skills.values.reduce(0) { count, skill in
            count + skill.assessments.values.filter { $0.verdict == .questioned && $0.answer != nil && !$0.withdrawn }.count
        }
        since = record.firstChange
        lastProgress = record.lastProgress
        evidence = record.trackedSkills.flatMap { skill in
            skill.ticks.keys.sorted().map { id in
                TickEvidence(skill: skill.skill, item: id, at: skill.evidenceDate(id) ?? "",
                             confirmed: skill.assessments[id]?.verdict == .confirmed ? true : nil)
            }
        }
    }
}

/// One tick, when its evidence was last shown, and whether a reviewer confirmed it.
public struct TickEvidence: Equatable, Sendable {
    public var skill: String
    public var item: String
    public var at: String
    /// True when confirmed (or accepted after a question); nil otherwise, to keep the cache small.
    public var confirmed: Bool?

    public init(skill: String, item: String, at: String, confirmed: Bool? = nil) {
        self.skill = skill
        self.item = item
        self.at = at
        self.confirmed = confirmed
    }
}
