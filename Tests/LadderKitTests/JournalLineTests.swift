import Foundation
import Testing
@testable import LadderKit

/// The typed change in memory, the same JSON line on disk: every kind reads into its
/// own case and writes back byte for byte.
@Suite struct JournalLineTests {
    /// One line of every kind, as Ladder has written them (keys sorted, absent fields left out).
    static let lines = [
        #"{"at":"2026-01-01T09:00:00Z","id":"0000000000000001","kind":"person","mentee":true,"name":"Ana Silva","v":1}"#,
        #"{"at":"2026-01-01T09:00:01Z","id":"0000000000000002","kind":"track","level":"Middle","role":"cloud-engineer","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:02Z","id":"0000000000000003","item":"f85ceb","kind":"tick","level":"Senior","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:03Z","id":"0000000000000004","item":"f85ceb","kind":"note","level":"Senior","note":"PR #412","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:04Z","id":"0000000000000005","item":"f85ceb","kind":"note","note":"","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:05Z","id":"0000000000000006","item":"f85ceb","kind":"untick","level":"Senior","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:06Z","id":"0000000000000007","item":"aa11bb","kind":"na","level":"Senior","note":"Not our stack","skill":"serverless-functions","text":"Uses it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:07Z","id":"0000000000000008","item":"aa11bb","kind":"applicable","level":"Senior","skill":"serverless-functions","text":"Uses it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:08Z","id":"0000000000000009","kind":"step","level":"Senior","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:09Z","by":"Olga Petrova","id":"000000000000000a","kind":"review-start","v":1}"#,
        #"{"at":"2026-01-01T09:00:10Z","by":"Olga Petrova","id":"000000000000000b","kind":"review-note","note":"Good month","v":1}"#,
        #"{"at":"2026-01-01T09:00:11Z","by":"Olga Petrova","id":"000000000000000c","item":"f85ceb","kind":"confirm","note":"","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:12Z","by":"Olga Petrova","id":"000000000000000d","item":"f85ceb","kind":"question","note":"Which service?","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:13Z","id":"000000000000000e","item":"f85ceb","kind":"answer","note":"The billing one","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:13Z","by":"olga-petrova","id":"0000000000000020","item":"f85ceb","kind":"accept","name":"Olga Petrova","note":"Fair","skill":"serverless-functions","text":"Designs it.","v":1}"#,
        #"{"at":"2026-01-01T09:00:14Z","by":"Olga Petrova","id":"000000000000000f","item":"f85ceb","kind":"withdraw","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:15Z","by":"Olga Petrova","id":"0000000000000010","kind":"review-end","v":1}"#,
        #"{"at":"2026-01-01T09:00:15Z","entry":"2026-01-01T09:00:03Z","id":"0000000000000021","item":"f85ceb","kind":"note-fix","note":"PR #413","skill":"serverless-functions","v":2}"#,
        #"{"at":"2026-01-01T09:00:16Z","id":"0000000000000011","kind":"untrack","skill":"serverless-functions","v":1}"#,
        #"{"at":"2026-01-01T09:00:17Z","id":"0000000000000012","kind":"hologram","skill":"serverless-functions","v":1}"#,
    ]

