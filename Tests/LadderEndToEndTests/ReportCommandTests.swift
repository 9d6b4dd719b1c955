import Foundation
import LadderTestSupport
import Testing

/// `ladder report` and `ladder history` through the built binary on a temp data folder.
@Suite struct ReportCommandTests {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-report") }

    @discardableResult
    func ladder(_ arguments: String..., environment: [String: String] = [:]) throws -> TestSupport.Output {
        try TestSupport.ladder(arguments, home: home, environment: environment)
    }

    func json(_ output: TestSupport.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stdout)")
    }

    /// The Cloud Engineer expectation ids of a level, from `ladder show --json`.
    func ids(_ level: String) throws -> [String] {
        let show = try json(ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", level, "--json"))
        let levels = try #require((show["roles"] as? [[String: Any]])?.first?["levels"] as? [[String: Any]])
        return (levels.first?["expectations"] as? [[String: String]])?.compactMap { $0["id"] } ?? []
    }

    /// Me, Middle Cloud Engineer, with Senior's first expectation ticked and noted.
    func setUp() throws -> [String] {
        #expect(try ladder("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Middle").status == 0)
        let senior = try ids("Senior")
        let tick = try ladder("tick", "serverless-functions", senior[0], "--note", "Led the Lambda cold-start work, PR #412")
        #expect(tick.status == 0, "\(tick.stderr)")
        return senior
    }

    @Test func markdownReportForAOneOnOne() throws {
        defer { TestSupport.removeFolder(home) }
        let senior = try setUp()
        let output = try ladder("report", "me")
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        #expect(text.hasPrefix("# Growth report: Me\n"))
        #expect(text.contains("not a promotion guarantee"))
        #expect(text.contains("- **Progress toward Senior** (Required for the role): 1 of 3 · 33%"))
        #expect(text.contains("- [x] Designs infrastructure solutions with Serverless Functions. (Senior, `\(senior[0])`, ticked "))
        #expect(text.contains("  - Evidence ("))
        #expect(text.contains("Led the Lambda cold-start work, PR #412"))
        #expect(text.contains("- [ ] Optimizes cost and performance. `\(senior[1])`"))
        #expect(text.contains("## Changes since tracking started (no review yet)"))
        #expect(text.contains("## Agenda for the next 1:1"))
        #expect(text.contains("## Reviews\n\nNo reviews yet."))
    }

    @Test func jsonReportForScripts() throws {
        defer { TestSupport.removeFolder(home) }
        let senior = try setUp()
        let output = try ladder("report", "me", "--format", "json")
        #expect(output.status == 0, "\(output.stderr)")
        let report = try json(output)
        #expect((report["person"] as? [String: Any])?["id"] as? String == "me")
        #expect(report["stale_days"] as? Int == 182)
        let skill = try #require((report["skills"] as? [[String: Any]])?.first)
        #expect(skill["skill"] as? String == "serverless-functions")
        #expect(skill["level"] as? String == "Middle")
        let progress = try #require(skill["progress"] as? [String: Any])
        #expect(progress["done"] as? Int == 1 && progress["total"] as? Int == 3 && progress["percent"] as? Int == 33)
        let done = try #require(skill["done"] as? [[String: Any]])
        #expect(done.first?["id"] as? String == senior[0])
        #expect((done.first?["note"] as? [String: Any])?["text"] as? String == "Led the Lambda cold-start work, PR #412")
        #expect((skill["open"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [senior[1], senior[2]])
    }

    @Test func sinceFiltersTheChangesAndRefusesABadDate() throws {
        defer { TestSupport.removeFolder(home) }
        _ = try setUp()
        let all = try json(ladder("report", "me", "--format", "json", "--since", "2000-01-01"))
        let changes = try #require((all["changes"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]])
        #expect(changes.compactMap { $0["kind"] as? String } == ["track", "tick", "note"])
        #expect((all["period"] as? [String: Any])?["basis"] as? String == "date")
        let none = try ladder("report", "me", "--since", "2999-01-01")
        #expect(none.stdout.contains("## Changes since 2999-01-01\n\nNo changes in this period."))
        let bad = try ladder("report", "me", "--since", "2026-02-30")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--since takes last-review or a date YYYY-MM-DD"))
        let format = try ladder("report", "me", "--format", "html")
        #expect(format.status != 0)
    }

    @Test func staleMarksFollowLadderStaleDays() throws {
        defer { TestSupport.removeFolder(home) }
        // A tick from 2020, written as the journal would have it then.
        try FileManager.default.createDirectory(atPath: home + "/people", withIntermediateDirectories: true)
        let lines = [
            #"{"at":"2020-01-01T09:00:00Z","id":"0000000000000001","kind":"track","level":"Middle","role":"cloud-engineer","skill":"serverless-functions","v":1}"#,
            #"{"at":"2020-01-02T09:00:00Z","id":"0000000000000002","item":"f85ceb","kind":"tick","level":"Senior","skill":"serverless-functions","text":"Designs infrastructure solutions with Serverless Functions.","v":1}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: home + "/people/me.jsonl", atomically: true, encoding: .utf8)
        let stale = try ladder("report", "me")
        #expect(stale.status == 0, "\(stale.stderr)")
        #expect(stale.stdout.contains("  - **Stale:** evidence from 2020-01-02 is older than 182 days"))
        #expect(stale.stdout.contains("- [ ] Stale evidence: Designs infrastructure solutions with Serverless Functions."))
        let fresh = try ladder("report", "me", environment: ["LADDER_STALE_DAYS": "99999"])
        #expect(!fresh.stdout.contains("**Stale:**"))
        #expect(fresh.stdout.contains("older than 99999 days"))
        let history = try ladder("history", "me")
        #expect(history.stdout.contains("no recent progress: no ticks in the last 90 days"))
    }

    @Test func aPersonByNameAndAnUnknownOne() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("people", "add", "Ana Lima", "--mentee").status == 0)
        #expect(try ladder("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Junior", "--person", "ana-lima").status == 0)
        let byName = try ladder("report", "Ana Lima")
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.hasPrefix("# Growth report: Ana Lima\n"))
        let unknown = try ladder("report", "nobody")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no person 'nobody'"))
        #expect(try ladder("history", "nobody").status != 0)
    }

    @Test func historyDrawsASparklineWithAnASCIIFallback() throws {
        defer { TestSupport.removeFolder(home) }
        let middle = try ids("Middle")
        #expect(try ladder("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Junior").status == 0)
        #expect(try ladder("tick", "serverless-functions", middle[0], middle[1], middle[2]).status == 0)
        #expect(try ladder("step", "serverless-functions").status == 0)
        let text = try ladder("history", "me")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Serverless Functions · Cloud Engineer · Middle → Senior"))
        // The line starts at the track (or, when the ticks fell in the same second, at
        // the complete Middle) and ends at 0% toward Senior after the step.
        #expect(text.stdout.contains("  progress  ") && text.stdout.contains("▁  Senior: 0 of 3"), "\(text.stdout)")
        #expect(text.stdout.contains("Senior: 0 of 3 · 0%"))
        #expect(text.stdout.contains("  levels    Junior less than a day"))
        #expect(text.stdout.contains("stepped up"))
        #expect(text.stdout.contains("  pace      too early to tell: tracking started today"))
        let ascii = try ladder("history", "me", environment: ["LANG": "C"])
        #expect(ascii.stdout.contains("  progress  ") && ascii.stdout.contains(".  Senior: 0 of 3"), "\(ascii.stdout)")
        let onlyASCII = ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(onlyASCII, "\(ascii.stdout)")
        let json = try json(ladder("history", "me", "--json"))
        #expect(json["window_days"] as? Int == 90)
        let skill = try #require((json["skills"] as? [[String: Any]])?.first)
        let levels = try #require(skill["levels"] as? [[String: Any]])
        #expect(levels.compactMap { $0["level"] as? String } == ["Junior", "Middle"])
        #expect(levels.last?["stepped_up"] as? Bool == true)
        #expect((skill["pace"] as? [String: Any])?["status"] as? String == "too-early")
        #expect((skill["points"] as? [[String: Any]])?.isEmpty == false)
    }

    /// With a role and level set, the report and the history say how ready the person
    /// is for the next level across the role, and how that moved.
    @Test func readinessInTheReportAndTheHistory() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("role", "cloud-engineer", "--level", "Middle").status == 0)
        _ = try setUp()
        let report = try json(ladder("report", "me", "--format", "json"))
        let readiness = try #require(report["readiness"] as? [String: Any])
        #expect(readiness["done"] as? Int == 1 && readiness["total"] as? Int == 27 && readiness["next_level"] as? String == "Senior")
        #expect(readiness["required_skills"] as? Int == 9 && readiness["required_at_zero"] as? Int == 8)
        #expect((readiness["history"] as? [[String: Any]])?.last?["done"] as? Int == 1)
        let markdown = try ladder("report", "me").stdout
        #expect(markdown.contains("## Readiness\n\n**Cloud Engineer, Middle.** Toward Senior: 1 of 27 · 3%, 0 of 9 Required skills complete, 8 at 0%"))
        let history = try ladder("history", "me").stdout
        #expect(history.hasPrefix("Readiness · Cloud Engineer · Middle → Senior\n  readiness "))
        #expect(history.contains("at Middle, toward Senior: 1 of 27 · 3%"))
        let historyJSON = try json(ladder("history", "me", "--json"))
        #expect((historyJSON["readiness"] as? [String: Any])?["percent"] as? Int == 3)
    }
}
