#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CellGrid
import Testing
@testable import LadderTerminal

/// Sends a signal to the whole process, as `kill` from a shell does. (`raise` would aim
/// at the test's own thread, where the test runner keeps signals blocked.) Returns once
/// `arrived` is true, or after a second.
func send(_ signal: Int32, until arrived: () -> Bool) {
    kill(getpid(), signal)
    for _ in 0..<100 {
        if arrived() { return }
        usleep(10_000)
    }
}

/// The handler installed for a signal, as a number to compare.
func handlerBits(_ signal: Int32) -> Int {
    var action = sigaction()
    sigaction(signal, nil, &action)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
}

/// The next event, waiting up to two seconds (`nextEvent` returns nil on each timeout).
func nextEvent(from terminal: NcursesTerminal) -> InputEvent? {
    for _ in 0..<20 {
        if let event = terminal.nextEvent() { return event }
    }
    return nil
}

extension CursesTests {
    @Suite("Starting, reading input and stopping on a pseudo-terminal")
    struct StartTests {
        static let xterm = ["TERM": "xterm-256color"]

        @Test("Input or output that is not a TTY: a message naming the stream and the CLI")
        func notATerminal() throws {
            var pipeEnds: [Int32] = [0, 0]
            try #require(pipe(&pipeEnds) == 0)
            defer { pipeEnds.forEach { _ = close($0) } }
            let pty = try PseudoTerminal()
            let fromPipe = NcursesTerminal(environment: Self.xterm, input: pipeEnds[0], output: pty.terminal)
            #expect(throws: TerminalError.notATerminal(stream: "file descriptor \(pipeEnds[0])")) { try fromPipe.start() }
            let toPipe = NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pipeEnds[1])
            #expect(throws: TerminalError.notATerminal(stream: "file descriptor \(pipeEnds[1])")) { try toPipe.start() }
            #expect(!fromPipe.isActive && !toPipe.isActive)
            #expect(TerminalError.notATerminal(stream: "stdin").description
                == "ladder needs a terminal: stdin is not a TTY. \(TerminalError.cliHint)")
        }

        @Test("TERM unset, empty, dumb or unknown: a clear error and the terminal untouched", arguments: [
            ([String: String](), TerminalError.termNotSet),
            (["TERM": ""], .termNotSet),
            (["TERM": "dumb"], .tooLimited(term: "dumb")),
            (["TERM": "no-such-terminal-9000"], .unknownTerminal(term: "no-such-terminal-9000")),
        ])
        func badTerm(environment: [String: String], expected: TerminalError) throws {
            let pty = try PseudoTerminal()
            let before = pty.modes()
            let terminal = NcursesTerminal(environment: environment, input: pty.terminal, output: pty.terminal)
            #expect(throws: expected) { try terminal.start() }
            #expect(!terminal.isActive)
            #expect(pty.modes() == before)
            #expect(pty.drain().isEmpty)
            #expect(terminal.pendingQuitSignal == nil)
        }

        @Test("Start takes the terminal, stop gives it back as it was, twice over")
        func startAndStop() throws {
            let pty = try PseudoTerminal(width: 40, height: 12)
            let before = pty.modes()
            for _ in 0..<2 {
                let terminal = NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
                try terminal.start()
                #expect(terminal.isActive)
                #expect(terminal.size == (40, 12))
                #expect(terminal.colour)
                #expect(pty.modes() != before)
                var canvas = Canvas(width: 40, height: 12)
                canvas.put("hello, мир 漢字", x: 2, y: 3)
                terminal.draw(canvas)
                let drawn = pty.drain()
                #expect(drawn.contains("\u{1B}[?1049h")) // alternate screen
                #expect(drawn.contains("hello, мир 漢字"))
                terminal.stop()
                terminal.stop()
                #expect(!terminal.isActive)
                #expect(pty.drain().contains("\u{1B}[?1049l"))
                #expect(pty.modes() == before)
            }
        }

        @Test("NO_COLOR set and non-empty turns colour off")
        func noColor() throws {
            let pty = try PseudoTerminal()
            let terminal = NcursesTerminal(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"],
                                           input: pty.terminal, output: pty.terminal)
            try terminal.start()
            defer { terminal.stop() }
            #expect(!terminal.colour)
            #expect(terminal.capabilities == Capabilities(unicode: terminal.unicode, colour: false))
        }

        @Test("Keys, Ctrl-C, Esc, mouse and resize arrive as events")
        func input() throws {
            let pty = try PseudoTerminal(width: 40, height: 12)
            let terminal = NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            try terminal.start()
            defer { terminal.stop() }
            terminal.inputTimeoutMilliseconds = 100
            let typed: [(String, InputEvent)] = [
                ("x", .key(.character("x"))), ("ж", .key(.character("ж"))), ("\u{1B}OA", .key(.up)),
                ("\u{1B}[6~", .key(.pageDown)), ("\u{1B}[1~", .key(.home)), ("\u{1B}OH", .key(.home)),
                ("\u{1B}[4~", .key(.end)), ("\u{1B}[A", .key(.up)), ("\u{1B}[3~", .key(.delete)), ("\u{1B}OP", .key(.function(1))), ("\u{3}", .key(.control("c"))),
                ("\r", .key(.enter)), ("\u{7F}", .key(.backspace)), ("\u{1B}[Z", .key(.backTab)),
                ("\u{1B}", .key(.escape)), ("\u{1B}[<0;5;3M", .click(x: 4, y: 2)),
                ("\u{1B}[<64;5;3M", .scroll(up: true)), ("\u{1B}[<65;5;3M", .scroll(up: false)),
            ]
            for (bytes, expected) in typed {
                pty.type(bytes)
                #expect(nextEvent(from: terminal) == expected, "typed \(Array(bytes.utf8))")
            }
            var size = winsize(ws_row: 9, ws_col: 33, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(pty.controller, UInt(TIOCSWINSZ), &size)
            kill(getpid(), SIGWINCH) // the kernel only signals the pty's own session
            #expect(nextEvent(from: terminal) == .resize(width: 33, height: 9))
            #expect(terminal.size == (33, 9))
            _ = pty.drain()
        }

        @Test("Signals set flags for the run loop instead of killing the process; stop puts the old handlers back")
        func signals() throws {
            let watched = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGSEGV, SIGILL, SIGABRT]
            let before = watched.map(handlerBits)
            let pty = try PseudoTerminal()
            let terminal = NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            try terminal.start()
            try #require(terminal.isActive)
            #expect(watched.map(handlerBits) != before)
            #expect(terminal.pendingQuitSignal == nil)
            var suspended = false
            send(SIGTSTP) { suspended = terminal.takeSuspendRequest(); return suspended }
            #expect(suspended)
            #expect(!terminal.takeSuspendRequest())
            var continued = false
            send(SIGCONT) { continued = terminal.takeContinued(); return continued }
            #expect(continued)
            terminal.recover()
            send(SIGHUP) { terminal.pendingQuitSignal != nil }
            send(SIGTERM) { false }
            #expect(terminal.pendingQuitSignal == SIGHUP) // the first one counts
            terminal.stop()
            #expect(terminal.pendingQuitSignal == nil)
            #expect(watched.map(handlerBits) == before)
            _ = pty.drain()
        }

        @Test("The crash restore writes the exit strings and puts the saved modes back")
        func crashRestore() throws {
            let pty = try PseudoTerminal()
            let before = pty.modes()
            let terminal = NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            try terminal.start()
            defer { terminal.stop() }
            _ = pty.drain()
            SignalHandling.restoreTerminal() // what the SIGSEGV/SIGILL/… handler runs
            let written = pty.drain()
            #expect(written.contains("\u{1B}[?1049l"))
            #expect(written.contains("\u{1B}[?25h")) // cursor visible
            #expect(written.contains("\u{1B}[?1000l")) // mouse off
            #expect(pty.modes() == before)
            SignalHandling.restoreTerminal() // at most once
            #expect(pty.drain().isEmpty)
        }
    }
}
