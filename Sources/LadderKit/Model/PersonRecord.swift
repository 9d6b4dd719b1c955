/// A person's current state: the fold of their journal, oldest event first.
public struct PersonRecord: Equatable, Sendable {
    public var id: PersonID
    public var name: String
    /// Someone you mentor (their record is kept by you, their reviewer).
    public var mentee: Bool
    /// Tracked skills by profile id.
    public var skills: [String: TrackedSkill]
    /// Profile ids in the order they were first tracked.
    public var skillOrder: [String]
    /// When the last event happened, if any.
    public var lastChange: String?
    /// Every review (1:1), oldest first; the last may still be open.
    public var reviews: [Review]
    /// The events folded, in fold order: history, "since the last review", undo.
    public var events: [JournalEvent]

    public init(id: PersonID, name: String? = nil) {
        self.id = id
        self.name = name ?? (id == .me ? "Me" : id.rawValue)
        mentee = false
        skills = [:]
        skillOrder = []
        reviews = []
        events = []
    }

    /// The tracked skills in the order they were first tracked.
    public var trackedSkills: [TrackedSkill] { skillOrder.compactMap { skills[$0] } }

    /// The review in progress, if one was started and not ended.
    public var openReview: Review? { reviews.last.flatMap { $0.end == nil ? $0 : nil } }

    /// The last review that ended.
    public var lastEndedReview: Review? { reviews.last { $0.end != nil } }

    /// Questions still open across every skill.
    public var openQuestions: Int {
        skills.values.reduce(0) { $0 + $1.assessments.values.filter(\.isOpen).count }
    }

    /// The person's own changes (ticks, unticks, notes, steps, tracking, not
    /// applicable) since the last review ended, oldest first.
    /// Counted by position in the fold, so a change in the same second as the end still shows.
    public func changesSinceLastReview() -> [JournalEvent] {
        let start = events.lastIndex { $0.knownKind == .reviewEnd }.map { $0 + 1 } ?? 0
        return Self.ownChanges(events[start...])
    }

    /// The person's own changes at or after a moment (all of them when nil).
    public func changes(since moment: String?) -> [JournalEvent] {
        Self.ownChanges(events.filter { event in moment.map { event.at >= $0 } ?? true })
    }

    static func ownChanges<S: Sequence<JournalEvent>>(_ events: S) -> [JournalEvent] {
        let kinds: Set<JournalEvent.Kind> = [.track, .untrack, .tick, .untick, .note, .step, .na, .applicable, .answer]
        return events.filter { $0.knownKind.map(kinds.contains) ?? false }
    }

    /// Applies one event. Unknown kinds and events about untracked skills change nothing.
    public mutating func apply(_ event: JournalEvent) {
        lastChange = max(lastChange ?? event.at, event.at)
        events.append(event)
        guard let kind = event.knownKind else { return }
        switch kind {
        case .person:
            if let name = event.name, !name.isEmpty { self.name = name }
            if let mentee = event.mentee { self.mentee = mentee }
        case .track:
            guard let skill = event.skill, let role = event.role, let level = event.level else { return }
            if var tracked = skills[skill] {
                tracked.role = role
                tracked.level = level
                skills[skill] = tracked
            } else {
                skills[skill] = TrackedSkill(skill: skill, role: role, level: level, since: event.at)
                skillOrder.append(skill)
            }
        case .untrack:
            guard let skill = event.skill else { return }
            skills[skill] = nil
            skillOrder.removeAll { $0 == skill }
        case .reviewStart:
            if openReview == nil { reviews.append(Review(start: event.at, by: event.by)) }
        case .reviewNote:
            guard openReview != nil, let note = event.note, !note.isEmpty else { return }
            reviews[reviews.count - 1].notes.append(ReviewNote(text: note, at: event.at, by: event.by))
        case .reviewEnd:
            guard openReview != nil else { return }
            reviews[reviews.count - 1].end = event.at
            reviews[reviews.count - 1].openAtEnd = openQuestions
        case .confirm, .question:
            guard let skill = event.skill, skills[skill] != nil else { return }
            skills[skill]?.apply(event, kind: kind)
            if openReview != nil {
                if kind == .confirm { reviews[reviews.count - 1].confirmed += 1 } else { reviews[reviews.count - 1].questioned += 1 }
            }
        case .tick, .untick, .note, .step, .na, .applicable, .answer, .withdraw:
            guard let skill = event.skill, skills[skill] != nil else { return }
            skills[skill]?.apply(event, kind: kind)
        }
    }

    /// The record the events make, applied in order of `at`, events with the same
    /// `at` in file order (a stable sort): two clones whose merges put the same lines
    /// in different orders fold to the same record.
    public static func fold(_ events: [JournalEvent], id: PersonID) -> PersonRecord {
        var record = PersonRecord(id: id)
        record.events.reserveCapacity(events.count)
        if zip(events, events.dropFirst()).allSatisfy({ $0.at <= $1.at }) {
            for event in events { record.apply(event) } // already in order: the usual case
            return record
        }
        let ordered = events.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }
        for (_, event) in ordered { record.apply(event) }
        return record
    }
}

/// A 1:1 review session: when it started and ended, who led it, its notes, and
/// how the reviewer's view compared with the person's own (calibration).
public struct Review: Equatable, Sendable {
    public var start: String
    public var end: String?
    public var by: String?
    public var notes: [ReviewNote] = []
    /// Ticks the reviewer confirmed during this review.
    public var confirmed = 0
    /// Ticks the reviewer questioned during this review.
    public var questioned = 0
    /// Questions still open when the review ended.
    public var openAtEnd: Int?

    public init(start: String, by: String?) {
        self.start = start
        self.by = by
    }
}

public struct ReviewNote: Equatable, Sendable {
    public var text: String
    public var at: String
    public var by: String?
}
