import Foundation
import Testing
@testable import LadderKit

/// History replayed from the journal: the dated series of progress, time at each
/// level and pace, on the bundled profile with fixed dates and a fixed `now`.
@Suite struct HistoryTests {
    let library = ProfileLibrary.bundled()
    let skill = "serverless-functions"

    func expectations(_ level: String) -> [LadderKit.Expectation] {
        library.profile(skill)?.role(named: "cloud-engineer")?.level(level)?.expectations ?? []
    }

    func date(_ text: String) throws -> Date {
        try #require(JournalEvent.date(text.count == 10 ? text + "T00:00:00Z" : text))
    }

    /// A record made of these events, in order.
    func record(_ events: [JournalEvent]) -> PersonRecord {
        PersonRecord.fold(events, id: .me)
    }

    func track(_ at: String, _ level: String) -> JournalEvent {
        JournalEvent(.track(skill: skill, role: "cloud-engineer", level: level), at: at)
    }

    func tick(_ at: String, _ level: String, _ index: Int) -> JournalEvent {
        let e = expectations(level)[index]
        return JournalEvent(.tick(skill: skill, level: level, expectation: e.id, text: e.text), at: at)
    }

    func untick(_ at: String, _ level: String, _ index: Int) -> JournalEvent {
        let e = expectations(level)[index]
        return JournalEvent(.untick(skill: skill, level: level, expectation: e.id, text: e.text), at: at)
    }

    func history(_ events: [JournalEvent], now: String, window: Int = History.paceWindowDays) throws -> SkillHistory {
        try #require(History.of(record(events), library: library, now: date(now), windowDays: window).first)
    }

    /// Junior from January, Middle's three ticked by March, a step up in April,
    /// then a Senior tick taken back.
    var growth: [JournalEvent] {
        [track("2026-01-01T09:00:00Z", "Junior"),
         tick("2026-02-01T09:00:00Z", "Middle", 0),
         tick("2026-03-01T09:00:00Z", "Middle", 1), tick("2026-03-01T09:00:00Z", "Middle", 2),
         JournalEvent(.step(skill: skill, level: "Middle"), at: "2026-04-01T09:00:00Z"),
         tick("2026-05-01T09:00:00Z", "Senior", 0),
         JournalEvent(.note(skill: skill, level: nil, expectation: expectations("Senior")[0].id, text: nil, note: "PR #412"), at: "2026-05-02T09:00:00Z"),
         untick("2026-05-10T09:00:00Z", "Senior", 0)]
    }

