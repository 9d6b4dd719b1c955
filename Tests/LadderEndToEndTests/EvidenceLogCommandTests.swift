import Foundation
import LadderTestSupport
import Testing

/// `ladder note` adds a dated entry to an expectation's evidence log (it used to
/// replace the note); the report lists every entry, newest first.
@Suite struct EvidenceLogCommandTests {
    @Test func eachNoteIsAnEntryInTheReport() throws {
        let home = try TestSupport.makeTempFolder("ladder-evidence")
        defer { TestSupport.removeFolder(home) }
        func ladder(_ arguments: String...) throws -> String {
            let output = try TestSupport.ladder(arguments, home: home)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return output.stdout
        }
        _ = try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle")
        let show = try ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", "Senior", "--json")
        let id = try #require(ReviewSessionTests.ids(show)?.first)
        _ = try ladder("tick", "serverless-functions", id, "--note", "PR #412")
        _ = try ladder("note", "serverless-functions", id, "ran the FinOps review")
        let markdown = try ladder("report", "me")
        let newest = try #require(markdown.range(of: "  - Evidence ("), "\(markdown)")
        #expect(markdown[newest.lowerBound...].hasPrefix("  - Evidence (") && markdown.contains("): ran the FinOps review\n  - Evidence ("))
        #expect(markdown.contains("): PR #412"))
        let json = try ladder("report", "me", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let done = try #require(((object["skills"] as? [[String: Any]])?.first?["done"] as? [[String: Any]])?.first)
        #expect((done["evidence"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["ran the FinOps review", "PR #412"])
        #expect((done["note"] as? [String: Any])?["text"] as? String == "ran the FinOps review")
    }
}
