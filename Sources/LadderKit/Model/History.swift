import Foundation

/// How each tracked skill grew, replayed from the person's journal: progress toward
/// the next level after every change, the time spent at each level, and the pace.
///
/// Progress is always measured against the profile as it is now (the journal keeps
/// ids, so a reworded expectation still counts), exactly as `Standing` measures it.
public enum History {
    /// How far back the pace looks: ticks in the last 90 days.
    public static let paceWindowDays = 90
    /// Ticks made within a day of starting to track record where the person stood,
    /// not progress: the pace leaves them out.
    public static let startingDay: TimeInterval = 86_400
    /// Before this many days of tracking, no ticks yet means "too early to tell".
    public static let earlyDays = 14

    /// The history of every skill the person tracks now, in tracking order.
    public static func of(_ record: PersonRecord, library: ProfileLibrary, now: Date,
                          windowDays: Int = paceWindowDays) -> [SkillHistory] {
        record.reduceEvents(into: Replay(record, library: library, now: now, windowDays: windowDays)) { $0.add($1) }
            .histories(record, library: library, now: now)
    }

    /// `of`, one event at a time in fold order: for a reader of the events that makes
    /// more of them than the history (a report reads them once for everything).
    struct Replay {
        let windowDays: Int
        /// Ticks at or before it are out of every pace window (nil: keep them all).
        let windowStart: String?
        /// Whether to keep each skill's points (a report needs only the levels and the pace).
        let keepsPoints: Bool
        /// The record so far (its state only: no second copy of every event).
        var replay: PersonRecord
        /// Each skill the events name, by its id: where it is in `skills`. One lookup
        /// per event (four `[String: …]` lookups were a third of a long replay).
        var places = KeptOnce<String>()
        var skills: [Skill] = []

        struct Skill {
            /// Nil when the profile is gone, or the skill is no longer tracked (no history then).
            let profile: Profile?
            var builder = Builder()
            /// Its ticks and unticks after `windowStart`, for its pace.
            var ticks: [JournalEvent] = []
        }

        init(_ record: PersonRecord, library: ProfileLibrary, now: Date, windowDays: Int, keepsPoints: Bool = true) {
            for skill in record.skillOrder {
                _ = places.position(skill)
                skills.append(Skill(profile: library.profile(skill)))
            }
            self.windowDays = windowDays
            let start = JournalEvent.timestamp(now.addingTimeInterval(-Double(windowDays) * 86_400))
            windowStart = start.utf8.count == 20 ? start : nil // a four-digit year: sorts as times do
            self.keepsPoints = keepsPoints
            replay = PersonRecord(id: record.id)
        }

        mutating func add(_ event: JournalEvent) {
            // Without points a skill's level and whether it is tracked are all that is read,
            // and nothing else moves them (a step kept aside until its track line included):
            // the other changes neither start a level's span nor end one.
            let movesLevel: Bool
            switch event.change {
            case .track, .untrack, .step: movesLevel = true
            default: movesLevel = false
            }
            if movesLevel || keepsPoints { replay.applyState(event) }
            guard let skill = event.skill else { return }
            let keepsTick: Bool
            switch event.change {
            case .tick, .untick: keepsTick = windowStart.map { event.at > $0 } ?? true
            default: keepsTick = false
            }
            guard keepsTick || movesLevel || keepsPoints else { return } // nothing to look up
            let place = Int(places.position(skill))
            if place == skills.count { skills.append(Skill(profile: nil)) } // no longer tracked: only its ticks are kept
            if keepsTick { skills[place].ticks.append(event) }
            guard movesLevel || keepsPoints, let profile = skills[place].profile else { return }
            if case .untrack = event.change {
                skills[place].builder = Builder() // tracking starts over: so does its history
                return
            }
            guard event.change.movesProgress, let tracked = replay.skills[skill] else { return }
            skills[place].builder.add(event, tracked: tracked, profile: profile, keepsPoints: keepsPoints)
        }

