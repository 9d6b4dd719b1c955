import LadderTestSupport
import Testing
@testable import LadderKit

/// Resources in profiles: checked where they stand, kept through CSV.
@Suite struct ResourceTests {
    func problem(url: String = ResourceProfile.url, title: String = ResourceProfile.longTitle) -> FileProblem? {
        do {
            _ = try ProfileFile.decode(ResourceProfile.yaml(title: title, url: url), file: "plan.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func aProfileWithResourcesLoads() throws {
        let profile = try ProfileFile.decode(ResourceProfile.yaml(), file: "plan.yaml")
        #expect(profile.resources?.first?.url == "https://wiki.example.com/serverless")
        let s1 = profile.allExpectations().first { $0.expectation.id == "s1" }?.expectation
        #expect(s1?.resources?.first?.title.count == 150)
        #expect(s1?.resources?.count == 2)
    }

    @Test func unsafeOrBrokenLinksAreRefusedAtTheirPlace() throws {
        let script = try #require(problem(url: "javascript:alert(1)"))
        #expect(script.description.contains("plan.yaml:33:14:"), "\(script.description)")
        #expect(script.message.contains("scheme 'javascript' is not allowed"))
        #expect(problem(url: "file:///etc/passwd")?.message.contains("scheme 'file' is not allowed") == true)
        #expect(problem(url: "https://")?.message.contains("has no host") == true)
        #expect(problem(url: "example.com/page")?.message.contains("no scheme") == true)
        #expect(problem(url: "https://example.com/a b")?.message.contains("a space") == true)
        #expect(problem(url: "https://example.com/\\e]8;;x")?.message.contains("control") == true)
        #expect(problem(title: "Read \\u202Ethis")?.message.contains("control character") == true)
        #expect(problem(title: String(repeating: "long ", count: 61))?.message.contains("at most 300") == true)
        #expect(problem(url: "HTTPS://EXAMPLE.COM/X") == nil, "the scheme is case-insensitive")
    }

    @Test func resourcesGoThroughCSVAndBack() throws {
        let profile = try ProfileFile.decode(ResourceProfile.yaml(title: "A | B, and \\\"C\\\" <1>"), file: "plan.yaml")
        let csv = ProfileExport.csv(profile)
        #expect(csv.contains("role,level,required,id,expectation,resources"))
        #expect(try CSVImporter.import(bytes: Array(csv.utf8), file: "plan.csv") == profile)
        let bad = csv.replacingOccurrences(of: "http://blog.example.org/cold-starts", with: "file:///etc/passwd")
        #expect(throws: PageImportError.self) { try CSVImporter.import(bytes: Array(bad.utf8), file: "plan.csv") }
    }
}
