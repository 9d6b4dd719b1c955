/// What the backend actually writes for one canvas cell.
///
/// The canvas is trusted for layout but not for content: a cell may hold a control
/// character, several graphemes, an orphan continuation, or a grapheme whose width
/// curses (glibc `wcwidth`) sees differently from `TextWidth`. Each case becomes
/// something that takes exactly the columns the canvas planned, so borders stay in line.
struct CellGlyph: Equatable {
    /// The scalars for one `cchar_t` (at most `maxScalars`), never empty.
    var scalars: [Unicode.Scalar]
    /// Also write a blank in the next column: the canvas planned two columns but the
    /// glyph takes one.
    var padsNextColumn: Bool

    /// `cchar_t` holds at most this many wide characters (`CCHARW_MAX`).
    static let maxScalars = 5

    /// - Parameters:
    ///   - text: the cell's text (`""` is a continuation cell).
    ///   - columns: 2 when the next cell is this one's continuation and on screen, else 1.
    ///   - unicode: false under a non-UTF-8 locale: only ASCII reaches the screen.
    ///   - width: columns curses gives a scalar (`wcwidth`: -1 unprintable, 0 combining).
    init(text: String, columns: Int, unicode: Bool, width: (Unicode.Scalar) -> Int) {
        let substitute: Unicode.Scalar = unicode ? "\u{FFFD}" : "?"
        func replaced() -> CellGlyph { CellGlyph(scalars: [substitute], padsNextColumn: columns == 2) }

        guard let grapheme = text.first else { // orphan continuation: its wide cell is gone
            self.init(scalars: [" "], padsNextColumn: false)
            return
        }
        let scalars = Array(grapheme.unicodeScalars.prefix(Self.maxScalars))
        guard let first = scalars.first, !scalars.contains(where: Self.isUnsafe) else {
            self = replaced()
            return
        }
        if !unicode && !grapheme.isASCII {
            self = replaced()
            return
        }
        let firstWidth = width(first)
        switch (firstWidth, columns) {
        case (1, 1), (2, 2): self.init(scalars: scalars, padsNextColumn: false)
        case (1, 2): self.init(scalars: scalars, padsNextColumn: true)
        default: self = replaced() // unprintable, combining first, or wider than planned
        }
    }

    init(scalars: [Unicode.Scalar], padsNextColumn: Bool) {
        self.scalars = scalars
        self.padsNextColumn = padsNextColumn
    }

    /// Controls that would move the cursor or reorder text if they reached the terminal:
    /// C0, DEL, C1, line/paragraph separators and bidi controls.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }
}
