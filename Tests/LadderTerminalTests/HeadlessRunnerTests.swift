#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CellGrid
import LadderTerminal
import Testing

/// A program of a few lines for the run loop: it keeps the size it was sent, counts
/// keys, finishes on "q", and draws "SIZE keys N NOTE" on its first row. `onEvent`
/// runs inside `handle`, so a test can make something happen mid-event; `.idle`
/// changes nothing unless `noticeOnIdle` is set.
final class TinyProgram: TerminalProgram {
    var events: [InputEvent] = []
    /// The events handled to their end (after `onEvent` returned).
    var handled: [InputEvent] = []
    /// How many events had arrived each time a frame was asked for.
    var framesAfter: [Int] = []
    var size = (width: 0, height: 0)
    var note = ""
    var noticeOnIdle = false
    var isFinished = false
    /// Slow work to do once the current frame is on screen; done on the next `.idle`.
    var pendingWork: String?
    var hasWorkPending: Bool { pendingWork != nil }
    /// The pending work needs the terminal (an editor): "e" asks for it.
    var workNeedsTerminal = false
    var onEvent: (InputEvent) -> Void = { _ in }

    func handle(_ event: InputEvent) {
        events.append(event)
        onEvent(event)
        switch event {
        case .resize(let width, let height): size = (width, height)
        case .key(.character("q")): isFinished = true
        case .idle where pendingWork != nil:
            note = pendingWork ?? ""
            pendingWork = nil
        case .key(.character("s")):
            note = "syncing…"
            pendingWork = "synced"
        case .key(.character("e")):
            note = "editing…"
            pendingWork = "edited"
            workNeedsTerminal = true
        case .idle where noticeOnIdle: note = "changed on disk"
        default: break
        }
        handled.append(event)
    }

    var frame: Canvas {
        framesAfter.append(events.count)
        var canvas = Canvas(width: size.width, height: size.height)
        let keys = events.filter { if case .key = $0 { return true } else { return false } }.count
        canvas.put("\(size.width)x\(size.height) keys \(keys) \(note)", x: 0, y: 0)
        return canvas
    }
}

@Suite("The run loop, headless")
struct HeadlessRunnerTests {
    static let q = HeadlessTerminal.Step.event(.key(.character("q")))

    @Test("The size reaches the program before the first frame; a resize, before the next frame, at the new size")
    func resize() throws {
        let terminal = HeadlessTerminal(width: 40, height: 10, script: [.event(.resize(width: 25, height: 7)), Self.q])
        let program = TinyProgram()
        let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(outcome == .finished)
        #expect(program.events == [.resize(width: 40, height: 10), .resize(width: 25, height: 7), .key(.character("q"))])
        #expect(program.framesAfter == [1, 2]) // each frame after its resize
        #expect(terminal.drawn.map(\.canvas.width) == [40, 25])
        #expect(terminal.drawn.map(\.canvas.height) == [10, 7])
        #expect(terminal.drawn.map(\.width) == [40, 25])
        #expect(terminal.drawn.last?.canvas.lines.first == "25x7 keys 0")
    }

    @Test("A key reaches the program and a frame is drawn after it")
    func key() throws {
        let terminal = HeadlessTerminal(width: 30, height: 5, script: [.event(.key(.character("a"))), .event(.key(.down)), Self.q])
        let program = TinyProgram()
        let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(outcome == .finished)
        #expect(program.events == [.resize(width: 30, height: 5), .key(.character("a")), .key(.down), .key(.character("q"))])
        #expect(terminal.drawn.map { $0.canvas.lines.first ?? "" } == ["30x5 keys 0", "30x5 keys 1", "30x5 keys 2"])
        #expect(!terminal.isActive && terminal.wasStopped)
    }

    @Test("A quit signal during an event: the event finishes, the run ends with .signalled(15) and status 143")
    func quitSignal() throws {
        let terminal = HeadlessTerminal(script: [.event(.key(.character("k"))), .event(.key(.character("x"))), Self.q])
        let program = TinyProgram()
        program.onEvent = { event in
            if event == .key(.character("k")) { terminal.receive(signal: SIGTERM) } // as if SIGTERM arrived now
        }
        let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(outcome == .signalled(15))
        #expect(outcome.exitStatus == 143)
        #expect(program.handled == [.resize(width: 80, height: 24), .key(.character("k"))]) // finished; "x" never taken
        #expect(terminal.script == [.event(.key(.character("x"))), Self.q])
        #expect(terminal.drawn.count == 1)
        #expect(terminal.wasStopped)
    }

    @Test("A signal that arrives while waiting for input ends the run at once", arguments: [SIGINT, SIGHUP, SIGUSR1, SIGPIPE])
    func signalWhileWaiting(_ signal: Int32) throws {
        let terminal = HeadlessTerminal(script: [.signal(signal), Self.q])
        let program = TinyProgram()
        let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(outcome == .signalled(signal))
        #expect(outcome.exitStatus == 128 + signal)
        #expect(program.events == [.resize(width: 80, height: 24)])
    }

