import Foundation
import Testing
@testable import LadderKit

/// The report model, its Markdown and its JSON, on a mentee's record with fixed
/// dates: evidence that aged, a confirmed and a questioned tick, a not applicable
/// item, a reworded and a removed expectation, one review.
@Suite struct ReportTests {
    let library = ProfileLibrary.bundled()
    let skill = "serverless-functions"
    let now: Date

    init() throws {
        now = try #require(JournalEvent.date("2026-06-01T12:00:00Z"))
    }

    func expectations(_ level: String) -> [LadderKit.Expectation] {
        library.profile(skill)?.role(named: "cloud-engineer")?.level(level)?.expectations ?? []
    }

    func tick(_ at: String, _ level: String, _ index: Int, text: String? = nil) -> JournalEvent {
        let e = expectations(level)[index]
        return JournalEvent(.tick(skill: skill, level: level, expectation: e.id, text: text ?? e.text), at: at)
    }

    /// Ana, a Middle Cloud Engineer: a Middle tick from 2025 with a note (stale by
    /// June 2026) that the reviewer confirmed; a Senior tick the reviewer questioned;
    /// Senior's third expectation not applicable; after the review, a Lead tick.
    var events: [JournalEvent] {
        let middle = expectations("Middle"), senior = expectations("Senior")
        return [
            JournalEvent(.person(name: "Ana Lima", mentee: true), at: "2025-01-01T09:00:00Z"),
            JournalEvent(.track(skill: skill, role: "cloud-engineer", level: "Middle"), at: "2025-01-01T09:00:00Z"),
            tick("2025-01-02T09:00:00Z", "Middle", 0),
            JournalEvent(.note(skill: skill, level: nil, expectation: middle[0].id, text: middle[0].text, note: "Built the orders API, PR #412"), at: "2025-01-02T09:05:00Z"),
            tick("2026-05-01T09:00:00Z", "Senior", 0),
            JournalEvent(.notApplicable(skill: skill, level: "Senior", expectation: senior[2].id, text: senior[2].text, reason: "Security is owned by the platform team"), at: "2026-05-02T09:00:00Z"),
            JournalEvent(.reviewStart(by: "Lead"), at: "2026-05-10T10:00:00Z"),
            JournalEvent(.confirm(skill: skill, expectation: middle[0].id, text: middle[0].text, comment: "Saw it in production", by: "Lead"), at: "2026-05-10T10:10:00Z"),
            JournalEvent(.question(skill: skill, expectation: senior[0].id, text: senior[0].text, comment: "Which design doc?", by: "Lead"), at: "2026-05-10T10:20:00Z"),
            JournalEvent(.reviewNote(note: "Next: cost work", by: "Lead"), at: "2026-05-10T10:30:00Z"),
            JournalEvent(.reviewEnd(by: "Lead"), at: "2026-05-10T11:00:00Z"),
            tick("2026-05-20T09:00:00Z", "Lead", 0),
        ]
    }

    var record: PersonRecord { PersonRecord.fold(events, id: PersonID(name: "Ana Lima")) }

    func report(_ record: PersonRecord? = nil, period: ReportPeriod = .lastReview) -> PersonReport {
        PersonReport(record: record ?? self.record, library: library, now: now, staleDays: 182, period: period)
    }

    @Test func standingCountsWithoutNotApplicableAndListsIt() throws {
        let r = report()
        let s = try #require(r.skills.first)
        #expect(s.role == "Cloud Engineer" && s.level == "Middle" && s.nextLevel == "Senior")
        #expect(s.progress == ProgressReport(level: "Senior", done: 1, total: 2, percent: 50, required: true, notApplicable: 1))
        #expect(s.readyToStep == false)
        let senior = expectations("Senior")
        #expect(s.open.map(\.id) == [senior[1].id])
        #expect(s.notApplicable.map(\.id) == [senior[2].id])
        #expect(s.notApplicable.first?.reason == "Security is owned by the platform team")
        #expect(s.done.map(\.id) == [expectations("Middle")[0].id, senior[0].id, expectations("Lead")[0].id])
        #expect(s.reviewerView == ReviewerView(confirmed: 1, questionedOpen: 1, questionedClosed: 0, notReviewed: 1))
        #expect(s.levelSince == "2025-01-01T09:00:00Z")
        #expect(r.person.name == "Ana Lima" && r.person.mentee)
        #expect(r.openQuestions == 1)
    }

