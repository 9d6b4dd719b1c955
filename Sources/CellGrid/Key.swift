/// A key press, named as the user thinks of it.
public enum Key: Equatable, Hashable, Sendable {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl with a letter, e.g. `.control("c")`.
    case control(Character)
    case function(Int)
}
