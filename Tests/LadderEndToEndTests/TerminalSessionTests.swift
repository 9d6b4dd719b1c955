import Foundation
import LadderTestSupport
import Testing

/// Ladder in a real terminal (tmux): a new user's first session, ticking, quitting.
@Suite(.serialized, .needsTmux) struct TerminalSessionTests {
    @Test func firstRunTickAndQuitLeavesTheJournalAndAWorkingShell() throws {
        let home = try TestSupport.makeTempFolder("ladder-tmux")
        defer { TestSupport.removeFolder(home) }
        let session = try Tmux.ladder(home: home)
        #expect(try session.waitFor("Welcome to Ladder. Your name") != nil, "\(session.shown)")
        try session.send("Olga", "Space", "Petrova", "Enter")
        #expect(try session.waitFor("Welcome, Olga Petrova.") != nil, "\(session.shown)")
        // One skill instead of a role's path: a, search, choose.
        try session.send("a", "/", "serverless", "Enter")
        #expect(try session.waitFor("1 of 9 match") != nil, "\(session.shown)")
        try session.send("Enter")
        #expect(try session.waitFor("Which role do you have") != nil)
        try session.send("Down", "Enter")
        #expect(try session.waitFor("Your current level as Cloud Engineer") != nil)
        try session.send("Down", "Enter")
        #expect(try session.waitFor("0 of 3 · 0%") != nil, "\(session.shown)")
        try session.send("Space")
        #expect(try session.waitFor("1 of 3 · 33%") != nil, "\(session.shown)")
        // Waited for on its own: curses may still be drawing the rest of the frame.
        #expect(try session.waitFor("[x] Designs infrastructure solutions") != nil, "\(session.shown)")
        try session.send("?")
        #expect(try session.waitFor("not a promotion guarantee") != nil)
        try session.send("Escape", "q")
        // Back at the shell: the alternate screen is off and the shell answers.
        #expect(try session.waitForShell(), "\(session.shown)")
        try session.send("echo shell-is-back-$((20+22))", "Enter")
        #expect(try session.waitFor("shell-is-back-42") != nil, "\(session.shown)")
        #expect(try session.display("#{alternate_on}") == "0")
        let journal = try String(contentsOfFile: home + "/people/olga-petrova.jsonl", encoding: .utf8)
        let kinds = journal.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["kind"] as? String
        }
        #expect(kinds == ["person", "track", "tick"])
        #expect(try TestSupport.ladder(["whoami"], home: home).stdout == "olga-petrova (Olga Petrova)\n")
    }

    @Test func resizingRedrawsAndTooSmallSaysSo() throws {
        let home = try TestSupport.makeTempFolder("ladder-tmux")
        defer { TestSupport.removeFolder(home) }
        #expect(try TestSupport.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"], home: home).status == 0)
        let session = try Tmux.ladder(home: home)
        #expect(try session.waitFor("Your skills") != nil)
        try session.resize(width: 30, height: 8)
        #expect(try session.waitFor("Terminal too small") != nil, "\(session.shown)")
        try session.resize(width: 120, height: 40)
        #expect(try session.waitFor("PROGRESS TO NEXT LEVEL") != nil, "\(session.shown)")
        try session.send("C-c")
        #expect(try session.waitForShell(), "\(session.shown)")
        try session.send("echo back-$((1+1))", "Enter")
        #expect(try session.waitFor("back-2") != nil, "\(session.shown)")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test func aTickFromAnotherShellShowsWithoutAKeyPress() throws {
        let home = try TestSupport.makeTempFolder("ladder-tmux")
        defer { TestSupport.removeFolder(home) }
        #expect(try TestSupport.ladder(["track", "serverless-functions", "--role", "Cloud Engineer", "--level", "Middle"], home: home).status == 0)
        let session = try Tmux.ladder(home: home)
        try session.send("Enter")
        #expect(try session.waitFor("0 of 3 · 0%") != nil, "\(session.shown)")
        // Cloud Engineer, Senior: "Designs infrastructure solutions with Serverless Functions."
        #expect(try TestSupport.ladder(["tick", "serverless-functions", "f85ceb"], home: home).status == 0)
        // No key is sent: the idle second notices the journal changed.
        #expect(try session.waitFor("1 of 3 · 33%", timeout: 2) != nil, "\(session.shown)")
        #expect(try session.waitFor("[x] Designs infrastructure solutions") != nil, "\(session.shown)")
        try session.send("q")
        #expect(try session.waitForShell(), "\(session.shown)")
    }
}
