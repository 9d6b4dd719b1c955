import Foundation
import Testing
@testable import LadderKit

/// Readiness for the next level over time, replayed from the journal, and in the report.
@Suite struct ReadinessHistoryTests {
    static let library = ProfileLibrary.bundled()
    static let skill = "serverless-functions"

    /// A Middle Cloud Engineer: tracks Serverless Functions on May 1, ticks one Senior
    /// expectation on May 2, two on May 5 (one point for the day), takes one back on
    /// May 9 and writes a note on May 10 (which moves nothing).
    static func record() throws -> PersonRecord {
        let senior = try #require(library.profile(skill)?.role(named: "cloud-engineer")?.level("Senior")?.expectations)
        func tick(_ i: Int) -> Change { .tick(skill: skill, level: "Senior", expectation: senior[i].id, text: senior[i].text) }
        var record = PersonRecord(id: .me)
        let events: [(Change, String)] = [
            (.role(role: "cloud-engineer", level: "Middle"), "2026-05-01T08:00:00Z"),
            (.track(skill: skill, role: "cloud-engineer", level: "Middle"), "2026-05-01T09:00:00Z"),
            (tick(0), "2026-05-02T09:00:00Z"),
            (tick(1), "2026-05-05T09:00:00Z"), (tick(2), "2026-05-05T10:00:00Z"),
            (.reviewStart(by: "olga-petrova"), "2026-05-06T09:00:00Z"), (.reviewEnd(by: "olga-petrova"), "2026-05-06T10:00:00Z"),
            (.untick(skill: skill, level: "Senior", expectation: senior[2].id, text: senior[2].text), "2026-05-09T09:00:00Z"),
            (.note(skill: skill, level: nil, expectation: senior[0].id, text: senior[0].text, note: "PR #1"), "2026-05-10T09:00:00Z"),
        ]
        for (change, at) in events { record.apply(JournalEvent(change, at: at)) }
        return record
    }

    @Test func onePointPerDayThatMovedReadiness() throws {
        let points = ReadinessHistory.of(try Self.record(), library: Self.library)
        #expect(points.map(\.date) == ["2026-05-01", "2026-05-02", "2026-05-05", "2026-05-09"])
        #expect(points.map(\.done) == [0, 1, 3, 2])
        #expect(points.allSatisfy { $0.total == 27 && $0.toward == "Senior" && $0.requiredSkills == 9 })
        #expect(points[2].percent == 11 && points[2].requiredSkillsComplete == 1)
    }

    @Test func noRoleNoReadiness() {
        #expect(ReadinessHistory.of(PersonRecord(id: .me), library: Self.library).isEmpty)
        #expect(ReadinessReport(record: PersonRecord(id: .me), library: Self.library, periodStart: nil) == nil)
    }

    @Test func theReportSaysReadinessAndItsTrendSinceTheLastReview() throws {
        let now = try #require(JournalEvent.date("2026-05-20T00:00:00Z"))
        let report = PersonReport(record: try Self.record(), library: Self.library, now: now)
        let readiness = try #require(report.readiness)
        #expect(readiness.line == "Toward Senior: 2 of 27 · 7%, 0 of 9 Required skills complete, 8 at 0%")
        #expect(readiness.atPeriodStart?.date == "2026-05-05", "the last review ended on May 6")
        #expect(readiness.trend == "down from 11% on 2026-05-05 (-4 points)")
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("## Readiness\n\n**Cloud Engineer, Middle.** Toward Senior: 2 of 27 · 7%, 0 of 9 Required skills complete, 8 at 0% — down from 11% on 2026-05-05 (-4 points)."))
        #expect(markdown.contains("Over time: `▁▂▂▂`"))
        let json = try PrettyJSON.string(report, keys: .snakeCase)
        #expect(json.contains("\"required_at_zero\" : 8"))
        #expect(json.contains("\"at_period_start\" : {"))

        let since = PersonReport(record: try Self.record(), library: Self.library, now: now, period: .since(day: "2026-05-02"))
        #expect(since.readiness?.trend == "up from 0% on 2026-05-01 (+7 points)")
    }
}
