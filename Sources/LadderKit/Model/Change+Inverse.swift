/// How each kind of change is taken back: `u` in the UI writes the inverse as new
/// journal lines; the journal itself is never rewritten.
extension Change {
    /// The changes that take back `changes`, given the record before they were applied,
    /// newest first. Covers the person's own changes; a reviewer's confirm or question
    /// is taken back with `withdraw` or a new assessment instead. Empty when nothing
    /// can be undone.
    public static func inverse(of changes: [Change], before: PersonRecord) -> [Change] {
        changes.reversed().flatMap { $0.inverse(before: before) }
    }

    /// The changes that take this one back, given the record before it was applied.
    func inverse(before: PersonRecord) -> [Change] {
        if case .role = self { return [.role(role: before.role ?? "", level: before.level ?? "")] }
        guard let skill else { return [] }
        let old = before.skills[skill]
        switch self {
        case .tick(_, let level, let id, let text):
            return old?.ticks[id] == nil ? [.untick(skill: skill, level: level, expectation: id, text: text)] : []
        case .untick(_, _, let id, _):
            guard let tick = old?.ticks[id] else { return [] }
            return [.tick(skill: skill, level: tick.level, expectation: id, text: tick.text)]
        case .note(_, let level, let id, let text, _):
            return [.note(skill: skill, level: level, expectation: id, text: text, note: old?.notes[id]?.text ?? "")]
        case .step, .track:
            guard let old else { return [.untrack(skill: skill)] }
            return [.track(skill: skill, role: old.role, level: old.level)]
        case .notApplicable(_, let level, let id, let text, _), .applicable(_, let level, let id, let text):
            if let reason = old?.notApplicable[id] {
                return [.notApplicable(skill: skill, level: level, expectation: id, text: reason.text, reason: reason.reason)]
            }
            if case .applicable = self { return [] }
            return [.applicable(skill: skill, level: level, expectation: id, text: text)]
        case .person, .untrack, .role, .reviewStart, .reviewNote, .reviewEnd, .confirm, .question, .answer, .withdraw, .unknown:
            return []
        }
    }
}
