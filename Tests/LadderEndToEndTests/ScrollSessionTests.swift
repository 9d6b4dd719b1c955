import Foundation
import LadderTestSupport
import Testing

/// A long checklist scrolled down and back up, in `ladder snapshot` and in a real
/// terminal: the cursor moves inside the window; the list moves only when it must.
@Suite(.serialized) struct ScrollSessionTests {
    /// A data folder tracking the 30-expectation profile at Junior (next: Middle).
    static func home() throws -> String {
        let home = try TestSupport.makeTempFolder("ladder-scroll")
        try FileManager.default.createDirectory(atPath: home + "/profiles", withIntermediateDirectories: true)
        try LongProfile.yaml().write(toFile: home + "/profiles/\(LongProfile.id).yaml", atomically: true, encoding: .utf8)
        let track = try TestSupport.ladder(["track", LongProfile.id, "--role", "tester", "--level", "Junior"], home: home)
        #expect(track.status == 0, "\(track.stderr)")
        return home
    }

    static let keys = ["Enter"] + Array(repeating: "Down", count: 20) + ["Up", "Up", "Up"]

    /// The rows of a screen that show the pointer on a checklist item, and item 21.
    static func rows(_ screen: String) -> (pointer: Int?, item21: Int?) {
        let lines = screen.components(separatedBy: "\n")
        return (lines.firstIndex { $0.hasPrefix("› [ ] Expectation number 18.") },
                lines.firstIndex { $0.contains("Expectation number 21.") })
    }

    @Test func inLadderSnapshot() throws {
        let home = try Self.home()
        defer { TestSupport.removeFolder(home) }
        let out = try TestSupport.ladder(["snapshot", "--size", "80x24", "--keys", Self.keys.joined(separator: " ")], home: home)
        #expect(out.status == 0, "\(out.stderr)")
        let (pointer, item21) = Self.rows(out.stdout)
        let row = try #require(pointer, "\(out.stdout)")
        #expect(item21 == row + 3, "the cursor is three rows above the bottom of the list, which did not move:\n\(out.stdout)")
        #expect(out.stdout.components(separatedBy: "\n")[row + 4].isEmpty, "item 21 is the last row of the list")
    }

    @Test(.needsTmux) func inARealTerminal() throws {
        let home = try Self.home()
        defer { TestSupport.removeFolder(home) }
        let session = try Tmux.ladder(home: home, width: 80, height: 24)
        #expect(try session.waitFor("Your skills") != nil, "\(session.shown)")
        try session.send("Enter")
        #expect(try session.waitFor("Expectation number 1.") != nil, "\(session.shown)")
        for key in Self.keys.dropFirst() { try session.send(key) }
        // The pointer passes item 18 on the way down too: wait for the screen after the last Up.
        var screen = ""
        let deadline = Date().addingTimeInterval(10)
        repeat {
            screen = try session.screen()
            let (pointer, item21) = Self.rows(screen)
            if pointer != nil, item21 != nil { break }
            usleep(50_000)
        } while Date() < deadline
        let (pointer, item21) = Self.rows(screen)
        #expect(pointer != nil && pointer.map { $0 + 3 } == item21, "\(screen)")
        try session.send("q")
        #expect(try session.waitForShell(), "\(session.shown)")
    }
}
