/// How far a person is toward a level of a skill: the share of that level's
/// expectations, for their role, that they ticked.
public struct Progress: Equatable, Sendable {
    /// The level measured (usually the next one).
    public var level: String
    public var done: Int
    public var total: Int
    /// Whether the level is Required for the role (optional levels still count).
    public var required: Bool
    /// Expectations marked not applicable: left out of `done` and `total`.
    public var excluded: Int = 0

    /// Whole percent, rounded down so 100 means every expectation is ticked.
    public var percent: Int { total == 0 ? 0 : done * 100 / total }
    public var isComplete: Bool { total > 0 && done == total }

    /// "Senior: 3 of 9 · 33%", and "(1 not applicable)" when any are left out.
    public var summary: String {
        "\(level): \(done) of \(total) · \(percent)%" + (excluded > 0 ? " (\(excluded) not applicable)" : "")
    }
}

extension Progress {
    /// How much of a cell a tracked skill ticked; not-applicable expectations leave both counts.
    public init(_ cell: RoleLevel, tracked: TrackedSkill) {
        let counted = cell.expectations.filter { tracked.notApplicable[$0.id] == nil }
        self.init(level: cell.level, done: counted.count { tracked.ticks[$0.id] != nil }, total: counted.count,
                  required: cell.required, excluded: cell.expectations.count - counted.count)
    }
}

/// A tracked skill read against its profile: what the person's role and level are,
/// what the next level is and how far they are toward it.
public struct Standing: Equatable, Sendable {
    public var profile: Profile
    public var tracked: TrackedSkill
    public var role: Role
    public var levelIndex: Int

    /// Nil when the tracked role or level is no longer in the profile.
    public init?(profile: Profile, tracked: TrackedSkill) {
        guard let role = profile.role(named: tracked.role),
              let index = profile.levelIndex(named: tracked.level) else { return nil }
        self.profile = profile
        self.tracked = tracked
        self.role = role
        levelIndex = index
    }

    public var level: String { profile.levels[levelIndex] }
    /// The level after the current one; nil at the top.
    public var nextLevel: String? {
        levelIndex + 1 < profile.levels.count ? profile.levels[levelIndex + 1] : nil
    }

    /// Progress toward any level of the role.
    /// Expectations marked not applicable leave both counts, visibly (`excluded`).
    public func progress(toward level: String) -> Progress? {
        guard let cell = role.level(level) else { return nil }
        return Progress(cell, tracked: tracked)
    }

    /// Progress toward the next level; nil at the top level.
    public var next: Progress? { nextLevel.flatMap { progress(toward: $0) } }

    /// Ticks whose expectation is no longer in the profile: shown, never dropped.
    public var orphanTicks: [Tick] {
        guard !tracked.ticks.isEmpty else { return [] }
        var known: Set<String> = []
        for role in profile.roles {
            for level in role.levels { for expectation in level.expectations { known.insert(expectation.id) } }
        }
        return tracked.ticks.values.filter { !known.contains($0.expectation) }.sorted { $0.at < $1.at }
    }

    /// A tick whose evidence (the tick or its note) is older than `cutoff`, an ISO time.
    public func isStale(_ expectation: String, cutoff: String) -> Bool {
        guard let date = tracked.evidenceDate(expectation) else { return false }
        return date < cutoff
    }

