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
    /// The newest note of evidence by expectation id; ticked or not.
    public var notes: [String: Note]
    /// Every note of evidence by expectation id, oldest first (the evidence log); the
    /// last is `notes`' one. From a record snapshot, read on first use (`EvidenceLog`).
    public var evidence: [String: [Note]] {
        get { evidenceLog.notes }
        set { evidenceLog = EvidenceLog(newValue) }
    }
    /// Where `evidence` is kept; changed in place through `modify`.
    var evidenceLog = EvidenceLog()
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

    /// The evidence log of an expectation, newest first.
    public func log(_ expectation: String) -> [Note] { (evidence[expectation] ?? []).reversed() }

    /// When the evidence for a tick was last shown: the later of the tick and its newest note.
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

/// A reviewer's view of a tick: confirmed, or questioned until answered (then the
/// reviewer accepts, which makes it confirmed, or asks again) or withdrawn.
public struct Assessment: Equatable, Sendable {
    public enum Verdict: String, Sendable { case confirmed, questioned }

    public var verdict: Verdict
    public var comment: String
    public var by: Reviewer?
    public var at: String
    /// The person's answer to the latest question; nil again when asked again.
    public var answer: String?
    /// When the latest answer came.
    public var answeredAt: String?
    public var withdrawn = false
    /// When the question was accepted or withdrawn.
    public var closedAt: String?
    /// Every question, answer and response on this tick, oldest first.
    public var thread: [ThreadEntry] = []

    public init(verdict: Verdict, comment: String, by: Reviewer?, at: String) {
        self.verdict = verdict
        self.comment = comment
        self.by = by
        self.at = at
    }

    /// A question that was neither answered nor withdrawn: waiting for the person.
    public var isOpen: Bool { verdict == .questioned && answer == nil && !withdrawn }
    /// An answered question waiting for the reviewer to accept it or ask again.
    public var isAnswered: Bool { verdict == .questioned && answer != nil && !withdrawn }
    /// A confirmation that closed a question (the reviewer accepted the answer).
    public var isAccepted: Bool { verdict == .confirmed && thread.contains { $0.step == .accept } }

    /// Where the thread stands, in one word: open, answered, accepted, confirmed, withdrawn.
    public var state: String {
        if isOpen { return "open" }
        if isAnswered { return "answered" }
        if withdrawn { return "withdrawn" }
        return isAccepted ? "accepted" : "confirmed"
    }
}

/// One step of a question thread: who said what, when.
public struct ThreadEntry: Equatable, Sendable {
    /// What the step was.
    public enum Step: String, Sendable {
        case question, answer, askAgain = "ask-again", accept, withdraw, confirm
    }

    public var step: Step
    /// The question, the answer or the reviewer's comment (may be empty).
    public var text: String
    /// The reviewer; nil for the person's answer.
    public var by: Reviewer?
    public var at: String
}

/// A recorded step from one level to the next.
public struct LevelStep: Equatable, Sendable {
    public var from: String
    public var to: String
    public var at: String
}
