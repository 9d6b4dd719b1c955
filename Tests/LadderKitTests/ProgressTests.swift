import Testing
@testable import LadderKit

/// Progress math and level steps, on the bundled Serverless Functions profile.
@Suite struct ProgressTests {
    let profile: Profile

    init() throws {
        profile = try #require(ProfileLibrary.bundled().profile("serverless-functions"))
    }

    @Test func bundledProfileHasThePageCounts() {
        #expect(profile.name == "Serverless Functions")
        #expect(profile.levels == ["Junior", "Middle", "Senior", "Lead", "Principal"])
        #expect(profile.roles.map(\.name) == ["AI Product Engineer", "Cloud Engineer", "Infrastructure Engineer", "Platform Engineer"])
        let cells = profile.roles.flatMap(\.levels)
        #expect(cells.count == 20)
        #expect(cells.filter(\.required).count == 16)
        #expect(profile.domain == "Cloud & Infrastructure")
        #expect(profile.group == "Serverless")
        #expect(profile.updated == "2026-03-17")
    }

    func standing(level: String = "Middle", ticks: [String] = []) throws -> Standing {
        var tracked = TrackedSkill(skill: profile.id, role: "cloud-engineer", level: level, since: "2026-01-01T00:00:00Z")
        for id in ticks { tracked.ticks[id] = Tick(expectation: id, text: "", level: "", at: "2026-01-02T00:00:00Z") }
        return try #require(Standing(profile: profile, tracked: tracked))
    }

    @Test func progressTowardTheNextLevelCountsItsTicks() throws {
        let senior = try #require(profile.role(named: "Cloud Engineer")?.level("Senior")).expectations
        #expect(senior.count == 3)
        var s = try standing()
        #expect(s.nextLevel == "Senior")
        #expect(s.next == Progress(level: "Senior", done: 0, total: 3, required: true))
        s = try standing(ticks: [senior[0].id])
        #expect(s.next?.done == 1)
        #expect(s.next?.percent == 33)
        #expect(s.next?.summary == "Senior: 1 of 3 · 33%")
        #expect(s.next?.isComplete == false)
        s = try standing(ticks: senior.map(\.id))
        #expect(s.next?.percent == 100)
        #expect(s.next?.isComplete == true)
    }

    @Test func ticksAtOtherLevelsDoNotCountTowardTheNextOne() throws {
        let junior = try #require(profile.role(named: "cloud-engineer")?.level("Junior")).expectations
        let s = try standing(ticks: junior.map(\.id))
        #expect(s.next?.done == 0)
        #expect(s.progress(toward: "Junior")?.isComplete == true)
    }

    @Test func optionalLevelsShowAsOptional() throws {
        var tracked = TrackedSkill(skill: profile.id, role: "ai-product-engineer", level: "Junior", since: "2026-01-01T00:00:00Z")
        tracked.ticks = [:]
        let s = try #require(Standing(profile: profile, tracked: tracked))
        #expect(s.next?.required == false)
        #expect(s.progress(toward: "Senior")?.required == true)
    }

    @Test func topLevelHasNoNextLevel() throws {
        let s = try standing(level: "Principal")
        #expect(s.nextLevel == nil)
        #expect(s.next == nil)
        #expect(throws: InputError.self) { try Changes.step(s) }
    }

    @Test func stepUpNeedsEveryExpectationTicked() throws {
        let senior = try #require(profile.role(named: "Cloud Engineer")?.level("Senior")).expectations
        let partial = try standing(ticks: [senior[0].id])
        let error = #expect(throws: InputError.self) { try Changes.step(partial) }
        #expect(error?.message.contains("2 open") == true)
        let complete = try standing(ticks: senior.map(\.id))
        let event = try Changes.step(complete)
        #expect(event.kind == "step")
        #expect(event.level == "Senior")
        var record = PersonRecord(id: .me)
        record.apply(JournalEvent(.track(skill: profile.id, role: "cloud-engineer", level: "Middle"), at: "2026-01-01T00:00:00Z"))
        record.apply(event, at: "2026-02-01T00:00:00Z")
        #expect(record.skills[profile.id]?.level == "Senior")
        #expect(record.skills[profile.id]?.steps.map(\.from) == ["Middle"])
        #expect(record.skills[profile.id]?.steps.first?.at == "2026-02-01T00:00:00Z")
    }

    @Test func aTickWhoseExpectationLeftTheProfileIsKeptAndShown() throws {
        var s = try standing()
        s.tracked.ticks["gone01"] = Tick(expectation: "gone01", text: "Used to be here.", level: "Senior", at: "2026-02-01T00:00:00Z")
        #expect(s.orphanTicks.map(\.text) == ["Used to be here."])
        // And it can be unticked even though the profile no longer has it.
        let events = try Changes.untick(["gone01"], in: s)
        #expect(events.map(\.kind) == ["untick"])
    }

    @Test func aRewordedExpectationIsFlagged() throws {
        let senior = try #require(profile.role(named: "Cloud Engineer")?.level("Senior")).expectations
        var s = try standing()
        s.tracked.ticks[senior[0].id] = Tick(expectation: senior[0].id, text: "Old wording.", level: "Senior", at: "2026-02-01T00:00:00Z")
        #expect(s.reworded(senior[0])?.text == "Old wording.")
        #expect(s.reworded(senior[1]) == nil)
    }
}
