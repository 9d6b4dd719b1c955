/// A grid of cells that views paint and backends copy to the screen.
///
/// Painting clips at the canvas edges and never splits a wide grapheme: text that
/// would cross the right edge stops before it.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Spans that link to web addresses (see `linkAddresses`); drawn as their cells are,
    /// and made clickable by a terminal that supports it.
    public internal(set) var links: [Hyperlink] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` (made safe first) from column `x` of row `y`, at most `limit`
    /// columns wide (to the right edge when nil). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        if TextWidth.printableASCII(text) { // nothing for Safe.text to change, a column a byte: no grapheme breaking
            for byte in text.utf8 {
                if column >= end { break }
                if column >= 0 { self[column, y] = Cell(String(Unicode.Scalar(byte)), style) }
                column += 1
            }
            return column - x
        }
        for grapheme in Safe.text(text) {
            let columns = TextWidth.of(grapheme)
            if columns == 0 { continue }
            if column + columns > end { break }
            if column >= 0 {
                self[column, y] = Cell(String(grapheme), style)
                if columns == 2 { self[column + 1, y] = .continuation }
            }
            column += columns
        }
        return column - x
    }

    /// Sets the style of `count` cells from (x, y), keeping their text.
    public mutating func restyle(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            self[column, y].style = style
        }
    }

    /// Fills a row segment with one character.
    public mutating func fill(_ character: Character, x: Int, y: Int, count: Int, style: Style = .plain) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            self[column, y] = Cell(String(character), style)
        }
    }

    /// The rows as plain text, trailing spaces removed: what snapshot tests compare.
    public var lines: [String] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 4)
        return (0..<height).map { y in
            bytes.removeAll(keepingCapacity: true)
            for x in 0..<width {
                // Most cells hold one ASCII byte: appended alone, not through a generic copy.
                let text = cells[y * width + x].text.utf8
                if text.count == 1, let byte = text.first { bytes.append(byte) } else { bytes.append(contentsOf: text) }
            }
            while bytes.last == 0x20 { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
