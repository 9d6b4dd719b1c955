import Foundation
import LadderTestSupport
import Testing

/// A question thread from the command line: the mentor asks, the mentee answers,
/// the mentor asks again, then accepts; every message is in plain words and the
/// report shows the whole thread.
@Suite struct ReviewThreadCommandTests {
    @Test func askAnswerAskAgainAcceptThenTheReport() throws {
        let home = try TestSupport.makeTempFolder("ladder-thread")
        defer { TestSupport.removeFolder(home) }
        func ladder(_ arguments: String...) throws -> String {
            let output = try TestSupport.ladder(arguments, home: home)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return output.stdout
        }
        _ = try ladder("people", "add", "Ana Silva", "--mentee")
        _ = try ladder("track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle", "--person", "ana-silva")
        let show = try ladder("show", "serverless-functions", "--role", "cloud-engineer", "--level", "Senior", "--json")
        let id = try #require(ReviewSessionTests.ids(show)?.first)
        _ = try ladder("tick", "serverless-functions", id, "--person", "ana-silva")

        #expect(try ladder("review", "start", "ana-silva").hasPrefix("Review of Ana Silva started."))
        #expect(try ladder("review", "question", "ana-silva", "serverless-functions", id, "--comment", "which service?")
            .hasPrefix("Questioned: "))
        let early = try TestSupport.ladder(["review", "accept", "ana-silva", "serverless-functions", id], home: home)
        #expect(early.status != 0)
        #expect(early.stderr.contains("waits for an answer"))
        _ = try ladder("answer", "serverless-functions", id, "billing", "--person", "ana-silva")
        #expect(try ladder("review", "question", "ana-silva", "serverless-functions", id, "--comment", "which PR?")
            .hasPrefix("Asked again: "))
        _ = try ladder("answer", "serverless-functions", id, "PR 412", "--person", "ana-silva")
        #expect(try ladder("report", "ana-silva").contains("- [ ] Answered, waiting for you: "))
        #expect(try ladder("review", "accept", "ana-silva", "serverless-functions", id, "--comment", "thanks")
            .hasPrefix("Accepted Ana Silva's answer; confirmed: "))
        #expect(try ladder("review", "end", "ana-silva").hasPrefix("Review of Ana Silva ended."))

        let markdown = try ladder("report", "ana-silva")
        #expect(markdown.contains("  - Question thread (accepted):"))
        #expect(markdown.contains("    - Asked by Me ("))
        #expect(markdown.contains("    - Asked again by Me (") && markdown.contains(": *which PR?*"))
        #expect(markdown.contains("    - Answered (") && markdown.contains(": *PR 412*"))
        #expect(markdown.contains("    - Accepted by Me (") && markdown.contains(": *thanks*"))
        let json = try ladder("report", "ana-silva", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let done = try #require(((object["skills"] as? [[String: Any]])?.first?["done"] as? [[String: Any]])?.first)
        let assessment = try #require(done["assessment"] as? [String: Any])
        #expect(assessment["state"] as? String == "accepted")
        #expect(assessment["verdict"] as? String == "confirmed")
        let thread = try #require(assessment["thread"] as? [[String: Any]])
        #expect(thread.compactMap { $0["step"] as? String } == ["question", "answer", "ask-again", "answer", "accept"])
        #expect(thread.first?["by"] as? String == "Me")
        #expect(thread[1]["by"] == nil, "the answer is the person's")
    }
}
