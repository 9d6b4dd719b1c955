import CellGrid
import Foundation

/// Reviews (1:1s), the reviewer's view of ticks and not-applicable marks,
/// checked and turned into journal events like the other changes.
extension Changes {
    public static func startReview(_ record: PersonRecord, by reviewer: Reviewer?) throws(InputError) -> Change {
        if let open = record.openReview {
            throw InputError("a review of \(record.name) is already open since \(String(open.start.prefix(10))); end it first: ladder review end \(record.id)")
        }
        return .reviewStart(by: reviewer)
    }

    public static func reviewNote(_ text: String, _ record: PersonRecord, by reviewer: Reviewer?) throws(InputError) -> Change {
        guard record.openReview != nil else {
            throw InputError("no review of \(record.name) is open; start one: ladder review start \(record.id)")
        }
        let trimmed = try checkedText(text, what: "a review note")
        guard !trimmed.isEmpty else { throw InputError("the review note is empty") }
        return .reviewNote(note: trimmed, by: reviewer)
    }

    public static func endReview(_ record: PersonRecord, by reviewer: Reviewer?) throws(InputError) -> Change {
        guard record.openReview != nil else {
            throw InputError("no review of \(record.name) is open; start one: ladder review start \(record.id)")
        }
        return .reviewEnd(by: reviewer)
    }

    /// The reviewer confirms a tick, with an optional comment.
    public static func confirm(_ id: String, comment: String, in standing: Standing, by reviewer: Reviewer?) throws(InputError) -> Change {
        let tick = try ticked(id, in: standing)
        return .confirm(skill: standing.profile.id, expectation: tick.expectation, text: tick.text,
                        comment: try checkedText(comment, what: "a comment"), by: reviewer)
    }

    /// The reviewer questions a tick; a comment saying what is unclear is required.
    public static func question(_ id: String, comment: String, in standing: Standing, by reviewer: Reviewer?) throws(InputError) -> Change {
        let tick = try ticked(id, in: standing)
        let text = try checkedText(comment, what: "a comment")
        guard !text.isEmpty else { throw InputError("say what is unclear: a question needs a comment") }
        return .question(skill: standing.profile.id, expectation: tick.expectation, text: tick.text, comment: text, by: reviewer)
    }

    /// The reviewer accepts an answered question: it closes and counts as confirmed.
    public static func accept(_ id: String, comment: String, in standing: Standing, by reviewer: Reviewer?) throws(InputError) -> Change {
        let key = id.lowercased()
        guard let assessment = standing.tracked.assessments[key], assessment.isAnswered else {
            let why = standing.tracked.assessments[key]?.isOpen == true ? " yet: the question waits for an answer" : ""
            throw InputError("there is no answered question on '\(Safe.text(id))' in \(standing.profile.id)\(why)")
        }
        let text = standing.tracked.ticks[key]?.text ?? ""
        return .accept(skill: standing.profile.id, expectation: key, text: text,
                       comment: try checkedText(comment, what: "a comment"), by: reviewer)
    }

    /// The person answers an open question; it then waits for the reviewer.
    public static func answer(_ id: String, text: String, in standing: Standing) throws(InputError) -> Change {
        let key = id.lowercased()
        guard standing.tracked.assessments[key]?.isOpen == true else {
            throw InputError("there is no open question on '\(Safe.text(id))' in \(standing.profile.id)")
        }
        let answer = try checkedText(text, what: "an answer")
        guard !answer.isEmpty else { throw InputError("the answer is empty") }
        return .answer(skill: standing.profile.id, expectation: key, answer: answer)
    }

    /// The reviewer withdraws an open question.
    public static func withdraw(_ id: String, in standing: Standing, by reviewer: Reviewer?) throws(InputError) -> Change {
        let key = id.lowercased()
        guard standing.tracked.assessments[key]?.isOpen == true else {
            throw InputError("there is no open question on '\(Safe.text(id))' in \(standing.profile.id)")
        }
        return .withdraw(skill: standing.profile.id, expectation: key, by: reviewer)
    }

    /// Marks an expectation not applicable (a reason is required), or applicable again.
    public static func notApplicable(_ id: String, reason: String?, in standing: Standing) throws(InputError) -> Change {
        guard let (level, expectation) = try expectations([id], in: standing).first else {
            throw InputError("name an expectation id")
        }
        guard let reason else {
            return .applicable(skill: standing.profile.id, level: level, expectation: expectation.id, text: expectation.text)
        }
        let text = try checkedText(reason, what: "a reason")
        guard !text.isEmpty else { throw InputError("say why it does not apply: a reason is required") }
        return .notApplicable(skill: standing.profile.id, level: level, expectation: expectation.id, text: expectation.text, reason: text)
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
