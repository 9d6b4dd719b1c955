import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// Every main screen at a small and a large size, compared with stored text.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    func expectAtBothSizes(_ app: TestApp, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (width, height) in Self.sizes {
            expectSnapshot(app.screen(width, height), "\(name)-\(width)x\(height)", sourceLocation: sourceLocation)
        }
    }

    @Test func welcomeAsksForYourRoleOnFirstRun() {
        expectAtBothSizes(Fixture.app(PersonRecord(id: .me)), "welcome")
        expectAtBothSizes(Fixture.type("Down Enter", into: Fixture.app(PersonRecord(id: .me))), "welcome-level")
    }

    @Test func rolePickerAndLevelPicker() {
        let pick = "a / serverless Enter Enter"
        expectAtBothSizes(Fixture.type(pick, into: Fixture.app(PersonRecord(id: .me))), "pick-role")
        expectAtBothSizes(Fixture.type(pick + " Down Enter", into: Fixture.app(PersonRecord(id: .me))), "pick-level")
    }

    @Test func dashboard() {
        expectAtBothSizes(Fixture.app(), "dashboard")
    }

    @Test func skillScreenShowsMatrixNextLevelAndNote() {
        expectAtBothSizes(Fixture.type("Enter", into: Fixture.app()), "skill")
    }

    @Test func aNarrowSkillScreenKeepsTheNextLevelInItsHeading() {
        let lines = Fixture.type("Enter", into: Fixture.app()).screen(40, 10).lines
        #expect(lines[1] == " Cloud Engineer · Middle → Senior")
        #expect(Fixture.type("Enter", into: Fixture.app()).screen(80, 24).lines[1].hasPrefix(" Cloud Engineer · level Middle → next Senior"))
    }

    @Test func skillScreenAnotherLevel() {
        expectAtBothSizes(Fixture.type("Enter Right Right", into: Fixture.app()), "skill-lead")
    }

    @Test func helpScreen() {
        expectAtBothSizes(Fixture.type("?", into: Fixture.app()), "help")
    }

    @Test func asciiSymbolsForTerminalsWithoutUnicode() {
        expectSnapshot(Fixture.type("Enter", into: Fixture.app(unicode: false)).screen(80, 24), "skill-ascii-80x24")
    }

    @Test func tooSmallSaysSo() {
        let app = Fixture.app()
        expectSnapshot(app.screen(39, 12), "too-small-39x12")
        expectSnapshot(app.screen(10, 3), "too-small-10x3")
    }
}

/// Screens in the states a reader meets less often: a prompt open, an error on the
/// message line, the review at 80×24, and a width under 60.
@Suite struct MoreSnapshotTests {
    @Test func aPromptOpenOnTheSkillScreen() {
        let app = Fixture.type("Enter Down n Owns Space the Space FinOps Space dashboard", into: Fixture.app())
        expectSnapshot(app.screen(80, 24), "skill-note-prompt-80x24")
    }

    @Test func anErrorOnTheMessageLine() {
        let app = Fixture.type("Enter Down Down N Enter", into: Fixture.app())
        #expect(app.state.notice?.isError == true)
        expectSnapshot(app.screen(80, 24), "skill-error-80x24")
    }

    @Test func theReviewAt80x24() {
        let app = Fixture.type("Enter Down Space Escape R S Down c Down Down w which Space service? Enter",
                               into: Fixture.app(Fixture.ana(), owner: "Olga Petrova"))
        expectSnapshot(app.screen(80, 24), "review-80x24")
    }

    @Test func aWidthUnder60() {
        expectSnapshot(Fixture.type("Enter", into: Fixture.app()).screen(50, 20), "skill-50x20")
        expectSnapshot(Fixture.app().screen(50, 20), "dashboard-50x20")
    }
}

/// Help at the smallest size scrolls instead of cutting its keys.
@Suite struct HelpScrollTests {
    @Test func helpScrollsAt40x10AndEveryKeyCanBeReached() {
        let app = Fixture.type("?", into: Fixture.app())
        let first = app.screen(40, 10)
        #expect(first.text.contains("↓ more"))
        expectSnapshot(first, "help-40x10")
        Fixture.type("G", into: app)
        let last = app.screen(40, 10)
        #expect(app.state.showingHelp, "scrolling keys keep help open")
        #expect(last.text.contains("not a promotion guarantee"))
        #expect(last.text.contains("↑ more"))
        Fixture.type("x", into: app)
        #expect(!app.state.showingHelp, "any other key closes it")
    }
}
