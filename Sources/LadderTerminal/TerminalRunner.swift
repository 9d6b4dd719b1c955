import CellGrid

/// How a run of the full-screen interface ended.
public enum RunOutcome: Equatable, Sendable {
    /// The program finished (`isFinished` became true).
    case finished
    /// A quit signal arrived (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGPIPE, …).
    /// The event being handled when it came was finished first.
    case signalled(Int32)

    /// The conventional exit status: 0, or 128 + the signal number (130 for SIGINT,
    /// 143 for SIGTERM, 129 for SIGHUP, 131 for SIGQUIT).
    public var exitStatus: Int32 {
        switch self {
        case .finished: return 0
        case .signalled(let signal): return 128 + signal
        }
    }
}

/// The run loop: drives a `TerminalProgram` on a `Terminal`, from `start()` to `stop()`,
/// whatever happens in between.
///
///     let outcome = try TerminalRunner.run { capabilities in
///         LadderApp(..., unicode: capabilities.unicode, colour: capabilities.colour)
///     }
///     exit(outcome.exitStatus)
///
/// `run` throws `TerminalError` (print its description, exit non-zero) before touching
/// the screen, or whatever `makeProgram` throws (after the terminal is restored).
public enum TerminalRunner {
    /// How long the loop waits for input before it sends `.idle`.
    public static let idleInterval: Duration = .seconds(1)

    /// Starts the terminal, makes the program with the terminal's capabilities, sends
    /// it the terminal's size (`.resize`) and draws; then repeats: wait for an event,
    /// hand it to the program, draw; until the program is finished or a quit signal
    /// arrives. A resize reaches the program as `.resize` and the next frame is drawn
    /// at the new size. After `idleInterval` without input the program gets `.idle`,
    /// and a frame is drawn only when it differs from the one on screen. Ctrl-Z (or
    /// SIGTSTP) suspends to the shell and is not passed on. The terminal is always
    /// restored before `run` returns.
    public static func run(
        terminal: any Terminal = NcursesTerminal(),
        makeProgram: (Capabilities) throws -> any TerminalProgram
    ) throws -> RunOutcome {
        try terminal.start()
        defer { terminal.stop() }
        let program = try makeProgram(terminal.capabilities)
        return loop(program, on: terminal)
    }

    /// When the loop draws next.
    private enum Redraw {
        case no, ifChanged, yes
    }

    static func loop(_ program: any TerminalProgram, on terminal: any Terminal) -> RunOutcome {
        var redraw = Redraw.yes
        var onScreen: Canvas?
        var sentSize: (width: Int, height: Int)?
        while true {
            if let signal = terminal.pendingQuitSignal { return .signalled(signal) }
            if program.isFinished { return .finished }
            if terminal.takeSuspendRequest() {
                terminal.suspend()
                redraw = .yes
                continue // a quit signal may have come while stopped
            }
            if terminal.takeContinued() {
                terminal.recover()
                redraw = .yes
            }
            // The size may change unreported: at start, or while the process was stopped.
            let size = terminal.size
            if sentSize.map({ $0 != size }) ?? true {
                sentSize = size
                program.handle(.resize(width: size.width, height: size.height))
                redraw = .yes
                continue // handling it may have finished the program, or a signal come
            }
            if redraw != .no {
                let frame = program.frame
                if redraw == .yes || frame != onScreen {
                    terminal.draw(frame)
                    onScreen = frame
                }
                redraw = .no
            }
            if program.hasWorkPending {
                if program.workNeedsTerminal {
                    terminal.lend { program.handle(.idle) }
                    redraw = .yes
                } else {
                    program.handle(.idle)
                    redraw = .ifChanged
                }
                continue
            }
            switch terminal.nextInput(timeout: idleInterval) {
            case .event(.key(.control("z"))):
                terminal.suspend()
                redraw = .yes
            case .event(let event):
                if case .resize(let width, let height) = event { sentSize = (width, height) }
                program.handle(event)
                redraw = .yes
            case .timedOut:
                program.handle(.idle)
                redraw = .ifChanged
            case .interrupted:
                continue
            }
        }
    }
}
