/// Readiness for the next level over time: the learning path's readiness line as it
/// stood at the end of each day the person's record changed it, replayed from the
/// journal against the profiles as they are now (as `History` replays one skill).
public enum ReadinessHistory {
    /// One point per day a tick, step, track, role or the like changed readiness, in
    /// order; none before the person has a role and level.
    public static func of(_ record: PersonRecord, library: ProfileLibrary) -> [ReadinessPoint] {
        record.reduceEvents(into: Replay(record, library: library)) { $0.add($1) }.finished()
    }

    /// `of`, one event at a time in fold order: for a reader of the events that makes
    /// more of them (a report reads them once for everything).
    struct Replay {
        let library: ProfileLibrary
        /// The record so far (its state only: no second copy of every event).
        var replay: PersonRecord
        var points: [ReadinessPoint] = []
        /// The day of the events being read, and whether one of them changed readiness.
        var day: Substring?
        var changed = false

        init(_ record: PersonRecord, library: ProfileLibrary) {
            self.library = library
            replay = PersonRecord(id: record.id)
        }

        mutating func add(_ event: JournalEvent) {
            let today = event.at.prefix(10)
            if today != day {
                close()
                (day, changed) = (today, false)
            }
            replay.applyState(event)
            switch event.change {
            case .role, .untrack, .undo: changed = true
            default: changed = changed || event.change.movesProgress
            }
        }

        /// Every point, the last day's too.
        func finished() -> [ReadinessPoint] {
            var finished = self
            finished.close()
            return finished.points
        }

        private mutating func close() {
            guard changed, let day, let point = point(replay, library: library, day: String(day)) else { return }
            if let last = points.last, last.sameValue(as: point) { return }
            points.append(point)
        }
    }

    /// Readiness of the record as it is, on `day`; nil without a role and level or a path for them.
    static func point(_ record: PersonRecord, library: ProfileLibrary, day: String) -> ReadinessPoint? {
        guard let role = record.role, let level = record.level,
              let path = LearningPath.make(record: record, library: library, role: role, level: level, nextUpLimit: 0) else { return nil }
        return ReadinessPoint(date: day, level: level, toward: path.nextLevel, readiness: path.readiness)
    }

    /// The point in effect at the end of `day` (`YYYY-MM-DD`): the last one on or before it.
    public static func at(_ day: String, in points: [ReadinessPoint]) -> ReadinessPoint? {
        points.last { $0.date <= day }
    }

    /// "up from 10% on 2026-05-01 (+17 points)", "no change since 2026-05-01", or nil
    /// when there is nothing to compare: no earlier point, or one toward another level.
    public static func trend(from then: ReadinessPoint?, to now: ReadinessPoint?) -> String? {
        guard let then, let now, then.toward != nil, then.toward == now.toward, then.level == now.level else { return nil }
        let delta = now.percent - then.percent
        if delta == 0 && now.done == then.done { return "no change since \(then.date)" }
        let direction = delta >= 0 ? "up" : "down"
        return "\(direction) from \(then.percent)% on \(then.date) (\(delta >= 0 ? "+" : "")\(delta) points)"
    }
}

/// Readiness toward the next level at the end of one day.
public struct ReadinessPoint: Equatable, Sendable, Encodable {
    /// `YYYY-MM-DD` (UTC).
    public var date: String
    public var level: String
    /// The level measured toward; nil at the top.
    public var toward: String?
    public var requiredSkills: Int
    public var requiredSkillsComplete: Int
    public var done: Int
    public var total: Int
    public var percent: Int

    public init(date: String, level: String, toward: String?, readiness: Readiness) {
        self.date = date
        self.level = level
        self.toward = toward
        requiredSkills = readiness.requiredSkills
        requiredSkillsComplete = readiness.requiredSkillsComplete
        done = readiness.done
        total = readiness.total
        percent = readiness.percent
    }

    /// The same standing, whatever the day.
    func sameValue(as other: ReadinessPoint) -> Bool {
        var other = other
        other.date = date
        return self == other
    }
}
