import Foundation
import LadderTestSupport
import Testing

/// A new user's first session in a real terminal: role, level, the path, track all, tick.
@Suite(.serialized, .needsTmux) struct PathSessionTests {
    @Test func firstRunRoleThenPathTrackAllTickAndReadinessMoves() throws {
        let home = try TestSupport.makeTempFolder("ladder-tmux")
        defer { TestSupport.removeFolder(home) }
        let session = try Tmux.ladder(home: home)
        #expect(try session.waitFor("Welcome to Ladder. Your name") != nil, "\(session.shown)")
        try session.send("Olga", "Space", "Petrova", "Enter")
        #expect(try session.waitFor("Which role are you growing in?") != nil, "\(session.shown)")
        try session.send("Down", "Enter")
        #expect(try session.waitFor("Your current level as Cloud Engineer") != nil, "\(session.shown)")
        try session.send("Down", "Enter")
        #expect(try session.waitFor("Toward Senior: 0 of 27") != nil, "\(session.shown)")
        try session.send("T")
        #expect(try session.waitFor("Tracking 9 skills") != nil, "\(session.shown)")
        try session.send("Enter")
        #expect(try session.waitFor("0 of 3 · 0%") != nil, "\(session.shown)")
        try session.send("Space")
        #expect(try session.waitFor("1 of 3 · 33%") != nil, "\(session.shown)")
        try session.send("p")
        #expect(try session.waitFor("Toward Senior: 1 of 27") != nil, "\(session.shown)")
        try session.send("q")
        #expect(try session.waitForShell(), "\(session.shown)")
    }
}