    @Test("isFinished ends the run with .finished; later input is not read")
    func finished() throws {
        let terminal = HeadlessTerminal(script: [.event(.key(.character("a"))), Self.q, .event(.key(.character("b")))])
        let program = TinyProgram()
        let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(outcome == .finished)
        #expect(outcome.exitStatus == 0)
        #expect(terminal.script == [.event(.key(.character("b")))])
        #expect(terminal.wasStopped)
    }

    @Test("Ctrl-Z suspends and is not passed on; SIGTSTP too; the frame after is drawn in full")
    func suspend() throws {
        let terminal = HeadlessTerminal(script: [.event(.key(.control("z"))), .suspendSignal, .event(.key(.character("a"))), Self.q])
        let program = TinyProgram()
        let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(outcome == .finished)
        #expect(terminal.suspensions == 2)
        #expect(program.events == [.resize(width: 80, height: 24), .key(.character("a")), .key(.character("q"))])
        // The first frame, one after each suspension (same canvas, drawn again), one after "a".
        #expect(terminal.drawn.map { $0.canvas.lines.first ?? "" } == ["80x24 keys 0", "80x24 keys 0", "80x24 keys 0", "80x24 keys 1"])
    }

    @Test("SIGCONT after someone else stopped the process: the terminal recovers and the frame is drawn again")
    func continued() throws {
        let terminal = HeadlessTerminal(script: [.continued, Self.q])
        let program = TinyProgram()
        _ = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(terminal.recoveries == 1)
        #expect(terminal.drawn.count == 2)
    }

    @Test("No input for a second sends .idle; a frame is drawn only when it changed")
    func idle() throws {
        let terminal = HeadlessTerminal(script: [.silence, .silence, Self.q])
        let program = TinyProgram()
        _ = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(program.events == [.resize(width: 80, height: 24), .idle, .idle, .key(.character("q"))])
        #expect(terminal.waits.allSatisfy { $0 == .seconds(1) } && terminal.waits.count == 3)
        #expect(terminal.drawn.count == 1, "an idle that changes nothing draws nothing")

        let noticing = HeadlessTerminal(script: [.silence, .silence, Self.q])
        let watcher = TinyProgram()
        watcher.noticeOnIdle = true
        _ = try TerminalRunner.run(terminal: noticing) { _ in watcher }
        #expect(noticing.drawn.map { $0.canvas.lines.first ?? "" } == ["80x24 keys 0", "80x24 keys 0 changed on disk"])
    }

    @Test("Work left pending runs right after its frame is drawn, without waiting for input")
    func pendingWork() throws {
        let terminal = HeadlessTerminal(script: [.event(.key(.character("s"))), Self.q])
        let program = TinyProgram()
        _ = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(program.events == [.resize(width: 80, height: 24), .key(.character("s")), .idle, .key(.character("q"))])
        #expect(terminal.drawn.map { $0.canvas.lines.first ?? "" } == ["80x24 keys 0", "80x24 keys 1 syncing…", "80x24 keys 1 synced"],
                "the user sees \"syncing…\" while the work runs")
        #expect(terminal.waits.count == 2, "no wait before the pending work: \(terminal.waits)")
    }

    @Test("Work that needs the terminal runs with the terminal lent to it, then the frame is drawn in full")
    func lentTerminal() throws {
        let terminal = HeadlessTerminal(script: [.event(.key(.character("e"))), Self.q])
        let program = TinyProgram()
        _ = try TerminalRunner.run(terminal: terminal) { _ in program }
        #expect(terminal.lendings == 1)
        #expect(program.events == [.resize(width: 80, height: 24), .key(.character("e")), .idle, .key(.character("q"))])
        #expect(terminal.drawn.map { $0.canvas.lines.first ?? "" } == ["80x24 keys 0", "80x24 keys 1 editing…", "80x24 keys 1 edited"])
    }

    @Test("The program is made with the terminal's capabilities; a terminal that cannot start makes none")
    func start() throws {
        let capabilities = Capabilities(unicode: false, colour: true)
        var given: Capabilities?
        _ = try TerminalRunner.run(terminal: HeadlessTerminal(capabilities: capabilities, script: [Self.q])) { offered in
            given = offered
            return TinyProgram()
        }
        #expect(given == capabilities)

        var made = false
        let broken = HeadlessTerminal(script: [], startError: .termNotSet)
        #expect(throws: TerminalError.termNotSet) {
            try TerminalRunner.run(terminal: broken) { _ in
                made = true
                return TinyProgram()
            }
        }
        #expect(!made)
    }

    @Test("A script that runs out hangs up, so a program that never finishes still ends")
    func scriptRunsOut() throws {
        let outcome = try TerminalRunner.run(terminal: HeadlessTerminal(script: [.event(.key(.character("a")))])) { _ in TinyProgram() }
        #expect(outcome == .signalled(SIGHUP))
    }
}
