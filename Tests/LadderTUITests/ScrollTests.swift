import CellGrid
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// Lists keep their scroll between keys: the cursor moves inside the window and
/// the list moves only when the cursor would leave it.
@Suite struct ScrollTests {
    /// A Junior tester whose next level, Middle, has 30 expectations.
    static func app(width: Int = 80, height: Int = 24) -> TestApp {
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.track(skill: LongProfile.id, role: "tester", level: "Junior"), at: "2026-06-01T09:00:00Z"))
        let app = Fixture.app(record, profiles: [LongProfile.id + ".yaml": LongProfile.yaml()])
        app.handle(.resize(width: width, height: height))
        return app
    }

    /// The checklist row the pointer is on (the matrix marks the role with one too).
    static func pointerRow(_ canvas: Canvas) -> Int? {
        canvas.lines.firstIndex { $0.hasPrefix("› [") }
    }

    @Test func upAfterScrollingDownMovesTheCursorNotTheList() throws {
        let app = Fixture.type("Enter " + Array(repeating: "Down", count: 20).joined(separator: " "), into: Self.app())
        let down = app.screen(80, 24)
        #expect(app.state.skill.list.selection == 20)
        let scroll = app.state.skill.list.scroll
        #expect(scroll > 0, "20 rows down in a 30-item list at 80×24 scrolls")
        let bottom = try #require(Self.pointerRow(down))
        #expect(down.lines[bottom].contains("Expectation number 21."))

        Fixture.type("Up Up Up", into: app)
        let up = app.screen(80, 24)
        #expect(app.state.skill.list.selection == 17)
        #expect(app.state.skill.list.scroll == scroll, "the list does not move")
        #expect(Self.pointerRow(up) == bottom - 3, "the cursor is three rows above where it was")
        #expect(up.lines[bottom - 3].contains("Expectation number 18."))
        #expect(up.lines[bottom].contains("Expectation number 21."))
        expectSnapshot(up, "skill-scrolled-80x24")
    }

    @Test func scrollingBackToTheTopShowsTheFirstItem() {
        let app = Fixture.type("Enter G g", into: Self.app())
        #expect(app.state.skill.list.scroll == 0)
        #expect(app.screen(80, 24).text.contains("Expectation number 1."))
    }

    @Test func aSmallerWindowKeepsTheSelectionInView() throws {
        let app = Fixture.type("Enter " + Array(repeating: "Down", count: 12).joined(separator: " "), into: Self.app())
        let small = app.screen(40, 10)
        #expect(small.text.contains("Expectation number 13."), "\(small.text)")
        let large = app.screen(200, 50)
        #expect(large.text.contains("Expectation number 13."))
    }
}
