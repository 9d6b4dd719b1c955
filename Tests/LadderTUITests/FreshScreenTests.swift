import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The UI notices a journal changed by another process (the CLI, a sync) on the
/// next key or idle second, and shows it without a key press.
@Suite struct FreshScreenTests {
    @Test func aTickWrittenElsewhereShowsOnTheNextIdleSecond() throws {
        let app = Fixture.type("Enter", into: Fixture.app())
        #expect(app.state.standing("serverless-functions")?.next?.done == 1)
        let other = Fixture.senior()[2]
        // Another process (here: the same store, as `ladder tick` would) appends a tick.
        try app.store.append([JournalEvent(.tick(skill: Fixture.profile.id, level: "Senior", expectation: other.id, text: other.text),
                                           at: Fixture.now)], for: .me)
        app.handle(.idle)
        #expect(app.state.standing("serverless-functions")?.next?.done == 2)
        #expect(app.state.notice?.text == "Me's record changed elsewhere: 1 new change shown.")
        #expect(app.screen(100, 30).text.contains("2 of 3 · 66%"))
        #expect(app.state.screen == .skill("serverless-functions"), "the screen stays")
    }

    @Test func ownSavesAreNotReportedAsChangesElsewhere() {
        let app = Fixture.type("Enter Down Space", into: Fixture.app())
        app.handle(.idle)
        #expect(app.state.notice?.text == "Ticked. Senior: 2 of 3 · 66%  (u undoes)")
        Fixture.type("Down", into: app)
        #expect(app.state.notice == nil)
    }

    @Test func aSkillUntrackedElsewhereLeavesItsScreen() throws {
        let app = Fixture.type("Enter", into: Fixture.app())
        try app.store.append([JournalEvent(.untrack(skill: Fixture.profile.id), at: Fixture.now)], for: .me)
        app.handle(.idle)
        #expect(app.state.screen != .skill("serverless-functions"))
        #expect(app.state.record.skills.isEmpty)
    }
}
