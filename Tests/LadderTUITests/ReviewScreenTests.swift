import CellGrid
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The mentor's flow in the UI: review, confirm, question, note, end; not applicable; undo.
@Suite struct ReviewScreenTests {
    /// Ana's record (the fixture's history) plus a second tick, in her mentor Olga's
    /// Ladder, so the review has two ticks to judge.
    func twoTicks() -> TestApp {
        Fixture.type("Enter Down Space Escape", into: Fixture.app(Fixture.ana(), owner: "Olga Petrova"))
    }

    @Test func aFullReviewFromTheDashboard() throws {
        let app = Fixture.type("R", into: twoTicks())
        #expect(app.state.screen == .review)
        #expect(app.screen(100, 30).text.contains("No review of Ana Silva is open: press S to start one."))
        Fixture.type("S", into: app)
        #expect(app.state.record.openReview != nil)
        let rows = ReviewScreen.rows(app.state).map { $0.event.kind }
        #expect(rows == ["track", "tick", "note", "tick"])
        #expect(app.state.record.reviews.last?.by == Reviewer(id: "olga-petrova", name: "Olga Petrova"))
        Fixture.type("Down c", into: app)
        #expect(app.state.notice?.text.hasPrefix("Confirmed.") == true)
        Fixture.type("Down Down w which Space service? Enter", into: app)
        let senior = Fixture.senior()
        let assessments = try #require(app.state.record.skills["serverless-functions"]?.assessments)
        #expect(assessments[senior[0].id]?.verdict == .confirmed)
        #expect(assessments[senior[1].id]?.comment == "which service?")
        #expect(assessments[senior[1].id]?.isOpen == true)
        Fixture.type("r Good Space month Enter E", into: app)
        let review = try #require(app.state.record.reviews.last)
        #expect(review.notes.map(\.text) == ["Good month"])
        #expect(review.end != nil)
        #expect((review.confirmed, review.questioned, review.openAtEnd) == (1, 1, 1))
        let text = app.screen(100, 30).text
        #expect(text.contains("Nothing changed since the last review"))
        #expect(text.contains("  Serverless Functions\n    ? open question: Optimizes cost and performance. → asked: which service?"))
        #expect(text.contains(" Calibration\n  2026-07-01: 1 confirmed, 1 questioned, 1 open"))
    }

    @Test func reviewScreenSnapshot() {
        let app = Fixture.type("R S Down c Down Down w which Space service? Enter r Good Space month Enter", into: twoTicks())
        expectSnapshot(app.screen(100, 30), "review-100x30")
        expectSnapshot(Fixture.type("Escape Enter", into: app).screen(100, 30), "skill-reviewed-100x30")
    }

    @Test func theQuestionedPersonAnswersFromTheSkillScreen() throws {
        let app = Fixture.type("Enter w unclear Enter", into: Fixture.app(Fixture.ana(), owner: "Olga Petrova"))
        let id = Fixture.senior()[0].id
        #expect(app.state.record.skills["serverless-functions"]?.assessments[id]?.isOpen == true)
        Fixture.type("a PR Space 412 Enter", into: app)
        #expect(app.state.record.skills["serverless-functions"]?.assessments[id]?.answer == "PR 412")
        #expect(app.state.record.openQuestions == 0)
    }

    @Test func notApplicableAsksWhyAndLeavesTheCount() {
        let app = Fixture.type("Enter Down Down N Enter", into: Fixture.app())
        #expect(app.state.notice?.text == "say why it does not apply: a reason is required")
        Fixture.type("N no Space public Space cloud Enter", into: app)
        #expect(app.state.standing("serverless-functions")?.next?.summary == "Senior: 1 of 2 · 50% (1 not applicable)")
        #expect(app.screen(100, 30).text.contains("[-] Introduces best practices"))
        Fixture.type("N", into: app)
        #expect(app.state.standing("serverless-functions")?.next?.summary == "Senior: 1 of 3 · 33%")
    }

