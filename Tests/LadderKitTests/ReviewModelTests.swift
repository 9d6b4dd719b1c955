import Testing
@testable import LadderKit

/// Reviews, the reviewer's view of ticks, not applicable, evidence age, agenda and undo.
@Suite struct ReviewModelTests {
    let library = ProfileLibrary.bundled()
    var profile: Profile { library.profile("serverless-functions") ?? library.profiles[0] }
    var senior: [LadderKit.Expectation] { profile.role(named: "cloud-engineer")?.level("Senior")?.expectations ?? [] }

    /// Ana, Middle Cloud Engineer, two Senior ticks in May.
    func ana() -> PersonRecord {
        var record = PersonRecord(id: PersonID(name: "Ana"))
        record.apply(JournalEvent(.person(name: "Ana", mentee: true), at: "2026-05-01T00:00:00Z"))
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Middle"), at: "2026-05-01T00:00:01Z"))
        for (n, e) in senior.prefix(2).enumerated() {
            record.apply(JournalEvent(.tick(skill: profile.id, level: "Senior", expectation: e.id, text: e.text), at: "2026-05-0\(n + 2)T00:00:00Z"))
        }
        return record
    }

    func standing(_ record: PersonRecord) throws -> Standing {
        try Changes.tracked(profile.id, in: record, library: library)
    }

    @Test func aReviewRecordsNotesAndCalibration() throws {
        var record = ana()
        #expect(record.mentee)
        #expect(record.changesSinceLastReview().map(\.kind) == ["track", "tick", "tick"])
        record.apply(try Changes.startReview(record, by: "Lead"))
        #expect(throws: InputError.self) { try Changes.startReview(record, by: "Lead") }
        record.apply(try Changes.confirm(senior[0].id, comment: "saw the PR", in: standing(record), by: "Lead"))
        record.apply(try Changes.question(senior[1].id, comment: "which service?", in: standing(record), by: "Lead"))
        record.apply(try Changes.reviewNote("Good month", record, by: "Lead"))
        record.apply(try Changes.endReview(record, by: "Lead"))
        let review = try #require(record.reviews.first)
        #expect(review.by == "Lead")
        #expect(review.notes.map(\.text) == ["Good month"])
        #expect(review.confirmed == 1)
        #expect(review.questioned == 1)
        #expect(review.openAtEnd == 1)
        #expect(record.openReview == nil)
        #expect(record.changesSinceLastReview().isEmpty)
        #expect(throws: InputError.self) { try Changes.endReview(record, by: "Lead") }
        #expect(throws: InputError.self) { try Changes.reviewNote("late", record, by: "Lead") }
    }

    @Test func aQuestionStaysOpenUntilAnsweredOrWithdrawn() throws {
        var record = ana()
        let id = senior[1].id
        #expect(throws: InputError.self) { try Changes.question(id, comment: " ", in: standing(record), by: "Lead") }
        #expect(throws: InputError.self) { try Changes.confirm(senior[2].id, comment: "", in: standing(record), by: "Lead") }
        record.apply(try Changes.question(id, comment: "which service?", in: standing(record), by: "Lead"))
        #expect(record.openQuestions == 1)
        var answered = record
        answered.apply(try Changes.answer(id, text: "billing, PR #9", in: standing(answered)))
        #expect(answered.openQuestions == 0)
        #expect(answered.skills[profile.id]?.assessments[id]?.answer == "billing, PR #9")
        #expect(throws: InputError.self) { try Changes.answer(id, text: "again", in: standing(answered)) }
        record.apply(try Changes.withdraw(id, in: standing(record), by: "Lead"))
        #expect(record.openQuestions == 0)
        #expect(record.skills[profile.id]?.assessments[id]?.withdrawn == true)
    }

    @Test func notApplicableLeavesTheCountVisiblyAndNeedsAReason() throws {
        var record = ana()
        #expect(try standing(record).next?.summary == "Senior: 2 of 3 · 66%")
        #expect(throws: InputError.self) { try Changes.notApplicable(senior[2].id, reason: "  ", in: standing(record)) }
        record.apply(try Changes.notApplicable(senior[2].id, reason: "no public cloud here", in: standing(record)))
        let progress = try #require(try standing(record).next)
        #expect(progress.summary == "Senior: 2 of 2 · 100% (1 not applicable)")
        #expect(progress.isComplete)
        #expect(record.skills[profile.id]?.notApplicable[senior[2].id]?.reason == "no public cloud here")
        record.apply(try Changes.notApplicable(senior[2].id, reason: nil, in: standing(record)))
        #expect(try standing(record).next?.summary == "Senior: 2 of 3 · 66%")
    }

