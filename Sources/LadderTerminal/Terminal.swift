import CellGrid

/// What the run loop (`TerminalRunner`) drives: a screen that shows canvases, a source
/// of input events, and the signals that ask to quit, suspend or redraw.
///
/// `NcursesTerminal` is the real one; `HeadlessTerminal` plays a script, so the loop
/// can be tested without a terminal. Use one from a single thread.
public protocol Terminal: AnyObject {
    /// Takes over the terminal. Throws `TerminalError` when there is no usable terminal;
    /// then nothing has changed.
    func start() throws
    /// Gives the terminal back as it was. Safe to call more than once.
    func stop()
    /// The screen's size in cells.
    var size: (width: Int, height: Int) { get }
    /// What the screen can show; known once `start()` has succeeded.
    var capabilities: Capabilities { get }
    /// Shows a canvas: cells beyond the screen are dropped, screen beyond it is blank.
    func draw(_ canvas: Canvas)
    /// Waits at most `timeout` for input.
    func nextInput(timeout: Duration) -> TerminalInput
    /// The quit signal (SIGINT, SIGTERM, SIGHUP, …) once one has arrived since `start()`.
    var pendingQuitSignal: Int32? { get }
    /// True once after SIGTSTP arrived (sent with `kill`); the caller then `suspend()`s.
    func takeSuspendRequest() -> Bool
    /// Hands the terminal back to the shell and stops the process until it is continued;
    /// the next frame must be drawn in full.
    func suspend()
    /// True once after SIGCONT arrived without our own `suspend()` (e.g. after SIGSTOP);
    /// the caller then calls `recover()` and draws a frame.
    func takeContinued() -> Bool
    /// Takes the terminal back after the process was stopped by someone else.
    func recover()
    /// Gives the terminal to `work` (another program, such as an editor, run in the
    /// foreground) in the shell's modes, then takes it back; the next frame is full.
    func lend(_ work: () -> Void)
}

/// What one wait for input gave.
public enum TerminalInput: Equatable, Sendable {
    /// The user did something, or the terminal changed size.
    case event(InputEvent)
    /// Nothing arrived within the timeout.
    case timedOut
    /// The wait ended early without an event: a signal arrived, or input that names
    /// nothing the program knows (it is dropped).
    case interrupted
}