    @Test func peopleScreenSnapshot() throws {
        let app = Fixture.app()
        let ana = PersonID(name: "Ana Silva"), skill = Fixture.profile.id
        let middle = try #require(Fixture.profile.role(named: "platform-engineer")?.level("Middle")?.expectations)
        var events = [
            JournalEvent(.person(name: "Ana Silva", mentee: true), at: "2026-04-01T09:00:00Z"),
            JournalEvent(.track(skill: skill, role: "platform-engineer", level: "Junior"), at: "2026-04-01T09:00:00Z"),
            JournalEvent(.reviewStart(by: "Me"), at: "2026-05-01T09:00:00Z"),
            JournalEvent(.reviewEnd(by: "Me"), at: "2026-05-01T10:00:00Z"),
        ]
        for e in middle.prefix(2) {
            events.append(JournalEvent(.tick(skill: skill, level: "Middle", expectation: e.id, text: e.text), at: "2026-06-10T09:00:00Z"))
            events.append(JournalEvent(.question(skill: skill, expectation: e.id, text: e.text, comment: "Where?", by: "Me"),
                                       at: "2026-06-20T00:00:00Z"))
        }
        try app.store.append(events, for: ana)
        Fixture.type("P", into: app)
        #expect(Set(app.state.people.map(\.name)) == ["Me", "Ana Silva"])
        expectSnapshot(app.screen(100, 30), "people-100x30")
        expectSnapshot(app.screen(80, 24), "people-80x24")
    }
}

/// Nobody reviews their own ticks; screens about someone else say their name.
@Suite struct WhoseRecordTests {
    @Test func theOwnerCannotConfirmOrQuestionTheirOwnTicks() throws {
        let app = Fixture.type("Enter", into: Fixture.app(owner: "Olga Petrova"))
        let keyLine = app.screen(120, 40).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(!keyLine.contains("c confirm") && !keyLine.contains("w question"), "\(keyLine)")
        Fixture.type("c", into: app)
        #expect(app.state.notice?.text.hasPrefix("This is your own record") == true)
        Fixture.type("w", into: app)
        #expect(app.state.prompt == nil)
        #expect(app.state.record.skills["serverless-functions"]?.assessments.isEmpty == true, "nothing was written")
        Fixture.type("Escape R S", into: app)
        #expect(app.state.record.openReview == nil)
        #expect(app.screen(120, 40).text.contains(" Ladder · Olga Petrova · Review"))
    }

    @Test func theFirstRunAsksYourNameBeforeTheFirstSkill() throws {
        let folder = try TestSupport.makeTempFolder("ladder-tui-first")
        defer { TestSupport.removeFolder(folder) }
        let store = Store(folder: DataFolder(path: folder))
        try store.folder.prepare()
        let app = LadderApp(store: store, library: Fixture.library, person: .me, askOwnerName: true, environment: [:],
                            clock: { Fixture.now })
        func type(_ keys: String) { for event in KeyNames.parse(keys) { app.handle(event) } }
        app.handle(.resize(width: 100, height: 30))
        #expect(app.frame.text.contains("Welcome to Ladder. Your name"))
        type("Enter")
        #expect(app.state.prompt?.purpose == .ownerName, "an empty name asks again")
        type("Olga Space Petrova Enter")
        #expect(store.owner() == Owner(id: PersonID(name: "Olga Petrova"), name: "Olga Petrova"))
        #expect(app.frame.text.hasPrefix(" Ladder · Olga Petrova · Welcome: your role"), "\(app.frame.text)")
        type("Down Enter Down Enter")
        #expect(try store.journal(for: .me).events.map(\.kind) == ["person", "role"], "me is the owner")
        #expect(app.state.reviewer == Reviewer(id: "olga-petrova", name: "Olga Petrova"))
    }

