import Foundation

// The pieces a `PersonReport` is made of, each Encodable for `--format json`.

public struct PersonInfo: Equatable, Sendable, Encodable {
    public var id: String
    public var name: String
    public var mentee: Bool

    public init(_ record: PersonRecord) {
        id = record.id.rawValue
        name = record.name
        mentee = record.mentee
    }
}

public struct PeriodInfo: Equatable, Sendable, Encodable {
    /// `last-review` (changes after the last review ended), `all` (no review yet:
    /// every change) or `date` (changes from `since` on).
    public var basis: String
    public var since: String?
    /// "since the last review (2026-05-20)", "since 2026-05-01", …
    public var description: String
}

/// One tracked skill in a report.
public struct SkillReport: Equatable, Sendable, Encodable {
    public var skill: String
    public var name: String
    /// The role's name (its id in `roleId`).
    public var role: String
    public var roleId: String?
    public var level: String
    /// Nil at the top level.
    public var nextLevel: String?
    /// Progress toward the next level; nil at the top.
    public var progress: ProgressReport?
    public var readyToStep = false
    public var trackedSince: String
    /// When the current level began, and how many whole days ago.
    public var levelSince: String?
    public var daysAtLevel: Int?
    public var steps: [StepReport] = []
    public var pace: Pace?
    /// Every ticked expectation, with its evidence and the reviewer's view.
    public var done: [ExpectationReport] = []
    /// The next level's expectations not ticked yet (not applicable ones left out).
    public var open: [ExpectationReport] = []
    /// Expectations marked not applicable, with the reason: out of the count.
    public var notApplicable: [ExpectationReport] = []
    /// Ticks whose expectation is no longer in the profile.
    public var removed: [ExpectationReport] = []
    /// How the reviewer's view of the ticks stands now.
    public var reviewerView = ReviewerView()
    /// Set when the skill cannot be read (profile or role/level gone); lists are empty then.
    public var problem: String?

    public init(skill: String, name: String, role: String, level: String, trackedSince: String) {
        self.skill = skill
        self.name = name
        self.role = role
        self.level = level
        self.trackedSince = trackedSince
    }
}

public struct ProgressReport: Equatable, Sendable, Encodable {
    public var level: String
    public var done: Int
    public var total: Int
    public var percent: Int
    public var required: Bool
    /// Expectations of the level marked not applicable: not in `done` or `total`.
    public var notApplicable: Int
}

public struct StepReport: Equatable, Sendable, Encodable {
    public var from: String
    public var to: String
    public var at: String
}

/// An expectation as a report lists it.
public struct ExpectationReport: Equatable, Sendable, Encodable {
    public var id: String
    /// The words now (for a removed tick or not-applicable mark: the words it had then).
    public var text: String
    public var level: String?
    /// Set when the tick was made under another role of the profile.
    public var role: String?
    public var tickedAt: String?
    /// The words when ticked, when the profile has reworded it since.
    public var tickedText: String?
    /// The newest note of evidence.
    public var note: NoteReport?
    /// Every note of evidence, newest first; absent when there is at most one.
    public var evidence: [NoteReport]?
    /// Every note of evidence, newest first, however many there are (none, the one, or the log).
    var evidenceNotes: [NoteReport] { evidence ?? note.map { [$0] } ?? [] }
    /// The later of the tick and its newest note.
    public var evidenceDate: String?
    /// The evidence is older than the stale period.
    public var stale = false
    public var assessment: AssessmentReport?
    /// Why it does not apply, and since when (not applicable items only).
    public var reason: String?
    public var markedAt: String?

    public init(id: String, text: String, level: String?) {
        self.id = id
        self.text = text
        self.level = level
    }
}

public struct NoteReport: Equatable, Sendable, Encodable {
    public var text: String
    public var at: String
    /// Who wrote it (review notes).
    public var by: String?
}

/// The reviewer's latest view of a tick.
public struct AssessmentReport: Equatable, Sendable, Encodable {
    /// `confirmed` or `questioned`.
    public var verdict: String
    public var comment: String
    /// The reviewer's name (or, in older lines, what `by` held).
    public var by: String?
    /// The reviewer's person id, when the line names one.
    public var byID: String?
    public var at: String
    /// A question neither answered nor withdrawn.
    public var open: Bool
    /// open, answered (waiting for the reviewer), accepted, confirmed or withdrawn.
    public var state: String
    public var answer: String?
    public var withdrawn: Bool
    public var closedAt: String?
    /// Every question, answer and response, oldest first.
    public var thread: [ThreadEntryReport]

    init(_ a: Assessment) {
        verdict = a.verdict.rawValue
        comment = a.comment
        by = a.by?.shown
        byID = a.by?.id
        at = a.at
        open = a.isOpen
        state = a.state
        answer = a.answer
        withdrawn = a.withdrawn
        closedAt = a.closedAt
        thread = a.thread.map(ThreadEntryReport.init)
    }
}

/// One step of a question thread, for reports: `step` is question, answer,
/// ask-again, accept, withdraw or confirm.
public struct ThreadEntryReport: Equatable, Sendable, Encodable {
    public var step: String
    public var text: String
    /// The reviewer's name; absent on the person's answer.
    public var by: String?
    public var at: String

    init(_ entry: ThreadEntry) {
        step = entry.step.rawValue
        text = entry.text
        by = entry.by?.shown
        at = entry.at
    }
}

