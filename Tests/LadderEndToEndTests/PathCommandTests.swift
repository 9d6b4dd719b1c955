import Foundation
import LadderTestSupport
import Testing

/// `ladder import` of several pages, `ladder role`, `ladder track` and `ladder path`
/// through the built binary: the path's counts are the pages' counts.
@Suite struct PathCommandTests {
    let home: String
    init() throws { home = try TestSupport.makeTempFolder("ladder-path") }

    func ladder(_ arguments: String...) throws -> TestSupport.Output {
        try TestSupport.ladder(arguments, home: home)
    }

    /// Two pages sharing the seed's roles, made from the seed page with new names.
    func writePages() throws -> String {
        let folder = home + "/pages"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seed = try String(contentsOf: TestSupport.seedPage, encoding: .utf8)
        for name in ["Edge Functions", "Queue Workers"] {
            let page = seed.replacingOccurrences(of: "Serverless Functions", with: name)
            try page.write(toFile: folder + "/\(name.lowercased().replacingOccurrences(of: " ", with: "-")).txt", atomically: true, encoding: .utf8)
        }
        try "not a skill page".write(toFile: folder + "/broken.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func importedPagesAndARoleGiveAPathWhoseReadinessIsTheSum() throws {
        defer { TestSupport.removeFolder(home) }
        let folder = try writePages()
        let imported = try ladder("import", folder)
        #expect(imported.status == 1, "a bad page is reported: \(imported.stdout)")
        #expect(imported.stdout.contains("2 of 3 pages imported"), "\(imported.stdout)")
        #expect(imported.stdout.contains("edge-functions") && imported.stdout.contains("queue-workers"))
        #expect(imported.stdout.contains("refused"))

        let bad = try ladder("role", "Astronaut", "--level", "Middle")
        #expect(bad.status != 0 && bad.stderr.contains("choose one of: ") && bad.stderr.contains("Cloud Engineer"))
        #expect(try ladder("role", "Cloud Engineer", "--level", "Middle").status == 0)
        #expect(try ladder("track", "edge-functions").status == 0)
        let show = try JSONSerialization.jsonObject(with: Data(ladder("show", "edge-functions", "--role", "cloud-engineer", "--level", "Senior", "--json").stdout.utf8)) as? [String: Any]
        let ids = (((show?["roles"] as? [[String: Any]])?.first?["levels"] as? [[String: Any]])?.first?["expectations"] as? [[String: String]])?.compactMap { $0["id"] } ?? []
        #expect(try ladder("tick", "edge-functions", ids[0], ids[1]).status == 0)

        let output = try ladder("path", "--json")
        #expect(output.status == 0, "\(output.stderr)")
        let path = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((path["role"] as? [String: String])?["id"] == "cloud-engineer")
        #expect(path["level"] as? String == "Middle" && path["next_level"] as? String == "Senior")
        let skills = try #require(path["skills"] as? [[String: Any]])
        let edge = try #require(skills.first { $0["skill"] as? String == "edge-functions" })
        let queue = try #require(skills.first { $0["skill"] as? String == "queue-workers" })
        #expect(edge["required"] as? Bool == true && edge["tracked"] as? Bool == true)
        #expect(edge["done"] as? Int == 2 && edge["total"] as? Int == 3)
        #expect(queue["tracked"] as? Bool == false && queue["done"] as? Int == 0 && queue["total"] as? Int == 3)
        let required = skills.filter { $0["required"] as? Bool == true }
        let readiness = try #require(path["readiness"] as? [String: Int])
        #expect(readiness["required_skills"] == required.count)
        #expect(readiness["done"] == required.reduce(0) { $0 + ($1["done"] as? Int ?? 0) })
        #expect(readiness["total"] == required.reduce(0) { $0 + ($1["total"] as? Int ?? 0) })
        #expect(readiness["done"] == 2)
        #expect(readiness["percent"] == 2 * 100 / (readiness["total"] ?? 1))
        let nextUp = try #require(path["next_up"] as? [[String: Any]])
        #expect(nextUp.first?["skill"] as? String == "edge-functions" && nextUp.first?["id"] as? String == ids[2])
        #expect(nextUp.first?["focus"] as? Bool == false, "nothing is in focus yet")

        let status = try ladder("status")
        #expect(status.stdout.contains("Toward Senior: 2 of \(readiness["total"] ?? 0)"), "\(status.stdout)")
        let diff = try ladder("diff", "edge-functions")
        #expect(diff.stdout.contains("Middle → Senior") && diff.stdout.contains("Grows:"), "\(diff.stdout)")
        let wrong = try ladder("diff", "edge-functions", "--to", "Wizard")
        #expect(wrong.status != 0 && wrong.stderr.contains("Junior, Middle, Senior, Lead, Principal"))
    }
}
