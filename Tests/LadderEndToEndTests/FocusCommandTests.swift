import Foundation
import LadderTestSupport
import Testing

/// `ladder focus`, then the path, the report and `ladder validate` of resources,
/// through the built binary.
@Suite struct FocusCommandTests {
    let home: String
    init() throws { home = try TestSupport.makeTempFolder("ladder-focus") }

    func ladder(_ arguments: String...) throws -> TestSupport.Output {
        try TestSupport.ladder(arguments, home: home)
    }

    @Test func aFocusLeadsThePathAndIsInTheReport() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("role", "cloud-engineer", "--level", "Middle").status == 0)
        #expect(try ladder("track", "serverless-functions").status == 0)
        let journal = home + "/people/me.jsonl"
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        for (arguments, words) in [(["a746e2", "--by", "2026-02-30"], "not a day of the calendar"),
                                   (["a746e2", "--by", "soon"], "not a date"),
                                   (["a746e2", "--by", "2000-01-01"], "in the past"),
                                   (["zzz999"], "unknown expectation id"),
                                   (["f60b71"], "not of your role Cloud Engineer")] {
            let refused = try TestSupport.ladder(["focus", "serverless-functions"] + arguments, home: home)
            #expect(refused.status != 0 && refused.stderr.contains(words), "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1, "one line: \(refused.stderr)")
        }
        #expect(try String(contentsOfFile: journal, encoding: .utf8) == before, "nothing written")

        let set = try ladder("focus", "serverless-functions", "e4d097", "--by", "2099-03-31")
        #expect(set.status == 0, "\(set.stderr)")
        let path = try #require(try JSONSerialization.jsonObject(with: Data(ladder("path", "--json").stdout.utf8)) as? [String: Any])
        let first = try #require((path["next_up"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "e4d097" && first["focus"] as? Bool == true && first["by"] as? String == "2099-03-31")

        let list = try #require(try JSONSerialization.jsonObject(with: Data(ladder("focus", "--json").stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["e4d097"] && list.first?["overdue"] as? Bool == false)

        let report = try ladder("report")
        #expect(report.stdout.contains("## Working on"))
        #expect(report.stdout.contains("Introduces best practices and security hardening. `e4d097` · since "))
        #expect(report.stdout.contains(", by 2099-03-31"))

        #expect(try ladder("tick", "serverless-functions", "e4d097").status == 0)
        #expect(try ladder("focus").stdout.contains("working on nothing yet"), "ticking ends the focus")
    }

    @Test func validateRefusesAnUnsafeResourceAtItsPlace() throws {
        defer { TestSupport.removeFolder(home) }
        let file = home + "/plan.yaml"
        try ResourceProfile.yaml(url: "javascript:alert(1)").write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try ladder("validate", file)
        #expect(bad.status != 0 && bad.stderr.contains("plan.yaml:33:14: resource url scheme 'javascript' is not allowed"), "\(bad.stderr)")
        try ResourceProfile.yaml().write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try ladder("validate", file).status == 0)
        try FileManager.default.createDirectory(atPath: home + "/profiles", withIntermediateDirectories: true)
        try ResourceProfile.yaml().write(toFile: home + "/profiles/learning-plan.yaml", atomically: true, encoding: .utf8)
        let show = try ladder("show", "learning-plan", "--level", "Senior", "--role", "cloud-engineer")
        #expect(show.stdout.contains("- Cold starts, measured <http://blog.example.org/cold-starts>"))
        let json = try ladder("show", "learning-plan", "--json").stdout
        #expect(json.contains(#""url" : "https://wiki.example.com/serverless""#))

        // The path's next up says where to learn each item, in text and JSON.
        #expect(try ladder("role", "cloud-engineer", "--level", "Middle").status == 0)
        #expect(try ladder("track", "learning-plan").status == 0)
        #expect(try ladder("path").stdout.contains("      learn: Cold starts, measured <http://blog.example.org/cold-starts>"))
        let path = try #require(try JSONSerialization.jsonObject(with: Data(ladder("path", "--json").stdout.utf8)) as? [String: Any])
        let item = try #require((path["next_up"] as? [[String: Any]])?.first { $0["id"] as? String == "s1" })
        #expect((item["resources"] as? [[String: String]])?.map { $0["url"] } == [ResourceProfile.url, "http://blog.example.org/cold-starts"])
    }
}
