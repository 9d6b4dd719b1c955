import Foundation
import Testing
@testable import LadderKit

/// Focus: what a person works on, with a target day; checked, folded, undone, on the agenda.
@Suite struct FocusTests {
    let library = ProfileLibrary.bundled()
    var profile: Profile { library.profile("serverless-functions") ?? library.profiles[0] }
    var senior: [LadderKit.Expectation] { profile.role(named: "cloud-engineer")?.level("Senior")?.expectations ?? [] }
    let today = "2026-07-01"

    func record() -> PersonRecord {
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Middle"), at: "2026-05-01T00:00:00Z"))
        return record
    }

    func standing(_ record: PersonRecord) throws -> Standing {
        try Changes.tracked(profile.id, in: record, library: library)
    }

    @Test func aFocusIsSetReDatedDroppedAndEndedByItsTick() throws {
        var record = record()
        let id = senior[1].id
        let focus = try Changes.focus(id.uppercased(), due: "2026-08-31", today: today, in: standing(record))
        #expect(focus == .focus(skill: profile.id, level: "Senior", expectation: id, text: senior[1].text, due: "2026-08-31"))
        record.apply(JournalEvent(focus, at: "2026-06-01T00:00:00Z"))
        record.apply(JournalEvent(try Changes.focus(id, due: nil, today: today, in: standing(record)), at: "2026-06-02T00:00:00Z"))
        #expect(record.skills[profile.id]?.focus[id]?.since == "2026-06-01T00:00:00Z", "re-dating keeps when it started")
        #expect(record.skills[profile.id]?.focus[id]?.due == nil)
        #expect(WorkingOn(record).summary(today: today) == "Working on 1")

        let tick = JournalEvent(try Changes.tick([id], in: standing(record))[0], at: "2026-06-03T00:00:00Z")
        record.apply(tick)
        #expect(record.skills[profile.id]?.focus[id] == nil, "ticking ends the focus")
        record.apply(JournalEvent(.undo(events: [tick.id]), at: "2026-06-04T00:00:00Z"))
        #expect(record.skills[profile.id]?.focus[id] != nil, "undoing the tick brings the focus back")

        record.apply(JournalEvent(try Changes.unfocus(id, in: standing(record)), at: "2026-06-05T00:00:00Z"))
        #expect(WorkingOn(record).count == 0)
        #expect(throws: InputError.self) { try Changes.unfocus(id, in: standing(record)) }
    }

    @Test func badTargetDaysAndIdsAreRefusedWithTheProblemNamed() throws {
        let standing = try standing(record())
        let id = senior[0].id
        func message(_ body: () throws(InputError) -> Change) -> String {
            do { _ = try body(); return "" } catch { return error.message }
        }
        #expect(message { () throws(InputError) in try Changes.focus(id, due: "2026-02-30", today: today, in: standing) }.contains("not a day of the calendar"))
        #expect(message { () throws(InputError) in try Changes.focus(id, due: "2026-13-01", today: today, in: standing) }.contains("not a day of the calendar"))
        #expect(message { () throws(InputError) in try Changes.focus(id, due: "next week", today: today, in: standing) }.contains("not a date"))
        #expect(message { () throws(InputError) in try Changes.focus(id, due: "2026-06-30", today: today, in: standing) }.contains("in the past"))
        #expect(message { () throws(InputError) in try Changes.focus("nope", due: nil, today: today, in: standing) }.contains("unknown expectation id 'nope'"))
        let other = try #require(profile.role(named: "ai-product-engineer")?.level("Junior")?.expectations.first)
        #expect(message { () throws(InputError) in try Changes.focus(other.id, due: nil, today: today, in: standing) }
            .contains("not of your role Cloud Engineer"))
        #expect(CalendarDay.isValid("2028-02-29") && !CalendarDay.isValid("2027-02-29") && !CalendarDay.isValid("2026-7-1"))
    }

    @Test func theJournalLineKeepsTheTargetDay() throws {
        let event = JournalEvent(.focus(skill: "s", level: "Senior", expectation: "e1", text: "T.", due: "2026-09-01"), at: "2026-07-01T00:00:00Z")
        let line = String(decoding: try event.encodedLine(), as: UTF8.self)
        #expect(line.contains(#""due":"2026-09-01""#) && line.contains(#""kind":"focus""#))
        #expect(try JSONDecoder().decode(JournalEvent.self, from: Data(line.utf8)) == event)
        let drop = JournalEvent(.unfocus(skill: "s", expectation: "e1", text: "T."), at: "2026-07-02T00:00:00Z")
        #expect(try JSONDecoder().decode(JournalEvent.self, from: Data(drop.encodedLine())) == drop)
    }

    @Test func anOverdueFocusIsOnTheAgendaAndInTheReport() throws {
        var record = record()
        record.apply(JournalEvent(.focus(skill: profile.id, level: "Senior", expectation: senior[0].id, text: senior[0].text, due: "2026-06-15"),
                                  at: "2026-06-01T00:00:00Z"))
        record.apply(JournalEvent(.focus(skill: profile.id, level: "Senior", expectation: senior[1].id, text: senior[1].text, due: nil),
                                  at: "2026-06-02T00:00:00Z"))
        let agenda = try standing(record).agenda(cutoff: "2026-01-01T00:00:00Z", today: today)
        #expect(agenda.overdue.map(\.expectation) == [senior[0].id])
        #expect(agenda.overdue.first?.detail == "was due 2026-06-15")
        #expect(agenda.working.map(\.expectation) == [senior[0].id, senior[1].id], "dated first")
        #expect(WorkingOn(record).summary(today: today) == "Working on 2 · 1 overdue")

        let report = PersonReport(record: record, library: library, now: try #require(JournalEvent.date("2026-07-01T12:00:00Z")))
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("## Working on"))
        #expect(markdown.contains("since 2026-06-01, by 2026-06-15 — **overdue**"))
        #expect(markdown.contains("- [ ] Overdue: \(senior[0].text)"))
        let json = try PrettyJSON.string(report, keys: .snakeCase)
        #expect(json.contains(#""working_on""#) && json.contains(#""overdue" : true"#) && json.contains(#""by" : "2026-06-15""#))
    }
}
