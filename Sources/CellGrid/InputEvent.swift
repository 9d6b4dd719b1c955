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
