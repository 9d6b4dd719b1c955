/// How a cell is drawn. Colours are roles, not values, so the backend can map them
/// to the terminal's palette or drop them under `NO_COLOR`.
public struct Style: Equatable, Hashable, Sendable {
    /// Text attributes a terminal can combine.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let dim = Attributes(rawValue: 4)
        public static let underline = Attributes(rawValue: 8)
    }

    /// A colour role; the backend picks the actual colour (or none).
    public enum Colour: UInt8, CaseIterable, Sendable {
        case plain, accent, good, warning, bad, muted
    }

    public var attributes: Attributes
    public var colour: Colour

    public init(_ attributes: Attributes = [], colour: Colour = .plain) {
        self.attributes = attributes
        self.colour = colour
    }

    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let reverse = Style(.reverse)
    public static let dim = Style(.dim)
    public static let accent = Style(.bold, colour: .accent)
    public static let muted = Style(colour: .muted)
    /// A web address: underlined; a link where the terminal supports it (`Canvas.linkAddresses`).
    public static let link = Style(.underline, colour: .accent)
}
