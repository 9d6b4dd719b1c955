import Foundation
import Testing
@testable import LadderKit

/// The evidence log: each note is a dated entry, newest first; the newest decides
/// staleness; an empty note clears the log; undo takes back one entry.
@Suite struct EvidenceLogTests {
    let library = ProfileLibrary.bundled()
    var profile: Profile { library.profile("serverless-functions") ?? library.profiles[0] }
    var expectation: LadderKit.Expectation? { profile.role(named: "cloud-engineer")?.level("Senior")?.expectations.first }

    func record(notes: [(String, String)]) throws -> (PersonRecord, [JournalEvent]) {
        let e = try #require(expectation)
        var record = PersonRecord(id: PersonID(name: "Ana"))
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Middle"), at: "2025-01-01T00:00:00Z"))
        record.apply(JournalEvent(.tick(skill: profile.id, level: "Senior", expectation: e.id, text: e.text), at: "2025-01-02T00:00:00Z"))
        var events: [JournalEvent] = []
        for (text, at) in notes {
            let standing = try Changes.tracked(profile.id, in: record, library: library)
            let event = JournalEvent(try Changes.note(text, on: e.id, in: standing), at: at)
            record.apply(event)
            events.append(event)
        }
        return (record, events)
    }

    @Test func eachNoteIsAnEntryNewestFirstAndTheNewestDecidesStaleness() throws {
        let id = try #require(expectation?.id)
        let (record, _) = try record(notes: [("PR #412", "2025-02-01T00:00:00Z"), ("ran the FinOps review", "2026-06-01T00:00:00Z")])
        let tracked = try #require(record.skills[profile.id])
        #expect(tracked.log(id).map(\.text) == ["ran the FinOps review", "PR #412"])
        #expect(tracked.notes[id]?.text == "ran the FinOps review")
        #expect(tracked.evidenceDate(id) == "2026-06-01T00:00:00Z")
        let standing = try Changes.tracked(profile.id, in: record, library: library)
        #expect(!standing.isStale(id, cutoff: "2026-01-01T00:00:00Z"))
        let report = PersonReport(record: record, library: library, now: try #require(JournalEvent.date("2026-07-01T00:00:00Z")))
        let done = try #require(report.skills.first?.done.first)
        #expect(done.evidence?.map(\.text) == ["ran the FinOps review", "PR #412"])
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("  - Evidence (2026-06-01): ran the FinOps review\n  - Evidence (2025-02-01): PR #412"))
    }

    @Test func anEmptyNoteClearsTheLog() throws {
        let id = try #require(expectation?.id)
        let (record, _) = try record(notes: [("PR #412", "2025-02-01T00:00:00Z"), ("", "2025-03-01T00:00:00Z")])
        #expect(record.skills[profile.id]?.log(id).isEmpty == true)
        #expect(record.skills[profile.id]?.notes[id] == nil)
    }

    @Test func undoTakesBackOneEntry() throws {
        let id = try #require(expectation?.id)
        var (record, events) = try record(notes: [("PR #412", "2025-02-01T00:00:00Z"), ("PR #500", "2025-03-01T00:00:00Z")])
        record.apply(JournalEvent(.undo(events: [events[1].id]), at: "2025-03-02T00:00:00Z"))
        #expect(record.skills[profile.id]?.log(id).map(\.text) == ["PR #412"])
    }
}