    @Test func evidenceAgesAndANoteRenewsIt() throws {
        var record = ana()
        let cutoff = Staleness.cutoff(days: 182, now: try #require(JournalEvent.date("2026-12-01T00:00:00Z")))
        #expect(cutoff == "2026-06-02T00:00:00Z")
        #expect(try standing(record).isStale(senior[0].id, cutoff: cutoff))
        record.apply(JournalEvent(.note(skill: profile.id, level: nil, expectation: senior[0].id, text: nil, note: "did it again"), at: "2026-11-01T00:00:00Z"))
        #expect(try !standing(record).isStale(senior[0].id, cutoff: cutoff))
        #expect(try standing(record).isStale(senior[1].id, cutoff: cutoff))
        #expect(try !standing(record).isStale(senior[2].id, cutoff: cutoff), "an unticked item is never stale")
        #expect(Staleness.days(environment: ["LADDER_STALE_DAYS": "30"]) == 30)
        #expect(Staleness.days(environment: ["LADDER_STALE_DAYS": "soon"]) == 182)
    }

    @Test func theAgendaHasOpenQuestionsGapsAndStaleTicks() throws {
        var record = ana()
        record.apply(try Changes.question(senior[1].id, comment: "which service?", in: standing(record), by: "Lead"))
        let agenda = try standing(record).agenda(cutoff: "2026-06-01T00:00:00Z", today: "2026-07-01")
        #expect(agenda.questions.map(\.detail) == ["which service?"])
        #expect(agenda.gaps.map(\.expectation) == [senior[2].id])
        #expect(agenda.stale.map(\.expectation) == [senior[0].id, senior[1].id])
    }

    /// An undo names events; the fold leaves them (and itself) out, whatever their
    /// kind, so the record is exactly what it was before them.
    @Test func anUndoTakesItsEventsOutOfTheFold() throws {
        let before = ana()
        let id0 = senior[0].id, id2 = senior[2].id
        let cases: [[Change]] = [
            try Changes.tick([id2], in: standing(before)),
            try Changes.untick([id0], in: standing(before)),
            [try Changes.note("evidence", on: id0, in: standing(before))],
            [try Changes.track(profile, role: "Platform Engineer", level: "Lead")],
            [try Changes.notApplicable(id2, reason: "n/a here", in: standing(before))],
            [try Changes.confirm(id0, comment: "", in: standing(before), by: "Olga")],
            [try Changes.question(id0, comment: "which?", in: standing(before), by: "Olga")],
            [try Changes.startReview(before, by: "Olga")],
        ]
        for changes in cases {
            var after = before
            let events = JournalEvent.stamp(changes, at: "2026-06-01T00:00:00Z")
            for event in events { after.apply(event) }
            #expect(after != before, "\(changes.map(\.kind))")
            let undo = JournalEvent(.undo(events: events.map(\.id)), at: "2026-06-02T00:00:00Z")
            after.apply(undo)
            #expect(after.skills == before.skills, "\(changes.map(\.kind))")
            #expect(after.reviews == before.reviews, "\(changes.map(\.kind))")
            #expect(after.events == before.events, "undone events are not counted anywhere")
            // The whole journal folds the same way.
            let journal = before.events + events + [undo]
            #expect(PersonRecord.fold(journal, id: before.id).skills == before.skills)
            #expect(undo.v == 2, "an undo line is format 2, so an older Ladder opens read-only")
        }
        // A step up that is undone is no step at all.
        var stepped = before
        let all = try standing(before)
        for event in JournalEvent.stamp(try Changes.tick(senior.map(\.id), in: all), at: "2026-06-01T00:00:00Z") { stepped.apply(event) }
        let step = JournalEvent(try Changes.step(standing(stepped)), at: "2026-06-03T00:00:00Z")
        stepped.apply(step)
        #expect(stepped.skills[profile.id]?.steps.count == 1)
        stepped.apply(JournalEvent(.undo(events: [step.id]), at: "2026-06-04T00:00:00Z"))
        #expect(stepped.skills[profile.id]?.steps.isEmpty == true)
        #expect(stepped.skills[profile.id]?.level == "Middle")
    }

    @Test func theFoldDoesNotDependOnLineOrder() throws {
        let events = ana().events
        let shuffled = [events[2], events[0], events[3], events[1]]
        #expect(PersonRecord.fold(shuffled, id: PersonID(name: "Ana")).skills == PersonRecord.fold(events, id: PersonID(name: "Ana")).skills)
    }
}
