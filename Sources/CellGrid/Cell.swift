/// One screen column: a grapheme and its style. A wide grapheme (CJK, most emoji)
/// fills its cell and the next, which holds `continuation`.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide grapheme: drawn by the cell to its left.
    public static let continuation = Cell("")
}
