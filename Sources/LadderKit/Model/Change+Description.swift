/// How each kind of change reads to a person: the words reports, the review screen
/// and "since the last review" use.
extension Change {
    /// The level the change names: the level of a ticked expectation, the new level
    /// of a step, the level chosen when tracking.
    public var level: String? {
        switch self {
        case .track(_, _, let level), .step(_, let level), .role(_, let level): return level
        case .tick(_, let level, _, _), .untick(_, let level, _, _), .focus(_, let level, _, _, _):
            return level.isEmpty ? nil : level
        case .note(_, let level, _, _, _), .notApplicable(_, let level, _, _, _), .applicable(_, let level, _, _): return level
        case .person, .untrack, .reviewStart, .reviewNote, .reviewEnd, .confirm, .question, .accept, .answer, .withdraw, .unfocus,
             .noteFix, .undo, .unknown:
            return nil
        }
    }

    /// The expectation's words the change carries (as they were when it was made).
    public var text: String? {
        switch self {
        case .tick(_, _, _, let text), .untick(_, _, _, let text), .notApplicable(_, _, _, let text, _),
             .applicable(_, _, _, let text), .confirm(_, _, let text, _, _), .question(_, _, let text, _, _),
             .focus(_, _, _, let text, _), .unfocus(_, _, let text), .accept(_, _, let text, _, _):
            return text
        case .note(_, _, _, let text, _): return text
        case .person, .track, .untrack, .role, .step, .reviewStart, .reviewNote, .reviewEnd, .answer, .withdraw, .noteFix, .undo,
             .unknown:
            return nil
        }
    }

    /// What the change says in the person's or reviewer's own words: a note, a reason,
    /// a comment, an answer (nil when it carries none).
    public var words: String? {
        let words: String
        switch self {
        case .note(_, _, _, _, let note), .reviewNote(let note, _), .noteFix(_, _, _, let note): words = note
        case .notApplicable(_, _, _, _, let reason): words = reason
        case .confirm(_, _, _, let comment, _), .question(_, _, _, let comment, _),
             .accept(_, _, _, let comment, _): words = comment
        case .answer(_, _, let answer): words = answer
        case .person, .track, .untrack, .role, .tick, .untick, .step, .applicable, .reviewStart, .reviewEnd, .withdraw,
             .focus, .unfocus, .undo, .unknown:
            return nil
        }
        return words.isEmpty ? nil : words
    }

    /// What happened, in a few words: "ticked (Senior)", "note removed", "stepped up to
    /// Senior". `roleName` names the role of a `track` change.
    public func verb(roleName: (String) -> String = { $0 }) -> String {
        switch self {
        case .person(let name, _): return "named \(name ?? "")"
        case .track(_, let role, let level): return "role \(roleName(role)), level \(level)"
        case .untrack: return "stopped tracking"
        case .role(let role, let level): return role.isEmpty ? "role cleared" : "path role \(roleName(role)), level \(level)"
        case .tick(_, let level, _, _): return level.isEmpty ? "ticked" : "ticked (\(level))"
        case .untick: return "unticked"
        case .note(_, _, _, _, let note): return note.isEmpty ? "note removed" : "note"
        case .step(_, let level): return "stepped up to \(level)"
        case .notApplicable: return "marked not applicable"
        case .applicable: return "applicable again"
        case .reviewStart: return "review started"
        case .reviewNote: return "review note"
        case .reviewEnd: return "review ended"
        case .confirm: return "confirmed"
        case .question: return "questioned"
        case .answer: return "answered the question"
        case .accept: return "accepted the answer"
        case .withdraw: return "question withdrawn"
        case .focus(_, _, _, _, let due): return "working on it" + (due.map { ", by \($0)" } ?? "")
        case .unfocus: return "stopped working on it"
        case .noteFix(_, _, let entry, let note):
            return (note.isEmpty ? "removed the note of " : "corrected the note of ") + String(entry.prefix(10))
        case .undo(let ids): return ids.count == 1 ? "undid a change" : "undid \(ids.count) changes"
        case .unknown(let line): return line.kind
        }
    }
}