    /// What to talk about at the next 1:1: open questions, answered ones waiting for
    /// the reviewer, focuses past their target day (`today` is `YYYY-MM-DD`), the next
    /// level's open expectations (not applicable ones left out) and stale ticks; and
    /// what the person works on.
    public func agenda(cutoff: String, today: String) -> Agenda {
        let known = Dictionary(profile.allExpectations().map { ($0.expectation.id, $0.expectation.text) }, uniquingKeysWith: { a, _ in a })
        let questions = tracked.assessments.filter(\.value.isOpen).sorted { $0.value.at < $1.value.at }
            .map { AgendaEntry(expectation: $0.key, text: known[$0.key] ?? tracked.ticks[$0.key]?.text ?? $0.key, detail: $0.value.comment) }
        let answered = tracked.assessments.filter(\.value.isAnswered).sorted { $0.value.at < $1.value.at }
            .map { AgendaEntry(expectation: $0.key, text: known[$0.key] ?? tracked.ticks[$0.key]?.text ?? $0.key, detail: $0.value.answer ?? "") }
        let gaps = (nextLevel.flatMap { role.level($0)?.expectations } ?? [])
            .filter { tracked.ticks[$0.id] == nil && tracked.notApplicable[$0.id] == nil }
            .map { AgendaEntry(expectation: $0.id, text: $0.text, detail: nextLevel ?? "") }
        let stale = tracked.ticks.values.filter { isStale($0.expectation, cutoff: cutoff) }.sorted { $0.at < $1.at }
            .map { AgendaEntry(expectation: $0.expectation, text: known[$0.expectation] ?? $0.text, detail: "evidence from \(String((tracked.evidenceDate($0.expectation) ?? $0.at).prefix(10)))") }
        let focused = WorkingOn([tracked]).items
        let working = focused.map { item in
            AgendaEntry(expectation: item.focus.expectation, text: known[item.focus.expectation] ?? item.focus.text,
                        detail: item.focus.dates(today: today))
        }
        let overdue = focused.filter { $0.focus.isOverdue(today: today) }
            .map { AgendaEntry(expectation: $0.focus.expectation, text: known[$0.focus.expectation] ?? $0.focus.text,
                               detail: "was due \($0.focus.due ?? "")") }
        return Agenda(questions: questions, answered: answered, gaps: gaps, stale: stale, overdue: overdue, working: working)
    }

    /// Ticks whose expectation is still there but worded differently than when ticked.
    public func reworded(_ expectation: Expectation) -> Tick? {
        guard let tick = tracked.ticks[expectation.id], !tick.text.isEmpty, tick.text != expectation.text else { return nil }
        return tick
    }
}

/// The next 1:1's agenda for one skill.
public struct Agenda: Equatable, Sendable {
    /// Open questions: `detail` is the reviewer's comment.
    public var questions: [AgendaEntry]
    /// Answered questions waiting for the reviewer: `detail` is the answer.
    public var answered: [AgendaEntry]
    public var gaps: [AgendaEntry]
    public var stale: [AgendaEntry]
    /// Focuses whose target day has passed: to talk about (`detail`: when it was due).
    public var overdue: [AgendaEntry] = []
    /// Everything the person works on, soonest target first (`detail`: the dates).
    public var working: [AgendaEntry] = []
    public var isEmpty: Bool { questions.isEmpty && answered.isEmpty && gaps.isEmpty && stale.isEmpty && overdue.isEmpty }
}

/// One thing to talk about: an expectation and why it is on the agenda.
public struct AgendaEntry: Equatable, Sendable, Encodable {
    /// The expectation id (`item` in JSON).
    public var expectation: String
    public var text: String
    /// The question's comment, the answer, the level of a gap, or the evidence date of a stale tick.
    public var detail: String

    enum CodingKeys: String, CodingKey { case expectation = "item", text, detail }
}

/// How long evidence stays fresh: `LADDER_STALE_DAYS`, else 182 days (six months).
public enum Staleness {
    public static let defaultDays = 182

    public static func days(environment: [String: String]) -> Int {
        guard let text = environment["LADDER_STALE_DAYS"], let days = Int(text), days > 0, days < 100_000 else { return defaultDays }
        return days
    }

    /// The ISO time before which evidence is stale, `days` before `now`.
    public static func cutoff(days: Int, now: Date = Date()) -> String {
        JournalEvent.timestamp(now.addingTimeInterval(-Double(days) * 86_400))
    }
}

import Foundation