        func histories(_ record: PersonRecord, library: ProfileLibrary, now: Date) -> [SkillHistory] {
            record.trackedSkills.map { tracked in
                let name = library.summary(tracked.skill)?.name ?? tracked.skill
                let skill = places.place(tracked.skill).map { skills[$0] }
                guard let profile = skill?.profile else {
                    return SkillHistory(skill: tracked.skill, name: name, role: tracked.role, level: tracked.level,
                                        since: tracked.since, problem: "profile '\(tracked.skill)' not found")
                }
                guard let standing = Standing(profile: profile, tracked: tracked) else {
                    return SkillHistory(skill: tracked.skill, name: name, role: tracked.role, level: tracked.level,
                                        since: tracked.since, problem: "role '\(tracked.role)' or level '\(tracked.level)' is no longer in the profile")
                }
                let builder = skill?.builder ?? Builder()
                var history = SkillHistory(skill: profile.id, name: profile.name, role: standing.role.name, level: standing.level,
                                           since: tracked.since)
                history.nextLevel = standing.nextLevel
                history.points = builder.points
                history.levels = builder.spans.map { span in
                    var span = span
                    span.days = days(from: span.from, to: span.to, now: now)
                    return span
                }
                history.pace = pace(standing, events: skill?.ticks ?? [], now: now, windowDays: windowDays)
                return history
            }
        }
    }

    /// Collects one skill's points and level spans as the journal is replayed.
    struct Builder {
        var points: [HistoryPoint] = []
        var spans: [LevelSpan] = []

        mutating func add(_ event: JournalEvent, tracked: TrackedSkill, profile: Profile, keepsPoints: Bool) {
            if spans.last?.level != tracked.level {
                if !spans.isEmpty { spans[spans.count - 1].to = event.at }
                spans.append(LevelSpan(level: tracked.level, from: event.at, steppedUp: event.kind == "step"))
            }
            guard keepsPoints, let standing = Standing(profile: profile, tracked: tracked) else { return }
            let next = standing.next
            let point = HistoryPoint(at: event.at, level: standing.level, toward: standing.nextLevel,
                                     done: next?.done ?? 0, total: next?.total ?? 0, percent: next?.percent ?? 100)
            if let last = points.last, last.at == point.at {
                points[points.count - 1] = point // several changes at once: one point
                if points.count >= 2, points[points.count - 2].sameValue(as: point) { points.removeLast() }
            } else if let last = points.last, last.sameValue(as: point) {
                return
            } else {
                points.append(point)
            }
        }
    }

    /// When the next level is in reach at the rate of ticks over the last
    /// `windowDays` days (ticks on the first day of tracking left out).
    public static func pace(_ standing: Standing, events: some Sequence<JournalEvent>, now: Date,
                            windowDays: Int = paceWindowDays) -> Pace {
        guard let next = standing.next, let nextLevel = standing.nextLevel else {
            return Pace(status: .topLevel, windowDays: windowDays, summary: "top level reached")
        }
        let remaining = next.total - next.done
        guard remaining > 0 else {
            return Pace(status: .ready, toward: nextLevel, windowDays: windowDays,
                        summary: "every \(nextLevel) expectation is ticked: ready to record the step up")
        }
        let since = JournalEvent.date(standing.tracked.since) ?? now
        let start = max(now.addingTimeInterval(-Double(windowDays) * 86_400), since.addingTimeInterval(startingDay))
        let from = JournalEvent.timestamp(start), to = JournalEvent.timestamp(now)
        var ticks = 0
        for event in events where event.skill == standing.profile.id && event.at > from && event.at <= to {
            switch event.change {
            case .tick: ticks += 1
            case .untick: ticks -= 1
            default: break
            }
        }
        let trackedDays = Int(now.timeIntervalSince(since) / 86_400)
        guard ticks > 0 else {
            if trackedDays < earlyDays {
                return Pace(status: .tooEarly, toward: nextLevel, remaining: remaining, windowDays: windowDays,
                            summary: "too early to tell: tracking started " + (trackedDays == 0 ? "today" : trackedDays == 1 ? "1 day ago" : "\(trackedDays) days ago"))
            }
            return Pace(status: .noRecentProgress, toward: nextLevel, remaining: remaining, windowDays: windowDays,
                        summary: "no recent progress: no ticks in the last \(windowDays) days")
        }
        // At least a week observed, so a burst on one day does not promise the moon.
        let observedDays = max(7, now.timeIntervalSince(start) / 86_400)
        let perWeek = Double(ticks) / observedDays * 7
        let weeks = max(1, Int((Double(remaining) / perWeek).rounded(.up)))
        return Pace(status: .inReach, toward: nextLevel, weeks: weeks, ticks: ticks, remaining: remaining, windowDays: windowDays,
                    summary: "\(nextLevel) in about \(weeks == 1 ? "1 week" : "\(weeks) weeks") at the pace of the last \(windowDays) days (\(ticks == 1 ? "1 tick" : "\(ticks) ticks"), \(remaining) to go)")
    }

    /// Whole days between two journal times (`to` nil: now); 0 when unreadable.
    static func days(from: String, to: String?, now: Date) -> Int {
        guard let start = JournalEvent.date(from) else { return 0 }
        let end = to.flatMap(JournalEvent.date) ?? now
        return max(0, Int(end.timeIntervalSince(start) / 86_400))
    }

