import CellGrid
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The learning plan through the app: `f` on the skill screen, the focus on the
/// path and the dashboard, resources under the selected expectation.
@Suite struct PlanScreenTests {
    /// A Middle Cloud Engineer tracking the resource profile, on its skill screen.
    static func app() -> TestApp {
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.track(skill: ResourceProfile.id, role: "cloud-engineer", level: "Middle"), at: "2026-05-01T09:00:00Z"))
        let app = Fixture.app(record, profiles: ["\(ResourceProfile.id).yaml": ResourceProfile.yaml()])
        Fixture.type("Enter", into: app)
        return app
    }

    static func focus(_ app: TestApp, _ id: String) -> Focus? {
        app.state.record.skills[ResourceProfile.id]?.focus[id]
    }

    @Test func fSetsAFocusWithADayThenDropsItAndTickingEndsIt() throws {
        let app = Self.app()
        #expect(app.state.screen == .skill(ResourceProfile.id))
        Fixture.type("f 2026-02-30 Enter", into: app)
        #expect(Self.focus(app, "s1") == nil, "an impossible day writes nothing")
        #expect(app.state.notice?.text.contains("not a day of the calendar") == true)
        Fixture.type("f 2026-08-31 Enter", into: app)
        #expect(Self.focus(app, "s1")?.due == "2026-08-31")
        #expect(app.screen(80, 24).text.contains("working on it since 2026-07-01, by 2026-08-31"))
        Fixture.type("u", into: app)
        #expect(Self.focus(app, "s1") == nil, "u takes the focus back")
        Fixture.type("f Enter", into: app)
        #expect(Self.focus(app, "s1") != nil && Self.focus(app, "s1")?.due == nil, "Enter for no day")
        Fixture.type("Space", into: app)
        #expect(Self.focus(app, "s1") == nil, "ticking ends the focus")
        Fixture.type("u", into: app)
        #expect(Self.focus(app, "s1") != nil, "undoing the tick brings it back")
        Fixture.type("f", into: app)
        #expect(Self.focus(app, "s1") == nil, "f again stops working on it")
        let journal = try app.store.record(for: .me).record.events.map(\.kind)
        #expect(journal.contains("focus") && journal.contains("unfocus"))
    }

    @Test func resourcesShowUnderTheSelectedExpectationWhole() throws {
        let app = Self.app()
        Fixture.type("Down f 2099-01-01 Enter Up", into: app)
        let screen = app.screen(80, 24)
        expectSnapshot(screen, "skill-resources-80x24")
        let text = screen.text.replacingOccurrences(of: "\n        ", with: "")
        #expect(text.contains("event-driven-design?chapter=cold-starts&edition=2026#measuring-the-p99"), "the URL is whole")
        #expect(screen.text.contains("three teams."), "the 150-character title is whole")
        let small = app.screen(40, 10).text
        #expect(small.contains("Learn: 3 resources"), "a short window says how many and where to read them:\n\(small)")
    }

    /// Each drawn piece of a wrapped URL links to the whole address; so does the thread.
    @Test func aResourceURLIsALinkToTheWholeAddressOnTheSkillScreenAndTheThread() throws {
        let app = Self.app()
        let screen = app.screen(80, 24)
        let links = screen.links.filter { $0.target == ResourceProfile.url }
        #expect(links.count >= 2, "the long URL wraps over rows, each piece a link: \(screen.links)")
        for link in links {
            let text = (link.x..<(link.x + link.width)).map { screen[$0, link.y].text }.joined()
            #expect(ResourceProfile.url.contains(text), "a link covers a piece of its own address: \(text)")
        }
        #expect(screen.links.contains { $0.target == "https://wiki.example.com/serverless" }, "the skill's own resource too")
        Fixture.type("Space R", into: app)  // tick it, then the review of your own record
        #expect(app.screen(80, 24).links.isEmpty, "the review shows no addresses, so it has no links")
        Fixture.type("Down Enter", into: app)  // the tick's thread
        #expect(app.state.screen == .thread(skill: ResourceProfile.id, expectation: "s1"))
        let thread = app.screen(80, 40)
        #expect(thread.text.contains("Learn"), "\(thread.text)")
        #expect(thread.links.contains { $0.target == ResourceProfile.url }, "\(thread.text)")
    }

    /// The path's "next up" says where to learn each item, its URL a link.
    @Test func nextUpOnThePathShowsWhereToLearnIt() throws {
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.role(role: "cloud-engineer", level: "Middle"), at: "2026-05-01T09:00:00Z"))
        record.apply(JournalEvent(.track(skill: ResourceProfile.id, role: "cloud-engineer", level: "Middle"), at: "2026-05-01T09:00:00Z"))
        let app = Fixture.app(record, profiles: ["\(ResourceProfile.id).yaml": ResourceProfile.yaml()])
        Fixture.type("p", into: app)
        let screen = app.screen(100, 40)
        #expect(screen.text.contains("Learning Plan: Designs event-driven systems."), "\(screen.text)")
        #expect(screen.text.contains("- Cold starts, measured"), "\(screen.text)")
        #expect(screen.links.contains { $0.target == ResourceProfile.url }, "\(screen.text)")
    }

    @Test func theDashboardAndThePathPutTheFocusFirst() throws {
        var record = PathScreenTests.record()
        let senior = Fixture.senior()
        record.apply(JournalEvent(.focus(skill: Fixture.profile.id, level: "Senior", expectation: senior[2].id, text: senior[2].text,
                                         due: "2026-06-20"), at: "2026-06-03T09:00:00Z"))
        let app = Fixture.app(record)
        let path = try #require(PathScreen.path(app.state))
        #expect(path.nextUp.first?.expectation == senior[2].id && path.nextUp.first?.due == "2026-06-20")
        let screen = app.screen(80, 24).text
        #expect(screen.contains("Next up: what you work on, then closest to complete:"), "\(screen)")
        #expect(screen.contains("working on, by 2026-06-20, overdue)"))
        Fixture.type("s", into: app)
        #expect(app.screen(80, 24).text.contains("Working on 1 · 1 overdue"))
        Fixture.type("R", into: app)
        #expect(app.screen(100, 30).text.contains("overdue, working on: Introduces best practices and security hardening."))
    }
}
