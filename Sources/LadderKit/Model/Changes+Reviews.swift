/// Reviews (1:1s), the reviewer's view of ticks, not-applicable marks and undo,
/// checked and turned into journal events like the other changes.
extension Changes {
    public static func startReview(_ record: PersonRecord, by reviewer: String?) throws(InputError) -> JournalEvent {
        if let open = record.openReview {
            throw InputError("a review of \(record.name) is already open since \(String(open.start.prefix(10))); end it first: ladder review end \(record.id)")
        }
        return JournalEvent(.reviewStart, by: reviewer)
    }

    public static func reviewNote(_ text: String, _ record: PersonRecord, by reviewer: String?) throws(InputError) -> JournalEvent {
        guard record.openReview != nil else {
            throw InputError("no review of \(record.name) is open; start one: ladder review start \(record.id)")
        }
        let trimmed = try checkedText(text, what: "a review note")
        guard !trimmed.isEmpty else { throw InputError("the review note is empty") }
        return JournalEvent(.reviewNote, note: trimmed, by: reviewer)
    }

    public static func endReview(_ record: PersonRecord, by reviewer: String?) throws(InputError) -> JournalEvent {
        guard record.openReview != nil else {
            throw InputError("no review of \(record.name) is open; start one: ladder review start \(record.id)")
        }
        return JournalEvent(.reviewEnd, by: reviewer)
    }

    /// The reviewer confirms a tick, with an optional comment.
    public static func confirm(_ id: String, comment: String, in standing: Standing, by reviewer: String?) throws(InputError) -> JournalEvent {
        let tick = try ticked(id, in: standing)
        return JournalEvent(.confirm, skill: standing.profile.id, item: tick.item, text: tick.text,
                            note: try checkedText(comment, what: "a comment"), by: reviewer)
    }

    /// The reviewer questions a tick; a comment saying what is unclear is required.
    public static func question(_ id: String, comment: String, in standing: Standing, by reviewer: String?) throws(InputError) -> JournalEvent {
        let tick = try ticked(id, in: standing)
        let text = try checkedText(comment, what: "a comment")
        guard !text.isEmpty else { throw InputError("say what is unclear: a question needs a comment") }
        return JournalEvent(.question, skill: standing.profile.id, item: tick.item, text: tick.text, note: text, by: reviewer)
    }

    /// The person answers an open question, which closes it.
    public static func answer(_ id: String, text: String, in standing: Standing) throws(InputError) -> JournalEvent {
        let key = id.lowercased()
        guard standing.tracked.assessments[key]?.isOpen == true else {
            throw InputError("there is no open question on '\(Safe.text(id))' in \(standing.profile.id)")
        }
        let answer = try checkedText(text, what: "an answer")
        guard !answer.isEmpty else { throw InputError("the answer is empty") }
        return JournalEvent(.answer, skill: standing.profile.id, item: key, note: answer)
    }

    /// The reviewer withdraws an open question.
    public static func withdraw(_ id: String, in standing: Standing, by reviewer: String?) throws(InputError) -> JournalEvent {
        let key = id.lowercased()
        guard standing.tracked.assessments[key]?.isOpen == true else {
            throw InputError("there is no open question on '\(Safe.text(id))' in \(standing.profile.id)")
        }
        return JournalEvent(.withdraw, skill: standing.profile.id, item: key, by: reviewer)
    }

    /// Marks an expectation not applicable (a reason is required), or applicable again.
    public static func notApplicable(_ id: String, reason: String?, in standing: Standing) throws(InputError) -> JournalEvent {
        guard let (level, expectation) = try expectations([id], in: standing).first else {
            throw InputError("name an expectation id")
        }
        guard let reason else {
            return JournalEvent(.applicable, skill: standing.profile.id, level: level, item: expectation.id, text: expectation.text)
        }
        let text = try checkedText(reason, what: "a reason")
        guard !text.isEmpty else { throw InputError("say why it does not apply: a reason is required") }
        return JournalEvent(.na, skill: standing.profile.id, level: level, item: expectation.id, text: expectation.text, note: text)
    }

    /// The events that take back `events`, given the record before they were applied.
    /// Covers the person's own changes; a reviewer's confirm or question is taken
    /// back with `withdraw` or a new assessment instead. Empty when nothing can be undone.
    public static func inverse(of events: [JournalEvent], before: PersonRecord) -> [JournalEvent] {
        var undo: [JournalEvent] = []
        for event in events.reversed() {
            guard let kind = event.knownKind, let skill = event.skill else { continue }
            let old = before.skills[skill]
            let item = event.item ?? ""
            switch kind {
            case .tick:
                if old?.ticks[item] == nil { undo.append(JournalEvent(.untick, skill: skill, level: event.level, item: item, text: event.text)) }
            case .untick:
                if let tick = old?.ticks[item] { undo.append(JournalEvent(.tick, skill: skill, level: tick.level, item: item, text: tick.text)) }
            case .note:
                undo.append(JournalEvent(.note, skill: skill, item: item, text: event.text, note: old?.notes[item]?.text ?? ""))
            case .step, .track:
                if let old {
                    undo.append(JournalEvent(.track, skill: skill, role: old.role, level: old.level))
                } else {
                    undo.append(JournalEvent(.untrack, skill: skill))
                }
            case .na:
                if let reason = old?.notApplicable[item] {
                    undo.append(JournalEvent(.na, skill: skill, item: item, text: reason.text, note: reason.reason))
                } else {
                    undo.append(JournalEvent(.applicable, skill: skill, item: item, text: event.text))
                }
            case .applicable:
                if let reason = old?.notApplicable[item] {
                    undo.append(JournalEvent(.na, skill: skill, item: item, text: reason.text, note: reason.reason))
                }
            default:
                continue
            }
        }
        return undo
    }

    static func ticked(_ id: String, in standing: Standing) throws(InputError) -> Tick {
        let key = id.lowercased()
        guard let tick = standing.tracked.ticks[key] else {
            let ticked = standing.tracked.ticks.keys.sorted().joined(separator: ", ")
            throw InputError("'\(Safe.text(id))' is not ticked in \(standing.profile.id); ticked: \(ticked.isEmpty ? "none" : ticked)")
        }
        return tick
    }

    static func checkedText(_ text: String, what: String) throws(InputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 2_000 else { throw InputError("\(what) may be at most 2000 characters; this one has \(trimmed.count)") }
        return trimmed
    }
}

import Foundation
