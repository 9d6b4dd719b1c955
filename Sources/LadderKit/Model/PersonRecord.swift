import Foundation

/// A person's current state: the fold of their journal, oldest event first.
public struct PersonRecord: Equatable, Sendable {
    public var id: PersonID
    public var name: String
    /// Someone you mentor (their record is kept by you, their reviewer).
    public var mentee: Bool
    /// The person's role (a role id, the same in every profile that has it) and
    /// level across skills: what the learning path reads. Nil until set.
    public var role: String?
    public var level: String?
    /// Tracked skills by profile id.
    public var skills: [String: TrackedSkill]
    /// Profile ids in the order they were first tracked.
    public var skillOrder: [String]
    /// When the last event happened, if any.
    public var lastChange: String?
    /// Every review (1:1), oldest first; the last may still be open.
    public var reviews: [Review]
    /// When the first and the last tick or step up folded happened (what the team view
    /// reads, kept so it needs no events).
    public internal(set) var firstChange: String?
    public internal(set) var lastProgress: String?
    /// The events folded, in fold order: history, "since the last review", undo.
    /// A record from a snapshot reads the events the snapshot was folded from the
    /// first time they are asked for (the history, a report, an undo); the
    /// dashboard, the skill screen and a tick never ask.
    public var events: [JournalEvent] {
        get {
            guard let earlier else { return recent }
            return recent.isEmpty ? earlier.events : earlier.events + recent
        }
        set { earlier = nil; recent = newValue }
    }
    /// `update` applied to every event of `events` in order, from `initial` (a value):
    /// what `events.reduce(into:_:)` gives, but a snapshot's record hands its earlier
    /// events on as it reads them from the journal, so a report or a history of a long
    /// journal never holds them all.
    public func reduceEvents<State>(into initial: State, _ update: (inout State, JournalEvent) -> Void) -> State {
        if let earlier, var state = earlier.reduce(into: initial, update) {
            for event in recent { update(&state, event) }
            return state
        }
        return events.reduce(into: initial, update)
    }
    /// How many events `events` holds, without reading a snapshot's from the journal.
    public var eventCount: Int { (earlier?.count ?? 0) + recent.count }
    /// The events folded after `earlier`'s (all of them when there is no `earlier`).
    private var recent: [JournalEvent]
    /// The events a snapshot's state was folded from, read on first use.
    private var earlier: EarlierEvents?
    /// Changes about skills not tracked when they were folded, by skill: applied if
    /// tracking starts later (a tick dated a little before its track line).
    var untracked: [String: [(Change, String)]] = [:]

    public init(id: PersonID, name: String? = nil) {
        self.id = id
        self.name = name ?? (id == .me ? "Me" : id.rawValue)
        mentee = false
        skills = [:]
        skillOrder = []
        reviews = []
        recent = []
    }

    /// A record whose state was folded from events it reads only when asked for them.
    init(state: PersonRecord, earlier: EarlierEvents) {
        self = state
        self.earlier = earlier
        recent = []
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
    /// applicable, answers) since the last review ended, oldest first.
    /// Counted by position in the fold, so a change in the same second as the end still shows.
    public func changesSinceLastReview() -> [JournalEvent] {
        func isEnd(_ event: JournalEvent) -> Bool { if case .reviewEnd = event.change { return true } else { return false } }
        // A review ended since the snapshot: the earlier events are not needed.
        if earlier != nil, let end = recent.lastIndex(where: isEnd) { return recent[(end + 1)...].filter(\.change.isOwnChange) }
        let events = events
        let start = events.lastIndex { if case .reviewEnd = $0.change { return true } else { return false } }.map { $0 + 1 } ?? 0
        return events[start...].filter(\.change.isOwnChange)
    }

    /// The person's own changes at or after a moment (all of them when nil).
    public func changes(since moment: String?) -> [JournalEvent] {
        events.filter { event in event.change.isOwnChange && (moment.map { event.at >= $0 } ?? true) }
    }

    /// Applies one event. Unknown kinds and events about untracked skills change
    /// nothing; an `undo` folds the record again without the events it names.
    public mutating func apply(_ event: JournalEvent) {
        if case .undo(let ids) = event.change {
            let undone = Set(ids)
            let last = max(lastChange ?? event.at, event.at)
            self = Self.fold(events.filter { !undone.contains($0.id) }, id: id)
            lastChange = last
            return
        }
        recent.append(event)
        applyState(event)
    }

    /// Applies one event to the state without keeping it in `events`.
    mutating func applyState(_ event: JournalEvent) {
        lastChange = max(lastChange ?? event.at, event.at)
        firstChange = min(firstChange ?? event.at, event.at)
        switch event.change {
        case .tick, .step: lastProgress = max(lastProgress ?? event.at, event.at)
        default: break
        }
        event.change.apply(to: &self, at: event.at)
    }

    /// The record the events make, applied in order of `at`, events with the same
    /// `at` in file order (a stable sort): two clones whose merges put the same lines
    /// in different orders fold to the same record. Events an `undo` names are left
    /// out, and so are the undo lines themselves: `events` holds what counts.
    public static func fold(_ events: [JournalEvent], id: PersonID) -> PersonRecord {
        let (counted, lastUndo) = foldOrder(events)
        var record = PersonRecord(id: id)
        record.recent.reserveCapacity(counted.count)
        for event in counted { record.apply(event) }
        if let lastUndo { record.lastChange = max(record.lastChange ?? lastUndo, lastUndo) }
        return record
    }

    /// The events the fold applies, in the order it applies them (by `at`, file order
    /// within the same `at`), without undone events and undo lines; and the time of
    /// the last undo line, which still counts as a change.
    static func foldOrder(_ events: [JournalEvent]) -> (events: [JournalEvent], lastUndo: String?) {
        var undone: Set<String> = []
        var lastUndo: String?
        for event in events {
            if case .undo(let ids) = event.change {
                undone.formUnion(ids)
                undone.insert(event.id)
                lastUndo = max(lastUndo ?? event.at, event.at)
            }
        }
        let counted = undone.isEmpty ? events : events.filter { !undone.contains($0.id) }
        if zip(counted, counted.dropFirst()).allSatisfy({ $0.at <= $1.at }) { return (counted, lastUndo) } // the usual case
        let ordered = counted.enumerated().sorted { a, b in
            a.element.at != b.element.at ? a.element.at < b.element.at : a.offset < b.offset
        }
        return (ordered.map(\.element), lastUndo)
    }
}

/// A 1:1 review session: when it started and ended, who led it, its notes, and
/// how the reviewer's view compared with the person's own (calibration).
public struct Review: Equatable, Sendable {
    public var start: String
    public var end: String?
    public var by: Reviewer?
    public var notes: [ReviewNote] = []
    /// Ticks the reviewer confirmed during this review.
    public var confirmed = 0
    /// Ticks the reviewer questioned during this review.
    public var questioned = 0
    /// Questions still open when the review ended.
    public var openAtEnd: Int?

