import Foundation
import LadderTestSupport
import Testing

/// The CLI as a user or a script runs it: the built `ladder` binary on a temp data folder.
@Suite struct CLITests {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-cli") }

    func ladder(_ arguments: String...) throws -> TestSupport.Output {
        try TestSupport.ladder(arguments, home: home)
    }

    func json(_ output: TestSupport.Output) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    func journal() -> String {
        (try? String(contentsOfFile: home + "/people/me.jsonl", encoding: .utf8)) ?? ""
    }

    @Test func profilesListsTheBundledProfileAsJSON() throws {
        defer { TestSupport.removeFolder(home) }
        let output = try ladder("profiles", "--json")
        #expect(output.status == 0, "\(output.stderr)")
        let list = try #require(try json(output) as? [[String: Any]])
        let profile = try #require(list.first { $0["id"] as? String == "serverless-functions" })
        #expect(profile["name"] as? String == "Serverless Functions")
        #expect(profile["domain"] as? String == "Cloud & Infrastructure")
        #expect(profile["group"] as? String == "Serverless")
        #expect(profile["updated"] as? String == "2026-03-17")
        #expect((profile["roles"] as? [String])?.count == 4)
        #expect(profile["levels"] as? [String] == ["Junior", "Middle", "Senior", "Lead", "Principal"])
        #expect((profile["keywords"] as? [String])?.contains("cold starts") == true)
    }

