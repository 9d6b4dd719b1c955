import CellGrid
import Foundation

/// Which changes a report lists.
public enum ReportPeriod: Equatable, Sendable {
    /// Since the last review that ended (every change when there was none).
    case lastReview
    /// From the start of a UTC day, `YYYY-MM-DD`, on.
    case since(day: String)

    /// `last-review` or a date `YYYY-MM-DD`.
    public static func parse(_ text: String) throws(InputError) -> ReportPeriod {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "last-review" { return .lastReview }
        let digits = trimmed.unicodeScalars.enumerated().allSatisfy { index, scalar in
            index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
        }
        guard trimmed.unicodeScalars.count == 10, digits,
              let date = JournalEvent.date(trimmed + "T00:00:00Z"),
              JournalEvent.timestamp(date).hasPrefix(trimmed) else {
            throw InputError("--since takes last-review or a date YYYY-MM-DD (e.g. 2026-05-01); got '\(Safe.text(text))'")
        }
        return .since(day: trimmed)
    }
}

/// A person's standing for a 1:1 document or a script: per skill what is done
/// (with its evidence and the reviewer's view), open and not applicable; the
/// changes of a period; the agenda for the next 1:1; the reviews so far.
/// Built from the record alone, at a given `now`, so it is the same every time.
public struct PersonReport: Equatable, Sendable, Encodable {
    public static let honestNote = "Progress is the share of a level's expectations ticked: a conversation aid for the 1:1, not a promotion guarantee."

    public var person: PersonInfo
    /// When the report was made (ISO time).
    public var generated: String
    /// What the percentages mean, and what they do not.
    public var note = PersonReport.honestNote
    /// Evidence older than `staleDays` (shown before `staleBefore`) is stale.
    public var staleDays: Int
    public var staleBefore: String
    public var period: PeriodInfo
    public var skills: [SkillReport]
    /// The person's own changes in the period, by skill.
    public var changes: [SkillChanges]
    /// What the person works on, soonest target day first (`ladder focus`, `f`).
    public var workingOn: [WorkingOnReport]
    /// What to talk about next time, by skill (skills with nothing to raise left out).
    public var agenda: [SkillAgenda]
    /// Every review, oldest first, with how the reviewer's view compared.
    public var reviews: [ReviewReport]
    public var openQuestions: Int
    /// Readiness for the next level across the person's role (with a role and level set).
    public var readiness: ReadinessReport?

    public init(record: PersonRecord, library: ProfileLibrary, now: Date, staleDays: Int = Staleness.defaultDays,
                period: ReportPeriod = .lastReview, paceWindowDays: Int = History.paceWindowDays) {
        person = PersonInfo(record)
        generated = JournalEvent.timestamp(now)
        self.staleDays = staleDays
        staleBefore = Staleness.cutoff(days: staleDays, now: now)
        openQuestions = record.openQuestions

        let since: String?
        switch period {
        case .lastReview:
            if let last = record.lastEndedReview, let end = last.end {
                self.period = PeriodInfo(basis: "last-review", since: end,
                                         description: "since the last review (\(String(end.prefix(10))))")
            } else {
                self.period = PeriodInfo(basis: "all", since: nil, description: "since tracking started (no review yet)")
            }
            since = nil
        case .since(let day):
            let moment = day + "T00:00:00Z"
            self.period = PeriodInfo(basis: "date", since: moment, description: "since \(day)")
            since = moment
        }

        // The events once, for everything made of them (a long journal's are never all held).
        let read = record.reduceEvents(into: Reading(
            history: History.Replay(record, library: library, now: now, windowDays: paceWindowDays, keepsPoints: false),
            readiness: record.role != nil && record.level != nil ? ReadinessHistory.Replay(record, library: library) : nil,
            changes: Changes(since: since, library: library))) { $0.add($1) }

        let histories = Dictionary(read.history.histories(record, library: library, now: now).map { ($0.skill, $0) },
                                   uniquingKeysWith: { a, _ in a })
        var skills: [SkillReport] = []
        var agenda: [SkillAgenda] = []
        let today = String(generated.prefix(10))
        workingOn = WorkingOn(record).items.map { WorkingOnReport($0, library: library, today: today) }
        for tracked in record.trackedSkills {
            let built = Self.skill(tracked, library: library, cutoff: staleBefore, today: today, history: histories[tracked.skill])
            skills.append(built.report)
            if let items = built.agenda, !items.isEmpty { agenda.append(items) }
        }
        self.skills = skills
        self.agenda = agenda
        changes = read.changes.groups(record: record, library: library)
        reviews = record.reviews.map(ReviewReport.init)
        readiness = ReadinessReport(record: record, library: library, periodStart: self.period.since,
                                    history: read.readiness?.finished())
    }

