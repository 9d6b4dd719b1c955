import CellGrid
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// A question thread through the app, as the mentor runs it: an answer waits for her
/// (! on the review and the agenda), `A` accepts it (✓, counted as confirmed), `w`
/// asks again (open, the thread grows), and `A` on an unanswered question says why not.
@Suite struct QuestionThreadScreenTests {
    var tick: String { Fixture.senior()[1].id }
    var skill: String { Fixture.profile.id }

    /// The review of Ana (her second tick questioned by Olga, maybe answered), with
    /// that tick selected.
    func reviewOnTheQuestionedTick(answered: Bool, unicode: Bool = true) throws -> TestApp {
        var record = Fixture.ana()
        let senior = Fixture.senior()
        let olga = Reviewer(id: "olga-petrova", name: "Olga Petrova")
        record.apply(JournalEvent(.tick(skill: skill, level: "Senior", expectation: tick, text: senior[1].text), at: "2026-06-04T09:00:00Z"))
        record.apply(JournalEvent(.question(skill: skill, expectation: tick, text: senior[1].text, comment: "which service?", by: olga), at: "2026-06-05T09:00:00Z"))
        if answered {
            record.apply(JournalEvent(.answer(skill: skill, expectation: tick, answer: "billing"), at: "2026-06-06T09:00:00Z"))
        }
        let app = Fixture.type("R", into: Fixture.app(record, unicode: unicode, owner: "Olga Petrova"))
        let index = try #require(ReviewScreen.items(app.state).lastIndex { $0.isChange })
        for _ in 0..<(index - app.state.review.selection) { Fixture.type("Down", into: app) }
        return app
    }

    func assessment(_ app: TestApp) -> Assessment? { app.state.record.skills[skill]?.assessments[tick] }

    @Test func anAnsweredQuestionWaitsForTheMentorWhoAcceptsIt() throws {
        let app = try reviewOnTheQuestionedTick(answered: true)
        let before = app.screen(80, 24).text
        #expect(before.contains("! ticked (Senior): Optimizes cost and performance."))
        #expect(before.contains("! answered, waiting for you: which service? → Ana Silva: billing"))
        #expect(before.contains("! answered, waiting for you: Optimizes cost and performance. → Ana Silva:"), "on the agenda")
        Fixture.type("A", into: app)
        #expect(app.state.notice?.text.hasPrefix("Answer accepted") == true)
        #expect(assessment(app)?.verdict == .confirmed)
        #expect(assessment(app)?.state == "accepted")
        #expect(try app.store.journal(for: app.state.person).events.last?.kind == "accept")
        let after = app.screen(80, 24).text
        #expect(after.contains("✓ ticked (Senior): Optimizes cost and performance."))
        #expect(after.contains("✓ answer accepted by Olga Petrova"))
        #expect(!after.contains("waiting for you"))
        Fixture.type("Enter", into: app)
        let thread = app.screen(80, 24).text
        #expect(thread.contains("? Olga Petrova asked: which service?"))
        #expect(thread.contains("! Ana Silva answered: billing"))
        #expect(thread.contains("✓ Olga Petrova accepted the answer"))
        #expect(thread.contains("Now: accepted: counts as confirmed"))
    }

    @Test func askingAgainKeepsTheThreadOpenAndGrowing() throws {
        let app = try reviewOnTheQuestionedTick(answered: true)
        Fixture.type("w", into: app)
        #expect(app.state.prompt?.label == "Ask again (what is still unclear?):")
        Fixture.type("which Space PR? Enter", into: app)
        #expect(assessment(app)?.state == "open")
        #expect(assessment(app)?.thread.map(\.step) == [.question, .answer, .askAgain])
        #expect(app.screen(80, 24).text.contains("? open question by Olga Petrova: which PR?"))
        Fixture.type("Enter", into: app)
        #expect(app.screen(80, 24).text.contains("? Olga Petrova asked again: which PR?"))
    }

    @Test func acceptingAnUnansweredQuestionSaysItWaitsForAnAnswer() throws {
        let app = try reviewOnTheQuestionedTick(answered: false)
        let lines = try app.store.journal(for: app.state.person).events.count
        Fixture.type("A", into: app)
        #expect(app.state.notice?.text.contains("waits for an answer") == true)
        #expect(try app.store.journal(for: app.state.person).events.count == lines)
        #expect(assessment(app)?.isOpen == true)
    }

    @Test func theMarksHaveAsciiFallbacks() throws {
        let app = try reviewOnTheQuestionedTick(answered: true, unicode: false)
        Fixture.type("A", into: app)
        #expect(app.screen(80, 24).text.contains("+ answer accepted by Olga Petrova"))
    }

    @Test func nobodyAcceptsAnswersOnTheirOwnRecord() {
        let app = Fixture.type("Enter", into: Fixture.app(owner: "Olga Petrova"))
        #expect(!SkillScreen.keys(app.state).contains { $0.0 == "A" })
        Fixture.type("A", into: app)
        #expect(app.state.notice?.text.hasPrefix("This is your own record") == true)
    }
}
