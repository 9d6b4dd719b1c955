import Foundation
import LadderTestSupport
import Testing

/// `ladder note SKILL ID` without text: the note is written in the user's editor, as
/// `git commit` does. The editor here is a script that appends lines to the file.
@Suite struct NoteEditorTests {
    static let long = "Led the cold-start work on the billing and invoicing functions across three services, cutting p95 latency from 1.8 s to 400 ms"

    func setUp() throws -> (home: String, id: String) {
        let home = try TestSupport.makeTempFolder("ladder-editor")
        #expect(try TestSupport.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"], home: home).status == 0)
        let show = try TestSupport.ladder(["show", "serverless-functions", "--role", "cloud-engineer", "--level", "Senior", "--json"], home: home)
        return (home, try #require(ReviewSessionTests.ids(show.stdout)?.first))
    }

    /// An editor that checks the template names the expectation, then appends `lines`.
    func editor(in home: String, writing lines: [String], status: Int = 0) throws -> String {
        let path = home + "/editor.sh"
        let appended = lines.map { "printf '%s\\n' '\($0)' >> \"$1\"" }.joined(separator: "\n")
        let script = "#!/bin/sh\ngrep -q '^# Evidence for: ' \"$1\" || exit 3\n\(appended)\nexit \(status)\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    @Test func withoutTextTheNoteIsWrittenInTheEditorCommentsLeftOut() throws {
        let (home, id) = try setUp()
        defer { TestSupport.removeFolder(home) }
        let editor = try editor(in: home, writing: [Self.long, "# a comment line", "and documented it in the runbook."])
        let out = try TestSupport.ladder(["note", "serverless-functions", id], home: home, environment: ["EDITOR": editor])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try TestSupport.ladder(["report", "--format", "json"], home: home).stdout
        #expect(report.contains(Self.long + " and documented it in the runbook."), "\(report)")
        #expect(!report.contains("a comment line"))
    }

    @Test func anEmptyNoteOrAFailedEditorWritesNothing() throws {
        let (home, id) = try setUp()
        defer { TestSupport.removeFolder(home) }
        let journal = home + "/people/me.jsonl"
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        let empty = try TestSupport.ladder(["note", "serverless-functions", id], home: home,
                                           environment: ["VISUAL": try editor(in: home, writing: ["# only a comment"])])
        #expect(empty.status != 0 && empty.stderr.contains("no note written: the note was empty"), "\(empty.stderr)")
        let failed = try TestSupport.ladder(["note", "serverless-functions", id], home: home,
                                            environment: ["EDITOR": try editor(in: home, writing: [Self.long], status: 1)])
        #expect(failed.status != 0 && failed.stderr.contains("did not finish cleanly"), "\(failed.stderr)")
        let unknown = try TestSupport.ladder(["note", "serverless-functions", "nope"], home: home, environment: ["EDITOR": "/bin/false"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown expectation id"), "the id is checked before the editor opens: \(unknown.stderr)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8) == before, "nothing was written")
    }

    @Test func anEntryIsListedCorrectedAndRemovedAndTheJournalKeepsWhatItSaid() throws {
        let (home, id) = try setUp()
        defer { TestSupport.removeFolder(home) }
        func ladder(_ arguments: [String], _ environment: [String: String] = [:]) throws -> TestSupport.Output {
            try TestSupport.ladder(arguments, home: home, environment: environment)
        }
        #expect(try ladder(["note", "serverless-functions", id, "PR 412"]).status == 0)
        // Notes in the same second would share a time; the log names entries by it.
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try ladder(["note", "serverless-functions", id, "Design doc: https://wiki.example.com/cold-starts"]).status == 0)
        let listed = try ladder(["note", "serverless-functions", id, "--list"]).stdout
        let rows = listed.split(separator: "\n")
        #expect(rows.count == 2 && rows[0].hasPrefix("1  ") && rows[0].hasSuffix("Design doc: https://wiki.example.com/cold-starts"), "\(listed)")
        #expect(rows.last?.hasSuffix("PR 412") == true, "\(listed)")

        #expect(try ladder(["note", "serverless-functions", id, "--entry", "2", "PR 413 (412 was the revert)"]).status == 0)
        let editor = try editor(in: home, writing: ["and the runbook"])
        #expect(try ladder(["note", "serverless-functions", id, "--entry", "1"], ["EDITOR": editor]).status == 0,
                "the editor starts from the entry's words")
        let corrected = try ladder(["note", "serverless-functions", id, "--list"]).stdout
        #expect(corrected.contains("1  ") && corrected.contains("Design doc: https://wiki.example.com/cold-starts and the runbook"), "\(corrected)")
        #expect(corrected.contains("2  ") && corrected.contains("PR 413 (412 was the revert)"), "\(corrected)")

        #expect(try ladder(["note", "serverless-functions", id, "--entry", "1", "--remove"]).status == 0)
        let left = try ladder(["note", "serverless-functions", id, "--list"]).stdout
        #expect(left.split(separator: "\n").count == 1 && left.contains("PR 413"), "\(left)")

        let wrong = try ladder(["note", "serverless-functions", id, "--entry", "5", "x"])
        #expect(wrong.status != 0 && wrong.stderr.contains("choose 1 (the newest) to 1"), "\(wrong.stderr)")
        let bare = try ladder(["note", "serverless-functions", id, "--remove"])
        #expect(bare.status != 0 && bare.stderr.contains("--remove needs --entry N"), "\(bare.stderr)")
        let journal = try String(contentsOfFile: home + "/people/me.jsonl", encoding: .utf8)
        #expect(journal.contains("PR 412") && journal.contains("Design doc: https://wiki.example.com/cold-starts\""),
                "the journal keeps what the entries said")
        let report = try ladder(["report"]).stdout
        #expect(report.contains("): PR 413 (412 was the revert)"), "the standing shows the evidence as corrected: \(report)")
        #expect(!report.contains("): Design doc"), "the removed entry is no evidence now: \(report)")
        #expect(report.contains("corrected the note of"), "the period's changes say what happened: \(report)")
    }
}
