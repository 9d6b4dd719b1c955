/// What the terminal can show, decided once at start so the app can choose how to draw:
/// box-drawing characters and bars when `unicode`, ASCII otherwise; colour roles
/// when `colour`, attributes only otherwise.
public struct Capabilities: Equatable, Sendable {
    /// The locale encodes text as UTF-8, so non-ASCII characters reach the screen.
    public var unicode: Bool
    /// Colours are on: the terminal has them and `NO_COLOR` is unset or empty.
    public var colour: Bool

    public init(unicode: Bool, colour: Bool) {
        self.unicode = unicode
        self.colour = colour
    }
}
