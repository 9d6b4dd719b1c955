import Testing
@testable import LadderKit
@testable import LadderTUI

/// Every main screen at a small and a large size, compared with stored text.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    func expectAtBothSizes(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (width, height) in Self.sizes {
            expectSnapshot(view(state, width: width, height: height).canvas, "\(name)-\(width)x\(height)", sourceLocation: sourceLocation)
        }
    }

    @Test func welcomeBrowserOnFirstRun() {
        expectAtBothSizes(Fixture.state(PersonRecord(id: .me)), "welcome")
    }

    @Test func rolePickerAndLevelPicker() {
        let fresh = Fixture.state(PersonRecord(id: .me))
        expectAtBothSizes(Fixture.type("Enter", into: fresh), "pick-role")
        expectAtBothSizes(Fixture.type("Enter Down Enter", into: fresh), "pick-level")
    }

    @Test func dashboard() {
        expectAtBothSizes(Fixture.state(), "dashboard")
    }

    @Test func skillScreenShowsMatrixNextLevelAndNote() {
        expectAtBothSizes(Fixture.type("Enter", into: Fixture.state()), "skill")
    }

    @Test func skillScreenAnotherLevel() {
        expectAtBothSizes(Fixture.type("Enter Right Right", into: Fixture.state()), "skill-lead")
    }

    @Test func helpScreen() {
        expectAtBothSizes(Fixture.type("?", into: Fixture.state()), "help")
    }

    @Test func asciiSymbolsForTerminalsWithoutUnicode() {
        expectSnapshot(view(Fixture.type("Enter", into: Fixture.state(unicode: false)), width: 80, height: 24).canvas, "skill-ascii-80x24")
    }

    @Test func tooSmallSaysSo() {
        let state = Fixture.state()
        expectSnapshot(view(state, width: 39, height: 12).canvas, "too-small-39x12")
        expectSnapshot(view(state, width: 10, height: 3).canvas, "too-small-10x3")
    }
}
