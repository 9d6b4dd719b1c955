import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The learning path and the level diff, driven through the app.
@Suite struct PathScreenTests {
    /// The fixture's record with the path's role and level set: Middle Cloud Engineer,
    /// tracking Serverless Functions with one Senior expectation ticked.
    static func record() -> PersonRecord {
        var record = Fixture.record()
        record.apply(JournalEvent(.role(role: "cloud-engineer", level: "Middle"), at: "2026-05-01T09:00:01Z"))
        return record
    }

    @Test func thePathIsHomeAndAddsUpTheRequiredSkills() throws {
        let app = Fixture.app(Self.record())
        #expect(app.state.screen == .path)
        let path = try #require(PathScreen.path(app.state))
        let summaries = app.state.library.summaries
        #expect(path.skills.count == summaries.count)
        let required = path.skills.filter(\.required)
        #expect(path.readiness.requiredSkills == required.count)
        #expect(path.readiness.total == required.reduce(0) { $0 + $1.total })
        #expect(path.readiness.done == 1)
        #expect(path.skills.first?.skill == "serverless-functions", "the tracked Required skill leads the path")
        #expect(path.nextUp.first?.skill == "serverless-functions", "the closest skill's open expectations come first")
        expectSnapshot(app.screen(80, 24), "path-80x24")
        expectSnapshot(app.screen(200, 50), "path-200x50")
    }

    /// At 40×10: names whole beside a short progress, the readiness figures on one row,
    /// and the "more" marks on the heading row, over no label.
    @Test func readsWholeAt40x10() {
        let app = Fixture.app(Self.record())
        let canvas = app.screen(40, 10)
        expectSnapshot(canvas, "path-40x10")
        let lines = canvas.lines
        #expect(lines[2] == " Toward Senior: 1 of 27 · 3%")
        #expect(lines[3].hasPrefix("    SKILL") && lines[3].hasSuffix("↓ more"))
        #expect(lines[4].contains("● Serverless Functions ") && lines[4].hasSuffix("  1/3 33%"))
        Fixture.type("G", into: app)
        let end = app.screen(40, 10).lines
        #expect(end.contains { $0.hasPrefix("  ● Containers and Kubernetes") }, "the longest name, whole")
        #expect(end[3].hasSuffix("↑ more"))
        #expect(!end.joined().contains("…"), "no name is cut")
    }

    @Test func tTracksTheSelectedSkillAtYourRoleAndLevel() {
        let app = Fixture.type("Down t", into: Fixture.app(Self.record()))
        let tracked = app.state.record.trackedSkills
        #expect(tracked.count == 2)
        #expect(tracked.last?.role == "cloud-engineer" && tracked.last?.level == "Middle")
    }

    @Test func filterAndOrder() throws {
        let app = Fixture.type("/ networ", into: Fixture.app(Self.record()))
        var path = try #require(PathScreen.path(app.state))
        #expect(PathScreen.shown(app.state, path).map(\.skill) == ["cloud-networking"])
        Fixture.type("Escape", into: app)
        #expect(app.state.path.filter == "")
        Fixture.type("o o", into: app)
        #expect(app.state.path.order == .mostDone)
        path = try #require(PathScreen.path(app.state))
        #expect(PathScreen.shown(app.state, path).first?.skill == "serverless-functions")
        Fixture.type("o o", into: app)
        #expect(app.state.path.order == .path)
    }

    @Test func pOpensThePathFromAnywhereAndTheRoleWalkthroughWithoutARole() {
        let app = Fixture.type("s Enter p", into: Fixture.app(Self.record()))
        #expect(app.state.screen == .path)
        let without = Fixture.type("p", into: Fixture.app())
        #expect(without.state.screen == .pickPathRole)
    }

    @Test func dShowsWhatTheNextLevelAdds() throws {
        let app = Fixture.type("s Enter d", into: Fixture.app(Self.record()))
        #expect(app.state.screen == .diff(skill: "serverless-functions", from: "Middle", to: "Senior"))
        let diff = try #require(DiffScreen.diff(app.state))
        #expect(diff.grows.count == 1 && diff.new.count == 2)
        #expect(diff.grows.first?.from?.text.hasPrefix("Independently designs") == true)
        expectSnapshot(app.screen(80, 24), "diff-80x24")
        expectSnapshot(app.screen(200, 50), "diff-200x50")
        Fixture.type("Escape", into: app)
        #expect(app.state.screen == .skill("serverless-functions"))
    }
}
