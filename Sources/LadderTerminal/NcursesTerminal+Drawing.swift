import CellGrid
import CNcursesw

extension NcursesTerminal {
    /// Copies the canvas to the screen: every cell, with its style, through the wide
    /// character API; continuation cells are left to the wide cell before them. Cells
    /// beyond the screen are dropped; screen beyond the canvas is blank. A row the same
    /// as in the frame drawn before, at the same sizes, is left as curses holds it
    /// (a key usually changes a few rows); curses sends only what changed.
    public func draw(_ canvas: Canvas) {
        guard let window else { return }
        let (width, height) = size
        let rows = min(height, canvas.height)
        let columns = min(width, canvas.width)
        let before = drawn.flatMap { $0.screen == (width, height) && $0.canvas.width == canvas.width && $0.canvas.height == canvas.height ? $0.canvas : nil }
        if before == nil { werase(window) }
        drawn = (canvas, (width, height))
        for y in 0..<rows {
            if let before {
                let row = y * canvas.width..<(y + 1) * canvas.width
                if before.cells[row] == canvas.cells[row] { continue }
                wmove(window, Int32(y), 0)
                wclrtoeol(window)
            }
            var x = 0
            while x < columns {
                let current = canvas[x, y]
                let wide = !current.text.isEmpty && x + 1 < columns && canvas[x + 1, y].text.isEmpty
                if !wide, let byte = Self.printableASCII(current.text) {
                    // Most cells. The row was cleared to plain blanks, so a plain blank needs nothing.
                    if byte != UInt8(ascii: " ") || current.style != .plain {
                        let (attributes, pair) = cursesStyle(current.style)
                        _ = ladder_put_ascii(window, Int32(y), Int32(x), byte, attributes, pair)
                    }
                    x += 1
                    continue
                }
                let glyph = CellGlyph(text: current.text, columns: wide ? 2 : 1, unicode: unicode) { scalar in
                    Int(ladder_wcwidth(scalar.value))
                }
                let (attributes, pair) = cursesStyle(current.style)
                put(glyph.scalars, attributes: attributes, pair: pair, x: x, y: y, in: window)
                if glyph.padsNextColumn { put([" "], attributes: attributes, pair: pair, x: x + 1, y: y, in: window) }
                x += wide ? 2 : 1
            }
        }
        wnoutrefresh(window)
        doupdate()
        if hyperlinks { writeLinks(canvas, columns: columns, rows: rows) }
    }

    /// Makes the canvas's links clickable (OSC 8) in a terminal that supports it: each
    /// link's cells are written again, same text and style, between the sequences
    /// that open and close the link; the cursor and attributes curses left are saved
    /// first and restored after, so curses's picture of the screen stays true. The
    /// address is one `Hyperlink.checked` made: printable ASCII, never raw text.
    private func writeLinks(_ canvas: Canvas, columns: Int, rows: Int) {
        guard !canvas.links.isEmpty, let output = outputFile else { return }
        var bytes = "\u{1B}7"
        for link in canvas.links where link.y < rows && link.x + link.width <= columns {
            bytes += "\u{1B}[\(link.y + 1);\(link.x + 1)H" + sgr(canvas[link.x, link.y].style)
            bytes += "\u{1B}]8;;" + link.target + "\u{1B}\\"
            var x = link.x
            while x < link.x + link.width {
                let wide = x + 1 < columns && canvas[x + 1, link.y].text.isEmpty
                let glyph = CellGlyph(text: canvas[x, link.y].text, columns: wide ? 2 : 1, unicode: unicode) { scalar in
                    Int(ladder_wcwidth(scalar.value))
                }
                bytes.unicodeScalars.append(contentsOf: glyph.scalars)
                if glyph.padsNextColumn { bytes += " " }
                x += wide ? 2 : 1
            }
            bytes += "\u{1B}]8;;\u{1B}\\\u{1B}[0m"
        }
        bytes += "\u{1B}8"
        fputs(bytes, output)
        fflush(output)
    }

    /// The byte of a cell that holds one printable ASCII character, else nil.
    static func printableASCII(_ text: String) -> UInt8? {
        let bytes = text.utf8
        guard bytes.count == 1, let byte = bytes.first, TextWidth.printableASCII(byte) else { return nil }
        return byte
    }

