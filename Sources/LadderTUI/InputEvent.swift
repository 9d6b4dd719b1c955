/// Something the user did, as the terminal backend reports it.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// A mouse press at a cell (column, row), 0-based.
    case click(x: Int, y: Int)
    case scroll(up: Bool)
    /// The terminal now has this size; the next frame is drawn at it.
    case resize(width: Int, height: Int)
    /// No input for about a second: a chance to notice files changed elsewhere.
    case idle
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

/// The run loop's view of a program: what a terminal backend drives.
public protocol TerminalProgram: AnyObject {
    /// Handles one event. The runner sends `.resize` with the terminal's size before the first frame and after every resize.
    func handle(_ event: InputEvent)
    /// The current frame, drawn at the size of the last `.resize`.
    var frame: Canvas { get }
    /// True once the user has asked to quit.
    var isFinished: Bool { get }
}
