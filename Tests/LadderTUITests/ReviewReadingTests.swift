import CellGrid
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The review made for reading in a 1:1 on a laptop: long notes and questions wrap
/// (nothing cut at 80×24, 40×10 scrolls), the thread opens with Enter, and the
/// agenda scrolls with the rest, each skill named.
@Suite struct ReviewReadingTests {
    static let note = "Led the Lambda cold-start work across three teams, cut p99 latency from 1.8 s to 240 ms, and wrote the runbook that on-call now uses; see PR #412, #9."
    static let question = "Which of these services did you design end to end, and who else worked on them? I would like to see the design document, the cost estimate made before the launch, and what changed in its first months."
    static let olga = Reviewer(id: "olga-petrova", name: "Olga Petrova")

    /// Ana with a 150-character note on her first tick and a 200-character open
    /// question from Olga on her second, in Olga's Ladder.
    func app(answered: Bool = false) -> TestApp {
        var record = Fixture.ana()
        let senior = Fixture.senior()
        let skill = Fixture.profile.id
        record.apply(JournalEvent(.note(skill: skill, level: nil, expectation: senior[0].id, text: senior[0].text, note: Self.note), at: "2026-06-03T09:00:00Z"))
        record.apply(JournalEvent(.tick(skill: skill, level: "Senior", expectation: senior[1].id, text: senior[1].text), at: "2026-06-04T09:00:00Z"))
        record.apply(JournalEvent(.question(skill: skill, expectation: senior[1].id, text: senior[1].text, comment: Self.question, by: Self.olga), at: "2026-06-05T09:00:00Z"))
        if answered {
            record.apply(JournalEvent(.answer(skill: skill, expectation: senior[1].id, answer: "The billing service, with Joe; the ADR is in the wiki."), at: "2026-06-06T09:00:00Z"))
        }
        return Fixture.app(record, owner: "Olga Petrova")
    }

    /// Everything shown while scrolling from the top to the end with Down, at a size.
    func seen(_ app: TestApp, _ width: Int, _ height: Int, presses: Int = 40) -> String {
        var text = app.screen(width, height).text
        for _ in 0..<presses { text += "\n" + Fixture.type("Down", into: app).screen(width, height).text }
        return text
    }

    /// True when every word of `words` shows somewhere in `text`.
    func showsEveryWord(_ words: String, in text: String) -> Bool {
        let shown = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        return words.split(separator: " ").allSatisfy { shown.contains(String($0)) }
    }

    @Test func theLongTextsAreAsLongAsTheIssueSays() {
        #expect(Self.note.count == 150)
        #expect(Self.question.count == 200)
    }

    @Test(arguments: [(80, 24), (40, 10)])
    func theReviewShowsEveryWordOfALongNoteAndQuestion(width: Int, height: Int) {
        let app = Fixture.type("R", into: app())
        expectSnapshot(app.screen(width, height), "review-long-\(width)x\(height)")
        let text = seen(app, width, height)
        #expect(showsEveryWord(Self.note, in: text))
        #expect(showsEveryWord(Self.question, in: text))
        #expect(showsEveryWord("? open question by Olga Petrova:", in: text))
    }

    @Test func theSkillScreenWrapsTheQuestionToo() {
        let app = Fixture.type("Enter Down", into: app())
        let text = app.screen(80, 24).text
        #expect(showsEveryWord("? open question by Olga Petrova: " + Self.question, in: text), "\(text)")
    }

    @Test func atFortyByTenTheReviewScrollsToTheAgendaWithMoreMarks() {
        let app = Fixture.type("R", into: app())
        #expect(app.screen(40, 10).text.contains("↓ more"))
        Fixture.type("G", into: app)
        let end = app.screen(40, 10).text
        expectSnapshot(app.screen(40, 10), "review-long-end-40x10")
        #expect(end.contains("↑ more"))
    }