    @Test func aMenteesScreensSayHerName() throws {
        let app = Fixture.app(Fixture.ana(), owner: "Olga Petrova")
        #expect(app.screen(80, 24).text.hasPrefix(" Ladder · Ana Silva · Ana's skills"))
        Fixture.type("Enter e", into: app)
        #expect(app.screen(80, 24).text.contains("Which role does Ana have in Serverless Functions?"))
        Fixture.type("Enter", into: app)
        #expect(app.screen(80, 24).text.contains("Ana's current level as Cloud Engineer?"))
        Fixture.type("Escape Escape", into: app)
        let keyLine = app.screen(120, 40).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(keyLine.contains("c confirm"), "a mentor confirms her mentee's ticks: \(keyLine)")
    }
}

/// Undo needs the runtime (it writes the inverse to the journal).
@Suite struct UndoTests {
    @Test func uTakesBackTheLastChangesOfThisSession() throws {
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.track(skill: "serverless-functions", role: "cloud-engineer", level: "Middle"), at: Fixture.now))
        let app = Fixture.type("Enter Space Down Space", into: Fixture.app(record))
        #expect(app.state.standing("serverless-functions")?.next?.done == 2)
        app.handle(.key(.character("u")))
        #expect(app.state.standing("serverless-functions")?.next?.done == 1)
        app.handle(.key(.character("u")))
        #expect(app.state.standing("serverless-functions")?.next?.done == 0)
        app.handle(.key(.character("u")))
        #expect(app.state.notice?.text == "Nothing to undo in this session.")
        let journal = try app.store.journal(for: .me)
        #expect(journal.events.map(\.kind) == ["track", "tick", "tick", "undo", "undo"], "undo appends; the journal is never rewritten")
    }

    /// Every kind of change is undone by `u`, which says what it took back, and the
    /// record is as it was before that change — through the same step as the app.
    @Test(arguments: [
        ("Enter", "Down Space", "ticked (Senior): Optimizes cost and performance."),
        ("Enter", "Space", "unticked: Designs infrastructure solutions with Serverless Functions."),
        ("Enter", "Down n PR Space 7 Enter", "note: Optimizes cost and performance. — PR 7"),
        ("Enter", "Down N not Space here Enter", "marked not applicable: Optimizes cost and performance. — not here"),
        ("Enter Down Space Down Space", "s y", "stepped up to Senior"),
        ("Enter", "c", "confirmed: Designs infrastructure solutions with Serverless Functions."),
        ("Enter", "w why? Enter", "questioned: Designs infrastructure solutions with Serverless Functions. — why?"),
        ("Enter w why? Enter Escape R", "Down x", "question withdrawn: Designs infrastructure solutions with Serverless Functions."),
        ("Enter w why? Enter", "a because Enter", "answered the question: Designs infrastructure solutions with Serverless Functions. — because"),
        ("Enter w why? Enter a because Enter", "A", "accepted the answer: Designs infrastructure solutions with Serverless Functions."),
        ("R S", "r good Enter", "review note — good"),
        ("", "R S", "review started"),
    ])
    func everyKindIsUndoneAndSaysWhat(setup: String, change: String, words: String) throws {
        // Ana's record in her mentor Olga's Ladder: Olga may confirm, question and review.
        let app = Fixture.type(setup, into: Fixture.app(Fixture.ana(), owner: "Olga Petrova"))
        let before = app.state.record
        Fixture.type(change, into: app)
        #expect(app.state.record != before, "the keys made a change")
        let person = app.state.person
        let lines = try app.store.journal(for: person).events.count
        Fixture.type("u", into: app)
        #expect(app.state.notice?.text == "Undone: " + words)
        #expect(app.state.record.skills == before.skills)
        #expect(app.state.record.reviews == before.reviews)
        #expect(try app.store.journal(for: person).events.count == lines + 1, "one undo line; nothing rewritten")
        #expect(try app.store.record(for: person).record.skills == before.skills, "read again, the same")
    }
}
