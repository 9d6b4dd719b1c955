import Foundation

/// A journal line as it is on disk: a JSON object with the version, id, time and
/// kind, and the fields its kind uses (absent otherwise). Fields by kind:
/// `person` (name, mentee), `track` (skill, role, level), `untrack` (skill),
/// `role` (role, level: the person's role and level across skills; empty clears),
/// `tick`/`untick` (skill, item, text, level), `note` (skill, item, text, note, level),
/// `step` (skill, level: the new level), `na`/`applicable` (skill, item, text, note:
/// the reason, level), `review-start`/`review-end` (by), `review-note` (note, by),
/// `confirm`/`question`/`accept` (skill, item, text, note: the comment, by), `answer` (skill,
/// item, note: the reply), `withdraw` (skill, item, by), `undo` (undo: the ids of the
/// events it takes back; format 2), `focus` (skill, item, text, level, due: the
/// target day `YYYY-MM-DD`, absent for none), `unfocus` (skill, item, text), `note-fix`
/// (skill, item, entry: the time of the evidence entry, note: its new words; empty
/// removes it). `item`
/// is the expectation id. In the reviewer kinds `by` is the reviewer's person id and
/// `name` their name (older lines hold a name in `by` and no `name`).
public struct JournalLine: Codable, Equatable, Sendable {
    public var v: Int
    public var id: String
    public var at: String
    public var kind: String
    public var skill: String?
    public var role: String?
    public var level: String?
    public var item: String?
    public var text: String?
    public var note: String?
    public var name: String?
    public var by: String?
    public var mentee: Bool?
    /// On an `undo` line: the ids of the events it takes back.
    public var undo: [String]?
    /// On a `focus` line: the target day, `YYYY-MM-DD` (absent: no date).
    public var due: String?
    /// On a `note-fix` line: the time of the evidence entry it corrects.
    public var entry: String?
}

extension Change {
    /// The change a line holds; `.unknown` when its kind is not one this Ladder knows
    /// or a field the kind needs is missing.
    init(_ line: borrowing JournalLine) {
        var unknown: Change { .unknown(copy line) } // made only when needed: a copy of every line costs
        switch line.kind {
        case "person":
            self = .person(name: line.name, mentee: line.mentee)
        case "track":
            guard let skill = line.skill, let role = line.role, let level = line.level else { self = unknown; return }
            self = .track(skill: skill, role: role, level: level)
        case "untrack":
            guard let skill = line.skill else { self = unknown; return }
            self = .untrack(skill: skill)
        case "role":
            guard let role = line.role, let level = line.level else { self = unknown; return }
            self = .role(role: role, level: level)
        case "tick", "untick":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = line.kind == "tick"
                ? .tick(skill: skill, level: line.level ?? "", expectation: item, text: line.text ?? "")
                : .untick(skill: skill, level: line.level ?? "", expectation: item, text: line.text ?? "")
        case "note":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .note(skill: skill, level: line.level, expectation: item, text: line.text, note: line.note ?? "")
        case "step":
            guard let skill = line.skill, let level = line.level else { self = unknown; return }
            self = .step(skill: skill, level: level)
        case "na":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .notApplicable(skill: skill, level: line.level, expectation: item, text: line.text ?? "", reason: line.note ?? "")
        case "applicable":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .applicable(skill: skill, level: line.level, expectation: item, text: line.text ?? "")
        case "review-start":
            self = .reviewStart(by: line.reviewer)
        case "review-note":
            guard let note = line.note else { self = unknown; return }
            self = .reviewNote(note: note, by: line.reviewer)
        case "review-end":
            self = .reviewEnd(by: line.reviewer)
        case "confirm", "question":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = line.kind == "confirm"
                ? .confirm(skill: skill, expectation: item, text: line.text ?? "", comment: line.note ?? "", by: line.reviewer)
                : .question(skill: skill, expectation: item, text: line.text ?? "", comment: line.note ?? "", by: line.reviewer)
        case "accept":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .accept(skill: skill, expectation: item, text: line.text ?? "", comment: line.note ?? "", by: line.reviewer)
        case "answer":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .answer(skill: skill, expectation: item, answer: line.note ?? "")
        case "withdraw":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .withdraw(skill: skill, expectation: item, by: line.reviewer)
        case "focus":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .focus(skill: skill, level: line.level ?? "", expectation: item, text: line.text ?? "", due: line.due)
        case "unfocus":
            guard let skill = line.skill, let item = line.item else { self = unknown; return }
            self = .unfocus(skill: skill, expectation: item, text: line.text ?? "")
        case "note-fix":
            guard let skill = line.skill, let item = line.item, let entry = line.entry else { self = unknown; return }
            self = .noteFix(skill: skill, expectation: item, entry: entry, note: line.note ?? "")
        case "undo":
            guard let ids = line.undo, !ids.isEmpty else { self = unknown; return }
            self = .undo(events: ids)
        default:
            self = unknown
        }
    }
}

