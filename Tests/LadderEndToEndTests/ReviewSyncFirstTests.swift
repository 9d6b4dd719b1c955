import Foundation
import LadderKit
import LadderTestSupport
import Testing

/// Starting a review of a record shared through git: the UI says when it last
/// synced and offers to sync first (`S`, then `y`), as `ladder review start` says.
@Suite struct ReviewSyncFirstTests {
    @Test func startingAReviewOffersToSyncFirstAndShowsWhatTheSyncBrought() throws {
        let team = try ShareRecordTests.Team()
        defer { TestSupport.removeFolder(team.root) }
        let items = try team.senior()
        try team.ok(["tick", "serverless-functions", items[0], "--note", "Cut cold starts in half, PR 412"], team.ana)
        try team.ok(["sync"], team.ana)

        let asked = try team.ok(["snapshot", "--person", "ana", "--size", "80x24", "--keys", "R S"], team.mentor).stdout
        #expect(asked.contains("Last synced just now. Sync first?"), "\(asked)")
        #expect(asked.contains("y yes") && asked.contains("n no"), "\(asked)")

        let cancelled = try team.ok(["snapshot", "--person", "ana", "--size", "80x24", "--keys", "R S Escape"], team.mentor).stdout
        #expect(cancelled.contains("Review not started.") && cancelled.contains("No review of Ana Silva is open"), "\(cancelled)")

        let synced = try team.ok(["snapshot", "--person", "ana", "--size", "80x24", "--keys", "R S y"], team.mentor).stdout
        #expect(synced.contains("Synced (+2 pulled"), "\(synced)")
        #expect(synced.contains("Review started."), "\(synced)")
        #expect(synced.contains("Review of Ana Silva in progress"), "\(synced)")
        #expect(synced.contains("Cut cold starts in half"), "the review shows what the sync brought: \(synced)")
    }

    @Test func aFailedSyncSaysWhyAndStartsNothing() throws {
        let team = try ShareRecordTests.Team()
        defer { TestSupport.removeFolder(team.root) }
        try FileManager.default.moveItem(atPath: team.anaRemote, toPath: team.anaRemote + ".gone")
        let screen = try team.ok(["snapshot", "--person", "ana", "--size", "80x24", "--keys", "R S y"], team.mentor).stdout
        #expect(screen.contains("Not synced:"), "\(screen)")
        #expect(screen.contains("No review of Ana Silva is open"), "\(screen)")
        let without = try team.ok(["snapshot", "--person", "ana", "--size", "80x24", "--keys", "R S n"], team.mentor).stdout
        #expect(without.contains("Review of Ana Silva in progress"), "n starts the review without syncing: \(without)")
    }
}
