import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The history screen: opened with H from the dashboard, a sparkline per skill,
/// time at each level and pace, at a fixed `now` so the pictures are stable.
@Suite struct HistoryScreenTests {
    static let now = "2026-07-01T00:00:00Z"

    /// A Cloud Engineer who started at Junior in November, completed Middle by
    /// February, stepped up in March and ticked (and noted) a Senior item in June.
    static func record() -> PersonRecord {
        let profile = Fixture.profile
        let role = profile.role(named: "cloud-engineer")
        let middle = role?.level("Middle")?.expectations ?? [], senior = role?.level("Senior")?.expectations ?? []
        var record = PersonRecord(id: .me)
        func tick(_ at: String, _ level: String, _ e: LadderKit.Expectation) {
            record.apply(JournalEvent(.tick(skill: profile.id, level: level, expectation: e.id, text: e.text), at: at))
        }
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Junior"), at: "2025-11-01T09:00:00Z"))
        tick("2025-12-01T09:00:00Z", "Middle", middle[0])
        tick("2026-02-01T09:00:00Z", "Middle", middle[1])
        tick("2026-02-01T09:00:00Z", "Middle", middle[2])
        record.apply(JournalEvent(.step(skill: profile.id, level: "Middle"), at: "2026-03-01T09:00:00Z"))
        tick("2026-06-01T09:00:00Z", "Senior", senior[0])
        record.apply(JournalEvent(.note(skill: profile.id, level: nil, expectation: senior[0].id, text: senior[0].text, note: "Led the Lambda cold-start work, PR #412"), at: "2026-06-02T09:00:00Z"))
        return record
    }

    static func app(_ record: PersonRecord = record(), unicode: Bool = true) -> TestApp {
        Fixture.app(record, unicode: unicode, now: now)
    }

    @Test func hFromTheDashboardOpensItAndEscGoesBack() {
        let app = Fixture.type("H", into: Self.app())
        #expect(app.state.screen == .history)
        Fixture.type("Escape", into: app)
        #expect(app.state.screen == .dashboard)
        Fixture.type("H Enter", into: app)
        #expect(app.state.screen == .skill("serverless-functions"), "Enter opens the selected skill")
        Fixture.type("Escape", into: app)
        #expect(app.state.screen == .history)
    }

    @Test func snapshots() {
        let app = Fixture.type("H", into: Self.app())
        for (width, height) in [(80, 24), (120, 40)] {
            expectSnapshot(app.screen(width, height), "history-\(width)x\(height)")
        }
        expectSnapshot(Fixture.type("H", into: Self.app(unicode: false)).screen(80, 24), "history-ascii-80x24")
    }

    /// At 40 columns a skill's title wraps whole: its level and the next are not cut off.
    @Test func aNarrowScreenWrapsTheTitleWhole() throws {
        let text = Fixture.type("H", into: Self.app()).screen(40, 14).text
        let lines = text.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("Serverless") }, "\(text)")
        let spark = try #require(lines.firstIndex { $0.contains("▁") }, "\(text)")
        let title = lines[first..<spark].joined(separator: " ").split(separator: " ").filter { $0 != "›" }
        #expect(title == "Serverless Functions · Cloud Engineer · Middle → Senior".split(separator: " "), "\(text)")
    }

    @Test func showsSparklineLevelsAndPace() {
        let text = Fixture.type("H", into: Self.app()).screen(100, 30).text
        #expect(text.contains(" Ladder · Me · History"))
        #expect(text.contains("Serverless Functions · Cloud Engineer · Middle → Senior"))
        #expect(text.contains("▁") && text.contains("█"), "0% and a complete Middle both show")
        #expect(text.contains("Senior: 1 of 3 · 33%"))
        #expect(text.contains("↑Middle"))
        #expect(text.contains("At each level: Junior 4 months, Middle 4 months (now)"))
        #expect(text.contains("Pace: Senior in about 26 weeks at the pace of the last 90 days (1 tick, 2 to go)"))
        #expect(text.contains("2026-03-01  at Middle, Senior: 0 of 3 · 0%"))
        #expect(text.contains("not a promotion guarantee"))
        #expect(text.contains("Esc back"))
    }

    @Test func aSkillWhoseProfileIsGoneSaysSo() {
        var record = Self.record()
        record.apply(JournalEvent(.track(skill: "cooking", role: "chef", level: "Junior"), at: "2026-01-01T09:00:00Z"))
        let text = Fixture.type("H", into: Self.app(record)).screen(80, 24).text
        #expect(text.contains("profile 'cooking' not found"))
    }

    @Test func dashboardMentionsH() {
        let dashboard = Self.app().screen(120, 40).text
        #expect(dashboard.contains("H history"))
    }

    @Test func helpMentionsH() {
        let help = Fixture.type("?", into: Self.app()).screen(120, 40).text
        #expect(help.contains("history and pace"))
    }

    /// With a role set, the top row says readiness across the role, and fits a narrow screen.
    @Test func readinessAcrossTheRoleOnTop() {
        var record = Self.record()
        record.apply(JournalEvent(.role(role: "cloud-engineer", level: "Middle"), at: "2026-06-03T09:00:00Z"))
        let app = Fixture.type("s H", into: Fixture.app(record, now: Self.now))
        #expect(app.state.screen == .history)
        let wide = app.screen(200, 50).lines[1]
        #expect(wide.hasPrefix(" Readiness ▂  Toward Senior: 1 of 27 · 3%, 0 of 9 Required skills complete, 8 at 0%"), "\(wide)")
        #expect(app.screen(80, 24).lines[1] == " Readiness ▂  Toward Senior: 1 of 27 · 3%")
        #expect(app.screen(40, 10).lines[1] == " ▂  Toward Senior: 1 of 27 · 3%")
    }
}
