import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// kill -9 at any moment loses at most the event being written; the next start
/// reports a torn line by file and line and loads the rest; stale temp files go.
@Suite(.serialized) struct CrashTests {
    /// 200 runs of `ladder debug write-loop --rewrite` (a journal append and an atomic
    /// profile rewrite per event), each killed with SIGKILL after a random delay. After
    /// each kill, a "next start" (`DataFolder.prepare`) leaves no temp file; the journal
    /// loads with no problem, holding every event the writer reported saved and at most
    /// one more (the one in flight), in order; the rewritten profile loads whole.
    @Test func twoHundredKillNinesLoseAtMostTheEventInFlight() throws {
        let (scratch, home) = try R.dataFolder("kill")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        var random = SeededRandom(seed: 0x6b696c6c)
        var roundsWithWrites = 0, roundsWithTemps = 0, inFlightWritten = 0
        var expectedTotal: [String: Int] = [:]
        for round in 0..<200 {
            // Ten people, twenty rounds each: journals grow across kills.
            let person = "p\(round % 10)"
            let label = "r\(round)"
            let child = try R.spawn(TestSupport.ladderBinary,
                                    ["debug", "write-loop", "--count", "100000", "--rewrite", "--label", label, "--person", person],
                                    environment: R.environment(home: home), scratch: scratch)
            usleep(UInt32.random(in: 15_000...140_000, using: &random))
            kill(child.pid, SIGKILL)
            let ended = R.wait(child)
            #expect(ended.signalled && ended.status == 128 + SIGKILL, "round \(round): \(ended.stderr)")
            let saved = ended.stdout.split(separator: "\n").last.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            if saved > 0 { roundsWithWrites += 1 }

            // The next start: the data folder prepared, the profiles listed (which sweeps their folder).
            let temps = R.walk(home).filter { $0.contains(SafeFile.tempPrefix) }
            if !temps.isEmpty { roundsWithTemps += 1 }
            try folder.prepare()
            _ = ProfileLibrary.load(from: folder)
            let left = R.walk(home).filter { $0.contains(SafeFile.tempPrefix) }
            #expect(left.isEmpty, "round \(round): temp files left after the next start: \(left)")

            let id = try #require(PersonID(person))
            let journal = try Store(folder: folder).journal(for: id)
            #expect(journal.problems.isEmpty, "round \(round): \(journal.problems.map(\.description))")
            let mine = journal.events.compactMap(\.change.expectation).filter { $0.hasPrefix(label + "-") }
            #expect(mine == (0..<mine.count).map { "\(label)-\($0 + 1)" }, "round \(round): events out of order or missing")
            #expect(mine.count == saved || mine.count == saved + 1,
                    "round \(round): \(saved) reported saved, \(mine.count) on disk")
            if mine.count == saved + 1 { inFlightWritten += 1 }
            expectedTotal[person, default: 0] += mine.count
            #expect(journal.events.count == expectedTotal[person], "round \(round): earlier events lost")

            if let bytes = R.bytes(folder.profilesPath + "/debug-loop.yaml") {
                #expect(throws: Never.self, "round \(round): the atomically rewritten profile does not load") {
                    _ = try ProfileFile.decode(bytes, file: "debug-loop.yaml")
                }
            }
        }
        print("kill -9: 200 kills, \(roundsWithWrites) after at least one save, \(roundsWithTemps) left a temp file, "
              + "\(inFlightWritten) had the in-flight event on disk")
        #expect(roundsWithWrites >= 50, "too few kills landed while saving; the test did not test much")
        if roundsWithWrites >= 50 { #expect(roundsWithTemps > 0, "no kill landed during an atomic rewrite") }
    }

    /// A crash mid-write (power loss) leaves a torn last line: the next start names the
    /// file and line, loads the rest; the next save starts on a new line and keeps the
    /// torn bytes, which stay reported.
    @Test func aTornLastLineIsReportedByFileAndLineAndTheRestLoads() throws {
        let (scratch, home) = try R.dataFolder("torn")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        #expect(try R.ladder(["track", "small-skill", "--role", "tester", "--level", "Junior"], home: home, scratch: scratch).status == 0)
        #expect(try R.ladder(["tick", "small-skill", "t1"], home: home, scratch: scratch).status == 0)
        let path = folder.journalPath(for: .me)
        let whole = try #require(R.bytes(path))
        var torn = whole
        let tornLine = Array(#"{"at":"2026-02-02T00:00:00Z","id":"0123","item":"t2","ki"#.utf8)
        torn += tornLine
        try R.write(torn, to: path)

        let status = try R.ladder(["status"], home: home, scratch: scratch)
        #expect(status.status == 0)
        #expect(status.stderr.contains("\(path):3:1: the last line is incomplete"), "\(status.stderr)")
        #expect(status.stdout.contains("Small skill"), "the rest did not load: \(status.stdout)")
        #expect(R.bytes(path) == torn, "loading changed the file")

        // The UI shows it too, on the dashboard.
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        #expect(app.state.journalProblems.map(\.line) == [3])
        #expect(app.render(width: 100, height: 30).text.contains("people/me.jsonl:3:1"), "\(app.render(width: 100, height: 30).text)")

        // The next save keeps the torn bytes and starts a new line.
        #expect(try R.ladder(["tick", "small-skill", "t2"], home: home, scratch: scratch).status == 0)
        let after = try #require(R.bytes(path))
        #expect(Array(after.prefix(torn.count)) == torn)
        #expect(after[torn.count] == 0x0A)
        let journal = try Store(folder: folder).journal(for: .me)
        #expect(journal.events.compactMap(\.change.expectation) == ["t1", "t2"])
        // No longer the last line: reported where its JSON stops.
        #expect(journal.problems.map { "\($0.line):\($0.column)" } == ["3:\(tornLine.count + 1)"])
        #expect(journal.problems.first?.message.contains("not a journal event (not valid JSON: unfinished text)") == true)
    }

    /// Temp files of dead writers are removed at start; one of a live writer is kept
    /// (it is about to be renamed); other files are never touched.
    @Test func staleTempFilesAreCleanedAtStart() throws {
        let (scratch, home) = try R.dataFolder("temps")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        // A pid that is surely dead: a child we started and reaped.
        let dead = try R.spawn("/bin/true", [], environment: [:], scratch: scratch)
        _ = R.wait(dead)
        let stale = [home, folder.profilesPath, folder.peoplePath].map { "\($0)/\(SafeFile.tempPrefix)\(dead.pid)-1-x.yaml" }
        let live = folder.profilesPath + "/\(SafeFile.tempPrefix)\(getppid())-2-y.yaml"
        let keep = folder.profilesPath + "/.ladder-notes.yaml"
        for path in stale + [live, keep] { try R.write("partial", to: path) }
        #expect(try R.ladder(["status"], home: home, scratch: scratch).status == 0)
        for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: live), "the temp file of a running process was removed")
        #expect(FileManager.default.fileExists(atPath: keep))
    }
}
