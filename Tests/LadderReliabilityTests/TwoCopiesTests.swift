import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two Ladders on one data folder: writers never lose or interleave events; a second
/// one waits with a visible message or refuses naming the lock; a dead process
/// leaves no lock behind.
@Suite(.serialized) struct TwoCopiesTests {
    /// Two processes append 1,000 events each to the same journal at the same time:
    /// 2,000 whole lines, each writer's in its own order.
    @Test func twoWritersOf1000EventsEachLeave2000() throws {
        let (scratch, home) = try R.dataFolder("writers")
        defer { TestSupport.removeFolder(scratch) }
        let writers = try ["a", "b"].map { label in
            try R.spawn(TestSupport.ladderBinary, ["debug", "write-loop", "--count", "1000", "--label", label],
                        environment: R.environment(home: home), scratch: scratch)
        }
        let ended = writers.map { R.wait($0) }
        for result in ended { #expect(result.status == 0, "\(result.stderr)") }
        let journal = try Store(folder: DataFolder(path: home)).journal(for: .me)
        #expect(journal.problems.isEmpty, "\(journal.problems.prefix(3).map(\.description))")
        #expect(journal.events.count == 2000)
        let items = journal.events.compactMap(\.change.expectation)
        for label in ["a", "b"] {
            let mine = items.filter { $0.hasPrefix(label + "-") }
            #expect(mine == (1...1000).map { "\(label)-\($0)" }, "writer \(label)'s events lost or reordered")
        }
        #expect(Set(journal.events.map(\.id)).count == 2000, "duplicate event ids")
        let lines = (R.bytes(DataFolder(path: home).journalPath(for: .me)) ?? []).split(separator: 0x0A)
        #expect(lines.count == 2000, "interleaved or split lines")
    }

    /// While another Ladder holds the lock, a CLI change says it is waiting (naming the
    /// lock file) and goes through once the lock is released.
    @Test func aSecondLadderWaitsWithAVisibleMessage() throws {
        let (scratch, home) = try R.dataFolder("wait")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        let holder = try startHolder(seconds: 1.5, home: home, scratch: scratch)
        let tracked = try R.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"],
                                   home: home, scratch: scratch)
        _ = R.wait(holder)
        #expect(tracked.status == 0, "\(tracked.stderr)")
        #expect(tracked.stderr.contains("waiting for lock on \(folder.lockPath)"), "\(tracked.stderr)")
        #expect(try Store(folder: folder).journal(for: .me).events.count == 1)
    }

    /// A lock held for longer than a writer waits: the CLI refuses, naming the lock
    /// file, exits non-zero and changes nothing.
    @Test func aLockHeldTooLongIsRefusedNamingTheLock() throws {
        let (scratch, home) = try R.dataFolder("refuse")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        let holder = try startHolder(seconds: 60, home: home, scratch: scratch)
        defer {
            kill(holder.pid, SIGKILL)
            _ = R.wait(holder)
        }
        let tracked = try R.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"],
                                   home: home, scratch: scratch)
        #expect(tracked.status == 1)
        #expect(tracked.stderr.contains("another ladder holds the lock on \(folder.lockPath)"), "\(tracked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.journalPath(for: .me)))
    }

    /// The UI cannot draw while it waits, so it waits briefly and then says "Not saved",
    /// naming the lock, with its state unchanged. Once the holder is killed with -9,
    /// the lock is gone and the same key saves.
    @Test func theUIRefusesWhileLockedAndAKilledHolderLeavesNoLock() throws {
        let (scratch, home) = try R.dataFolder("ui-lock")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        #expect(try R.ladder(["track", "small-skill", "--role", "tester", "--level", "Junior"], home: home, scratch: scratch).status == 0)
        let app = LadderApp(store: Store(folder: folder, lockTimeout: 0.3), library: ProfileLibrary.load(from: folder), person: .me)
        app.handle(.key(.enter))
        _ = app.render(width: 100, height: 30)

        let holder = try startHolder(seconds: 60, home: home, scratch: scratch)
        let before = R.bytes(folder.journalPath(for: .me))
        app.handle(.key(.character(" ")))
        let refused = app.render(width: 100, height: 30).text
        #expect(refused.contains("Not saved: another ladder holds the lock on"), "\(refused)")
        #expect(app.state.notice?.text.contains(folder.lockPath) == true)
        #expect(app.state.record.skills["small-skill"]?.ticks.isEmpty == true, "memory changed although nothing was saved")
        #expect(R.bytes(folder.journalPath(for: .me)) == before)

        kill(holder.pid, SIGKILL)
        #expect(R.wait(holder).signalled)
        app.handle(.key(.character(" "))) // would fail again after 0.3 s if the lock outlived its holder
        #expect(app.state.notice?.isError != true, "\(String(describing: app.state.notice))")
        #expect(app.state.record.skills["small-skill"]?.ticks.count == 1)
        #expect(try Store(folder: folder).journal(for: .me).events.count == 2)
    }

    /// After kill -9 of a process holding the lock, the CLI neither waits nor refuses.
    @Test func aDeadLockHolderLeavesNoLockForTheCLI() throws {
        let (scratch, home) = try R.dataFolder("dead-lock")
        defer { TestSupport.removeFolder(scratch) }
        let holder = try startHolder(seconds: 60, home: home, scratch: scratch)
        kill(holder.pid, SIGKILL)
        _ = R.wait(holder)
        let tracked = try R.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"],
                                   home: home, scratch: scratch)
        #expect(tracked.status == 0, "\(tracked.stderr)")
        #expect(!tracked.stderr.contains("waiting"), "\(tracked.stderr)")
    }

    /// Starts `ladder debug hold-lock` and returns once it holds the lock.
    func startHolder(seconds: Double, home: String, scratch: String) throws -> R.Child {
        let holder = try R.spawn(TestSupport.ladderBinary, ["debug", "hold-lock", "--seconds", "\(seconds)"],
                                 environment: R.environment(home: home), scratch: scratch)
        let holding = R.eventually(timeout: 20) {
            ((try? String(contentsOfFile: holder.stdoutPath, encoding: .utf8)) ?? "").contains("holding")
        }
        if !holding {
            kill(holder.pid, SIGKILL)
            let ended = R.wait(holder)
            throw R.Failure("hold-lock did not start: \(ended.stderr)")
        }
        return holder
    }
}