    /// "less than a day", "3 days", "5 weeks", "4 months", "1 year 2 months": how long, roughly.
    public static func duration(days: Int) -> String {
        func plural(_ n: Int, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n) \(unit)s" }
        if days < 1 { return "less than a day" }
        if days < 14 { return plural(days, "day") }
        if days < 61 { return plural(days / 7, "week") }
        if days < 365 { return plural(days / 30, "month") }
        let years = days / 365, months = (days % 365) / 30
        return plural(years, "year") + (months > 0 ? " " + plural(months, "month") : "")
    }
}

/// One tracked skill's growth.
public struct SkillHistory: Equatable, Sendable, Encodable {
    /// Profile id and name.
    public var skill: String
    public var name: String
    /// The role's name (its id when the profile no longer has it).
    public var role: String
    public var level: String
    public var nextLevel: String?
    /// When tracking (this time) started.
    public var since: String
    /// Progress toward the next level after each change, oldest first; a change
    /// that did not move it adds no point, several at the same moment add one.
    public var points: [HistoryPoint] = []
    /// The levels held, oldest first; the last is the current one.
    public var levels: [LevelSpan] = []
    public var pace: Pace?
    /// Why there is no history: the profile or the role/level is gone.
    public var problem: String?

    /// The sample (of `samples(count, now:)`) where a moment first shows, e.g. a
    /// step up; nil before the first point or when it cannot be read.
    public func column(of moment: String, count: Int, now: Date) -> Int? {
        guard count > 1, let first = points.first, let start = JournalEvent.date(first.at),
              let time = JournalEvent.date(moment), time >= start else { return nil }
        let span = now.timeIntervalSince(start)
        guard span > 0 else { return count - 1 }
        return min(count - 1, Int((time.timeIntervalSince(start) / span * Double(count - 1)).rounded(.up)))
    }

    /// `count` samples of the progress percent at even times from the start of
    /// tracking to `now`: each the value in force then. For a sparkline.
    public func samples(_ count: Int, now: Date) -> [Int] {
        guard count > 0, let first = points.first else { return [] }
        let start = JournalEvent.date(first.at) ?? now
        let span = now.timeIntervalSince(start)
        guard span > 0, count > 1 else { return Array(repeating: points[points.count - 1].percent, count: count) }
        var values: [Int] = []
        var index = 0
        for sample in 0..<count {
            let moment = JournalEvent.timestamp(start.addingTimeInterval(span * Double(sample) / Double(count - 1)))
            while index + 1 < points.count && points[index + 1].at <= moment { index += 1 }
            values.append(points[index].percent)
        }
        return values
    }
}

/// Progress toward the next level at one moment.
public struct HistoryPoint: Equatable, Sendable, Encodable {
    public var at: String
    /// The level held then, and the one measured (nil at the top level).
    public var level: String
    public var toward: String?
    public var done: Int
    public var total: Int
    /// Whole percent; 100 at the top level.
    public var percent: Int

    func sameValue(as other: HistoryPoint) -> Bool {
        level == other.level && toward == other.toward && done == other.done && total == other.total
    }
}

/// A time at one level.
public struct LevelSpan: Equatable, Sendable, Encodable {
    public var level: String
    public var from: String
    /// When the next level began; nil for the level held now.
    public var to: String?
    /// Whole days at the level (until now for the current one).
    public var days: Int = 0
    /// Reached by a recorded step up (rather than set when tracking started or changed).
    public var steppedUp: Bool

    public init(level: String, from: String, to: String? = nil, days: Int = 0, steppedUp: Bool) {
        self.level = level
        self.from = from
        self.to = to
        self.days = days
        self.steppedUp = steppedUp
    }
}

/// At the recent rate of ticks, when the next level is in reach: an estimate to
/// talk about, not a promise.
public struct Pace: Equatable, Sendable, Encodable {
    public enum Status: String, Equatable, Sendable, Encodable {
        case inReach = "in-reach", noRecentProgress = "no-recent-progress", tooEarly = "too-early", ready, topLevel = "top-level"
    }

    public var status: Status
    /// The next level.
    public var toward: String?
    /// Roughly how many weeks until every expectation of it is ticked (in-reach only).
    public var weeks: Int?
    /// Ticks (less unticks) counted in the window.
    public var ticks = 0
    /// Expectations of the next level still open.
    public var remaining = 0
    public var windowDays: Int
    /// One line saying it, e.g. "Senior in about 6 weeks at the pace of the last 90 days (2 ticks, 1 to go)".
    public var summary: String
}