    @Test(arguments: [(80, 24), (40, 10)])
    func enterOnATickOpensItsThread(width: Int, height: Int) throws {
        let app = Fixture.type("R", into: app(answered: true))
        // The second tick (questioned, answered) is the last change.
        let items = ReviewScreen.items(app.state)
        let index = try #require(items.lastIndex { $0.isChange })
        for _ in 0..<(index - app.state.review.selection) { Fixture.type("Down", into: app) }
        Fixture.type("Enter", into: app)
        #expect(app.state.screen == .thread(skill: Fixture.profile.id, expectation: Fixture.senior()[1].id))
        expectSnapshot(app.screen(width, height), "thread-\(width)x\(height)")
        var text = app.screen(width, height).text
        for _ in 0..<20 { text += "\n" + Fixture.type("Down", into: app).screen(width, height).text }
        #expect(showsEveryWord(Fixture.senior()[1].text, in: text))
        #expect(showsEveryWord(Self.question, in: text))
        #expect(showsEveryWord("The billing service, with Joe; the ADR is in the wiki.", in: text))
        #expect(text.contains("Now: answered, waiting for you"))
        Fixture.type("Escape", into: app)
        #expect(app.state.screen == .review)
    }

    @Test func theThreadShowsEveryPieceOfEvidenceWithItsDateNewestFirst() throws {
        let app = Fixture.type("R", into: app())
        // The first tick (with the long note) follows the track change.
        Fixture.type("Down Enter", into: app)
        let text = seen(app, 80, 24, presses: 0)
        #expect(text.contains("2026-06-01  [x] ticked (Senior)"))
        #expect(text.contains("2026-06-03  ✎ Led the Lambda cold-start work across"), "newest first")
        #expect(text.contains("2026-06-02  ✎ Led the Lambda cold-start work, PR #412"), "every entry of the log")
        let newest = try #require(text.range(of: "2026-06-03  ✎")), older = try #require(text.range(of: "2026-06-02  ✎"))
        let tick = try #require(text.range(of: "2026-06-01  [x]"))
        #expect(newest.lowerBound < older.lowerBound && older.lowerBound < tick.lowerBound)
        #expect(showsEveryWord(Self.note, in: text))
    }

    @Test func theAgendaScrollsWithEverySkillNamed() throws {
        var record = Fixture.ana()
        for (n, profile) in Fixture.library.profiles.enumerated() where profile.id != Fixture.profile.id {
            guard let role = profile.roles.first, let level = profile.levels.first else { continue }
            record.apply(JournalEvent(.track(skill: profile.id, role: role.id, level: level), at: "2026-05-0\(n % 9 + 1)T10:00:00Z"))
        }
        let app = Fixture.type("R", into: Fixture.app(record, owner: "Olga Petrova"))
        #expect(record.trackedSkills.count >= 9)
        let first = app.screen(80, 24).text
        #expect(first.contains("↓ more"))
        let text = seen(app, 80, 24, presses: 200)
        for skill in record.trackedSkills {
            guard let standing = app.state.standing(skill.skill), !standing.agenda(cutoff: app.state.staleCutoff, today: String(app.state.now.prefix(10))).isEmpty else { continue }
            #expect(text.contains("  \(standing.profile.name)"), "the agenda names \(standing.profile.name)")
        }
        #expect(text.contains("Agenda for the next 1:1"))
    }

    /// A notice longer than the width is read whole: it takes rows above the message line.
    @Test(arguments: [(80, 24), (40, 10)])
    func aLongNoticeWrapsAboveTheMessageLine(width: Int, height: Int) {
        let app = Fixture.app()  // your own record: S says who reviews it, at length
        Fixture.type("R S", into: app)
        let notice = app.state.notice?.text ?? ""
        #expect(TextWidth.of(notice) > 80, "a notice longer than the widest size here: \(notice)")
        let screen = app.screen(width, height)
        let words = screen.lines.suffix(5).joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains(notice.split(separator: " ").joined(separator: " ")), "\(screen.text)")
        #expect(screen.lines.last?.contains("? ") == true, "the key line stays: \(screen.text)")
    }
}