    @Test func evidenceOlderThanTheStalePeriodIsMarked() throws {
        let s = try #require(report().skills.first)
        let middle = try #require(s.done.first)
        #expect(middle.stale)
        #expect(middle.evidenceDate == "2025-01-02T09:05:00Z", "the note is the latest evidence")
        #expect(middle.note?.text == "Built the orders API, PR #412")
        #expect(s.done[1].stale == false)
        let longer = PersonReport(record: record, library: library, now: now, staleDays: 600)
        #expect(longer.skills.first?.done.first?.stale == false)
        let markdown = MarkdownReport.render(report())
        #expect(markdown.contains("  - **Stale:** evidence from 2025-01-02 is older than 182 days"))
        #expect(markdown.contains("evidence older than 182 days (before 2025-12-01) is marked stale"))
    }

    @Test func theReviewersViewShowsBesideEachTick() throws {
        let s = try #require(report().skills.first)
        #expect(s.done[0].assessment?.verdict == "confirmed")
        #expect(s.done[1].assessment?.verdict == "questioned")
        #expect(s.done[1].assessment?.comment == "Which design doc?")
        #expect(s.done[1].assessment?.open == true)
        let markdown = MarkdownReport.render(report())
        #expect(markdown.contains("  - Confirmed by Lead (2026-05-10): *Saw it in production*"))
        #expect(markdown.contains("  - Question thread (open):\n    - Asked by Lead (2026-05-10): *Which design doc?*"))
        // Once answered, the answer shows under the question.
        var answered = record
        answered.apply(JournalEvent(.answer(skill: skill, expectation: expectations("Senior")[0].id, answer: "The ADR in the wiki"), at: "2026-05-21T09:00:00Z"))
        let after = MarkdownReport.render(report(answered))
        #expect(after.contains("  - Question thread (answered):\n    - Asked by Lead (2026-05-10): *Which design doc?*\n    - Answered (2026-05-21): *The ADR in the wiki*"))
    }

    @Test func markdownPastesAsHeadingsListsAndCheckboxes() throws {
        let markdown = MarkdownReport.render(report())
        let senior = expectations("Senior")
        #expect(markdown.hasPrefix("# Growth report: Ana Lima\n"))
        #expect(markdown.contains("> \(PersonReport.honestNote)"))
        #expect(markdown.contains("### Serverless Functions · Cloud Engineer · Middle"))
        #expect(markdown.contains("- **Progress toward Senior** (Required for the role): 1 of 2 · 50% (1 not applicable, left out of the count)"))
        #expect(markdown.contains("- [x] \(senior[0].text) (Senior, `\(senior[0].id)`, ticked 2026-05-01)"))
        #expect(markdown.contains("#### Open toward Senior\n\n- [ ] \(senior[1].text) `\(senior[1].id)`"))
        #expect(markdown.contains("#### Not applicable (left out of the count)\n\n- \(senior[2].text) (Senior, `\(senior[2].id)`): *Security is owned by the platform team* (2026-05-02)"))
        #expect(markdown.contains("## Agenda for the next 1:1"))
        #expect(markdown.contains("- [ ] Open question on \(senior[0].text) `\(senior[0].id)`: *Which design doc?*"))
        #expect(markdown.contains("- [ ] Stale evidence: \(expectations("Middle")[0].text)"))
        #expect(markdown.contains("- [ ] Toward Senior: \(senior[1].text)"))
        #expect(markdown.contains("- 2026-05-10 with Lead: 1 confirmed, 1 questioned (50% confirmed), 1 question open at the end\n  - Next: cost work"))
        #expect(!markdown.contains("\u{1B}"))
        // A blank line before every heading, so the document parses the same pasted anywhere.
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where index > 0 && line.hasPrefix("#") {
            #expect(lines[index - 1].isEmpty, "no blank line before \(line)")
        }
    }