extension JournalLine {
    /// The reviewer of a reviewer kind: `by` and, beside it, `name`.
    var reviewer: Reviewer? {
        get { by.map { Reviewer(id: $0, name: name) } }
        set { (by, name) = (newValue?.id, newValue?.name) }
    }

    /// The line that writes an event.
    init(_ event: JournalEvent) {
        v = event.v
        id = event.id
        at = event.at
        kind = event.change.kind
        switch event.change {
        case .person(let name, let mentee):
            self.name = name
            self.mentee = mentee
        case .track(let skill, let role, let level):
            (self.skill, self.role, self.level) = (skill, role, level)
        case .untrack(let skill):
            self.skill = skill
        case .role(let role, let level):
            (self.role, self.level) = (role, level)
        case .tick(let skill, let level, let item, let text), .untick(let skill, let level, let item, let text):
            (self.skill, self.level, self.item, self.text) = (skill, level, item, text)
        case .note(let skill, let level, let item, let text, let note):
            (self.skill, self.level, self.item, self.text, self.note) = (skill, level, item, text, note)
        case .step(let skill, let level):
            (self.skill, self.level) = (skill, level)
        case .notApplicable(let skill, let level, let item, let text, let reason):
            (self.skill, self.level, self.item, self.text, self.note) = (skill, level, item, text, reason)
        case .applicable(let skill, let level, let item, let text):
            (self.skill, self.level, self.item, self.text) = (skill, level, item, text)
        case .reviewStart(let by), .reviewEnd(let by):
            reviewer = by
        case .reviewNote(let note, let by):
            (self.note, reviewer) = (note, by)
        case .confirm(let skill, let item, let text, let comment, let by),
             .question(let skill, let item, let text, let comment, let by),
             .accept(let skill, let item, let text, let comment, let by):
            (self.skill, self.item, self.text, self.note, reviewer) = (skill, item, text, comment, by)
        case .answer(let skill, let item, let answer):
            (self.skill, self.item, self.note) = (skill, item, answer)
        case .withdraw(let skill, let item, let by):
            (self.skill, self.item, reviewer) = (skill, item, by)
        case .focus(let skill, let level, let item, let text, let due):
            (self.skill, self.level, self.item, self.text, self.due) = (skill, level, item, text, due)
        case .unfocus(let skill, let item, let text):
            (self.skill, self.item, self.text) = (skill, item, text)
        case .noteFix(let skill, let item, let entry, let note):
            (self.skill, self.item, self.entry, self.note) = (skill, item, entry, note)
        case .undo(let ids):
            undo = ids
        case .unknown(let line):
            self = line
        }
    }
}

extension JournalEvent: Codable {
    public init(from decoder: Decoder) throws {
        self.init(line: try JournalLine(from: decoder))
    }

    /// The event a line holds.
    init(line: borrowing JournalLine) {
        self.init(Change(line), at: line.at, id: line.id)
        v = line.v
    }

    public func encode(to encoder: Encoder) throws {
        try JournalLine(self).encode(to: encoder)
    }

    /// The event as one JSON line (no newline), keys sorted so lines are stable.
    public func encodedLine() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
