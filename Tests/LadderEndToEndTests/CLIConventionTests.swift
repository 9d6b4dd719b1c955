import Foundation
import LadderTestSupport
import Testing

/// What users expect of a command-line tool, through the built binary: `--version`,
/// "did you mean", `history` and `report` defaulting to the owner.
@Suite struct CLIConventionTests: TempHomeSuite {
    let home: String

    init() throws { home = try TestSupport.makeTempFolder("ladder-conventions") }

    @Test func versionAsFlagAndAsJSON() throws {
        defer { TestSupport.removeFolder(home) }
        let flag = try ladder("--version")
        #expect(flag.status == 0, "\(flag.stderr)")
        #expect(flag.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(flag.stdout)")
        let json = try ladder("version", "--json")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == flag.stdout.trimmingCharacters(in: .newlines))
        #expect(object["journal_format"] as? Int == 2)
        #expect(object["profile_schema"] as? Int == 1)
        #expect(try ladder("version").stdout.hasPrefix("ladder \(object["version"] as? String ?? "?") (journal format 2"))
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        defer { TestSupport.removeFolder(home) }
        let skill = try ladder("show", "serverles-functions")
        #expect(skill.status != 0)
        #expect(skill.stderr.contains("unknown skill 'serverles-functions'; did you mean serverless-functions? choose one of: ci-cd-pipelines"))
        let role = try ladder("track", "serverless-functions", "--role", "Cloud Enginer", "--level", "Junior")
        #expect(role.stderr.contains("did you mean Cloud Engineer? choose one of:"), "\(role.stderr)")
        let level = try ladder("show", "serverless-functions", "--level", "senoir")
        #expect(level.stderr.contains("unknown level 'senoir'; did you mean Senior? choose one of: Junior"), "\(level.stderr)")
        #expect(try ladder("people", "add", "Ana Silva", "--mentee").status == 0)
        let person = try ladder("report", "ana-silvia")
        #expect(person.stderr.contains("no person 'ana-silvia' here; did you mean ana-silva? people:"), "\(person.stderr)")
        // Every command names an existing person: role, path and diff create nobody.
        for command in [["role", "cloud-engineer", "--level", "Middle"], ["path"], ["diff", "serverless-functions"]] {
            let out = try TestSupport.ladder(command + ["--person", "ana-silvia"], home: home)
            #expect(out.status != 0 && out.stderr.contains("no person 'ana-silvia' here"), "\(command): \(out.stderr)")
        }
        #expect(try ladder("people", "list").stdout.components(separatedBy: "\n").filter { $0.hasPrefix("ana") }.count == 1)
        #expect(try ladder("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Junior").status == 0)
        let id = try ladder("tick", "serverless-functions", "f85cec")
        #expect(id.stderr.contains("did you mean f85ceb"), "\(id.stderr)")
    }

    /// A team larger than a line: the error for an unknown person lists the first 40
    /// and says how to see everyone.
    @Test func anUnknownPersonAmongManyListsSomeAndSaysWhereTheRestAre() throws {
        defer { TestSupport.removeFolder(home) }
        for index in 1...42 { #expect(try ladder("people", "add", "Person \(index)", "--mentee").status == 0) }
        let out = try ladder("report", "nobody")
        #expect(out.status != 0)
        #expect(out.stderr.contains("no person 'nobody' here; people: "), "\(out.stderr)")
        #expect(out.stderr.contains(", … (3 more: ladder people list) (add one: ladder people add NAME --mentee)"), "\(out.stderr)")
    }

    @Test func historyAndReportDefaultToTheOwnerAndTakePerson() throws {
        defer { TestSupport.removeFolder(home) }
        #expect(try ladder("people", "add", "Ana Silva", "--mentee").status == 0)
        #expect(try ladder("track", "serverless-functions", "--role", "cloud-engineer", "--level", "Junior", "--person", "ana-silva").status == 0)
        let mine = try ladder("report")
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(mine.stdout.hasPrefix("# Growth report: Me\n"))
        let hers = try ladder("report", "--person", "ana-silva")
        #expect(hers.stdout.hasPrefix("# Growth report: Ana Silva\n"), "\(hers.stderr)")
        #expect(try ladder("report", "Ana Silva").stdout == hers.stdout)
        let history = try ladder("history")
        #expect(history.status == 0)
        #expect(history.stdout.hasPrefix("Me tracks no skills yet."))
        let herHistory = try ladder("history", "--person", "ana-silva", "--json")
        #expect(herHistory.stdout.contains("\"id\" : \"ana-silva\""), "\(herHistory.stdout)")
        let both = try ladder("history", "me", "--person", "ana-silva")
        #expect(both.status != 0)
        #expect(both.stderr.contains("two people named"))
    }
}
