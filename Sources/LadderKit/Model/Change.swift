/// What one journal line changes, by kind, with exactly the fields that kind uses.
///
/// A skill is a profile id; an expectation is an expectation id; `text` keeps the
/// expectation's words at the time, so a tick whose expectation is later reworded
/// or removed can still be shown. `by` is the reviewer. Applying, inverting and
/// describing a change live beside it (`Change+Apply`, `Change+Inverse`,
/// `Change+Description`); how it is written on disk is `JournalEvent+JSON`.
public enum Change: Equatable, Sendable {
    /// Who the record is about: a name, and whether you mentor them.
    case person(name: String?, mentee: Bool?)
    /// Start tracking a skill, or change role or level in it.
    case track(skill: String, role: String, level: String)
    /// Stop tracking a skill.
    case untrack(skill: String)
    /// The person's role (a role id, matched across profiles) and level: what the
    /// learning path reads. An empty role clears both.
    case role(role: String, level: String)
    case tick(skill: String, level: String, expectation: String, text: String)
    case untick(skill: String, level: String, expectation: String, text: String)
    /// A note of evidence: adds a dated entry to the expectation's log; an empty note clears the log.
    case note(skill: String, level: String?, expectation: String, text: String?, note: String)
    /// A step up: `level` is the new level.
    case step(skill: String, level: String)
    /// The expectation does not apply to the person, and why.
    case notApplicable(skill: String, level: String?, expectation: String, text: String, reason: String)
    /// Taking a not-applicable mark back.
    case applicable(skill: String, level: String?, expectation: String, text: String)
    case reviewStart(by: Reviewer?)
    case reviewNote(note: String, by: Reviewer?)
    case reviewEnd(by: Reviewer?)
    /// The reviewer confirms a tick, with an optional comment.
    case confirm(skill: String, expectation: String, text: String, comment: String, by: Reviewer?)
    /// The reviewer questions a tick; the comment says what is unclear.
    case question(skill: String, expectation: String, text: String, comment: String, by: Reviewer?)
    /// The person's reply to an open question: answered, it waits for the reviewer.
    case answer(skill: String, expectation: String, answer: String)
    /// The reviewer accepts an answered question: it closes and counts as confirmed.
    case accept(skill: String, expectation: String, text: String, comment: String, by: Reviewer?)
    /// The reviewer takes an open question back.
    case withdraw(skill: String, expectation: String, by: Reviewer?)
    /// The person starts working on an expectation (or re-dates it): `due` is an
    /// optional target day, `YYYY-MM-DD`. Ticking the expectation ends the focus.
    case focus(skill: String, level: String, expectation: String, text: String, due: String?)
    /// The person stops working on an expectation without ticking it.
    case unfocus(skill: String, expectation: String, text: String)
    /// Corrects one entry of an expectation's evidence log, named by its time
    /// (`entry`): its words become `note`; an empty note removes the entry. The
    /// journal keeps what the entry said.
    case noteFix(skill: String, expectation: String, entry: String, note: String)
    /// Takes back earlier events of this journal, by id (`u` in the UI): the fold
    /// leaves them out, so an undone step up is no step at all. Both lines stay.
    case undo(events: [String])
    /// A line this Ladder does not understand (a newer Ladder's kind, or a known kind
    /// missing a field it needs): kept as it was, applied to nothing.
    case unknown(JournalLine)

    /// The journal format a line of this change needs: an `undo` line is format 2, so
    /// a Ladder that cannot honour it opens the journal read-only instead of showing
    /// undone changes as done.
    public var format: Int {
        switch self {
        case .undo, .noteFix: return 2  // an older Ladder would show what they take back
        default: break
        }
        return 1
    }

    /// The kind's name as the journal writes it (`"tick"`, `"review-start"`, …).
    public var kind: String {
        switch self {
        case .person: return "person"
        case .track: return "track"
        case .untrack: return "untrack"
        case .role: return "role"
        case .tick: return "tick"
        case .untick: return "untick"
        case .note: return "note"
        case .step: return "step"
        case .notApplicable: return "na"
        case .applicable: return "applicable"
        case .reviewStart: return "review-start"
        case .reviewNote: return "review-note"
        case .reviewEnd: return "review-end"
        case .confirm: return "confirm"
        case .question: return "question"
        case .answer: return "answer"
        case .accept: return "accept"
        case .withdraw: return "withdraw"
        case .focus: return "focus"
        case .unfocus: return "unfocus"
        case .noteFix: return "note-fix"
        case .undo: return "undo"
        case .unknown(let line): return line.kind
        }
    }

    /// The skill (profile id) the change is about, if any.
    public var skill: String? {
        switch self {
        case .track(let skill, _, _), .untrack(let skill), .tick(let skill, _, _, _), .untick(let skill, _, _, _),
             .note(let skill, _, _, _, _), .step(let skill, _), .notApplicable(let skill, _, _, _, _),
             .applicable(let skill, _, _, _), .confirm(let skill, _, _, _, _), .question(let skill, _, _, _, _),
             .accept(let skill, _, _, _, _), .answer(let skill, _, _), .withdraw(let skill, _, _), .focus(let skill, _, _, _, _),
             .unfocus(let skill, _, _), .noteFix(let skill, _, _, _):
            return skill
        case .person, .role, .reviewStart, .reviewNote, .reviewEnd, .undo, .unknown:
            return nil
        }
    }

    /// The expectation id the change is about, if any.
    public var expectation: String? {
        switch self {
        case .tick(_, _, let id, _), .untick(_, _, let id, _), .note(_, _, let id, _, _),
             .notApplicable(_, _, let id, _, _), .applicable(_, _, let id, _), .confirm(_, let id, _, _, _),
             .question(_, let id, _, _, _), .accept(_, let id, _, _, _), .answer(_, let id, _), .withdraw(_, let id, _),
             .focus(_, _, let id, _, _), .unfocus(_, let id, _), .noteFix(_, let id, _, _):
            return id
        case .person, .track, .untrack, .role, .step, .reviewStart, .reviewNote, .reviewEnd, .undo, .unknown:
            return nil
        }
    }

    /// A change the person makes to their own record (not a reviewer's, not a review's):
    /// what "since the last review" lists.
    public var isOwnChange: Bool {
        switch self {
        case .track, .untrack, .role, .tick, .untick, .note, .noteFix, .step, .notApplicable, .applicable, .answer, .focus,
             .unfocus:
            return true
        case .person, .reviewStart, .reviewNote, .reviewEnd, .confirm, .question, .accept, .withdraw, .undo, .unknown: return false
        }
    }

    /// A change that can move progress toward a level: a point in the history.
    public var movesProgress: Bool {
        switch self {
        case .track, .tick, .untick, .step, .notApplicable, .applicable: return true
        case .person, .untrack, .role, .note, .noteFix, .reviewStart, .reviewNote, .reviewEnd, .confirm, .question, .accept, .answer, .withdraw,
             .focus, .unfocus, .undo, .unknown:
            return false
        }
    }
}
