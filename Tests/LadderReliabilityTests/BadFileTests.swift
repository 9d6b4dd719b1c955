import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing

/// Files that do not load: every problem is `file:line:column: message` with the
/// line and a caret; a file that failed to load is never written back; one bad
/// profile hides no good one; a newer format opens read-only with a message.
@Suite struct BadFileTests {
    // MARK: Truncation at every byte offset

    /// Every prefix of a real journal loads: the complete lines as events, and at most
    /// one problem, for the cut last line, reported at its line.
    @Test func aJournalCutAtEveryByteOffsetLoadsEveryCompleteLine() throws {
        let journal = try R.sampleJournal()
        let starts = R.lineStarts(journal)
        #expect(starts.count == 7) // six lines, then the end
        for cut in 0...journal.count {
            let loaded = Journal.parse(Array(journal.prefix(cut)), file: "me.jsonl")
            let complete = starts.filter { $0 <= cut }.count - 1 // lines whose newline is inside the prefix
            let inLastLine = cut - (starts.last { $0 <= cut } ?? 0)
            // A cut just before a newline leaves a whole line of JSON: it loads.
            let lineIsWhole = cut < journal.count && journal[cut] == 0x0A
            let expected = complete + (lineIsWhole && inLastLine > 0 ? 1 : 0)
            #expect(loaded.events.count == expected, "cut at \(cut)")
            if inLastLine > 0 && !lineIsWhole {
                #expect(loaded.problems.count == 1, "cut at \(cut)")
                #expect(loaded.problems.first?.line == complete + 1, "cut at \(cut)")
                #expect(loaded.problems.first?.message.contains("the last line is incomplete") == true, "cut at \(cut)")
            } else {
                #expect(loaded.problems.isEmpty, "cut at \(cut): \(loaded.problems.map(\.headline))")
            }
        }
    }

