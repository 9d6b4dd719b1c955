import CellGrid
import LadderTestSupport
import Testing
@testable import LadderKit
@testable import LadderTUI

/// The evidence log in the UI: `n` adds an entry (the earlier ones stay), the
/// checklist says how many earlier entries there are, an empty entry adds nothing.
@Suite struct EvidenceLogScreenTests {
    @Test func nAddsAnEntryAndKeepsTheEarlierOnes() throws {
        // The fixture's first Senior tick has one note ("Led the Lambda cold-start work, PR #412").
        let app = Fixture.type("Enter", into: Fixture.app())
        #expect(app.state.prompt == nil)
        Fixture.type("n", into: app)
        #expect(app.state.prompt?.text == "", "a new entry starts empty")
        Fixture.type("Ran Space the Space FinOps Space review Enter", into: app)
        let id = Fixture.senior()[0].id
        let log = try #require(app.state.record.skills["serverless-functions"]?.log(id))
        #expect(log.map(\.text) == ["Ran the FinOps review", "Led the Lambda cold-start work, PR #412"])
        #expect(app.screen(100, 30).text.contains("✎ Ran the FinOps review (2026-07-01) +1 earlier"))
        Fixture.type("n Enter", into: app)
        #expect(app.state.notice?.text == "Nothing added.")
        #expect(app.state.record.skills["serverless-functions"]?.log(id).count == 2)
    }

    /// An address written in evidence is a link on the skill screen, the thread and the review.
    @Test func anAddressInEvidenceIsALink() throws {
        let app = Fixture.type("Enter n", into: Fixture.app())
        Fixture.type("PR Space https://git.example.com/cloud/pr/412. Enter", into: app)
        let target = "https://git.example.com/cloud/pr/412"
        #expect(app.screen(100, 30).links.contains { $0.target == target }, "\(app.screen(100, 30).text)")
        Fixture.type("R", into: app)
        #expect(app.screen(100, 30).links.contains { $0.target == target }, "\(app.screen(100, 30).text)")
        #expect(!app.screen(100, 30).links.contains { $0.target.hasSuffix(".") }, "the full stop is not part of the address")
    }
}
