import Foundation
import LadderTestSupport
import Testing

/// `ladder team` through the built binary: five mentees in known states.
@Suite struct TeamCommandTests {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-team") }

    @discardableResult
    func ok(_ arguments: String...) throws -> TestSupport.Output {
        let output = try TestSupport.ladder(arguments, home: home)
        #expect(output.status == 0, "ladder \(arguments.joined(separator: " ")): \(output.stderr)")
        return output
    }

    func json(_ output: TestSupport.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stdout)")
    }

    /// The Cloud Engineer expectation ids of a skill's level, from `ladder show --json`.
    func ids(_ skill: String, _ level: String = "Senior") throws -> [String] {
        let show = try json(ok("show", skill, "--role", "cloud-engineer", "--level", level, "--json"))
        let levels = try #require((show["roles"] as? [[String: Any]])?.first?["levels"] as? [[String: Any]])
        return (levels.first?["expectations"] as? [[String: String]])?.compactMap { $0["id"] } ?? []
    }

    /// Moves every event of a person's journal `days` into the past.
    func age(_ person: String, days: Int) throws {
        let path = home + "/people/\(person).jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let formatter = ISO8601DateFormatter()
        let lines = try text.split(separator: "\n").map { line -> String in
            var event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let at = try #require((event["at"] as? String).flatMap { formatter.date(from: $0) })
            event["at"] = formatter.string(from: at.addingTimeInterval(-Double(days) * 86_400))
            return String(decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    func mentee(_ name: String, _ id: String, role: Bool = true) throws {
        try ok("people", "add", name, "--mentee")
        if role { try ok("role", "cloud-engineer", "--level", "Middle", "--person", id) }
    }

    /// Ana: a stale tick on a Required expectation. Ben: an answered question. Cleo: no
    /// review for 40 days. Dan: Senior complete, no step. Eve: nothing to raise.
    func makeTeam() throws {
        try ok("init", "--name", "Olga Petrova")
        let senior = try ids("serverless-functions")
        try mentee("Ana Silva", "ana-silva")
        try ok("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Middle", "--person", "ana-silva")
        try ok("tick", "serverless-functions", senior[0], "--person", "ana-silva")
        try age("ana-silva", days: 200)
        try ok("tick", "serverless-functions", senior[1], "--person", "ana-silva")
        try ok("review", "start", "ana-silva")
        try ok("review", "end", "ana-silva")

        try mentee("Ben Okafor", "ben-okafor")
        try ok("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Middle", "--person", "ben-okafor")
        try ok("tick", "serverless-functions", senior[0], "--person", "ben-okafor")
        try ok("review", "start", "ben-okafor")
        try ok("review", "question", "ben-okafor", "serverless-functions", senior[0], "--comment", "Which service?")
        try ok("review", "end", "ben-okafor")
        try ok("answer", "serverless-functions", senior[0], "The billing API", "--person", "ben-okafor")

        try mentee("Cleo Park", "cleo-park", role: false)
        try ok("review", "start", "cleo-park")
        try ok("review", "end", "cleo-park")
        try age("cleo-park", days: 40)

        try mentee("Dan Reyes", "dan-reyes")
        for skill in ["serverless-functions", "ci-cd-pipelines", "cloud-cost-and-finops", "cloud-networking", "cloud-security",
                      "containers-and-kubernetes", "infrastructure-as-code", "managed-databases", "observability"] {
            try ok("track", skill, "--role", "cloud-engineer", "--level", "Middle", "--person", "dan-reyes")
            try TestSupport.ladder(["tick", skill] + (try ids(skill)) + ["--person", "dan-reyes"], home: home)
        }

        try mentee("Eve Adams", "eve-adams")
        try ok("people", "add", "Finn Not-A-Mentee")
    }

    @Test func jsonCountsAndReasons() throws {
        defer { TestSupport.removeFolder(home) }
        try makeTeam()
        let team = try json(ok("team", "--json"))
        let people = try #require(team["people"] as? [[String: Any]])
        #expect(people.map { $0["id"] as? String } == ["ana-silva", "ben-okafor", "cleo-park", "dan-reyes", "eve-adams"])
        func person(_ id: String) throws -> [String: Any] { try #require(people.first { $0["id"] as? String == id }) }
        func kinds(_ id: String) throws -> [String] {
            (try person(id)["attention"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        }
        let ana = try person("ana-silva"), ben = try person("ben-okafor"), cleo = try person("cleo-park")
        let dan = try person("dan-reyes"), eve = try person("eve-adams")
        #expect(ana["stale_ticks"] as? Int == 1)
        #expect(ana["stale_required"] as? Int == 1)
        #expect((ana["readiness"] as? [String: Any])?["done"] as? Int == 2)
        #expect(ana["days_since_review"] as? Int == 0)
        #expect(try kinds("ana-silva") == ["stale_required"])
        #expect(ben["answers_waiting"] as? Int == 1)
        #expect(ben["open_questions"] as? Int == 0)
        #expect(try kinds("ben-okafor") == ["answers_waiting"])
        #expect(cleo["days_since_review"] as? Int == 40)
        #expect(cleo["role"] == nil || cleo["role"] is NSNull)
        #expect(try kinds("cleo-park") == ["no_review"])
        let ready = try #require(dan["readiness"] as? [String: Any])
        #expect(ready["done"] as? Int == 27 && ready["total"] as? Int == 27 && ready["percent"] as? Int == 100)
        #expect(dan["level"] as? String == "Middle" && dan["next_level"] as? String == "Senior")
        #expect(try kinds("dan-reyes") == ["level_complete"])
        #expect(try kinds("eve-adams") == [])
        #expect(eve["stale_ticks"] as? Int == 0 && eve["answers_waiting"] as? Int == 0)
        let attention = try #require(team["attention"] as? [[String: Any]])
        #expect(attention.compactMap { $0["text"] as? String } == [
            "stale evidence on 1 Required expectation", "1 answered question waits for you", "no review for 40 days",
            "Senior complete, no step recorded",
        ])
        #expect(team["review_days"] as? Int == 28)

        let everyone = try json(ok("team", "--json", "--all"))
        #expect((everyone["people"] as? [[String: Any]])?.count == 7)
    }

    @Test func attentionMarkdownAndText() throws {
        defer { TestSupport.removeFolder(home) }
        try makeTeam()
        let attention = try ok("team", "--attention").stdout
        #expect(attention == """
            Ana Silva: stale evidence on 1 Required expectation
            Ben Okafor: 1 answered question waits for you
            Cleo Park: no review for 40 days
            Dan Reyes: Senior complete, no step recorded

            """)
        let markdown = try ok("team", "--format", "markdown").stdout
        #expect(markdown.hasPrefix("# Team\n\n| Name | Role | Level | Readiness |"))
        #expect(markdown.contains("| Dan Reyes | Cloud Engineer | Middle → Senior | 27/27 100% | 0 | 0 | 0 | never | 0d |"))
        #expect(markdown.contains("## Who needs a 1:1\n\n- **Ana Silva**: stale evidence on 1 Required expectation\n"))
        #expect(!markdown.contains("Finn"))
        let text = try ok("team").stdout
        #expect(text.contains("Who needs a 1:1:\n  Ana Silva: stale evidence"))
        #expect(text.contains("Eve Adams"))
    }

    /// Coverage of the team's role at the next level: Dan has every Senior expectation,
    /// Ana and Ben some of Serverless Functions; a reviewer confirmed one of Dan's.
    @Test func coverageInJSONMarkdownAndText() throws {
        defer { TestSupport.removeFolder(home) }
        try makeTeam()
        let senior = try ids("serverless-functions")
        try ok("review", "start", "dan-reyes")
        try ok("review", "confirm", "dan-reyes", "serverless-functions", senior[0])
        try ok("review", "end", "dan-reyes")
        let team = try json(ok("team", "--json"))
        let coverage = try #require(team["coverage"] as? [String: Any])
        #expect(coverage["role"] as? String == "cloud-engineer" && coverage["level"] as? String == "Senior")
        #expect(coverage["people"] as? Int == 5 && coverage["expectations"] as? Int == 27)
        #expect(coverage["nobody"] as? Int == 0 && coverage["only_one"] as? Int == 25, "Dan alone has all but two")
        let skills = try #require(coverage["skills"] as? [[String: Any]])
        let serverless = try #require(skills.first { $0["skill"] as? String == "serverless-functions" }?["expectations"] as? [[String: Any]])
        #expect(serverless.map { $0["ticked"] as? Int } == [3, 2, 1])
        #expect(serverless.map { $0["confirmed"] as? Int } == [1, 0, 0])
        #expect(serverless[0]["ticked_by"] as? [String] == ["ana-silva", "ben-okafor", "dan-reyes"])
        #expect(serverless[2]["only_one"] as? Bool == true && serverless[2]["nobody"] as? Bool == false)

        let lead = try json(ok("team", "--json", "--role", "Cloud Engineer", "--level", "lead"))
        let atLead = try #require(lead["coverage"] as? [String: Any])
        #expect(atLead["level"] as? String == "Lead" && atLead["nobody"] as? Int == atLead["expectations"] as? Int)
        let wrong = try TestSupport.ladder(["team", "--role", "astronaut"], home: home)
        #expect(wrong.status != 0 && wrong.stderr.contains("unknown role 'astronaut'"))

        let markdown = try ok("team", "--format", "markdown").stdout
        #expect(markdown.contains("## Coverage: Cloud Engineer, Senior\n"))
        #expect(markdown.contains("### Serverless Functions\n\n| Expectation | Ticked | Confirmed | Who |\n|---|--:|--:|---|\n"))
        #expect(markdown.contains(" | 1/5 | 0 | **only Dan Reyes** |\n"))
        let text = try ok("team").stdout
        #expect(text.contains("Coverage of Cloud Engineer, Senior: of 27 Required expectations, nobody has 0 yet and one person alone has 25"))
    }
}