    /// What a report makes of the events, read once.
    struct Reading {
        var history: History.Replay
        var readiness: ReadinessHistory.Replay?
        var changes: Changes

        mutating func add(_ event: JournalEvent) {
            history.add(event)
            readiness?.add(event)
            changes.add(event)
        }
    }

    // MARK: - Skills

    static func skill(_ tracked: TrackedSkill, library: ProfileLibrary, cutoff: String, today: String,
                      history: SkillHistory?) -> (report: SkillReport, agenda: SkillAgenda?) {
        var report = SkillReport(skill: tracked.skill, name: library.summary(tracked.skill)?.name ?? tracked.skill,
                                 role: tracked.role, level: tracked.level, trackedSince: tracked.since)
        guard let profile = library.profile(tracked.skill) else {
            report.problem = "profile '\(tracked.skill)' not found: was its file removed?"
            return (report, nil)
        }
        guard let standing = Standing(profile: profile, tracked: tracked) else {
            report.problem = "role '\(tracked.role)' or level '\(tracked.level)' is no longer in \(profile.id); set them again with: ladder track \(profile.id) --role ROLE --level LEVEL"
            return (report, nil)
        }
        report.skill = profile.id
        report.name = profile.name
        report.role = standing.role.name
        report.roleId = standing.role.id
        report.level = standing.level
        report.nextLevel = standing.nextLevel
        if let next = standing.next {
            report.progress = ProgressReport(level: next.level, done: next.done, total: next.total, percent: next.percent,
                                             required: next.required, notApplicable: next.excluded)
            report.readyToStep = next.isComplete
        }
        report.steps = tracked.steps.map { StepReport(from: $0.from, to: $0.to, at: $0.at) }
        if let span = history?.levels.last, span.level == standing.level {
            report.levelSince = span.from
            report.daysAtLevel = span.days
        }
        report.pace = history?.pace

        func item(_ expectation: Expectation, level: String?, role: String? = nil) -> ExpectationReport {
            var item = ExpectationReport(id: expectation.id, text: expectation.text, level: level)
            item.role = role
            if let note = tracked.notes[expectation.id] { item.note = NoteReport(text: note.text, at: note.at) }
            item.evidence = Self.log(tracked, expectation.id)
            if let tick = tracked.ticks[expectation.id] {
                item.tickedAt = tick.at
                item.tickedText = standing.reworded(expectation)?.text
                item.evidenceDate = tracked.evidenceDate(expectation.id)
                item.stale = standing.isStale(expectation.id, cutoff: cutoff)
                item.assessment = tracked.assessments[expectation.id].map(AssessmentReport.init)
            }
            return item
        }

        // Done: every tick, the role's levels in order, then ticks made under another role.
        var seen = Set<String>()
        for cell in standing.role.levels {
            for expectation in cell.expectations where tracked.ticks[expectation.id] != nil {
                report.done.append(item(expectation, level: cell.level))
                seen.insert(expectation.id)
            }
        }
        for (role, cell, expectation) in profile.allExpectations()
        where tracked.ticks[expectation.id] != nil && !seen.contains(expectation.id) {
            report.done.append(item(expectation, level: cell.level, role: role.name))
            seen.insert(expectation.id)
        }
        // Open: the next level's expectations not ticked, not applicable ones left out.
        if let next = standing.nextLevel, let cell = standing.role.level(next) {
            for expectation in cell.expectations where tracked.ticks[expectation.id] == nil && tracked.notApplicable[expectation.id] == nil {
                report.open.append(item(expectation, level: next))
            }
        }
        // Not applicable, with the reason: the role's, then any other (kept, shown).
        var excluded = Set<String>()
        for cell in standing.role.levels {
            for expectation in cell.expectations {
                guard let notApplicable = tracked.notApplicable[expectation.id] else { continue }
                var entry = item(expectation, level: cell.level)
                entry.reason = notApplicable.reason
                entry.markedAt = notApplicable.at
                report.notApplicable.append(entry)
                excluded.insert(expectation.id)
            }
        }
        for (id, notApplicable) in tracked.notApplicable.sorted(by: { $0.value.at < $1.value.at }) where !excluded.contains(id) {
            var entry = ExpectationReport(id: id, text: notApplicable.text, level: nil)
            entry.reason = notApplicable.reason
            entry.markedAt = notApplicable.at
            report.notApplicable.append(entry)
        }
        // Ticks whose expectation left the profile: kept and shown with the words they had.
        report.removed = standing.orphanTicks.map { tick in
            var entry = ExpectationReport(id: tick.expectation, text: tick.text, level: tick.level.isEmpty ? nil : tick.level)
            entry.tickedAt = tick.at
            entry.evidenceDate = tracked.evidenceDate(tick.expectation)
            entry.stale = standing.isStale(tick.expectation, cutoff: cutoff)
            if let note = tracked.notes[tick.expectation] { entry.note = NoteReport(text: note.text, at: note.at) }
            entry.evidence = Self.log(tracked, tick.expectation)
            entry.assessment = tracked.assessments[tick.expectation].map(AssessmentReport.init)
            return entry
        }
        for tick in tracked.ticks.values {
            switch tracked.assessments[tick.expectation] {
            case .none: report.reviewerView.notReviewed += 1
            case .some(let a) where a.verdict == .confirmed: report.reviewerView.confirmed += 1
            case .some(let a) where a.isOpen: report.reviewerView.questionedOpen += 1
            case .some: report.reviewerView.questionedClosed += 1
            }
        }

        let agenda = standing.agenda(cutoff: cutoff, today: today)
        return (report, SkillAgenda(skill: profile.id, name: profile.name, questions: agenda.questions,
                                    answered: agenda.answered, stale: agenda.stale, gaps: agenda.gaps, overdue: agenda.overdue))
    }

