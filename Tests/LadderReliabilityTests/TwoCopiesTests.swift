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

    /// The UI never blocks on the lock: the change waits, saying so, while keys keep
    /// working; other changes are refused with a clear line, never queued out of order.
    /// Once the holder is killed with -9, the lock is gone and the next event (a key or
    /// the idle second) saves the waiting change.
    @Test func theUIWaitsForTheLockWithoutBlockingAndAKilledHolderLeavesNoLock() throws {
        let (scratch, home) = try R.dataFolder("ui-lock")
        defer { TestSupport.removeFolder(scratch) }
        let (folder, app) = try smallSkillOpen(home: home, scratch: scratch)

        let holder = try startHolder(seconds: 60, home: home, scratch: scratch)
        let before = R.bytes(folder.journalPath(for: .me))
        app.handle(.key(.character(" ")))
        #expect(app.state.waitingForLock == folder.lockPath)
        let waiting = app.frame.text
        #expect(waiting.contains("Waiting: another ladder holds the lock; saves when it is free, Esc gives up"), "\(waiting)")
        #expect(waiting.contains("Esc give up saving"))
        #expect(app.state.record.skills["small-skill"]?.ticks.isEmpty == true, "memory changed although nothing was saved")
        #expect(R.bytes(folder.journalPath(for: .me)) == before)

        // Keys keep working; another change is refused, not queued; q asks first.
        app.handle(.key(.left))
        #expect(app.state.skill.level == "Junior", "another level's checklist")
        app.handle(.key(.character("?")))
        #expect(app.state.showingHelp)
        app.handle(.key(.escape))
        app.handle(.key(.character(" ")))
        #expect(app.state.notice?.text.contains("still waits for the lock") == true)
        app.handle(.key(.character("q")))
        #expect(!app.state.finished)
        #expect(app.state.notice?.text.contains("q again quits without it") == true)
        app.handle(.key(.right))
        #expect(R.bytes(folder.journalPath(for: .me)) == before)

        kill(holder.pid, SIGKILL)
        #expect(R.wait(holder).signalled)
        app.handle(.idle) // the lock is gone with its holder: the waiting change lands
        #expect(app.state.waitingForLock == nil)
        #expect(app.state.notice?.isError == false, "\(String(describing: app.state.notice))")
        #expect(app.state.record.skills["small-skill"]?.ticks.count == 1)
        #expect(try Store(folder: folder).journal(for: .me).events.count == 2, "the one change, once")
    }

    /// Esc gives the waiting change up: nothing of it is ever written.
    @Test func escGivesUpTheWaitingChange() throws {
        let (scratch, home) = try R.dataFolder("ui-lock-esc")
        defer { TestSupport.removeFolder(scratch) }
        let (folder, app) = try smallSkillOpen(home: home, scratch: scratch)
        let holder = try startHolder(seconds: 60, home: home, scratch: scratch)
        app.handle(.key(.character(" ")))
        #expect(app.state.waitingForLock != nil)
        app.handle(.key(.escape))
        #expect(app.state.waitingForLock == nil)
        #expect(app.state.notice?.text.hasPrefix("Not saved: you gave up waiting for the lock") == true)
        #expect(app.state.screen == .skill("small-skill"), "Esc gave up the save; it did not also go back")
        kill(holder.pid, SIGKILL)
        _ = R.wait(holder)
        app.handle(.idle)
        #expect(try Store(folder: folder).journal(for: .me).events.count == 1)
        #expect(app.state.record.skills["small-skill"]?.ticks.isEmpty == true)
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
    /// The UI on a data folder tracking the small profile, its skill screen open.
    func smallSkillOpen(home: String, scratch: String) throws -> (DataFolder, LadderApp) {
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        #expect(try R.ladder(["track", "small-skill", "--role", "tester", "--level", "Junior"], home: home, scratch: scratch).status == 0)
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        app.handle(.resize(width: 100, height: 30))
        app.handle(.key(.enter))
        return (folder, app)
    }

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
