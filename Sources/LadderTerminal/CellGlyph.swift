import Foundation

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
            let lookalike = columns == 1 ? Self.asciiLookalike(grapheme) : nil
            self.init(scalars: [lookalike ?? "?"], padsNextColumn: columns == 2)
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

    /// The ASCII character a non-UTF-8 terminal shows for `grapheme`, when it has a
    /// plain look-alike: a letter without its accent (é → e), or typography profile
    /// text is full of (— → -, ’ → ', … → ~, → → >). Nil when it has none.
    static func asciiLookalike(_ grapheme: Character) -> Unicode.Scalar? {
        guard let first = grapheme.unicodeScalars.first else { return nil }
        if (0x21...0x7E).contains(first.value) { return first } // a letter with combining marks: e + ´
        if let known = lookalikes[first.value] { return known }
        // A precomposed Latin letter: its first scalar once decomposed (é is e + ´).
        guard let base = grapheme.decomposedLatinBase, (0x21...0x7E).contains(base.value) else { return nil }
        return base
    }

    private static let lookalikes: [UInt32: Unicode.Scalar] = [
        0x2026: "~", 0x2013: "-", 0x2014: "-", 0x2010: "-", 0x2011: "-", 0x2212: "-", 0x2018: "'", 0x2019: "'",
        0x2032: "'", 0x201C: "\"", 0x201D: "\"", 0x2033: "\"", 0x00B7: ".", 0x2022: "*", 0x2192: ">", 0x2190: "<",
        0x2191: "^", 0x2193: "v", 0x2713: "*", 0x2714: "*", 0x00D7: "x", 0x00A0: " ",
    ]

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

private extension Character {
    /// The first scalar of the canonical decomposition of a Latin-1 or Latin Extended-A
    /// letter (U+00C0–U+017F): the letter its accent sits on.
    var decomposedLatinBase: Unicode.Scalar? {
        guard unicodeScalars.count == 1, let scalar = unicodeScalars.first, (0xC0...0x17F).contains(scalar.value) else { return nil }
        return String(self).decomposedStringWithCanonicalMapping.unicodeScalars.first
    }
}
