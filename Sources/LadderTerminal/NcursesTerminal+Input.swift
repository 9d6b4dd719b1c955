import CellGrid
import CNcursesw

extension NcursesTerminal {
    /// The next thing the user did, or nil when nothing arrived within
    /// `inputTimeoutMilliseconds` (or the key has no name in `Key`).
    public func nextEvent() -> InputEvent? {
        if case .event(let event) = read() { return event }
        return nil
    }

    /// Reads for up to `timeout`, in slices of `inputTimeoutMilliseconds` with a look at
    /// the signal flags between them, so a quit signal ends the wait within a slice.
    public func nextInput(timeout: Duration) -> TerminalInput {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if signalIsPending { return .interrupted }
            let input = read()
            guard input == .timedOut else { return input }
            if clock.now >= deadline { return .timedOut }
        }
    }

    /// One `wget_wch`, waiting at most `inputTimeoutMilliseconds`.
    private func read() -> TerminalInput {
        guard let window else { return .timedOut }
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        guard status != ERR else { return .timedOut }
        switch KeyMapping.decode(isKeyCode: status == KEY_CODE_YES, value: UInt32(value)) {
        case .key(let key):
            return .event(.key(key))
        case .resize:
            let (width, height) = size
            return .event(.resize(width: width, height: height))
        case .mouse:
            var event = MEVENT()
            guard getmouse(&event) == OK,
                  let decoded = KeyMapping.decode(mouseButtons: event.bstate, x: Int(event.x), y: Int(event.y)) else {
                return .interrupted
            }
            return .event(decoded)
        case .ignored:
            return .interrupted
        }
    }

    /// A quit, suspend or continue signal is waiting for the run loop.
    private var signalIsPending: Bool {
        guard ownsSignals else { return false }
        let flags = SignalHandling.flags.pointee
        return flags.quit != 0 || flags.suspend != 0 || flags.continued != 0
    }

    /// The first quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGPIPE, …)
    /// since `start()`.
    public var pendingQuitSignal: Int32? {
        let signal = SignalHandling.flags.pointee.quit
        return ownsSignals && signal != 0 ? signal : nil
    }

    /// True once after SIGTSTP arrived (sent with `kill`); the caller then `suspend()`s.
    public func takeSuspendRequest() -> Bool {
        guard ownsSignals, SignalHandling.flags.pointee.suspend != 0 else { return false }
        SignalHandling.flags.pointee.suspend = 0
        return true
    }

    /// True once after SIGCONT arrived without our own `suspend()` (e.g. after SIGSTOP):
    /// the caller then calls `recover()` and draws a frame.
    public func takeContinued() -> Bool {
        guard ownsSignals, SignalHandling.flags.pointee.continued != 0 else { return false }
        SignalHandling.flags.pointee.continued = 0
        return true
    }

    /// Hands the terminal back to the shell and stops the process like Ctrl-Z in a
    /// cooked terminal; on `fg` takes it back. Draw a frame afterwards: the next one is
    /// sent in full.
    /// Does nothing when SIGTSTP was ignored at start: then there may be no job control
    /// to bring the process back.
    public func suspend() {
        guard window != nil, ownsSignals, SignalHandling.canSuspend else { return }
        endwin()
        SignalHandling.stopProcess()
        recover()
    }

    /// Puts our terminal modes back, catches up with a size change that happened while
    /// stopped (no SIGWINCH reaches a stopped job), and makes the next frame a full
    /// redraw.
    public func lend(_ work: () -> Void) {
        guard window != nil else { return work() }
        endwin()
        SignalHandling.releaseStandardError()  // the editor's messages reach the terminal
        work()
        if outputFD >= 0 { SignalHandling.captureStandardError(sameTerminalAs: outputFD) }
        recover()
    }

    public func recover() {
        guard let window else { return }
        reset_prog_mode()
        var rows: Int32 = 0
        var columns: Int32 = 0
        if ladder_terminal_size(outputFD, &rows, &columns) == 0, rows > 0, columns > 0,
           rows != ladder_getmaxy(window) || columns != ladder_getmaxx(window) {
            resizeterm(rows, columns)
        }
        clearok(window, true)
    }
}
