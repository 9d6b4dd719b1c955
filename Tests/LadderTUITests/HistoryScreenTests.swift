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
            record.apply(JournalEvent(.tick, at: at, skill: profile.id, level: level, item: e.id, text: e.text))
        }
        record.apply(JournalEvent(.track, at: "2025-11-01T09:00:00Z", skill: profile.id, role: "cloud-engineer", level: "Junior"))
        tick("2025-12-01T09:00:00Z", "Middle", middle[0])
        tick("2026-02-01T09:00:00Z", "Middle", middle[1])
        tick("2026-02-01T09:00:00Z", "Middle", middle[2])
        record.apply(JournalEvent(.step, at: "2026-03-01T09:00:00Z", skill: profile.id, level: "Middle"))
        tick("2026-06-01T09:00:00Z", "Senior", senior[0])
        record.apply(JournalEvent(.note, at: "2026-06-02T09:00:00Z", skill: profile.id, item: senior[0].id,
                                  text: senior[0].text, note: "Led the Lambda cold-start work, PR #412"))
        return record
    }

    static func state(_ record: PersonRecord = record(), unicode: Bool = true) -> AppState {
        var state = Fixture.state(record, unicode: unicode)
        state.now = now
        return state
    }

    @Test func hFromTheDashboardOpensItAndEscGoesBack() {
        var state = Fixture.type("H", into: Self.state())
        #expect(state.screen == .history)
        state = Fixture.type("Escape", into: state)
        #expect(state.screen == .dashboard)
        state = Fixture.type("H Enter", into: state)
        #expect(state.screen == .skill("serverless-functions"), "Enter opens the selected skill")
        state = Fixture.type("Escape", into: state)
        #expect(state.screen == .history)
    }

    @Test func snapshots() {
        let state = Fixture.type("H", into: Self.state())
        for (width, height) in [(80, 24), (120, 40)] {
            expectSnapshot(view(state, width: width, height: height).canvas, "history-\(width)x\(height)")
        }
        expectSnapshot(view(Fixture.type("H", into: Self.state(unicode: false)), width: 80, height: 24).canvas, "history-ascii-80x24")
    }

    @Test func showsSparklineLevelsAndPace() {
        let text = view(Fixture.type("H", into: Self.state()), width: 100, height: 30).canvas.text
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
        record.apply(JournalEvent(.track, at: "2026-01-01T09:00:00Z", skill: "cooking", role: "chef", level: "Junior"))
        let text = view(Fixture.type("H", into: Self.state(record)), width: 80, height: 24).canvas.text
        #expect(text.contains("profile 'cooking' not found"))
    }

    @Test func dashboardMentionsH() {
        let dashboard = view(Self.state(), width: 120, height: 40).canvas.text
        #expect(dashboard.contains("H history"))
    }

    @Test func helpMentionsH() {
        let help = view(Fixture.type("?", into: Self.state()), width: 120, height: 40).canvas.text
        #expect(help.contains("history and pace"))
    }
}
