import Foundation
import Testing
@testable import LadderKit

/// A question thread: asked, answered (waiting for the reviewer), then accepted
/// (confirmed) or asked again (open, the thread grows); withdrawn; undone.
@Suite struct QuestionThreadTests {
    let library = ProfileLibrary.bundled()
    var profile: Profile { library.profile("serverless-functions") ?? library.profiles[0] }
    var id: String { profile.role(named: "cloud-engineer")?.level("Senior")?.expectations.first?.id ?? "" }
    let olga = Reviewer(id: "olga-petrova", name: "Olga Petrova")

    /// Ana with one Senior tick, questioned by Olga.
    func asked() throws -> PersonRecord {
        var record = PersonRecord(id: PersonID(name: "Ana"))
        let e = try #require(profile.role(named: "cloud-engineer")?.level("Senior")?.expectations.first)
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Middle"), at: "2026-05-01T00:00:00Z"))
        record.apply(JournalEvent(.tick(skill: profile.id, level: "Senior", expectation: e.id, text: e.text), at: "2026-05-02T00:00:00Z"))
        record.apply(JournalEvent(try Changes.question(id, comment: "which service?", in: standing(record), by: olga), at: "2026-05-03T00:00:00Z"))
        return record
    }

    func standing(_ record: PersonRecord) throws -> Standing { try Changes.tracked(profile.id, in: record, library: library) }
    func assessment(_ record: PersonRecord) -> Assessment? { record.skills[profile.id]?.assessments[id] }

    @Test func anAnswerWaitsForTheReviewerUntilAccepted() throws {
        var record = try asked()
        #expect(assessment(record)?.state == "open")
        #expect(throws: InputError.self) { try Changes.accept(id, comment: "", in: standing(record), by: olga) }
        record.apply(JournalEvent(try Changes.answer(id, text: "billing, PR #9", in: standing(record)), at: "2026-05-04T00:00:00Z"))
        let answered = try #require(assessment(record))
        #expect(answered.state == "answered")
        // The team view's meaning: questioned, answered, not withdrawn.
        #expect(answered.verdict == .questioned && answered.answer != nil && !answered.withdrawn)
        #expect(record.openQuestions == 0)
        #expect(try standing(record).agenda(cutoff: "2000-01-01", today: "2026-07-01").answered.map(\.detail) == ["billing, PR #9"])
        record.apply(JournalEvent(try Changes.accept(id, comment: "good", in: standing(record), by: olga), at: "2026-05-05T00:00:00Z"))
        let accepted = try #require(assessment(record))
        #expect(accepted.verdict == .confirmed)
        #expect(accepted.state == "accepted")
        #expect(accepted.closedAt == "2026-05-05T00:00:00Z")
        #expect(accepted.thread.map(\.step) == [.question, .answer, .accept])
        #expect(accepted.thread.map(\.by) == [olga, nil, olga])
        #expect(try standing(record).agenda(cutoff: "2000-01-01", today: "2026-07-01").answered.isEmpty)
        #expect(throws: InputError.self) { try Changes.accept(id, comment: "", in: standing(record), by: olga) }
    }

    @Test func askingAgainReopensTheQuestionAndTheThreadGrows() throws {
        var record = try asked()
        record.apply(JournalEvent(try Changes.answer(id, text: "billing", in: standing(record)), at: "2026-05-04T00:00:00Z"))
        record.apply(JournalEvent(try Changes.question(id, comment: "which PR?", in: standing(record), by: olga), at: "2026-05-05T00:00:00Z"))
        let again = try #require(assessment(record))
        #expect(again.state == "open")
        #expect(again.comment == "which PR?")
        #expect(again.answer == nil)
        #expect(again.thread.map(\.step) == [.question, .answer, .askAgain])
        #expect(again.thread.map(\.text) == ["which service?", "billing", "which PR?"])
        record.apply(JournalEvent(try Changes.answer(id, text: "PR #9", in: standing(record)), at: "2026-05-06T00:00:00Z"))
        #expect(assessment(record)?.thread.count == 4)
        #expect(assessment(record)?.state == "answered")
    }

    @Test func aWithdrawnQuestionStartsAFreshThreadWhenAskedAgain() throws {
        var record = try asked()
        record.apply(JournalEvent(try Changes.withdraw(id, in: standing(record), by: olga), at: "2026-05-04T00:00:00Z"))
        #expect(assessment(record)?.state == "withdrawn")
        #expect(assessment(record)?.thread.map(\.step) == [.question, .withdraw])
        record.apply(JournalEvent(try Changes.question(id, comment: "new doubt", in: standing(record), by: olga), at: "2026-05-05T00:00:00Z"))
        #expect(assessment(record)?.thread.map(\.step) == [.question])
    }

    @Test func undoingAnAcceptLeavesTheAnswerWaiting() throws {
        var record = try asked()
        record.apply(JournalEvent(try Changes.answer(id, text: "billing", in: standing(record)), at: "2026-05-04T00:00:00Z"))
        let accept = JournalEvent(try Changes.accept(id, comment: "", in: standing(record), by: olga), at: "2026-05-05T00:00:00Z")
        record.apply(accept)
        record.apply(JournalEvent(.undo(events: [accept.id]), at: "2026-05-06T00:00:00Z"))
        #expect(assessment(record)?.state == "answered")
    }

    @Test func reportsShowTheThreadWithWhoAndWhen() throws {
        var record = try asked()
        record.apply(JournalEvent(try Changes.answer(id, text: "billing", in: standing(record)), at: "2026-05-04T00:00:00Z"))
        record.apply(JournalEvent(try Changes.accept(id, comment: "thanks", in: standing(record), by: olga), at: "2026-05-05T00:00:00Z"))
        let report = PersonReport(record: record, library: library, now: try #require(JournalEvent.date("2026-05-10T00:00:00Z")))
        let a = try #require(report.skills.first?.done.first?.assessment)
        #expect(a.state == "accepted")
        #expect(a.thread.map(\.step) == ["question", "answer", "accept"])
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("  - Question thread (accepted):\n    - Asked by Olga Petrova (2026-05-03): *which service?*\n    - Answered (2026-05-04): *billing*\n    - Accepted by Olga Petrova (2026-05-05): *thanks*"))
        let json = try PrettyJSON.string(report, keys: .snakeCase)
        #expect(json.contains("\"step\" : \"accept\""))
        #expect(json.contains("\"state\" : \"accepted\""))
    }
}
