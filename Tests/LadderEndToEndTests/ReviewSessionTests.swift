import Foundation
import LadderTestSupport
import Testing

/// A mentor's 1:1 in a real terminal: open the mentee, read what changed, confirm one
/// tick, question another, end the review, then export the report.
@Suite(.serialized, .needsTmux) struct ReviewSessionTests {
    @Test func aFullReviewInTheTerminalThenTheReport() throws {
        let home = try TestSupport.makeTempFolder("ladder-review")
        defer { TestSupport.removeFolder(home) }
        func ladder(_ arguments: String...) throws -> TestSupport.Output {
            let output = try TestSupport.ladder(arguments, home: home)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return output
        }
        // The mentee's side: two Senior ticks with evidence.
        _ = try ladder("people", "add", "Ana Silva", "--mentee")
        _ = try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "ana-silva")
        let show = try ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", "Senior", "--json")
        let ids = try #require(Self.ids(show.stdout))
        _ = try ladder("tick", "serverless-functions", ids[0], ids[1], "--note", "cold-start work, PR #412", "--person", "ana-silva")

        let session = try Tmux(command: TestSupport.ladderBinary, width: 100, height: 30,
                               environment: ["LADDER_HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                                             "SWIFT_BACKTRACE": "interactive=no"])
        #expect(try session.waitFor("Welcome to Ladder") != nil, "\(session.shown)")
        try session.send("P")
        #expect(try session.waitFor("Ana Silva (mentee)") != nil, "\(session.shown)")
        try session.send("Down", "Enter")
        #expect(try session.waitFor("Showing Ana Silva.") != nil, "\(session.shown)")
        try session.send("R")
        #expect(try session.waitFor("No review of Ana Silva is open") != nil, "\(session.shown)")
        try session.send("S")
        #expect(try session.waitFor("Review started.") != nil, "\(session.shown)")
        let changes = try #require(try session.waitFor("ticked (Senior): Optimizes cost and performance."), "\(session.shown)")
        #expect(changes.contains("ticked (Senior): Designs infrastructure solutions with Serverless Functions."))
        // Rows: track, tick, tick, note, note. Confirm the first tick, question the second.
        try session.send("Down", "c")
        #expect(try session.waitFor("confirmed by Me") != nil, "\(session.shown)")
        try session.send("Down", "w")
        #expect(try session.waitFor("Question (what is unclear?)") != nil, "\(session.shown)")
        try session.send("-l", "which service was it?")
        try session.send("Enter")
        #expect(try session.waitFor("? open question by Me: which service was it?") != nil, "\(session.shown)")
        try session.send("r")
        try session.send("-l", "Good month")
        try session.send("Enter", "E")
        #expect(try session.waitFor("Review ended.") != nil, "\(session.shown)")
        try session.send("q")
        #expect(try session.waitForShell(), "\(session.shown)")

        let report = try ladder("report", "ana-silva")
        #expect(report.stdout.contains("# Growth report: Ana Silva"))
        #expect(report.stdout.contains("Confirmed by Me"))
        #expect(report.stdout.contains("which service was it?"))
        #expect(report.stdout.contains("1 confirmed, 1 questioned"))
        #expect(report.stdout.contains("Good month"))
        let reviews = try ladder("review", "list", "ana-silva", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(reviews.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["confirmed"] as? Int == 1)
        #expect(list.first?["questioned"] as? Int == 1)
        #expect(list.first?["open_at_end"] as? Int == 1)
    }

    static func ids(_ json: String) -> [String]? {
        guard let profile = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let role = (profile["roles"] as? [[String: Any]])?.first,
              let level = (role["levels"] as? [[String: Any]])?.first,
              let expectations = level["expectations"] as? [[String: String]] else { return nil }
        return expectations.compactMap { $0["id"] }
    }
}