    /// The SGR sequence for a style: the attributes and colour pair curses draws it
    /// with (`cursesStyle`), in ANSI codes.
    private func sgr(_ style: Style) -> String {
        let (attributes, pair) = cursesStyle(style)
        var codes = ["0"]
        for (attribute, code) in [(ladder_a_bold(), "1"), (ladder_a_dim(), "2"), (ladder_a_underline(), "4"), (ladder_a_reverse(), "7")]
        where attributes & attribute != 0 {
            codes.append(code)
        }
        if let colour = pairForegrounds[pair] { codes.append(String(colour < 8 ? 30 + colour : 90 + colour - 8)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// Writes one cell. The return value of `mvwadd_wch` is ignored on purpose: at the
    /// bottom-right corner the cell is written but the cursor cannot advance, and
    /// curses reports that as an error.
    private func put(
        _ scalars: [Unicode.Scalar], attributes: attr_t, pair: Int16, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>
    ) {
        var text = scalars.map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        if setcchar(&cell, text, attributes, pair, nil) == ERR {
            let fallback: [wchar_t] = [wchar_t(UInt8(ascii: "?")), 0]
            guard setcchar(&cell, fallback, attributes, pair, nil) != ERR else { return }
        }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    /// The attributes and colour pair curses draws a style with, from the table
    /// `configure` made (every colour role with every set of attributes).
    private func cursesStyle(_ style: Style) -> (attr_t, Int16) {
        let index = Self.styleIndex(style)
        return index < styles.count ? styles[index] : workOutCursesStyle(style)
    }

    static func styleIndex(_ style: Style) -> Int { Int(style.colour.rawValue) << 4 | Int(style.attributes.rawValue & 0xF) }

    /// Every style's attributes and pair, in `styleIndex` order.
    func cursesStyles() -> [(attr_t, Int16)] {
        let colours = Style.Colour.allCases
        var table = [(attr_t, Int16)](repeating: (0, 0), count: (Int(colours.map(\.rawValue).max() ?? 0) + 1) << 4)
        for colour in colours {
            for bits in 0..<16 {
                let style = Style(Style.Attributes(rawValue: UInt8(bits)), colour: colour)
                table[Self.styleIndex(style)] = workOutCursesStyle(style)
            }
        }
        return table
    }

    private func workOutCursesStyle(_ style: Style) -> (attr_t, Int16) {
        var attributes = ladder_a_normal()
        if style.attributes.contains(.bold) { attributes |= ladder_a_bold() }
        if style.attributes.contains(.reverse) { attributes |= ladder_a_reverse() }
        if style.attributes.contains(.dim) { attributes |= ladder_a_dim() }
        if style.attributes.contains(.underline) { attributes |= ladder_a_underline() }
        if style.colour == .muted && (mutedIsDim || !colour) { attributes |= ladder_a_dim() }
        let pair = colour ? pairs[style.colour] ?? 0 : 0
        return (attributes, pair)
    }

    /// For tests: the text curses holds for row `y` from column `x`, wide characters once.
    func screenText(row y: Int, from x: Int = 0) -> String {
        guard let window else { return "" }
        let (width, _) = size
        var buffer = [wchar_t](repeating: 0, count: max(1, width - x) * CellGlyph.maxScalars + 1)
        let count = mvwinnwstr(window, Int32(y), Int32(x), &buffer, Int32(buffer.count - 1))
        guard count != ERR else { return "" }
        var text = ""
        for value in buffer.prefix(while: { $0 != 0 }) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// For tests: the attributes and colour pair curses holds for one cell.
    func screenStyle(x: Int, y: Int) -> (attributes: attr_t, pair: Int16)? {
        guard let window else { return nil }
        var stored = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &stored) != ERR else { return nil }
        var text = [wchar_t](repeating: 0, count: CellGlyph.maxScalars + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&stored, &text, &attributes, &pair, nil) != ERR else { return nil }
        return (attributes, pair)
    }

    /// For tests: the attribute bit curses uses for a style flag.
    static func attributeBit(_ attribute: Style.Attributes) -> attr_t {
        switch attribute {
        case .bold: return ladder_a_bold()
        case .reverse: return ladder_a_reverse()
        case .dim: return ladder_a_dim()
        case .underline: return ladder_a_underline()
        default: return 0
        }
    }
}

