/// A person's current state: the fold of their journal, oldest event first.
public struct PersonRecord: Equatable, Sendable {
    public var id: PersonID
    public var name: String
    /// Tracked skills by profile id.
    public var skills: [String: TrackedSkill]
    /// Profile ids in the order they were first tracked.
    public var skillOrder: [String]
    /// When the last event happened, if any.
    public var lastChange: String?

    public init(id: PersonID, name: String? = nil) {
        self.id = id
        self.name = name ?? (id == .me ? "Me" : id.rawValue)
        skills = [:]
        skillOrder = []
    }

    /// The tracked skills in the order they were first tracked.
    public var trackedSkills: [TrackedSkill] { skillOrder.compactMap { skills[$0] } }

    /// Applies one event. Unknown kinds and events about untracked skills change nothing.
    public mutating func apply(_ event: JournalEvent) {
        lastChange = max(lastChange ?? event.at, event.at)
        guard let kind = event.knownKind else { return }
        switch kind {
        case .person:
            if let name = event.name, !name.isEmpty { self.name = name }
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
        case .tick, .untick, .note, .step:
            guard let skill = event.skill, skills[skill] != nil else { return }
            skills[skill]?.apply(event, kind: kind)
        }
    }

    public static func fold(_ events: [JournalEvent], id: PersonID) -> PersonRecord {
        var record = PersonRecord(id: id)
        for event in events { record.apply(event) }
        return record
    }
}

/// One skill a person tracks: their role and level in it, what they ticked, their notes.
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
    /// Every recorded step up, oldest first.
    public var steps: [LevelStep]

    public init(skill: String, role: String, level: String, since: String) {
        self.skill = skill
        self.role = role
        self.level = level
        self.since = since
        ticks = [:]
        notes = [:]
        steps = []
    }

    public mutating func apply(_ event: JournalEvent, kind: JournalEvent.Kind) {
        switch kind {
        case .tick:
            guard let item = event.item else { return }
            ticks[item] = Tick(item: item, text: event.text ?? "", level: event.level ?? "", at: event.at)
        case .untick:
            guard let item = event.item else { return }
            ticks[item] = nil
        case .note:
            guard let item = event.item else { return }
            if let note = event.note, !note.isEmpty {
                notes[item] = Note(text: note, at: event.at, expectation: event.text ?? "")
            } else {
                notes[item] = nil
            }
        case .step:
            guard let level = event.level else { return }
            steps.append(LevelStep(from: self.level, to: level, at: event.at))
            self.level = level
        default:
            return
        }
    }
}

/// A ticked expectation, with the words it had when ticked.
public struct Tick: Equatable, Sendable {
    public var item: String
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

/// A recorded step from one level to the next.
public struct LevelStep: Equatable, Sendable {
    public var from: String
    public var to: String
    public var at: String
}