    @Test func everyKindReadsIntoItsOwnCaseAndWritesBackTheSameLine() throws {
        let journal = Journal.parse(Array(Self.lines.joined(separator: "\n").utf8), file: "me.jsonl")
        #expect(journal.problems.isEmpty)
        #expect(journal.events.count == Self.lines.count)
        for (event, line) in zip(journal.events, Self.lines) {
            #expect(String(decoding: try event.encodedLine(), as: UTF8.self) == line)
        }
        let kinds = journal.events.map(\.change).map { change -> String in
            if case .unknown = change { return "unknown" }
            return change.kind
        }
        #expect(kinds == ["person", "track", "tick", "note", "note", "untick", "na", "applicable", "step", "review-start",
                          "review-note", "confirm", "question", "answer", "accept", "withdraw", "review-end", "note-fix", "untrack", "unknown"])
        #expect(journal.events[2].change == .tick(skill: "serverless-functions", level: "Senior", expectation: "f85ceb", text: "Designs it."))
        #expect(journal.events[6].change == .notApplicable(skill: "serverless-functions", level: "Senior", expectation: "aa11bb",
                                                           text: "Uses it.", reason: "Not our stack"))
    }

    @Test func aKnownKindMissingAFieldItNeedsIsKeptAsUnknownAndChangesNothing() throws {
        let line = #"{"at":"2026-01-01T09:00:00Z","id":"0000000000000001","kind":"tick","v":1}"#
        let journal = Journal.parse(Array(line.utf8), file: "me.jsonl")
        let event = try #require(journal.events.first)
        guard case .unknown = event.change else {
            Issue.record("expected unknown, got \(event.change)")
            return
        }
        #expect(String(decoding: try event.encodedLine(), as: UTF8.self) == line)
        #expect(PersonRecord.fold(journal.events, id: .me).skills.isEmpty)
    }

    @Test func stampingGivesEachChangeTheTimeAndItsOwnId() {
        let events = JournalEvent.stamp([.untrack(skill: "a"), .untrack(skill: "b")], at: "2026-01-01T00:00:00Z")
        #expect(events.map(\.at) == ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"])
        #expect(Set(events.map(\.id)).count == 2)
        #expect(events.allSatisfy { $0.id.count == 16 && $0.v == 1 })
    }
}

/// Two machines' clocks disagree: a tick can be dated before its skill's track line.
@Suite struct EarlyChangeTests {
    @Test func aTickDatedBeforeItsSkillWasTrackedStillCounts() {
        let events = [
            JournalEvent(.tick(skill: "s", level: "Senior", expectation: "e1", text: "Does it."), at: "2026-01-01T09:00:00Z"),
            JournalEvent(.note(skill: "s", level: "Senior", expectation: "e1", text: "Does it.", note: "PR 1"), at: "2026-01-01T09:30:00Z"),
            JournalEvent(.track(skill: "s", role: "r", level: "Middle"), at: "2026-01-01T10:00:00Z"),
        ]
        let record = PersonRecord.fold(events, id: .me)
        #expect(record.skills["s"]?.ticks["e1"]?.at == "2026-01-01T09:00:00Z")
        #expect(record.skills["s"]?.notes["e1"]?.text == "PR 1")
        // Applied one by one, as the UI does after each save, the same.
        var stepwise = PersonRecord(id: .me)
        for event in events { stepwise.apply(event) }
        #expect(stepwise.skills == record.skills)
    }

    /// A correction replaces one entry of the evidence log, named by its time, or
    /// removes it when empty; the others and the log's order stay.
    @Test func aNoteFixCorrectsOrRemovesOneEntry() throws {
        func note(_ at: String, _ words: String) -> JournalEvent {
            JournalEvent(.note(skill: "s", level: nil, expectation: "e1", text: "T.", note: words), at: at)
        }
        let track = JournalEvent(.track(skill: "s", role: "r", level: "Middle"), at: "2026-01-01T00:00:00Z")
        var events = [track, note("2026-01-02T00:00:00Z", "first"), note("2026-01-03T00:00:00Z", "second"), note("2026-01-04T00:00:00Z", "third")]
        events.append(JournalEvent(.noteFix(skill: "s", expectation: "e1", entry: "2026-01-03T00:00:00Z", note: "second, corrected"),
                                   at: "2026-01-05T00:00:00Z"))
        var skill = try #require(PersonRecord.fold(events, id: .me).skills["s"])
        #expect(skill.log("e1").map(\.text) == ["third", "second, corrected", "first"])
        #expect(skill.log("e1").map(\.at) == ["2026-01-04T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-02T00:00:00Z"], "dates stay")
        events.append(JournalEvent(.noteFix(skill: "s", expectation: "e1", entry: "2026-01-04T00:00:00Z", note: ""), at: "2026-01-06T00:00:00Z"))
        skill = try #require(PersonRecord.fold(events, id: .me).skills["s"])
        #expect(skill.log("e1").map(\.text) == ["second, corrected", "first"])
        #expect(skill.notes["e1"]?.text == "second, corrected", "the newest note is the newest left")
        events.append(JournalEvent(.noteFix(skill: "s", expectation: "e1", entry: "2027-01-01T00:00:00Z", note: "x"), at: "2026-01-07T00:00:00Z"))
        #expect(PersonRecord.fold(events, id: .me).skills["s"]?.log("e1").count == 2, "a correction of no entry changes nothing")
    }
}
