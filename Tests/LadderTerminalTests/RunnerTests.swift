#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CellGrid
import Testing
@testable import LadderTerminal

/// A program that records what it was given and draws how many keys it has seen.
/// It types `keys` once its first frame is drawn (typed earlier, they would meet the
/// cooked line discipline: echo, and Ctrl-C flushing the queue). It finishes on "q",
/// or by itself after a few seconds so a broken loop cannot hang the test run.
/// `.idle` is counted apart: how many arrive depends on how fast the machine is.
final class RecordingProgram: TerminalProgram {
    var events: [InputEvent] = []
    var idles = 0
    var frames: [(width: Int, height: Int)] = []
    var size = (width: 0, height: 0)
    var finished = false
    let reaction: (InputEvent, RecordingProgram) -> Void
    private let pty: PseudoTerminal?
    private let keys: String
    private let deadline = time(nil) + 5

    init(typing keys: String = "", into pty: PseudoTerminal? = nil,
         reaction: @escaping (InputEvent, RecordingProgram) -> Void = { _, _ in }) {
        self.keys = keys
        self.pty = pty
        self.reaction = reaction
    }

    var isFinished: Bool { finished || time(nil) > deadline }

    func handle(_ event: InputEvent) {
        if event == .idle {
            idles += 1
            return
        }
        events.append(event)
        if case .resize(let width, let height) = event { size = (width, height) }
        if event == .key(.character("q")) { finished = true }
        reaction(event, self)
    }

    var frame: Canvas {
        frames.append(size)
        if frames.count == 1 { pty?.type(keys) }
        var canvas = Canvas(width: size.width, height: size.height)
        let keys = events.filter { if case .key = $0 { return true } else { return false } }
        canvas.put("events seen: \(keys.count)", x: 0, y: 0)
        return canvas
    }
}

extension CursesTests {
    @Suite("The run loop")
    struct RunnerTests {
        static let xterm = ["TERM": "xterm-256color"]

        @Test("Events reach the program in order; each one is followed by a frame; stop restores")
        func events() throws {
            let pty = try PseudoTerminal(width: 30, height: 6)
            let before = pty.modes()
            let program = RecordingProgram(typing: "ab\u{1B}OA\u{3}q", into: pty)
            var capabilities: Capabilities?
            let outcome = try TerminalRunner.run(
                terminal: NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            ) { given in
                capabilities = given
                return program
            }
            #expect(outcome == .finished)
            #expect(outcome.exitStatus == 0)
            #expect(capabilities?.colour == true)
            #expect(program.events == [.resize(width: 30, height: 6), .key(.character("a")), .key(.character("b")), .key(.up),
                                       .key(.control("c")), .key(.character("q"))])
            // The first frame, one after each event but the last, one looked at after each idle.
            #expect(program.frames.count == 5 + program.idles)
            #expect(program.frames.allSatisfy { $0 == (30, 6) })
            let output = pty.drain()
            #expect(output.contains("events seen: 0"))
            // Later frames: curses sends only the changed digit.
            let later = output.components(separatedBy: "events seen: 0").last?.components(separatedBy: "\u{1B}[?1049l").first ?? ""
            #expect(visibleText(later) == "1234")
            #expect(output.contains("\u{1B}[?1049l"))
            #expect(pty.modes() == before)
        }

        @Test("A quit signal during an event: the event finishes, the loop stops with 128 + signal")
        func quitSignal() throws {
            let pty = try PseudoTerminal()
            let before = pty.modes()
            let program = RecordingProgram(typing: "kx", into: pty) { event, _ in
                guard event == .key(.character("k")) else { return }
                kill(getpid(), SIGTERM) // arrives while the event is being handled
                for _ in 0..<200 where SignalHandling.flags.pointee.quit == 0 { usleep(5_000) }
            }
            let outcome = try TerminalRunner.run(
                terminal: NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            ) { _ in program }
            #expect(outcome == .signalled(SIGTERM))
            #expect(outcome.exitStatus == 143)
            #expect(program.events == [.resize(width: 40, height: 12), .key(.character("k"))]) // "x" was never taken
            _ = pty.drain()
            #expect(pty.modes() == before)
        }

        @Test("A resize reaches the program and the next frame has the new size")
        func resize() throws {
            let pty = try PseudoTerminal(width: 40, height: 10)
            let program = RecordingProgram(typing: "r", into: pty) { event, _ in
                if event == .key(.character("r")) {
                    var size = winsize(ws_row: 7, ws_col: 25, ws_xpixel: 0, ws_ypixel: 0)
                    _ = ioctl(pty.controller, UInt(TIOCSWINSZ), &size)
                    kill(getpid(), SIGWINCH)
                }
                if event == .resize(width: 25, height: 7) { pty.type("q") }
            }
            let outcome = try TerminalRunner.run(
                terminal: NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            ) { _ in program }
            #expect(outcome == .finished)
            #expect(program.events == [.resize(width: 40, height: 10), .key(.character("r")), .resize(width: 25, height: 7),
                                       .key(.character("q"))])
            #expect(program.frames.first! == (40, 10))
            #expect(program.frames.last! == (25, 7))
            _ = pty.drain()
        }

        @Test("When making the program fails, the terminal is restored and the error comes out")
        func failingProgram() throws {
            struct Broken: Error, Equatable {}
            let pty = try PseudoTerminal()
            let before = pty.modes()
            let terminal = NcursesTerminal(environment: Self.xterm, input: pty.terminal, output: pty.terminal)
            #expect(throws: Broken()) {
                try TerminalRunner.run(terminal: terminal) { _ in throw Broken() }
            }
            #expect(!terminal.isActive)
            #expect(pty.drain().contains("\u{1B}[?1049l"))
            #expect(pty.modes() == before)
        }

        @Test("No terminal: run throws the clear error before making the program")
        func noTerminal() throws {
            var made = false
            let terminal = NcursesTerminal(environment: [:], input: -1, output: -1)
            #expect(throws: TerminalError.notATerminal(stream: "file descriptor -1")) {
                try TerminalRunner.run(terminal: terminal) { _ in
                    made = true
                    return RecordingProgram()
                }
            }
            #expect(!made)
        }

        @Test("Exit statuses: 0, and 128 + signal")
        func exitStatuses() {
            #expect(RunOutcome.finished.exitStatus == 0)
            #expect(RunOutcome.signalled(SIGINT).exitStatus == 130)
            #expect(RunOutcome.signalled(SIGHUP).exitStatus == 129)
            #expect(RunOutcome.signalled(SIGTERM).exitStatus == 143)
        }
    }
}

/// What a terminal would print of `output`: escape sequences (CSI, a character set,
/// ESC and one byte) and control characters left out.
private func visibleText(_ output: String) -> String {
    var text = ""
    var scalars = output.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
        if scalar == "\u{1B}" {
            switch scalars.next() {
            case "[": while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
            case "(", ")": _ = scalars.next() // a character set: ESC ( B
            default: break
            }
        } else if scalar.value >= 0x20 && scalar.value != 0x7F {
            text.unicodeScalars.append(scalar)
        }
    }
    return text
}