    @Test func seriesIsRecomputedAfterEachChangeAndTowardTheNewLevelAfterAStep() throws {
        let h = try history(growth, now: "2026-06-01")
        #expect(h.points.map(\.at) == ["2026-01-01T09:00:00Z", "2026-02-01T09:00:00Z", "2026-03-01T09:00:00Z",
                                       "2026-04-01T09:00:00Z", "2026-05-01T09:00:00Z", "2026-05-10T09:00:00Z"],
                "two ticks at one moment make one point; a note moves nothing")
        #expect(h.points.map(\.percent) == [0, 33, 100, 0, 33, 0])
        #expect(h.points.map(\.level) == ["Junior", "Junior", "Junior", "Middle", "Middle", "Middle"])
        #expect(h.points.map(\.toward) == ["Middle", "Middle", "Middle", "Senior", "Senior", "Senior"])
        #expect(h.points[2].done == 3 && h.points[2].total == 3)
        #expect(h.level == "Middle" && h.nextLevel == "Senior" && h.role == "Cloud Engineer")
    }

    @Test func timeAtEachLevelFromTrackingStartAndSteps() throws {
        let h = try history(growth, now: "2026-06-01")
        #expect(h.levels == [
            LevelSpan(level: "Junior", from: "2026-01-01T09:00:00Z", to: "2026-04-01T09:00:00Z", days: 90, steppedUp: false),
            LevelSpan(level: "Middle", from: "2026-04-01T09:00:00Z", to: nil, days: 60, steppedUp: true),
        ])
        #expect(History.duration(days: 90) == "3 months")
        #expect(History.duration(days: 0) == "less than a day")
        #expect(History.duration(days: 1) == "1 day")
        #expect(History.duration(days: 20) == "2 weeks")
        #expect(History.duration(days: 400) == "1 year 1 month")
    }

    @Test func notApplicableLeavesTheCountInTheSeriesToo() throws {
        let senior = expectations("Senior")
        let h = try history([track("2026-01-01T09:00:00Z", "Middle"),
                             tick("2026-02-01T09:00:00Z", "Senior", 0),
                             JournalEvent(.notApplicable(skill: skill, level: "Senior", expectation: senior[2].id, text: senior[2].text, reason: "no security work here"), at: "2026-02-02T09:00:00Z")],
                            now: "2026-03-01")
        #expect(h.points.map { "\($0.done)/\($0.total)" } == ["0/3", "1/3", "1/2"])
        #expect(h.points.last?.percent == 50)
    }

    @Test func untrackingStartsTheHistoryOver() throws {
        let h = try history([track("2026-01-01T09:00:00Z", "Junior"), tick("2026-01-05T09:00:00Z", "Middle", 0),
                             JournalEvent(.untrack(skill: skill), at: "2026-02-01T09:00:00Z"),
                             track("2026-03-01T09:00:00Z", "Middle")], now: "2026-04-01")
        #expect(h.points.count == 1)
        #expect(h.points.first?.at == "2026-03-01T09:00:00Z")
        #expect(h.levels.map(\.level) == ["Middle"])
        #expect(h.since == "2026-03-01T09:00:00Z")
    }

    @Test func paceFromTheTicksOfTheLast90DaysLeavingOutTheFirstDay() throws {
        // Senior 0 ticked on the day tracking started: where they stood, not pace.
        // Senior 1 ticked within the window: 1 tick in 90 days, 1 to go.
        let events = [track("2026-01-01T09:00:00Z", "Middle"), tick("2026-01-01T10:00:00Z", "Senior", 0),
                      tick("2026-05-01T09:00:00Z", "Senior", 1)]
        let pace = try #require(try history(events, now: "2026-06-01").pace)
        #expect(pace.status == .inReach)
        #expect(pace.ticks == 1)
        #expect(pace.remaining == 1)
        #expect(pace.weeks == 13, "1 tick per 90 days: one more takes about 90 / 7 ≈ 13 weeks")
        #expect(pace.summary == "Senior in about 13 weeks at the pace of the last 90 days (1 tick, 1 to go)")
        // A shorter window configured in code sees a faster pace.
        let fast = try #require(try history(events, now: "2026-06-01", window: 45).pace)
        #expect(fast.weeks == 7)
        #expect(fast.windowDays == 45)
    }

    @Test func paceWithoutRecentTicksSaysSo() throws {
        let events = [track("2026-01-01T09:00:00Z", "Middle"), tick("2026-02-01T09:00:00Z", "Senior", 0)]
        let old = try #require(try history(events, now: "2026-12-01").pace)
        #expect(old.status == .noRecentProgress)
        #expect(old.weeks == nil)
        #expect(old.summary == "no recent progress: no ticks in the last 90 days")
        let unticked = try #require(try history(events + [untick("2026-11-01T09:00:00Z", "Senior", 0)], now: "2026-12-01").pace)
        #expect(unticked.status == .noRecentProgress, "an untick takes a tick back")
        let early = try #require(try history([track("2026-05-25T09:00:00Z", "Middle"), tick("2026-05-25T10:00:00Z", "Senior", 0)],
                                             now: "2026-06-01T09:00:00Z").pace)
        #expect(early.status == .tooEarly)
        #expect(early.summary == "too early to tell: tracking started 7 days ago")
    }

    @Test func paceWhenCompleteOrAtTheTop() throws {
        let complete = try #require(try history([track("2026-01-01T09:00:00Z", "Middle"), tick("2026-02-01T09:00:00Z", "Senior", 0),
                                                 tick("2026-02-01T09:00:00Z", "Senior", 1), tick("2026-02-01T09:00:00Z", "Senior", 2)],
                                                now: "2026-03-01").pace)
        #expect(complete.status == .ready)
        let top = try history([track("2026-01-01T09:00:00Z", "Principal")], now: "2026-03-01")
        #expect(top.pace?.status == .topLevel)
        #expect(top.nextLevel == nil)
        #expect(top.points.first?.toward == nil)
        #expect(top.points.first?.percent == 100)
    }

    @Test func samplesSpreadOverTimeForASparkline() throws {
        let h = try history(growth, now: "2026-06-01")
        // Five samples: Jan 1, ~Feb 7, ~Mar 17, ~Apr 24, Jun 1.
        #expect(h.samples(5, now: try date("2026-06-01")) == [0, 33, 100, 0, 0])
        #expect(h.samples(1, now: try date("2026-06-01")) == [0])
        #expect(h.column(of: "2026-04-01T09:00:00Z", count: 5, now: try date("2026-06-01")) == 3)
        #expect(h.column(of: "2025-01-01T00:00:00Z", count: 5, now: try date("2026-06-01")) == nil)
        #expect(Sparkline.render([0, 1, 33, 50, 66, 80, 99, 100]) == "▁▂▃▄▅▆▇█", "only 0 is lowest, only 100 is full")
        #expect(Sparkline.render([0, 50, 100, 150, -5], unicode: false) == ".=@@.")
        #expect(Sparkline.localeIsUTF8(["LANG": "en_US.UTF-8"]))
        #expect(Sparkline.localeIsUTF8(["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == false)
        #expect(Sparkline.localeIsUTF8([:]) == false)
    }

    @Test func aSkillWhoseProfileIsGoneIsListedWithTheProblem() throws {
        let events = [JournalEvent(.track(skill: "cooking", role: "chef", level: "Junior"), at: "2026-01-01T09:00:00Z")]
        let h = try #require(History.of(record(events), library: library, now: try date("2026-02-01")).first)
        #expect(h.problem == "profile 'cooking' not found")
        #expect(h.points.isEmpty)
    }
}
