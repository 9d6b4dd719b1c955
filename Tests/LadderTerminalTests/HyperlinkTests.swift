import CellGrid
import Testing
@testable import LadderTerminal

/// Web addresses become OSC 8 links that Ladder builds itself: only http and https,
/// every byte outside printable ASCII percent-encoded, nothing passed through raw.
extension CursesTests {
@Suite("Hyperlinks")
struct HyperlinkTests {
    @Test("Only http and https addresses are links; bytes that could end the sequence are encoded")
    func checked() {
        #expect(Hyperlink.checked("https://example.com/a?b=c#d") == "https://example.com/a?b=c#d")
        #expect(Hyperlink.checked("HTTP://example.com") == "HTTP://example.com")
        #expect(Hyperlink.checked("javascript:alert(1)") == nil)
        #expect(Hyperlink.checked("file:///etc/passwd") == nil)
        #expect(Hyperlink.checked("ftp://example.com") == nil)
        #expect(Hyperlink.checked("https://example.com/\u{1B}]8;;evil\u{7}x") == "https://example.com/%1B]8;;evil%07x")
        #expect(Hyperlink.checked("https://example.com/a b/é") == "https://example.com/a%20b/%C3%A9")
        #expect(Hyperlink.checked("https://example.com/" + String(repeating: "a", count: 3_000)) == nil)
    }

    @Test("Addresses are found in free text without the punctuation around them")
    func inText() {
        #expect(Hyperlink.addresses(in: "PR (https://git.example.com/pr/412), see http://wiki.example.com/x. Or ftp://no and https://") ==
                ["https://git.example.com/pr/412", "http://wiki.example.com/x"])
    }

    @Test("Every drawn piece of a wrapped address links to the whole address; plain words never do")
    func pieces() {
        let address = "https://docs.example.com/guides/event-driven?chapter=cold-starts"
        var canvas = Canvas(width: 40, height: 4)
        canvas.put("See https://docs.example.com/guides/", x: 0, y: 0)
        canvas.put("event-driven?chapter=cold-starts now", x: 0, y: 1)
        canvas.put("guides and chapters, cold-starts", x: 0, y: 2)
        canvas.linkAddresses([address, "javascript:alert(1)"])
        #expect(canvas.links.map { [$0.x, $0.y, $0.width] } == [[4, 0, 32], [0, 1, 32]])
        #expect(canvas.links.allSatisfy { $0.target == address })
    }

    @Test("A terminal that supports them gets OSC 8 around the link's own text; LADDER_HYPERLINKS=0 and the Linux console do not")
    func osc8() throws {
        #expect(NcursesTerminal.wantsHyperlinks(term: "xterm-256color", setting: nil))
        #expect(!NcursesTerminal.wantsHyperlinks(term: "xterm-256color", setting: "0"))
        #expect(!NcursesTerminal.wantsHyperlinks(term: "linux", setting: nil))
        #expect(NcursesTerminal.wantsHyperlinks(term: "linux", setting: "1"))
        for (environment, expected) in [(["TERM": "xterm-256color"], true), (["TERM": "xterm-256color", "LADDER_HYPERLINKS": "0"], false)] {
            let pty = try PseudoTerminal(width: 40, height: 5)
            let terminal = NcursesTerminal(environment: environment, input: pty.terminal, output: pty.terminal)
            try terminal.start()
            var canvas = Canvas(width: 40, height: 5)
            canvas.put("Read https://example.com/a", x: 0, y: 2, style: .link)
            canvas.linkAddresses(["https://example.com/a"])
            terminal.draw(canvas)
            terminal.stop()
            let output = pty.drain()
            let link = "\u{1B}]8;;https://example.com/a\u{1B}\\https://example.com/a\u{1B}]8;;\u{1B}\\"
            #expect(output.contains(link) == expected, "\(environment): \(output.debugDescription)")
            #expect(output.contains("\u{1B}7\u{1B}[3;6H") == expected, "the cursor is saved and moved to the link")
            #expect(output.contains("\u{1B}[3;6H\u{1B}[0;4;36m\u{1B}]8;;") == expected, "written again in its own style: underlined, cyan")
        }
    }
}
}
