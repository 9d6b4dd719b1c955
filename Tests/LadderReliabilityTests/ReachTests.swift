import Foundation
import LadderKit
import LadderTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Records that nothing outside the data folder can reach: links are refused, lines
/// have a length limit and journals are read as a stream, an event id counts once,
/// and ids stay apart.
@Suite struct ReachTests {
    static let track = ["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"]

    @Test func aJournalThatIsALinkIsRefusedNeverReadNorWritten() throws {
        let (scratch, home) = try R.dataFolder("link")
        defer { TestSupport.removeFolder(scratch) }
        let foreign = scratch + "/foreign.txt"
        try R.write("a private line of someone else\n", to: foreign)
        symlink(foreign, home + "/people/me.jsonl")
        let status = try R.ladder(["status"], home: home, scratch: scratch)
        #expect(status.status != 0)
        #expect(status.stderr.contains("people/me.jsonl") && status.stderr.contains("symbolic link (to \(foreign))"), "\(status.stderr)")
        #expect(!status.stderr.contains("a private line") && !status.stdout.contains("a private line"))
        let track = try R.ladder(Self.track, home: home, scratch: scratch)
        #expect(track.status != 0)
        #expect(track.stderr.contains("symbolic link"), "\(track.stderr)")
        #expect(R.bytes(foreign) == Array("a private line of someone else\n".utf8), "nothing is written through the link")

        symlink(scratch + "/nowhere", home + "/people/ana.jsonl")
        let dangling = try R.ladder(Self.track + ["--person", "ana"], home: home, scratch: scratch)
        #expect(dangling.status != 0)
        #expect(dangling.stderr.contains("dangling symbolic link"), "\(dangling.stderr)")
        #expect(!R.walk(scratch).contains(scratch + "/nowhere"))
    }

    @Test func linkedFoldersAndALinkedLockAreRefused() throws {
        let (scratch, home) = try R.dataFolder("folders")
        defer { TestSupport.removeFolder(scratch) }
        let elsewhere = scratch + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: home + "/people")
        symlink(elsewhere, home + "/people")
        let track = try R.ladder(Self.track, home: home, scratch: scratch)
        #expect(track.status != 0)
        #expect(track.stderr.contains("/people") && track.stderr.contains("symbolic link"), "\(track.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)

        unlink(home + "/people")
        try DataFolder(path: home).prepare()
        symlink(scratch + "/lock-target", home + "/.lock")
        let locked = try R.ladder(Self.track, home: home, scratch: scratch)
        #expect(locked.status != 0)
        #expect(locked.stderr.contains(".lock") && locked.stderr.contains("symbolic link"), "\(locked.stderr)")
        #expect(R.bytes(scratch + "/lock-target") == nil, "the lock's target is never created")
        #expect(R.bytes(home + "/people/me.jsonl") == nil)
    }

    @Test func anOverLongLineIsADamagedLineAndMemoryStaysSmall() throws {
        let (scratch, home) = try R.dataFolder("long")
        defer { TestSupport.removeFolder(scratch) }
        let sample = try R.sampleJournal()
        // The sample's events, then one 40 MB line with no end.
        let lines = sample.split(separator: 0x0A).map(Array.init)
        let path = DataFolder(path: home).journalPath(for: .me)
        let small = try R.ladder(["status"], home: home, scratch: scratch) // memory without the long line
        #expect(small.status == 0, "\(small.stderr)")
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        _ = sample.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, 1) }
        for _ in 0..<40 { _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
        close(fd)
        let journal = try Store(folder: DataFolder(path: home)).journal(for: .me)
        #expect(journal.events.count == lines.count, "every event before the long line loads")
        let problem = try #require(journal.problems.first)
        #expect(journal.problems.count == 1)
        #expect(problem.line == lines.count + 1 && problem.file == path)
        #expect(problem.message.contains("longer than the 64 KB"), "\(problem.message)")
        #expect((problem.excerpt ?? "").count <= 120)

        let status = try R.ladder(["status"], home: home, scratch: scratch)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stderr.contains("me.jsonl:\(lines.count + 1):1:"), "\(status.stderr)")
        #expect(status.maxRSSKB - small.maxRSSKB < 16 * 1024, "status held the 40 MB line: \(status.maxRSSKB) KB against \(small.maxRSSKB) KB")
    }

    @Test func anEventIDOnSeveralLinesCountsOnce() throws {
        let sample = try R.sampleJournal()
        let lines = sample.split(separator: 0x0A).map(Array.init)
        // A merge done by hand: every line twice, and one id again with other content.
        var doubled = sample + sample
        let changed = String(decoding: lines[3], as: UTF8.self).replacingOccurrences(of: "PR #1", with: "PR #2")
        doubled += Array(changed.utf8) + [0x0A]
        let journal = Journal.parse(doubled, file: "me.jsonl")
        let once = Journal.parse(sample, file: "me.jsonl")
        #expect(journal.events == once.events)
        #expect(journal.problems.count == 1, "\(journal.problems)")
        #expect(journal.problems.first?.line == 2 * lines.count + 1)
        #expect(journal.problems.first?.message.contains("already on line 4") == true, "\(journal.problems)")
    }

    @Test func aFolderNamedLikeAJournalIsReportedNotAPerson() throws {
        let (scratch, home) = try R.dataFolder("zed")
        defer { TestSupport.removeFolder(scratch) }
        try FileManager.default.createDirectory(atPath: home + "/people/zed.jsonl", withIntermediateDirectories: true)
        #expect(!DataFolder(path: home).people().contains(PersonID("zed")!))
        let list = try R.ladder(["people", "list"], home: home, scratch: scratch)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("zed"))
        #expect(list.stderr.contains("zed.jsonl is a folder, not a journal"), "\(list.stderr)")
    }

    @Test func namesWithoutLettersGetTheirOwnIdsAndMeIsNoMentee() throws {
        let (scratch, home) = try R.dataFolder("ids")
        defer { TestSupport.removeFolder(scratch) }
        #expect(PersonID(name: "!!!") != PersonID(name: "???"))
        #expect(PersonID(name: "!!!") != PersonID(name: "Person"))
        #expect(PersonID(PersonID(name: "!!!").rawValue) == PersonID(name: "!!!"))
        for name in ["!!!", "???"] {
            let add = try R.ladder(["people", "add", name], home: home, scratch: scratch)
            #expect(add.status == 0, "\(add.stderr)")
        }
        let again = try R.ladder(["people", "add", "!!!"], home: home, scratch: scratch)
        #expect(again.status != 0 && again.stderr.contains("!!! is already here (id \(PersonID(name: "!!!")))"), "\(again.stderr)")

        let me = try R.ladder(["people", "add", "me", "--mentee"], home: home, scratch: scratch)
        #expect(me.status != 0)
        #expect(me.stderr.contains("cannot be your own mentee"), "\(me.stderr)")
        #expect(R.bytes(DataFolder(path: home).journalPath(for: .me)) == nil, "nothing was written")
    }
}
