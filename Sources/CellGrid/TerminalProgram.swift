/// The run loop's view of a program: what a terminal backend drives.
///
/// Implemented by `LadderApp`; kept small so backends stay independent of screens, and
/// so a test can drive the loop with a program of a few lines.
public protocol TerminalProgram: AnyObject {
    /// Handles one event. The runner sends `.resize` with the terminal's size before the first frame and after every resize.
    func handle(_ event: InputEvent)
    /// The current frame, drawn at the size of the last `.resize`.
    var frame: Canvas { get }
    /// True once the user has asked to quit.
    var isFinished: Bool { get }
    /// True when the program has slow work to do once the current frame is shown
    /// (a sync that says "Syncing…" first): the runner draws, then sends `.idle` at once.
    var hasWorkPending: Bool { get }
    /// True when that work needs the terminal itself (an editor): the runner hands the
    /// terminal back to the shell's modes, sends `.idle`, then takes it over again.
    var workNeedsTerminal: Bool { get }
}

extension TerminalProgram {
    public var hasWorkPending: Bool { false }
    public var workNeedsTerminal: Bool { false }
}
