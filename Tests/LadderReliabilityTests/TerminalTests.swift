import CellGrid
import Foundation
import LadderKit
import LadderTestSupport
import LadderTUI
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ladder in a real terminal (tmux): signals and suspend leave the terminal as it was
/// (`stty -g` before and after, alternate screen off) with the last tick saved; a
/// terminal that cannot run the UI gets a clear message; LANG=C, NO_COLOR, random
/// resizes and hostile text.
@Suite(.serialized, .needsTmux) struct TerminalTests {
    /// A data folder where `me` tracks the small profile (or `profile`'s skill).
    struct Setup {
        let scratch: String
        let home: String
        var journal: String { DataFolder(path: home).journalPath(for: .me) }
        func file(_ name: String) -> String {
            ((try? String(contentsOfFile: scratch + "/" + name, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var pid: pid_t { pid_t(file("pid")) ?? 0 }
    }

    func setUp(_ label: String, profile: String = R.smallProfile, skill: String = "small-skill", role: String = "tester", level: String = "Junior") throws -> Setup {
        let (scratch, home) = try R.dataFolder(label)
        try R.write(profile, to: DataFolder(path: home).profilesPath + "/profile.yaml")
        try Store(folder: DataFolder(path: home)).append([JournalEvent(.track(skill: skill, role: role, level: level), at: JournalEvent.now())], for: .me)
        // The pane runs this script: terminal modes before, Ladder (its pid noted), exit status, modes after.
        let script = """
        stty -g > "$S/before"
        sh -c 'echo $$ > "$S/pid"; exec "$LADDER" "$@"' ladder "$@"
        echo $? > "$S/exit"
        stty -g > "$S/after"
        """
        try R.write(script, to: scratch + "/run.sh")
        return Setup(scratch: scratch, home: home)
    }

    func session(_ setup: Setup, width: Int = 100, height: Int = 30, _ extra: [String: String] = [:], command: String? = nil) throws -> Tmux {
        var env = R.paneEnvironment(home: setup.home, extra)
        env["S"] = setup.scratch
        env["LADDER"] = TestSupport.ladderBinary
        return try Tmux(command: command ?? "sh '\(setup.scratch)/run.sh'", width: width, height: height, environment: env)
    }

    /// Waits for the run script to finish; returns Ladder's exit status.
    func finished(_ setup: Setup) -> String? {
        R.eventually(timeout: 15) { !setup.file("after").isEmpty } ? setup.file("exit") : nil
    }

    // MARK: Signals

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aQuitSignalRestoresTheTerminalAndKeepsTheLastTick(_ signal: Int32) throws {
        let setup = try setUp("signal-\(signal)")
        defer { TestSupport.removeFolder(setup.scratch) }
        let pane = try session(setup)
        #expect(try pane.waitFor("Small skill") != nil, "\(pane.shown)")
        #expect(try pane.display("#{alternate_on}") == "1")
        try pane.send("Enter")
        #expect(try pane.waitFor("0 of 1") != nil, "\(pane.shown)")
        try pane.send("Space")
        #expect(try pane.waitFor("1 of 1") != nil, "\(pane.shown)")
        #expect(kill(setup.pid, signal) == 0)
        #expect(finished(setup) == "\(128 + signal)", "exit status; screen: \(pane.shown)")
        #expect(setup.file("before") == setup.file("after"), "stty -g differs after the signal")
        #expect(!setup.file("before").isEmpty)
        #expect(try pane.display("#{alternate_on}") == "0")
        let kinds = try Store(folder: DataFolder(path: setup.home)).journal(for: .me).events.map(\.kind)
        #expect(kinds == ["track", "tick"])
    }

    /// Signals that end a process by default and that Swift's backtracer reports as a
    /// crash (it prints "Program crashed" and a backtrace).
    static let reportedCrashes: Set<Int32> = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// Every signal whose default action ends the process (all but KILL and STOP can be
    /// caught) ends Ladder within a few seconds, with the terminal as it was (`stty -g`
    /// identical, the alternate screen left) and the conventional status, 128 + the
    /// signal: by exit for those that wait for the loop, by dying of the signal for
    /// crashes, whose report prints on the restored terminal. The backtracer is on
    /// (`interactive=no`), as it is for users.
    @Test(arguments: [SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE,
                      SIGALRM, SIGTERM, SIGSYS, SIGXCPU, SIGVTALRM, SIGPROF])
    func everySignalThatEndsTheProcessRestoresTheTerminal(_ signal: Int32) throws {
        let setup = try setUp("ending-\(signal)")
        defer { TestSupport.removeFolder(setup.scratch) }
        let pane = try session(setup, ["SWIFT_BACKTRACE": "interactive=no"])
        #expect(try pane.waitFor("Small skill") != nil, "\(pane.shown)")
        #expect(try pane.display("#{alternate_on}") == "1")
        let pid = setup.pid
        let sent = Date()
        #expect(kill(pid, signal) == 0)
        #expect(R.eventually(timeout: 5) { !R.isAlive(pid) }, "still running 5 s after signal \(signal); screen: \(pane.shown)")
        #expect(finished(setup) == "\(128 + signal)", "exit status; screen: \(pane.shown)")
        #expect(Date().timeIntervalSince(sent) < 5, "took \(Date().timeIntervalSince(sent)) s")
        #expect(!setup.file("before").isEmpty)
        #expect(setup.file("before") == setup.file("after"), "stty -g differs after signal \(signal)")
        #expect(try pane.display("#{alternate_on}") == "0")
        if Self.reportedCrashes.contains(signal) {
            let history = try pane.history()
            #expect(history.contains("Program crashed") && history.contains("crashed:"), "no crash report: \(history)")
        }
    }

    /// SIGTSTP (sent with kill) and Ctrl-Z hand the terminal back and stop Ladder, as
    /// in a shell with job control; `fg` continues it, it takes the terminal back and
    /// redraws; the work goes on and quitting leaves the terminal as it was. (The pane
    /// runs an interactive shell: in a shell without job control the kernel discards
    /// the stop, as the process group is orphaned.)
    @Test func suspendAndResumeGiveTheTerminalBackAndTakeItAgain() throws {
        let setup = try setUp("suspend")
        defer { TestSupport.removeFolder(setup.scratch) }
        let pane = try session(setup, ["PS1": "prompt$ "], command: "exec sh -i")
        #expect(try pane.waitFor("prompt$") != nil, "\(pane.shown)")
        try pane.send(#"stty -g > "$S/before"; sh -c 'echo $$ > "$S/pid"; exec "$LADDER"'"#, "Enter")
        #expect(try pane.waitFor("Small skill") != nil, "\(pane.shown)")
        try pane.send("Enter")
        #expect(try pane.waitFor("0 of 1") != nil, "\(pane.shown)")
        try pane.send("Space")
        #expect(try pane.waitFor("1 of 1") != nil, "\(pane.shown)")
        let pid = setup.pid
        for index in 0..<2 {
            if index == 0 { #expect(kill(pid, SIGTSTP) == 0) } else { try pane.send("C-z") } // a signal, then the key
            #expect(R.eventually { Self.state(of: pid) == "T" }, "not stopped (\(index)): \(Self.state(of: pid))")
            #expect(R.eventually { (try? pane.display("#{alternate_on}")) == "0" }, "the terminal was not handed back (\(index))")
            #expect(try pane.waitFor("Stopped") != nil, "the shell did not get the terminal back (\(index)): \(pane.shown)")
            try pane.send("clear; fg", "Enter")
            #expect(R.eventually { (try? pane.display("#{alternate_on}")) == "1" }, "not taken back (\(index))")
            #expect(try pane.waitFor("1 of 1") != nil, "not redrawn (\(index)): \(pane.shown)")
        }
        try pane.send("Space")
        #expect(try pane.waitFor("0 of 1") != nil, "the keys do not work after resuming: \(pane.shown)")
        try pane.send("q")
        #expect(R.eventually { !R.isAlive(pid) })
        try pane.send(#"stty -g > "$S/after"; echo after-done"#, "Enter")
        #expect(try pane.waitFor("after-done") != nil)
        #expect(setup.file("before") == setup.file("after"))
        #expect(try pane.display("#{alternate_on}") == "0")
        let kinds = try Store(folder: DataFolder(path: setup.home)).journal(for: .me).events.map(\.kind)
        #expect(kinds == ["track", "tick", "untick"])
    }

    static func state(of pid: pid_t) -> String {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return "?" }
        return String(stat[stat.index(close, offsetBy: 2)...].prefix(1))
    }

    // MARK: Terminals that cannot run the UI

    /// TERM unset, dumb or unknown; stdin or stdout not a terminal: a message that
    /// names the problem and points to the CLI, exit status 2, the terminal untouched.
    @Test func aTerminalThatCannotRunTheUIGetsAClearMessage() throws {
        let setup = try setUp("no-ui")
        defer { TestSupport.removeFolder(setup.scratch) }
        let script = """
        stty -g > "$S/before"
        env -u TERM "$LADDER"; echo "unset=$?"
        TERM=dumb "$LADDER"; echo "dumb=$?"
        TERM=no-such-terminal "$LADDER"; echo "unknown=$?"
        "$LADDER" < /dev/null; echo "stdin=$?"
        "$LADDER" > "$S/out.txt"; echo "stdout=$?"
        stty -g > "$S/after"
        echo all-done
        """
        try R.write(script, to: setup.scratch + "/no-ui.sh")
        let pane = try session(setup, width: 200, height: 40, command: "sh '\(setup.scratch)/no-ui.sh'")
        let screen = try #require(try pane.waitFor("all-done"), "\(pane.shown)")
        for (label, reason) in [("unset", "TERM environment variable is not set"), ("dumb", "TERM=dumb cannot move the cursor"),
                                ("unknown", "TERM=no-such-terminal"), ("stdin", "stdin is not a TTY"), ("stdout", "stdout is not a TTY")] {
            #expect(screen.contains("\(label)=2"), "\(label): \(screen)")
            #expect(screen.contains(reason), "\(label): \(screen)")
        }
        #expect(screen.components(separatedBy: "ladder status").count - 1 >= 5, "each message points to the CLI: \(screen)")
        #expect(setup.file("before") == setup.file("after"))
        #expect(try pane.display("#{alternate_on}") == "0")
        #expect(!screen.contains("^["), "escape sequences leaked: \(screen)")
        // And with pipes only, no terminal at all:
        let piped = try R.ladder([], home: setup.home, scratch: setup.scratch)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("stdin is not a TTY"), "\(piped.stderr)")
        #expect(piped.stdout.isEmpty)
    }

    // MARK: How it draws

    /// LANG=C: the UI draws only ASCII (the backend passes `unicode: false`).
    @Test func aPlainCLocaleDrawsASCII() throws {
        let setup = try setUp("lang-c", profile: String(decoding: R.bundledProfile, as: UTF8.self), skill: "serverless-functions",
                              role: "cloud-engineer", level: "Middle")
        defer { TestSupport.removeFolder(setup.scratch) }
        let pane = try session(setup, ["LANG": "C", "LC_ALL": "C"])
        var screens = [try #require(try pane.waitFor("Serverless"), "\(pane.shown)")]
        try pane.send("Enter")
        screens.append(try #require(try pane.waitFor("of 3"), "\(pane.shown)"))
        try pane.send("?")
        screens.append(try #require(try pane.waitFor("promotion"), "\(pane.shown)"))
        for screen in screens {
            let wide = screen.unicodeScalars.filter { !$0.isASCII }
            #expect(wide.isEmpty, "non-ASCII on a C locale: \(String(String.UnicodeScalarView(wide))) in\n\(screen)")
        }
        try pane.send("Escape", "q")
        #expect(finished(setup) == "0")
    }

    /// NO_COLOR=1: no colour in any cell (attributes such as bold or reverse may stay);
    /// without it, colour is used (so the check can see colour at all).
    @Test func noColorMeansNoColour() throws {
        for noColor in [false, true] {
            let setup = try setUp("no-color-\(noColor)")
            defer { TestSupport.removeFolder(setup.scratch) }
            let pane = try session(setup, noColor ? ["NO_COLOR": "1"] : [:])
            #expect(try pane.waitFor("Small skill") != nil, "\(pane.shown)")
            try pane.send("Enter")
            #expect(try pane.waitFor("0 of 1") != nil)
            let styled = try pane.styledScreen()
            let colours = Self.colourCodes(in: styled)
            if noColor {
                #expect(colours.isEmpty, "NO_COLOR=1 but colours \(colours)")
            } else {
                #expect(!colours.isEmpty, "no colour without NO_COLOR: the check sees nothing")
            }
            try pane.send("q")
            #expect(finished(setup) == "0")
        }
    }

    /// SGR parameters that set a colour (30–37, 38;…, 40–47, 48;…, 90–97, 100–107).
    static func colourCodes(in styled: String) -> [String] {
        var found: [String] = []
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(where: { $0.isLetter }) else { break }
            if tail[end] == "m" {
                var parameters = tail[..<end].split(separator: ";").compactMap { Int($0) }
                while let first = parameters.first {
                    parameters.removeFirst()
                    if (30...37).contains(first) || (40...47).contains(first) || (90...97).contains(first) || (100...107).contains(first) {
                        found.append("\(first)")
                    } else if first == 38 || first == 48 {
                        found.append("\(first)")
                        parameters.removeFirst(min(parameters.count, parameters.first == 5 ? 2 : 4))
                    }
                }
            }
            rest = tail[end...]
        }
        return found
    }

    /// Random `tmux resize-window` sizes from 10×3 up, then a normal size: Ladder keeps
    /// running, redraws, and quits cleanly.
    @Test func randomResizesInARealTerminalNeverCrash() throws {
        let setup = try setUp("resize")
        defer { TestSupport.removeFolder(setup.scratch) }
        let pane = try session(setup)
        #expect(try pane.waitFor("Small skill") != nil, "\(pane.shown)")
        try pane.send("Enter")
        var random = SeededRandom(seed: 42)
        for round in 0..<40 {
            let width = Int.random(in: 10...160, using: &random), height = Int.random(in: 3...50, using: &random)
            try pane.resize(width: width, height: height)
            if round % 8 == 0 { try pane.send(["Down", "Up", "Right", "Left", "?", "Escape"][round / 8 % 6]) }
            usleep(UInt32.random(in: 0...30_000, using: &random))
        }
        for (width, height) in [(10, 3), (11, 4), (10, 3)] { try pane.resize(width: width, height: height); usleep(50_000) }
        #expect(R.isAlive(setup.pid), "ladder died while resizing")
        try pane.resize(width: 100, height: 30)
        try pane.send("Escape") // leave help, if the last key opened it
        #expect(try pane.waitFor("Small skill") != nil, "not redrawn at 100x30: \(pane.shown)")
        try pane.send("q")
        #expect(finished(setup) == "0", "\(pane.shown)")
        #expect(setup.file("before") == setup.file("after"))
    }

    /// The hostile profile in a real terminal: escapes appear as visible text, the
    /// pane title and tmux's paste buffers (OSC 52) are untouched, and the screen has
    /// the geometry of the headless frame: the level headers, the matrix markers and
    /// the checkboxes sit at the same columns, whatever wide text comes before them.
    @Test func hostileTextInARealTerminalIsShownNotExecuted() throws {
        let setup = try setUp("hostile-tmux", profile: HostileProfileTests.hostile, skill: "hostile", role: "dev", level: "One")
        defer { TestSupport.removeFolder(setup.scratch) }
        let pane = try session(setup, width: 100, height: 30)
        let dashboard = try #require(try pane.waitFor("Evil"), "\(pane.shown)")
        let title = try pane.display("#{pane_title}")
        #expect(dashboard.contains("^[]0;PWNED"), "\(dashboard)")
        try pane.send("Enter")
        #expect(try pane.waitFor("Tab here") != nil, "\(pane.shown)")
        try pane.send("Left") // level One: the expectations with the escapes
        let skill = try #require(try pane.waitFor("Link"), "\(pane.shown)")
        #expect(skill.contains("^[]8;;http://evil.example^["), "\(skill)")
        #expect(skill.contains("^G") || dashboard.contains("^G"))
        #expect(try pane.display("#{pane_title}") == title, "the pane title changed")
        #expect(try pane.bufferList().isEmpty, "something reached tmux's paste buffers")

        // The same state drawn headless, at the same size.
        let folder = DataFolder(path: setup.home)
        let app = LadderApp(store: Store(folder: folder), library: ProfileLibrary.load(from: folder), person: .me)
        for event in [InputEvent.key(.enter), .key(.left)] { app.handle(event) }
        let frame = app.render(width: 100, height: 30).lines
        let shown = skill.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var compared = 0
        for anchor in ["One  Two", "[●]", "○ optional", "[ ] Link", "[ ] Emoji"] {
            guard let row = frame.firstIndex(where: { $0.contains(anchor) }), row < shown.count else {
                Issue.record("'\(anchor)' is not in the headless frame")
                continue
            }
            let expected = Self.column(of: anchor, in: frame[row])
            let actual = Self.column(of: anchor, in: shown[row])
            #expect(actual == expected, "'\(anchor)' at column \(String(describing: actual)) on screen, \(String(describing: expected)) in the frame:\n\(shown[row])\n\(frame[row])")
            compared += 1
        }
        #expect(compared == 5)
        try pane.send("q")
        #expect(finished(setup) == "0")
        #expect(setup.file("before") == setup.file("after"))
    }

    /// The display column where `anchor` starts in a line, or nil.
    static func column(of anchor: String, in line: String) -> Int? {
        guard let range = line.range(of: anchor) else { return nil }
        return TextWidth.of(String(line[..<range.lowerBound]))
    }
}

extension Tmux {
    /// tmux's paste buffers (an OSC 52 clipboard write would add one).
    func bufferList() throws -> String {
        let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"
        return try TestSupport.run(tmux, ["-S", socket, "list-buffers"], environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]).stdout
    }
}