    /// Every prefix of a real profile (the small one, and the bundled one at every 7th
    /// byte) either loads or is refused with a problem at a line and column inside the
    /// file, or about the whole file.
    @Test func aProfileCutAtEveryByteOffsetLoadsOrIsReportedInsideTheFile() throws {
        func check(_ bytes: [UInt8], step: Int, name: String) -> Int {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            var loaded = 0
            for cut in stride(from: 0, through: bytes.count, by: step) {
                do {
                    _ = try ProfileFile.decode(Array(bytes.prefix(cut)), file: name)
                    loaded += 1
                } catch {
                    #expect(error.file == name)
                    #expect(error.line >= 0 && error.line <= lines, "cut at \(cut): \(error.headline)")
                    if error.line > 0 { #expect(error.excerpt != nil, "cut at \(cut): no excerpt for \(error.headline)") }
                    #expect(!error.message.isEmpty)
                }
            }
            return loaded
        }
        let small = Array(R.smallProfile.utf8)
        let smallLoaded = check(small, step: 1, name: "small.yaml")
        #expect(smallLoaded >= 1) // at least the whole file
        let bundled = R.bundledProfile
        #expect(bundled.count > 1000)
        _ = check(bundled, step: 7, name: "serverless-functions.yaml")
        #expect(throws: Never.self) { try ProfileFile.decode(bundled, file: "serverless-functions.yaml") }
    }

    // MARK: Damage of each kind

    @Test func journalDamageOfEachKindIsReportedAndTheRestLoads() throws {
        let journal = try R.sampleJournal()
        let lines = journal.split(separator: 0x0A).map(Array.init)
        func load(_ bytes: [UInt8]) -> Journal { Journal.parse(bytes, file: "me.jsonl") }

        // Trailing garbage after the last line.
        var garbage = load(journal + Array("}}not json at all".utf8))
        #expect(garbage.events.count == 6)
        #expect(garbage.problems.map(\.line) == [7])
        // A NUL inside a line, mid-file.
        var nul = lines
        nul[2].insert(0x00, at: 10)
        garbage = load(Array(nul.joined(separator: [0x0A])) + [0x0A])
        #expect(garbage.events.count == 5)
        #expect(garbage.problems.map { "\($0.line):\($0.column)" } == ["3:11"])
        #expect(garbage.problems.first?.description.contains("^@") == true, "the NUL is shown visibly")
        // Invalid UTF-8.
        var invalid = lines
        invalid[1].insert(contentsOf: [0xFF, 0xFE], at: 8)
        garbage = load(Array(invalid.joined(separator: [0x0A])) + [0x0A])
        #expect(garbage.events.count == 5)
        #expect(garbage.problems.map(\.line) == [2])
        // A BOM at the start and CRLF line ends load as if they were not there.
        let crlf = [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: [0x0D, 0x0A])) + [0x0D, 0x0A]
        let windows = load(crlf)
        #expect(windows.events == load(journal).events)
        #expect(windows.problems.isEmpty)
        // A duplicate key: loads or is reported, never crashes; the other lines load.
        var duplicate = lines
        duplicate[3] = Array(#"{"v":1,"v":1,"id":"dup","at":"2026-01-01T00:00:00Z","kind":"person","name":"A"}"#.utf8)
        let dup = load(Array(duplicate.joined(separator: [0x0A])))
        #expect(dup.events.count + dup.problems.count == 6)
        // Format 99: read-only with a message.
        let future = load(journal + Array(#"{"v":99,"id":"f","at":"2030-01-01T00:00:00Z","kind":"hologram","shape":[1,2]}"#.utf8) + [0x0A])
        #expect(future.readOnly)
        #expect(future.events.count == 6)
        #expect(future.problems.first?.message.contains("newer Ladder (format 99)") == true)
    }

    @Test func profileDamageOfEachKindIsReportedAtItsLineAndColumn() throws {
        let good = R.smallProfile
        func problem(_ text: String) -> FileProblem? { problem(Array(text.utf8)) }
        func problem(_ bytes: [UInt8]) -> FileProblem? {
            do { _ = try ProfileFile.decode(bytes, file: "p.yaml"); return nil } catch { return error }
        }
        // Trailing garbage.
        let garbage = problem(good + "]]} trailing: [garbage\n")
        let garbageLine = good.filter { $0 == "\n" }.count + 1
        #expect(garbage?.line == garbageLine, "\(String(describing: garbage))")
        // A NUL.
        let nul = problem(good.replacingOccurrences(of: "id: tester", with: "id: te\u{0}ster"))
        #expect(nul.map { "\($0.line):\($0.column)" } == "11:11")
        #expect(nul?.message == "contains a NUL character")
        // Invalid UTF-8.
        var bytes = Array(good.utf8)
        let at = try #require(bytes.firstIndex(of: UInt8(ascii: "W")))
        bytes.insert(0xC3, at: at) // a lead byte without its continuation
        let invalid = problem(bytes)
        #expect(invalid?.message == "not valid UTF-8 text")
        #expect(invalid?.line ?? 0 > 0 && invalid?.column ?? 0 > 0)
        // A BOM and CRLF line ends load.
        let windows = [0xEF, 0xBB, 0xBF] + Array(good.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(problem(windows) == nil, "\(String(describing: problem(windows)))")
        // A duplicate key, reported at the second one.
        let duplicate = problem(good.replacingOccurrences(of: "group: Testing\n", with: "group: Testing\ndomain: Again\n"))
        #expect(duplicate.map { "\($0.line):\($0.column): \($0.message)" } == "8:1: duplicate key 'domain'")
        // Schema 99: refused with an update hint, at the schema line, before unknown keys are typos.
        let future = problem(good.replacingOccurrences(of: "schema: 1", with: "schema: 99")
            .replacingOccurrences(of: "group: Testing", with: "group: Testing\nhologram: true"))
        #expect(future.map { "\($0.line):\($0.column)" } == "2:9")
        #expect(future?.message.contains("newer than this Ladder understands") == true)
    }

    /// `file:line:column: message`, the line, and a caret under the column; the same
    /// from `ladder validate` on stderr, with a non-zero exit.
    @Test func problemsReadFileLineColumnThenTheLineAndACaret() throws {
        let text = R.smallProfile.replacingOccurrences(of: "required: true\n", with: "required: yes please\n")
        var caught: FileProblem?
        do { _ = try ProfileFile.decode(text, file: "small.yaml") } catch { caught = error }
        let problem = try #require(caught)
        let lines = problem.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "small.yaml:\(problem.line):\(problem.column): \(problem.message)")
        #expect(lines[1] == "  " + (problem.excerpt ?? "?"))
        #expect(lines[2] == "  " + String(repeating: " ", count: problem.column - 1) + "^")
        let caretColumn = lines[2].count - 2
        let pointed = Array(lines[1].dropFirst(2))[caretColumn - 1]
        #expect(pointed == "y", "the caret points at '\(pointed)', not at the value")

        let (scratch, home) = try R.dataFolder("validate")
        defer { TestSupport.removeFolder(scratch) }
        try R.write(text, to: scratch + "/small.yaml")
        let validate = try R.ladder(["validate", scratch + "/small.yaml"], home: home, scratch: scratch)
        #expect(validate.status == 1)
        #expect(validate.stderr.hasPrefix("\(scratch)/small.yaml:\(problem.line):\(problem.column): "), "\(validate.stderr)")
        #expect(validate.stderr.contains(lines[1] + "\n" + lines[2]))
    }

    // MARK: Nothing written back, nothing hidden

    /// A data folder with a good profile, a broken one, one from the future, and a
    /// damaged journal: the good profile and every good event load, the problems are
    /// listed (CLI and UI), saves append without rewriting anything, and the broken
    /// files stay byte for byte as they were.
    @Test func badFilesAreReportedNeverRewrittenAndHideNothing() throws {
        let (scratch, home) = try R.dataFolder("bad-files")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        let broken = folder.profilesPath + "/broken.yaml"
        let future = folder.profilesPath + "/future.yaml"
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        try R.write(R.smallProfile.replacingOccurrences(of: "id: small-skill", with: "id: broken\n  oops: [").replacingOccurrences(of: "\n", with: "\n"), to: broken)
        try R.write(R.smallProfile.replacingOccurrences(of: "schema: 1", with: "schema: 99").replacingOccurrences(of: "id: small-skill", with: "id: future"), to: future)
        let journalPath = folder.journalPath(for: .me)
        var journal = try R.sampleJournal()
        journal += Array("{\"v\":1, broken line from a bad merge\n".utf8)
        try R.write(journal, to: journalPath)
        let before = [broken, future].map { R.bytes($0) }
        let journalBefore = try #require(R.bytes(journalPath))

        let listed = try R.ladder(["profiles"], home: home, scratch: scratch)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("small-skill"))
        #expect(listed.stdout.contains("serverless-functions"))
        #expect(listed.stderr.contains("warning: \(broken):"), "\(listed.stderr)")
        #expect(listed.stderr.contains("warning: \(future):2:9: schema 99 is newer"), "\(listed.stderr)")

        let library = ProfileLibrary.load(from: folder)
        #expect(Set(library.problems.map(\.file)) == [broken, future])
        let app = LadderApp(store: Store(folder: folder), library: library, person: .me)
        #expect(app.state.journalProblems.map(\.line) == [7])
        let dashboard = app.render(width: 140, height: 30).text
        #expect(dashboard.contains("me.jsonl:7:"), "\(dashboard)")
        app.handle(.key(.character("a"))) // the profile browser lists the broken files
        let browser = app.render(width: 140, height: 40).text
        #expect(browser.contains("broken.yaml"), "\(browser)")
        #expect(browser.contains("Small skill"))

        // Saves append to the damaged journal; nothing before is rewritten.
        let tick = try R.ladder(["tick", "small-skill", "t2"], home: home, scratch: scratch)
        #expect(tick.status == 0, "\(tick.stderr)")
        let journalAfter = try #require(R.bytes(journalPath))
        #expect(Array(journalAfter.prefix(journalBefore.count)) == journalBefore)
        #expect([broken, future].map { R.bytes($0) } == before)
    }

    /// A person whose journal has a line from a newer Ladder opens read-only: the CLI
    /// refuses to change it, the UI says so and does not save; the file is unchanged.
    @Test func aJournalFromTheFutureOpensReadOnly() throws {
        let (scratch, home) = try R.dataFolder("future-journal")
        defer { TestSupport.removeFolder(scratch) }
        let folder = DataFolder(path: home)
        try R.write(R.smallProfile, to: folder.profilesPath + "/small.yaml")
        let path = folder.journalPath(for: .me)
        let bytes = try R.sampleJournal() + Array(#"{"v":99,"id":"f","at":"2030-01-01T00:00:00Z","kind":"track","skill":"small-skill"}"#.utf8) + [0x0A]
        try R.write(bytes, to: path)
        let tick = try R.ladder(["tick", "small-skill", "t2"], home: home, scratch: scratch)
        #expect(tick.status == 1)
        #expect(tick.stderr.contains("written by a newer Ladder"), "\(tick.stderr)")
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        #expect(app.state.readOnly)
        #expect(app.render(width: 120, height: 30).text.contains("newer Ladder"))
        app.handle(.key(.enter))
        app.handle(.key(.character(" ")))
        #expect(app.state.notice?.text.hasPrefix("Not saved") == true, "\(String(describing: app.state.notice))")
        #expect(R.bytes(path) == bytes)
    }
}
