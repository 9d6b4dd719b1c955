import CellGrid
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The mentor's flow in the UI: review, confirm, question, note, end; not applicable; undo.
@Suite struct ReviewScreenTests {
    /// Fixture's record plus a second tick, so the review has two ticks to judge.
    func twoTicks() -> AppState {
        Fixture.type("Enter Down Space Escape", into: Fixture.state())
    }

    @Test func aFullReviewFromTheDashboard() throws {
        var state = Fixture.type("R", into: twoTicks())
        #expect(state.screen == .review)
        #expect(view(state, width: 100, height: 30).canvas.text.contains("No review of Me is open: press S to start one."))
        state = Fixture.type("S", into: state)
        #expect(state.record.openReview != nil)
        let rows = ReviewScreen.rows(state).map { $0.event.kind }
        #expect(rows == ["track", "tick", "note", "tick"])
        state = Fixture.type("Down c", into: state)
        #expect(state.message?.text.hasPrefix("Confirmed.") == true)
        state = Fixture.type("Down Down w which Space service? Enter", into: state)
        let senior = Fixture.senior()
        let assessments = try #require(state.record.skills["serverless-functions"]?.assessments)
        #expect(assessments[senior[0].id]?.verdict == .confirmed)
        #expect(assessments[senior[1].id]?.comment == "which service?")
        #expect(assessments[senior[1].id]?.isOpen == true)
        state = Fixture.type("r Good Space month Enter E", into: state)
        let review = try #require(state.record.reviews.last)
        #expect(review.notes.map(\.text) == ["Good month"])
        #expect(review.end != nil)
        #expect((review.confirmed, review.questioned, review.openAtEnd) == (1, 1, 1))
        let text = view(state, width: 100, height: 30).canvas.text
        #expect(text.contains("Nothing changed since the last review"))
        #expect(text.contains("? Serverless Functions: Optimizes cost and performance. (asked: which service?)"))
        #expect(text.contains("Calibration  2026-07-01: 1 confirmed, 1 questioned, 1 open"))
    }

    @Test func reviewScreenSnapshot() {
        var state = Fixture.type("R S Down c Down Down w which Space service? Enter", into: twoTicks())
        state.record.apply(JournalEvent(.reviewNote, at: "2026-06-30T10:00:00Z", note: "Good month", by: "Me"))
        expectSnapshot(view(state, width: 100, height: 30).canvas, "review-100x30")
        expectSnapshot(view(Fixture.type("Escape Enter", into: state), width: 100, height: 30).canvas, "skill-reviewed-100x30")
    }

    @Test func theQuestionedPersonAnswersFromTheSkillScreen() throws {
        var state = Fixture.type("Enter w unclear Enter", into: Fixture.state())
        let id = Fixture.senior()[0].id
        #expect(state.record.skills["serverless-functions"]?.assessments[id]?.isOpen == true)
        state = Fixture.type("a PR Space 412 Enter", into: state)
        #expect(state.record.skills["serverless-functions"]?.assessments[id]?.answer == "PR 412")
        #expect(state.record.openQuestions == 0)
    }

    @Test func notApplicableAsksWhyAndLeavesTheCount() {
        var state = Fixture.type("Enter Down Down N Enter", into: Fixture.state())
        #expect(state.message?.text == "say why it does not apply: a reason is required")
        state = Fixture.type("N no Space public Space cloud Enter", into: state)
        #expect(state.standing("serverless-functions")?.next?.summary == "Senior: 1 of 2 · 50% (1 not applicable)")
        #expect(view(state, width: 100, height: 30).canvas.text.contains("[-] Introduces best practices"))
        state = Fixture.type("N", into: state)
        #expect(state.standing("serverless-functions")?.next?.summary == "Senior: 1 of 3 · 33%")
    }

    @Test func peopleScreenSnapshot() {
        var state = Fixture.state()
        var ana = JournalSummary(id: PersonID(name: "Ana Silva"), name: "Ana Silva", skills: 1, lastChange: "2026-06-20T00:00:00Z")
        ana.mentee = true
        ana.lastReview = "2026-05-01T00:00:00Z"
        ana.openQuestions = 2
        ana.tracked = [SkillBrief(skill: "serverless-functions", role: "platform-engineer", level: "Junior", ticked: [], notApplicable: [])]
        state.people = [JournalSummary(state.record, journal: Journal()), ana]
        state.open(.people)
        expectSnapshot(view(state, width: 100, height: 30).canvas, "people-100x30")
        expectSnapshot(view(state, width: 80, height: 24).canvas, "people-80x24")
    }
}

/// Undo needs the runtime (it writes the inverse to the journal).
@Suite struct UndoTests {
    @Test func uTakesBackTheLastChangesOfThisSession() throws {
        let home = try LadderTestSupportFolder()
        defer { home.remove() }
        let store = Store(folder: DataFolder(path: home.path))
        try store.folder.prepare()
        try store.append([JournalEvent(.track, skill: "serverless-functions", role: "cloud-engineer", level: "Middle")], for: .me)
        let app = LadderApp(store: store, library: Fixture.library, person: .me, environment: [:])
        for key in KeyNames.parse("Enter Space Down Space") { app.handle(key) }
        #expect(app.state.standing("serverless-functions")?.next?.done == 2)
        app.handle(.key(.character("u")))
        #expect(app.state.standing("serverless-functions")?.next?.done == 1)
        app.handle(.key(.character("u")))
        #expect(app.state.standing("serverless-functions")?.next?.done == 0)
        app.handle(.key(.character("u")))
        #expect(app.state.message?.text == "Nothing to undo in this session.")
        let journal = try store.journal(for: .me)
        #expect(journal.events.map(\.kind) == ["track", "tick", "tick", "untick", "untick"], "undo appends; the journal is never rewritten")
    }
}
