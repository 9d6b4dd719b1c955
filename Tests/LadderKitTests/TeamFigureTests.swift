import Foundation
import LadderTestSupport
import Testing
@testable import LadderKit

/// The team view reads each person's counts from the people summaries cache
/// (`PathFigure`) instead of their profiles: the rows must be the same either way.
@Suite struct TeamFigureTests {
    static let skill = "serverless-functions"

    /// Two Middle Cloud Engineer mentees: Ana ticked two of the three Senior
    /// expectations long ago (stale) and marked the third not applicable lately; Ben
    /// ticked one lately.
    static func makeStore() throws -> Store {
        let folder = DataFolder(path: try TestSupport.makeTempFolder("ladder-team-figure"))
        try folder.prepare()
        let store = Store(folder: folder)
        let senior = try #require(ProfileLibrary.bundled().profile(skill)?.role(named: "cloud-engineer")?.level("Senior")?.expectations)
        func tick(_ i: Int) -> Change { .tick(skill: skill, level: "Senior", expectation: senior[i].id, text: senior[i].text) }
        let start: [Change] = [.role(role: "cloud-engineer", level: "Middle"), .track(skill: skill, role: "cloud-engineer", level: "Middle")]
        try store.append([JournalEvent(.person(name: "Ana Silva", mentee: true), at: "2025-01-01T09:00:00Z")]
            + start.map { JournalEvent($0, at: "2025-01-01T09:00:00Z") }
            + [JournalEvent(tick(0), at: "2025-01-02T09:00:00Z"), JournalEvent(tick(1), at: "2025-01-03T09:00:00Z"),
               JournalEvent(.notApplicable(skill: skill, level: "Senior", expectation: senior[2].id, text: senior[2].text, reason: "No queues here."),
                            at: "2026-05-01T09:00:00Z")], for: PersonID(name: "Ana Silva"))
        try store.append([JournalEvent(.person(name: "Ben Okafor", mentee: true), at: "2026-01-01T09:00:00Z")]
            + start.map { JournalEvent($0, at: "2026-01-01T09:00:00Z") }
            + [JournalEvent(tick(0), at: "2026-06-02T09:00:00Z")], for: PersonID(name: "Ben Okafor"))
        return store
    }

    @Test func rowsFromTheCachedFiguresEqualRowsFromTheProfiles() throws {
        let store = try Self.makeStore()
        defer { TestSupport.removeFolder(store.folder.path) }
        let library = ProfileLibrary.load(from: store.folder)
        let settings = TeamSettings(reviewDays: 28, staleDays: 182, now: try #require(JournalEvent.date("2026-07-01T09:00:00Z")))
        let later = FileStamp.now() + 60_000_000_000 // past the time a fresh stamp is not trusted
        _ = PeopleSummaries.load(store, cache: true, now: later, library: library)
        let cached = PeopleSummaries.load(store, cache: true, now: later, library: library)
        #expect(cached.report.reused == 2)
        #expect(cached.summaries.filter(\.mentee).allSatisfy { $0.pathFigure != nil })
        let fromProfiles = cached.summaries.map { summary in
            var summary = summary
            summary.pathFigure = nil
            return summary
        }
        let rows = Team.members(cached.summaries, library: library, settings: settings)
        #expect(rows == Team.members(fromProfiles, library: library, settings: settings))
        let ana = try #require(rows.first { $0.name == "Ana Silva" })
        #expect(ana.staleTicks == 2)
        #expect(ana.staleRequired == 2)
        let serverless = try #require(ana.skills.first { $0.skill == Self.skill })
        #expect((serverless.done, serverless.total, serverless.excluded) == (2, 2, 1))
        #expect(ana.attention.map(\.kind).contains(.levelComplete) == (ana.readiness.map { $0.done == $0.total } ?? false))
        let ben = try #require(rows.first { $0.name == "Ben Okafor" })
        #expect((ben.staleTicks, ben.staleRequired) == (0, 0))
        #expect(ben.skills.first { $0.skill == Self.skill }?.done == 1)
    }
}
