/// One skill a person tracks: their role and level in it, what they ticked, their
/// notes, what does not apply to them, and their reviewer's view of their ticks.
public struct TrackedSkill: Equatable, Sendable {
    public var skill: String
    public var role: String
    public var level: String
    /// When tracking started.
    public var since: String
    /// Ticked expectations by expectation id.
    public var ticks: [String: Tick]
    /// Notes (evidence) by expectation id; ticked or not.
    public var notes: [String: Note]
    /// Expectations marked not applicable, with the reason; they leave the progress count.
    public var notApplicable: [String: NotApplicable]
    /// The reviewer's latest view of each tick.
    public var assessments: [String: Assessment]
    /// Every recorded step up, oldest first.
    public var steps: [LevelStep]
    /// Expectations the person is working on, by expectation id (ticking one ends it).
    public var focus: [String: Focus] = [:]

    public init(skill: String, role: String, level: String, since: String) {
        self.skill = skill
        self.role = role
        self.level = level
        self.since = since
        ticks = [:]
        notes = [:]
        notApplicable = [:]
        assessments = [:]
        steps = []
    }

    /// When the evidence for a tick was last shown: the later of the tick and its note.
    public func evidenceDate(_ expectation: String) -> String? {
        guard let tick = ticks[expectation] else { return nil }
        return max(tick.at, notes[expectation]?.at ?? tick.at)
    }

}

/// An expectation the person is working on: since when, and by when they mean to
/// meet it (an optional target day).
public struct Focus: Equatable, Sendable {
    public var expectation: String
    /// The expectation's words when the focus was set.
    public var text: String
    public var level: String
    /// When the focus started (re-dating keeps it).
    public var since: String
    /// The target day, `YYYY-MM-DD`, if any.
    public var due: String?

    /// The target day has passed: `today` is `YYYY-MM-DD`.
    public func isOverdue(today: String) -> Bool {
        guard let due else { return false }
        return due < today
    }
}

/// A ticked expectation, with the words it had when ticked.
public struct Tick: Equatable, Sendable {
    public var expectation: String
    public var text: String
    public var level: String
    public var at: String
}

/// A note of evidence on an expectation.
public struct Note: Equatable, Sendable {
    public var text: String
    public var at: String
    public var expectation: String
}

/// An expectation that does not apply to the person, and why.
public struct NotApplicable: Equatable, Sendable {
    public var reason: String
    public var at: String
    public var text: String
}

/// A reviewer's view of a tick: confirmed, or questioned until answered or withdrawn.
public struct Assessment: Equatable, Sendable {
    public enum Verdict: String, Sendable { case confirmed, questioned }

    public var verdict: Verdict
    public var comment: String
    public var by: Reviewer?
    public var at: String
    /// The person's answer to a question.
    public var answer: String?
    public var withdrawn = false
    public var closedAt: String?

    /// A question that was neither answered nor withdrawn.
    public var isOpen: Bool { verdict == .questioned && answer == nil && !withdrawn }
}

/// A recorded step from one level to the next.
public struct LevelStep: Equatable, Sendable {
    public var from: String
    public var to: String
    public var at: String
}