    /// The evidence log, newest first, when it holds more than the newest note.
    static func log(_ tracked: TrackedSkill, _ expectation: String) -> [NoteReport]? {
        let log = tracked.log(expectation)
        return log.count > 1 ? log.map { NoteReport(text: $0.text, at: $0.at) } : nil
    }

    // MARK: - Changes

    /// The person's own changes in the period, by skill, gathered as the events are read.
    struct Changes {
        /// The first moment of the period; nil: since the last review that ended (an end
        /// lets go of every change before it).
        let since: String?
        let library: ProfileLibrary
        /// Each skill's changes, in the order of their first change.
        var skills: [Skill] = []
        /// Where each skill is in `skills` (the same place in both).
        var ids = KeptOnce<String>()

        struct Skill {
            var id: String
            var profile: Profile?
            /// The profile's expectation words by id.
            var texts: [String: String]
            var changes = ChangeList()
        }

        init(since: String?, library: ProfileLibrary) {
            self.since = since
            self.library = library
        }

        mutating func add(_ event: JournalEvent) {
            if since == nil, case .reviewEnd = event.change {
                skills = []
                ids = KeptOnce()
                return
            }
            guard event.change.isOwnChange, since.map({ event.at >= $0 }) ?? true, let skill = event.skill else { return }
            let position = Int(ids.position(skill))
            if position == skills.count {
                let profile = library.profile(skill)
                skills.append(Skill(id: skill, profile: profile, texts: ChangeReport.texts(profile)))
            }
            // The profile is looked at in place (only a track line names a role): a copy per change costs.
            let shape = ChangeList.Shape(event.change, texts: skills[position].texts) { role in
                skills[position].profile?.role(named: role)?.name ?? role
            }
            skills[position].changes.append(at: event.at, consume shape, note: event.change.words)
        }

        /// Tracked skills in tracking order first, then any others (since untracked).
        func groups(record: PersonRecord, library: ProfileLibrary) -> [SkillChanges] {
            let ranked = skills.enumerated().sorted { a, b in
                let ra = record.skillOrder.firstIndex(of: a.element.id) ?? Int.max
                let rb = record.skillOrder.firstIndex(of: b.element.id) ?? Int.max
                return ra != rb ? ra < rb : a.offset < b.offset
            }
            return ranked.map { _, skill in
                SkillChanges(skill: skill.id, name: skill.profile?.name ?? library.summary(skill.id)?.name ?? skill.id,
                             changes: skill.changes)
            }
        }
    }
}
