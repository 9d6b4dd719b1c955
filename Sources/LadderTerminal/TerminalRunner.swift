import LadderTUI

/// How a run of the full-screen interface ended.
public enum RunOutcome: Equatable, Sendable {
    /// The program finished (`isFinished` became true).
    case finished
    /// A quit signal arrived (SIGINT, SIGTERM, SIGHUP or SIGQUIT). The event being
    /// handled when it came was finished first.
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

/// The run loop: drives a `TerminalProgram` on an `NcursesTerminal`, from `start()` to
/// `stop()`, whatever happens in between.
///
///     let outcome = try TerminalRunner.run { capabilities in
///         LadderApp(..., unicode: capabilities.unicode, colour: capabilities.colour)
///     }
///     exit(outcome.exitStatus)
///
/// `run` throws `TerminalError` (print its description, exit non-zero) before touching
/// the screen, or whatever `makeProgram` throws (after the terminal is restored).
public enum TerminalRunner {
    /// Starts the terminal, makes the program with the terminal's capabilities, draws,
    /// then repeats: wait for an event, hand it to the program, draw; until the program
    /// is finished or a quit signal arrives. Resizes reach the program as events and the
    /// next frame is drawn at the new size. Ctrl-Z (or SIGTSTP) suspends to the shell
    /// and is not passed on. The terminal is always restored before `run` returns.
    public static func run(
        terminal: NcursesTerminal = NcursesTerminal(),
        makeProgram: (Capabilities) throws -> any TerminalProgram
    ) throws -> RunOutcome {
        try terminal.start()
        defer { terminal.stop() }
        let program = try makeProgram(terminal.capabilities)
        return loop(program, on: terminal)
    }

    static func loop(_ program: any TerminalProgram, on terminal: NcursesTerminal) -> RunOutcome {
        var needsFrame = true
        var sentSize: (Int, Int)?
        while true {
            if let signal = terminal.pendingQuitSignal { return .signalled(signal) }
            if program.isFinished { return .finished }
            if terminal.takeSuspendRequest() {
                terminal.suspend()
                needsFrame = true
                continue // a quit signal may have come while stopped
            }
            if terminal.takeContinued() {
                terminal.recover()
                needsFrame = true
            }
            if needsFrame {
                let (width, height) = terminal.size
                if sentSize.map({ $0 != (width, height) }) ?? true {
                    program.handle(.resize(width: width, height: height))
                    sentSize = (width, height)
                }
                terminal.draw(program.frame)
                needsFrame = false
            }
            guard let event = terminal.nextEvent() else { continue }
            if event == .key(.control("z")) {
                terminal.suspend()
            } else {
                if case .resize(let width, let height) = event { sentSize = (width, height) }
                program.handle(event)
            }
            needsFrame = true
        }
    }
}