    @Test func changesSinceTheLastReviewOrADate() throws {
        let lead = expectations("Lead")[0]
        let sinceReview = report()
        #expect(sinceReview.period == PeriodInfo(basis: "last-review", since: "2026-05-10T11:00:00Z",
                                                 description: "since the last review (2026-05-10)"))
        #expect(sinceReview.changes.count == 1)
        #expect(sinceReview.changes.first?.changes.map(\.expectation) == [lead.id])
        #expect(sinceReview.changes.first?.changes.first?.summary == "ticked (Lead): \(lead.text)")
        let markdown = MarkdownReport.render(sinceReview)
        #expect(markdown.contains("## Changes since the last review (2026-05-10)\n\n### Serverless Functions\n\n- 2026-05-20 · ticked (Lead): \(lead.text)"))

        let sinceMay = report(period: .since(day: "2026-05-01"))
        #expect(sinceMay.period.basis == "date")
        #expect(sinceMay.changes.first?.changes.map(\.kind) == ["tick", "na", "tick"], "from the start of the day on; reviewer events are not the person's changes")
        let na = try #require(sinceMay.changes.first?.changes[1])
        #expect(na.note == "Security is owned by the platform team")
        #expect(MarkdownReport.render(sinceMay).contains("· marked not applicable: \(expectations("Senior")[2].text) — *Security is owned by the platform team*"))

        let future = report(period: .since(day: "2026-06-01"))
        #expect(future.changes.isEmpty)
        #expect(MarkdownReport.render(future).contains("## Changes since 2026-06-01\n\nNo changes in this period."))

        var noReview = PersonRecord(id: .me)
        for event in events where !["review-start", "review-end"].contains(event.kind) { noReview.apply(event) }
        #expect(report(noReview).period.basis == "all")
        #expect(report(noReview).changes.first?.changes.count == 6, "every change when there was no review")
    }

    @Test func sinceAcceptsLastReviewOrARealDate() throws {
        #expect(try ReportPeriod.parse("last-review") == .lastReview)
        #expect(try ReportPeriod.parse("2026-02-28") == .since(day: "2026-02-28"))
        for bad in ["2026-02-30", "2026-13-01", "2026-5-1", "yesterday", "", "2026-05-01T00:00:00Z", "２０２６-05-01"] {
            #expect(throws: InputError.self, "\(bad)") { try ReportPeriod.parse(bad) }
        }
    }

    @Test func rewordedAndRemovedExpectationsAreShownNotDropped() throws {
        var record = self.record
        let middle = expectations("Middle")
        record.apply(JournalEvent(.tick(skill: skill, level: "Middle", expectation: middle[1].id, text: "Old words."), at: "2026-05-21T09:00:00Z"))
        record.apply(JournalEvent(.tick(skill: skill, level: "Senior", expectation: "gone01", text: "Left the profile."), at: "2026-05-22T09:00:00Z"))
        let s = try #require(report(record).skills.first)
        #expect(s.done.first { $0.id == middle[1].id }?.tickedText == "Old words.")
        #expect(s.removed.map(\.id) == ["gone01"])
        #expect(s.removed.first?.text == "Left the profile.")
        let markdown = MarkdownReport.render(report(record))
        #expect(markdown.contains("#### Changed in the profile since ticked"))
        #expect(markdown.contains("- Reworded `\(middle[1].id)`: ticked as “Old words.”, now “\(middle[1].text)”"))
        #expect(markdown.contains("- [x] No longer in the profile: Left the profile. `gone01`, ticked 2026-05-22"))
    }

    @Test func textFromFilesCannotBreakTheMarkdownOrTheTerminal() throws {
        var record = self.record
        let senior = expectations("Senior")
        record.apply(JournalEvent(.note(skill: skill, level: nil, expectation: senior[0].id, text: nil, note: "# not a heading\n- not a list *not bold* [not](a link) <b>x</b> \u{1B}[31mred | pipe"), at: "2026-05-25T09:00:00Z"))
        let markdown = MarkdownReport.render(report(record))
        #expect(!markdown.contains("\u{1B}"))
        #expect(markdown.contains("  - Evidence (2026-05-25): \\# not a heading⏎- not a list \\*not bold\\* \\[not\\](a link) \\<b\\>x\\</b\\> ^\\[\\[31mred \\| pipe"))

        #expect(MarkdownReport.escape("1. first") == "1\\. first")
        #expect(MarkdownReport.escape("- item") == "\\- item")
        #expect(MarkdownReport.escape("+ item") == "\\+ item")
        #expect(MarkdownReport.escape("> quote") == "\\> quote")
        #expect(MarkdownReport.escape("Title #") == "Title \\#")
        #expect(MarkdownReport.escape("PR #412, R&D, 99.9%, Node.js") == "PR #412, R&D, 99.9%, Node.js", "ordinary text stays as it is")
        #expect(MarkdownReport.escape("&amp; &#35;") == "\\&amp; \\&#35;")
        #expect(MarkdownReport.escape("Q&A: &x & y") == "Q&A: &x & y", "no entity: & stays")
        #expect(MarkdownReport.escape("snake_case `code` ~~gone~~ back\\slash") == "snake\\_case \\`code\\` \\~\\~gone\\~\\~ back\\\\slash")
        #expect(MarkdownReport.escape("line\u{2028}break\u{202E}rtl") == "line⏎breakrtl")

        var hostile = PersonRecord(id: .me, name: "## Me [x](javascript:alert)")
        hostile.apply(JournalEvent(.track(skill: skill, role: "cloud-engineer", level: "Middle"), at: "2026-01-01T09:00:00Z"))
        #expect(MarkdownReport.render(report(hostile)).hasPrefix("# Growth report: \\## Me \\[x\\](javascript:alert)\n"))
    }

    @Test func reviewHistoryCarriesTheCalibration() throws {
        var record = self.record
        record.apply(JournalEvent(.reviewStart(by: "Lead"), at: "2026-05-30T10:00:00Z"))
        record.apply(JournalEvent(.confirm(skill: skill, expectation: expectations("Lead")[0].id, text: "", comment: "", by: "Lead"), at: "2026-05-30T10:05:00Z"))
        let r = report(record)
        #expect(r.reviews.count == 2)
        #expect(r.reviews[0].confirmed == 1 && r.reviews[0].questioned == 1 && r.reviews[0].openAtEnd == 1)
        #expect(r.reviews[0].agreementPercent == 50)
        #expect(r.reviews[0].notes.map(\.text) == ["Next: cost work"])
        #expect(r.reviews[1].end == nil && r.reviews[1].agreementPercent == 100)
        #expect(MarkdownReport.render(r).contains("- 2026-05-30 with Lead (in progress): 1 confirmed, 0 questioned (100% confirmed)\n"))
        #expect(MarkdownReport.render(report(PersonRecord(id: .me))).contains("## Reviews\n\nNo reviews yet."))
    }

    @Test func jsonHasStableSnakeCaseKeys() throws {
        let text = try PrettyJSON.string(report(), keys: .snakeCase)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["person", "generated", "note", "stale_days", "stale_before", "period", "skills", "changes",
                                   "agenda", "reviews", "open_questions", "working_on"])
        #expect(json["generated"] as? String == "2026-06-01T12:00:00Z")
        #expect(json["stale_days"] as? Int == 182)
        #expect((json["period"] as? [String: Any])?["basis"] as? String == "last-review")
        let skill = try #require((json["skills"] as? [[String: Any]])?.first)
        #expect(skill["next_level"] as? String == "Senior")
        #expect(skill["role_id"] as? String == "cloud-engineer")
        let progress = try #require(skill["progress"] as? [String: Any])
        #expect(progress["not_applicable"] as? Int == 1)
        #expect(progress["percent"] as? Int == 50)
        let done = try #require(skill["done"] as? [[String: Any]])
        #expect(done[0]["stale"] as? Bool == true)
        #expect(done[0]["evidence_date"] as? String == "2025-01-02T09:05:00Z")
        #expect((done[1]["assessment"] as? [String: Any])?["comment"] as? String == "Which design doc?")
        let na = try #require((skill["not_applicable"] as? [[String: Any]])?.first)
        #expect(na["reason"] as? String == "Security is owned by the platform team")
        #expect((skill["reviewer_view"] as? [String: Int])?["questioned_open"] == 1)
        #expect((skill["pace"] as? [String: Any])?["status"] as? String != nil)
        let review = try #require((json["reviews"] as? [[String: Any]])?.first)
        #expect(review["agreement_percent"] as? Int == 50)
        #expect(review["open_at_end"] as? Int == 1)
        let change = try #require(((json["changes"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]])?.first)
        #expect(Set(change.keys) == ["at", "kind", "item", "text", "level", "summary"])
        let agenda = try #require((json["agenda"] as? [[String: Any]])?.first)
        #expect(Set(agenda.keys) == ["skill", "name", "questions", "answered", "stale", "gaps", "overdue"])
    }

    @Test func jsonKeepsTextExactButTerminalSafe() throws {
        var record = self.record
        record.apply(JournalEvent(.note(skill: skill, level: nil, expectation: expectations("Senior")[0].id, text: nil, note: "\u{1B}]0;pwned\u{07} ok"), at: "2026-05-25T09:00:00Z"))
        let text = try PrettyJSON.string(report(record), keys: .snakeCase)
        #expect(!text.contains("\u{1B}"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let done = try #require(((json["skills"] as? [[String: Any]])?.first?["done"] as? [[String: Any]]))
        #expect((done[1]["note"] as? [String: Any])?["text"] as? String == "\u{1B}]0;pwned\u{07} ok")
    }

    @Test func aSkillThatCannotBeReadIsReportedNotDropped() throws {
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.track(skill: "cooking", role: "chef", level: "Junior"), at: "2026-01-01T09:00:00Z"))
        record.apply(JournalEvent(.track(skill: skill, role: "cloud-engineer", level: "Guru"), at: "2026-01-01T09:00:00Z"))
        let r = report(record)
        #expect(r.skills.map(\.skill) == ["cooking", skill])
        #expect(r.skills[0].problem?.contains("profile 'cooking' not found") == true)
        #expect(r.skills[1].problem?.contains("no longer in serverless-functions") == true)
        let markdown = MarkdownReport.render(r)
        #expect(markdown.contains("**Cannot be shown:** profile 'cooking' not found"))
    }
}
