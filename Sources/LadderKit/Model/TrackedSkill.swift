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
    public var notApplicable: [String: Exclusion]
    /// The reviewer's latest view of each tick.
    public var assessments: [String: Assessment]
    /// Every recorded step up, oldest first.
    public var steps: [LevelStep]

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
    public func evidenceDate(_ item: String) -> String? {
        guard let tick = ticks[item] else { return nil }
        return max(tick.at, notes[item]?.at ?? tick.at)
    }

    public mutating func apply(_ event: JournalEvent, kind: JournalEvent.Kind) {
        guard let item = event.item else {
            if kind == .step, let level = event.level {
                steps.append(LevelStep(from: self.level, to: level, at: event.at))
                self.level = level
            }
            return
        }
        switch kind {
        case .tick:
            ticks[item] = Tick(item: item, text: event.text ?? "", level: event.level ?? "", at: event.at)
        case .untick:
            ticks[item] = nil
        case .note:
            if let note = event.note, !note.isEmpty {
                notes[item] = Note(text: note, at: event.at, expectation: event.text ?? "")
            } else {
                notes[item] = nil
            }
        case .na:
            notApplicable[item] = Exclusion(reason: event.note ?? "", at: event.at, text: event.text ?? "")
        case .applicable:
            notApplicable[item] = nil
        case .confirm, .question:
            assessments[item] = Assessment(verdict: kind == .confirm ? .confirmed : .questioned,
                                           comment: event.note ?? "", by: event.by, at: event.at)
        case .answer:
            guard assessments[item]?.isOpen == true else { return }
            assessments[item]?.answer = event.note ?? ""
            assessments[item]?.closedAt = event.at
        case .withdraw:
            guard assessments[item]?.isOpen == true else { return }
            assessments[item]?.withdrawn = true
            assessments[item]?.closedAt = event.at
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

/// An expectation that does not apply to the person, and why.
public struct Exclusion: Equatable, Sendable {
    public var reason: String
    public var at: String
    public var text: String
}

/// A reviewer's view of a tick: confirmed, or questioned until answered or withdrawn.
public struct Assessment: Equatable, Sendable {
    public enum Verdict: String, Sendable { case confirmed, questioned }

    public var verdict: Verdict
    public var comment: String
    public var by: String?
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
