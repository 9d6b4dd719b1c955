import Foundation
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

    /// Ctrl-E on the note line writes a long note in the user's editor (here a script
    /// that appends a line), starting from what was typed.
    @Test func ctrlEWritesALongNoteInTheEditor() throws {
        let folder = try TestSupport.makeTempFolder("ladder-editor")
        defer { TestSupport.removeFolder(folder) }
        let script = folder + "/editor.sh"
        let long = "across three services, cutting p95 latency from 1.8 s to 400 ms, documented in the runbook."
        try Data("#!/bin/sh\ngrep -q '^# Evidence for: Designs infrastructure' \"$1\" || exit 3\nprintf '%s\\n' '\(long)' >> \"$1\"\n".utf8)
            .write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        let app = TestApp(Fixture.record(), unicode: true, now: Fixture.now, profiles: [:], owner: nil,
                          environment: ["EDITOR": script], canLendTerminal: true)
        Fixture.type("Enter n Led Space the Space work", into: app)
        #expect(app.screen(100, 30).text.contains("^E editor"))
        Fixture.type("C-e", into: app)
        let id = Fixture.senior()[0].id
        #expect(app.state.record.skills["serverless-functions"]?.log(id).first?.text == "Led the work " + long)
        #expect(app.state.notice?.text.hasPrefix("Evidence added from your editor.") == true)

        let snapshot = Fixture.type("Enter n C-e", into: Fixture.app())
        #expect(snapshot.state.notice?.text.contains("the editor opens only in the terminal UI") == true,
                "ladder snapshot and tests without a terminal say so and write nothing")
    }
}
