/// Something the user did, as the terminal backend reports it.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A mouse press at a cell (column, row), 0-based.
    case click(x: Int, y: Int)
    case scroll(up: Bool)
    /// The terminal now has this size; the next frame is drawn at it.
    case resize(width: Int, height: Int)
}

/// A key press, named as the user thinks of it.
public enum Key: Equatable, Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl with a letter, e.g. `.control("c")`.
    case control(Character)
    case function(Int)
}

/// The run loop's view of the program: what the terminal backend drives.
/// Implemented by `LadderApp`; kept small so backends stay independent of screens.
public protocol TerminalProgram: AnyObject {
    /// Handles one event; may write to disk (each change is saved before it returns).
    func handle(_ event: InputEvent)
    /// Draws the current state at the given size.
    func render(width: Int, height: Int) -> Canvas
    /// True once the user has asked to quit.
    var isFinished: Bool { get }
}