    @Test func showGivesRolesLevelsAndExpectations() throws {
        defer { TestSupport.removeFolder(home) }
        let output = try ladder("show", "serverless-functions", "--role", "Cloud Engineer", "--level", "Senior", "--json")
        #expect(output.status == 0, "\(output.stderr)")
        let profile = try #require(try json(output) as? [String: Any])
        let roles = try #require(profile["roles"] as? [[String: Any]])
        #expect(roles.count == 1)
        let levels = try #require(roles[0]["levels"] as? [[String: Any]])
        #expect(levels.count == 1)
        #expect(levels[0]["level"] as? String == "Senior")
        #expect(levels[0]["required"] as? Bool == true)
        let expectations = try #require(levels[0]["expectations"] as? [[String: String]])
        #expect(expectations.map { $0["text"] } == ["Designs infrastructure solutions with Serverless Functions.",
                                                    "Optimizes cost and performance.",
                                                    "Introduces best practices and security hardening."])
        let text = try ladder("show", "serverless-functions")
        #expect(text.stdout.contains("Cloud Engineer · Senior (Required)"))
    }

    @Test func trackTickUntickAndStatus() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Middle").status == 0)
        let show = try #require(try json(ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", "senior", "--json")) as? [String: Any])
        let ids = (((show["roles"] as? [[String: Any]])?[0]["levels"] as? [[String: Any]])?[0]["expectations"] as? [[String: String]])?.compactMap { $0["id"] } ?? []
        #expect(ids.count == 3)
        let tick = try ladder("tick", "serverless-functions", ids[0], ids[1], "--note", "PR #412")
        #expect(tick.status == 0, "\(tick.stderr)")
        #expect(tick.stdout.contains("Senior: 2 of 3 · 66%"))
        var status = try #require(try json(ladder("status", "--json")) as? [[String: Any]])
        #expect(status.count == 1)
        #expect(status[0]["skill"] as? String == "serverless-functions")
        #expect(status[0]["role"] as? String == "Cloud Engineer")
        #expect(status[0]["level"] as? String == "Middle")
        #expect(status[0]["next_level"] as? String == "Senior")
        #expect(status[0]["done"] as? Int == 2)
        #expect(status[0]["total"] as? Int == 3)
        #expect(status[0]["percent"] as? Int == 66)
        #expect(try ladder("untick", "serverless-functions", ids[1]).status == 0)
        status = try #require(try json(ladder("status", "--json")) as? [[String: Any]])
        #expect(status[0]["done"] as? Int == 1)
        #expect(journal().split(separator: "\n").count == 6, "track, 2 ticks, 2 notes, untick")
        let plain = try ladder("status")
        #expect(plain.stdout.contains("1 of 3 · 33%"))
    }

    @Test func stepUpRecordsTheNextLevel() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Lead").status == 0)
        let refused = try ladder("step", "serverless-functions")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("tick every expectation of Principal before stepping up (3 open)"))
        let show = try #require(try json(ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", "Principal", "--json")) as? [String: Any])
        let ids = (((show["roles"] as? [[String: Any]])?[0]["levels"] as? [[String: Any]])?[0]["expectations"] as? [[String: String]])?.compactMap { $0["id"] } ?? []
        #expect(try ladder(["tick", "serverless-functions"] + ids).status == 0)
        let step = try ladder("step", "serverless-functions")
        #expect(step.status == 0, "\(step.stderr)")
        #expect(step.stdout.contains("Principal: top level reached"))
        let status = try #require(try json(ladder("status", "--json")) as? [[String: Any]])
        #expect(status[0]["level"] as? String == "Principal")
        #expect(status[0]["next_level"] == nil)
    }

    func ladder(_ arguments: [String]) throws -> TestSupport.Output {
        try TestSupport.ladder(arguments, home: home)
    }

    @Test func unknownNamesAreOneLineErrorsThatListTheChoicesAndWriteNothing() throws {
        defer { TestSupport.removeFolder(home) }
        let skill = try ladder("track", "cooking", "--role", "x", "--level", "y")
        #expect(skill.status != 0)
        #expect(skill.stderr.contains("unknown skill 'cooking'; choose one of: ci-cd-pipelines, ") && skill.stderr.contains("serverless-functions"))
        let role = try ladder("track", "serverless-functions", "--role", "Chef", "--level", "Middle")
        #expect(role.status != 0)
        #expect(role.stderr.contains("choose one of: AI Product Engineer, Cloud Engineer, Infrastructure Engineer, Platform Engineer"))
        let level = try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Guru")
        #expect(level.stderr.contains("unknown level 'Guru'; choose one of: Junior, Middle, Senior, Lead, Principal"))
        #expect(journal().isEmpty)
        #expect(try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle").status == 0)
        let before = journal()
        let id = try ladder("tick", "serverless-functions", "nope")
        #expect(id.status != 0)
        #expect(id.stderr.contains("unknown expectation id 'nope'"))
        #expect(journal() == before)
        for output in [skill, role, level, id] {
            #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        }
    }

    @Test func validateReportsFileLineColumn() throws {
        defer { TestSupport.removeFolder(home) }
        let bad = home + "/bad.yaml"
        try "schema: 1\nid: Bad Id\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let good = TestSupport.repoRoot.appendingPathComponent("Profiles/serverless-functions.yaml").path
        let output = try ladder("validate", good, bad)
        #expect(output.status != 0)
        #expect(output.stdout.contains("serverless-functions.yaml: ok"))
        #expect(output.stderr.contains("\(bad):1:1: missing key 'name'"))
        #expect(output.stderr.contains("1 of 2 files failed"))
    }

    /// A profile from a newer Ladder is listed, saying to update, and never opened.
    @Test func aProfileFromANewerLadderIsListedWithUpdateLadder() throws {
        defer { TestSupport.removeFolder(home) }
        try FileManager.default.createDirectory(atPath: home + "/profiles", withIntermediateDirectories: true)
        let file = home + "/profiles/future.yaml"
        try "schema: 99\nid: future-skill\nname: Future Skill\nsomething_new: [1, 2]\n".write(toFile: file, atomically: true, encoding: .utf8)
        for _ in 0..<2 { // the first run parses and writes the cache; the second reads the cache
            let plain = try ladder("profiles")
            #expect(plain.status == 0, "\(plain.stderr)")
            let row = plain.stdout.split(separator: "\n").first { $0.hasPrefix("future-skill") }
            #expect(row?.contains("Future Skill") == true && row?.contains("update Ladder to read it") == true, "\(plain.stdout)")
            #expect(plain.stdout.contains("serverless-functions"))
            let list = try #require(try json(ladder("profiles", "--json")) as? [[String: Any]])
            let entry = try #require(list.first { $0["id"] as? String == "future-skill" })
            #expect(entry["needs_newer_ladder"] as? Bool == true)
            #expect(entry["schema"] as? Int == 99)
            #expect(entry["source"] as? String == file)
            #expect((entry["message"] as? String)?.hasSuffix("update Ladder to read it") == true)
            #expect(entry["roles"] == nil && entry["levels"] == nil)
            #expect(list.first { $0["id"] as? String == "serverless-functions" }?["needs_newer_ladder"] == nil)
        }
        let show = try ladder("show", "future-skill")
        #expect(show.status != 0)
        #expect(show.stderr.contains("\(file): schema 99 is newer than this Ladder understands (1); update Ladder to read it"))
        #expect(try ladder("show", "Future Skill").stderr.contains("update Ladder to read it"))
        let track = try ladder("track", "future-skill", "--role", "x", "--level", "y")
        #expect(track.status != 0)
        #expect(journal().isEmpty)
    }

    @Test func anotherPersonHasTheirOwnJournal() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("status", "--person", "Ана").status != 0, "nobody named Ана yet")
        #expect(!FileManager.default.fileExists(atPath: home + "/people/ана.jsonl"), "an unknown person writes nothing")
        #expect(try ladder("people", "add", "Ана").status == 0)
        #expect(try ladder("track", "serverless-functions", "--role", "Platform Engineer", "--level", "Junior", "--person", "Ана").status == 0)
        #expect(FileManager.default.fileExists(atPath: home + "/people/ана.jsonl"))
        #expect(journal().isEmpty)
        let status = try #require(try json(ladder("status", "--json", "--person", "Ана")) as? [[String: Any]])
        #expect(status[0]["role"] as? String == "Platform Engineer")
    }

    @Test func snapshotRunsTheUIHeadless() throws {
        defer { TestSupport.removeFolder(home) }
        let output = try ladder("snapshot", "--size", "80x24", "--keys", "Down Enter Down Enter T")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Cloud Engineer · Middle → Senior"))
        #expect(output.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 25)
        #expect(journal().contains("\"kind\":\"role\""))
        #expect(journal().contains("\"kind\":\"track\""))
        let bad = try ladder("snapshot", "--size", "huge")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--size must be COLUMNSxROWS"))
    }
}