/// Self vs reviewer for one skill's current ticks.
public struct ReviewerView: Equatable, Sendable, Encodable {
    public var confirmed = 0
    public var questionedOpen = 0
    /// Questioned, then answered or withdrawn.
    public var questionedClosed = 0
    public var notReviewed = 0
}

public struct SkillChanges: Equatable, Sendable, Encodable {
    public var skill: String
    public var name: String
    public var changes: ChangeList
}

/// One change of the person's, as a report lists it.
public struct ChangeReport: Equatable, Sendable, Encodable {
    public var at: String
    /// The journal's kind: track, untrack, tick, untick, note, step, na, applicable, answer.
    public var kind: String
    public var expectation: String?
    /// The expectation's words (now, or as they were when it left the profile).
    public var text: String?
    public var level: String?
    /// The note, reason or answer the change carried.
    public var note: String?
    /// What happened, e.g. "ticked (Senior)": `summary` starts with it.
    public var verb: String

    /// One line saying what happened, e.g. "ticked (Senior): Optimizes cost and performance."
    public var summary: String {
        var line = verb // appended to, not interpolated: a long journal's JSON report has a summary per change
        if let text { line += ": " + text }
        if let detail { line += " — " + detail }
        return line
    }
    /// The note, reason or answer, as `summary` ends with it.
    public var detail: String? { note }

    enum CodingKeys: String, CodingKey { case at, kind, expectation = "item", text, level, note, summary }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(expectation, forKey: .expectation)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(level, forKey: .level)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(summary, forKey: .summary)
    }

    init(at: String, kind: String, expectation: String?, text: String?, level: String?, note: String?, verb: String) {
        (self.at, self.kind, self.expectation, self.text, self.level, self.note, self.verb) = (at, kind, expectation, text, level, note, verb)
    }

    init(at: String, shape: ChangeList.Shape, note: String?) {
        self.init(at: at, kind: shape.kind, expectation: shape.expectation, text: shape.text, level: shape.level, note: note,
                  verb: shape.verb)
    }

    /// A change as it reads today: expectation words from the profile when it still has them.
    public init(_ event: JournalEvent, profile: Profile?) {
        let shape = ChangeList.Shape(event.change, texts: Self.texts(profile)) { role in profile?.role(named: role)?.name ?? role }
        self.init(at: event.at, shape: shape, note: event.change.words)
    }

    /// A profile's expectation words by id.
    static func texts(_ profile: Profile?) -> [String: String] {
        Dictionary((profile?.allExpectations() ?? []).map { ($0.expectation.id, $0.expectation.text) }, uniquingKeysWith: { a, _ in a })
    }
}

public struct SkillAgenda: Equatable, Sendable, Encodable {
    public var skill: String
    public var name: String
    /// Open questions: `detail` is the reviewer's comment.
    public var questions: [AgendaEntry]
    /// Answered questions waiting for the reviewer: `detail` is the answer.
    public var answered: [AgendaEntry]
    /// Ticks whose evidence is stale: `detail` says from when.
    public var stale: [AgendaEntry]
    /// The next level's open expectations: `detail` is the level.
    public var gaps: [AgendaEntry]
    /// What the person works on past its target day: `detail` says when it was due.
    public var overdue: [AgendaEntry] = []

    public var isEmpty: Bool { questions.isEmpty && answered.isEmpty && stale.isEmpty && gaps.isEmpty && overdue.isEmpty }
}

/// An expectation the person works on, for the report's "Working on" section.
public struct WorkingOnReport: Equatable, Sendable, Encodable {
    public var skill: String
    public var name: String
    /// The expectation id.
    public var item: String
    public var text: String
    public var level: String
    /// When the focus started, and its target day (`YYYY-MM-DD`), if any.
    public var since: String
    public var by: String?
    public var overdue: Bool

    init(_ item: WorkingOn.Item, library: ProfileLibrary, today: String) {
        skill = item.skill
        name = library.summary(item.skill)?.name ?? item.skill
        self.item = item.focus.expectation
        text = item.focus.text
        level = item.focus.level
        since = item.focus.since
        by = item.focus.due
        overdue = item.focus.isOverdue(today: today)
    }
}

/// A review (1:1) and its calibration: how many ticks the reviewer confirmed and questioned.
public struct ReviewReport: Equatable, Sendable, Encodable {
    public var start: String
    /// Nil while the review is in progress.
    public var end: String?
    /// The reviewer's name (or, in older lines, what `by` held).
    public var by: String?
    /// The reviewer's person id, when the line names one.
    public var byID: String?
    public var notes: [NoteReport]
    public var confirmed: Int
    public var questioned: Int
    /// Questions still open when it ended.
    public var openAtEnd: Int?
    /// confirmed × 100 / (confirmed + questioned), rounded down; nil when nothing was assessed.
    public var agreementPercent: Int?

    init(_ review: Review) {
        start = review.start
        end = review.end
        by = review.by?.shown
        byID = review.by?.id
        notes = review.notes.map { NoteReport(text: $0.text, at: $0.at, by: $0.by?.shown) }
        confirmed = review.confirmed
        questioned = review.questioned
        openAtEnd = review.openAtEnd
        let assessed = review.confirmed + review.questioned
        agreementPercent = assessed == 0 ? nil : review.confirmed * 100 / assessed
    }
}
