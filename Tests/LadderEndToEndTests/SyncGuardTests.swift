import Foundation
import LadderKit
import LadderTestSupport
import Testing

/// What `ladder sync` refuses from a remote (over a real bare repository and two
/// clones): journal lines removed, a journal made a symbolic link, an unrelated
/// history; and the start-up check that catches a `git pull` done by hand.
@Suite struct SyncGuardTests {
    typealias World = SyncTests.World

    /// Ana's record tracked and ticked by the mentor and synced to both clones.
    func sharedRecord() throws -> World {
        let world = try World()
        try world.cloneBoth()
        #expect(try world.ladder(["people", "add", "ana"], in: world.mentor).status == 0)
        let track = try world.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "ana"], in: world.mentor)
        #expect(track.status == 0, "\(track.stderr)")
        // More of ana's events: copies of her track event under new ids.
        let line = try #require(world.journalLines(world.mentor).last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let id = try #require(object["id"] as? String)
        let more = (1...8).map { line.replacingOccurrences(of: id, with: id + "x\($0)") }
        let handle = try #require(FileHandle(forWritingAtPath: world.mentor + "/people/ana.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data((more.joined(separator: "\n") + "\n").utf8))
        handle.closeFile()
        #expect(world.journalLines(world.mentor).count == 10)
        try world.sync(world.mentor)
        try world.sync(world.mentee)
        #expect(world.journalLines(world.mentee).count == world.journalLines(world.mentor).count)
        return world
    }

    /// The mentee rewrites ana's journal with plain git and pushes it.
    func menteePushes(_ world: World, message: String, change: () throws -> Void) throws -> String {
        try change()
        try world.run(["-C", world.mentee, "add", "-A", "people"])
        try world.run(["-C", world.mentee, "commit", "-q", "-m", message])
        try world.run(["-C", world.mentee, "push", "-q", "origin", "HEAD:main"])
        return try world.head(world.mentee)
    }

    @Test func aRemoteThatRemovesJournalLinesIsUndoneAndNothingIsPushed() throws {
        let world = try sharedRecord()
        defer { TestSupport.removeFolder(world.root) }
        let original = world.journalLines(world.mentor)
        let journal = world.mentee + "/people/ana.jsonl"
        let bad = try menteePushes(world, message: "shorten") {
            try (original.prefix(1).joined(separator: "\n") + "\n").write(toFile: journal, atomically: false, encoding: .utf8)
        }
        // The mentor has a change of their own to push.
        let add = try world.ladder(["people", "add", "Zoe", "--mentee"], in: world.mentor)
        #expect(add.status == 0, "\(add.stderr)")
        try world.run(["-C", world.mentor, "add", "-A", "people"])
        try world.run(["-C", world.mentor, "commit", "-q", "-m", "zoe"])
        let before = try world.head(world.mentor)

        let sync = try world.ladder(["sync"], in: world.mentor)
        #expect(sync.status != 0, "a sync that removes lines must fail: \(sync.stdout)")
        #expect(sync.stderr.contains("people/ana.jsonl"), "\(sync.stderr)")
        #expect(sync.stderr.contains("removes \(original.count - 1) of its \(original.count) events"), "\(sync.stderr)")
        #expect(sync.stderr.contains("show \(bad.prefix(12))"), "the commit that did it is named: \(sync.stderr)")
        #expect(try world.head(world.mentor) == before, "the merge is undone")
        #expect(world.journalLines(world.mentor) == original, "every line is still there")
        #expect(try world.head(world.remote, "main") == bad, "nothing was pushed")
        #expect(try world.run(["-C", world.mentor, "status", "--porcelain"]).stdout.isEmpty)
    }

    @Test func aRemoteThatMakesAJournalASymbolicLinkIsUndone() throws {
        let world = try sharedRecord()
        defer { TestSupport.removeFolder(world.root) }
        let secret = world.root + "/secret.txt"
        try "a private line\n".write(toFile: secret, atomically: false, encoding: .utf8)
        let before = try world.head(world.mentor)
        let original = world.journalLines(world.mentor)
        _ = try menteePushes(world, message: "link") {
            let journal = world.mentee + "/people/ana.jsonl"
            try FileManager.default.removeItem(atPath: journal)
            try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: secret)
        }
        let sync = try world.ladder(["sync"], in: world.mentor)
        #expect(sync.status != 0)
        #expect(sync.stderr.contains("symbolic link") && sync.stderr.contains("people/ana.jsonl"), "\(sync.stderr)")
        #expect(!sync.stderr.contains("a private line") && !sync.stdout.contains("a private line"))
        #expect(try world.head(world.mentor) == before)
        var stats = stat()
        #expect(lstat(world.mentor + "/people/ana.jsonl", &stats) == 0 && stats.st_mode & S_IFMT == S_IFREG)
        #expect(world.journalLines(world.mentor) == original)
    }

    @Test func anUnrelatedHistoryNeedsTheFlag() throws {
        let world = try sharedRecord()
        defer { TestSupport.removeFolder(world.root) }
        // Another team's repository, with a history of its own.
        let other = world.root + "/other.git", stranger = world.root + "/stranger"
        try world.run(["init", "-q", "--bare", "-b", "main", other])
        try world.run(["clone", "-q", other, stranger])
        try "{}\n".write(toFile: stranger + "/people-note.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: stranger + "/people", withIntermediateDirectories: true)
        let line = try String(#require(world.journalLines(world.mentor).first))
        try (line + "\n").write(toFile: stranger + "/people/bob.jsonl", atomically: false, encoding: .utf8)
        try world.run(["-C", stranger, "add", "people"])
        try world.run(["-C", stranger, "commit", "-q", "-m", "bob"])
        try world.run(["-C", stranger, "push", "-q", "origin", "HEAD:main"])

        try world.run(["-C", world.mentor, "remote", "set-url", "origin", other])
        let before = try world.head(world.mentor)
        let refused = try world.ladder(["sync"], in: world.mentor)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("unrelated") && refused.stderr.contains("--allow-unrelated"), "\(refused.stderr)")
        #expect(try world.head(world.mentor) == before)
        #expect(!world.exists(world.mentor + "/people/bob.jsonl"))

        let joined = try world.ladder(["sync", "--allow-unrelated"], in: world.mentor)
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(world.exists(world.mentor + "/people/bob.jsonl"))
    }

    @Test func linesRemovedByAPullDoneByHandAreReportedAtStart() throws {
        let world = try sharedRecord()
        defer { TestSupport.removeFolder(world.root) }
        let original = world.journalLines(world.mentor)
        _ = try menteePushes(world, message: "shorten") {
            try (original.prefix(2).joined(separator: "\n") + "\n").write(toFile: world.mentee + "/people/ana.jsonl", atomically: false, encoding: .utf8)
        }
        let quiet = try world.ladder(["status", "--person", "ana"], in: world.mentor)
        #expect(!quiet.stderr.contains("gone"), "nothing is reported before the pull: \(quiet.stderr)")
        try world.run(["-C", world.mentor, "pull", "-q", "--no-rebase", "origin", "main"])
        let status = try world.ladder(["status", "--person", "ana"], in: world.mentor)
        #expect(status.stderr.contains("\(original.count - 2) lines of the \(original.count)"), "\(status.stderr)")
        #expect(status.stderr.contains("log -p -- people/ana.jsonl"), "\(status.stderr)")
    }
}