    public init(start: String, by: Reviewer?) {
        self.start = start
        self.by = by
    }
}

public struct ReviewNote: Equatable, Sendable {
    public var text: String
    public var at: String
    public var by: Reviewer?
}

extension PersonRecord {
    /// Two records are equal when they show the same: the changes still kept aside for
    /// skills not tracked are a detail of the fold, compared by count.
    public static func == (a: PersonRecord, b: PersonRecord) -> Bool {
        a.id == b.id && a.name == b.name && a.mentee == b.mentee && a.role == b.role && a.level == b.level
            && a.skills == b.skills && a.skillOrder == b.skillOrder && a.lastChange == b.lastChange
            && a.reviews == b.reviews && a.firstChange == b.firstChange && a.lastProgress == b.lastProgress
            && a.events == b.events && a.untracked.mapValues(\.count) == b.untracked.mapValues(\.count)
    }
}

/// The events a record snapshot was folded from, read from the journal when they are
/// needed: kept once `events` asks for them all, or handed on one at a time without
/// being kept (`reduce`). Safe to share between copies of a record.
final class EarlierEvents: @unchecked Sendable {
    /// How many there are (known from the snapshot).
    let count: Int
    /// Reads them from the journal in file order, each one to `each` until it returns
    /// false (`Store.earlierEvents`): `keepsIDs`, each id once; without, repeats too.
    private let read: @Sendable (_ keepsIDs: Bool, _ each: (JournalEvent) -> Bool) -> Void
    private let lock = NSLock()
    private var loaded: [JournalEvent]?

    init(count: Int, _ read: @escaping @Sendable (_ keepsIDs: Bool, _ each: (JournalEvent) -> Bool) -> Void) {
        self.count = count
        self.read = read
    }

    /// Every one, in fold order.
    var events: [JournalEvent] {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        var events: [JournalEvent] = []
        events.reserveCapacity(count)
        read(true) { events.append($0); return true }
        let ordered = PersonRecord.foldOrder(events).events
        loaded = ordered
        return ordered
    }

    /// `update` applied to each one in fold order, from `initial`, without keeping them
    /// (unless `events` has already); nil when the file's order may not be the fold's:
    /// an undo line, a time before the one above it, or an id whose hash came before
    /// (a repeat, or two ids with one hash), which only `events` puts right.
    func reduce<State>(into initial: State, _ update: (inout State, JournalEvent) -> Void) -> State? {
        lock.lock()
        let loaded = loaded
        lock.unlock()
        if let loaded { return loaded.reduce(into: initial, update) }
        var state = initial
        var last: String?
        var ids = KeyTable(capacity: count) // a set of id hashes: 12 bytes an event, where `events` keeps each id and its line
        var inOrder = true
        read(false) { event in
            if case .undo = event.change {
                inOrder = false
            } else if let last, event.at < last {
                inOrder = false
            } else {
                inOrder = ids.insert(0, hash: EventIDHashes.hash(event.id)) { _ in true } == nil
            }
            guard inOrder else { return false }
            last = event.at
            update(&state, event)
            return true
        }
        return inOrder ? state : nil
    }
}
