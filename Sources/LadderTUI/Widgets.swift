import CellGrid
import LadderKit

/// The symbols the UI draws, in Unicode or, for terminals without it, ASCII.
public struct Symbols: Sendable {
    public let full, empty, required, optional, arrow, dot, rule, ticked, unticked, pointer, noteMark, warning, more, less: String
    /// A question thread's state at the start of its line: open, answered (waiting for
    /// the reviewer), accepted or confirmed, withdrawn.
    public let open, answered, accepted, withdrawn: String

    public static let unicode = Symbols(full: "█", empty: "░", required: "●", optional: "○", arrow: "→", dot: "·",
                                        rule: "─", ticked: "[x]", unticked: "[ ]", pointer: "›", noteMark: "✎", warning: "!", more: "↓ more", less: "↑ more",
                                        open: "?", answered: "!", accepted: "✓", withdrawn: "–")
    public static let ascii = Symbols(full: "#", empty: "-", required: "R", optional: "o", arrow: "->", dot: "-",
                                      rule: "-", ticked: "[x]", unticked: "[ ]", pointer: ">", noteMark: "note:", warning: "!", more: "v more", less: "^ more",
                                      open: "?", answered: "!", accepted: "+", withdrawn: "-")

    /// The mark of a reviewer's view of a tick.
    func mark(_ a: Assessment) -> String {
        if a.isOpen { return open }
        if a.isAnswered { return answered }
        return a.withdrawn ? withdrawn : accepted
    }
}

extension AppState {
    var symbols: Symbols { unicode ? .unicode : .ascii }
}

enum Widgets {
    /// `[████░░░░] 3 of 9 · 33%` in `width` columns (the bar shrinks to fit).
    static func progressBar(_ progress: Progress, width: Int, symbols: Symbols) -> [(String, Style)] {
        let label = " \(progress.done) of \(progress.total) \(symbols.dot) \(progress.percent)%"
        let barWidth = max(0, min(30, width - TextWidth.of(label) - 2))
        guard barWidth >= 4 else {
            // No room for a bar: the longest count that fits, so a narrow screen shows "4/4 100%", not "4 of 4 ·".
            let forms = [String(label.dropFirst()), "\(progress.done)/\(progress.total) \(progress.percent)%", "\(progress.percent)%"]
            return [(forms.first { TextWidth.of($0) <= width } ?? forms[forms.count - 1], .plain)]
        }
        let filled = progress.total == 0 ? 0 : barWidth * progress.done / progress.total
        let colour: Style.Colour = progress.isComplete ? .good : .accent
        return [
            (String(repeating: symbols.full, count: filled), Style(colour: colour)),
            (String(repeating: symbols.empty, count: barWidth - filled), .muted),
            (label, .plain),
        ]
    }

    /// Draws styled pieces one after another on a row; returns the column after them.
    @discardableResult
    static func put(_ pieces: [(String, Style)], x: Int, y: Int, on canvas: inout Canvas, limit: Int? = nil) -> Int {
        var column = x
        let end = limit.map { x + $0 } ?? canvas.width
        for (text, style) in pieces {
            column += canvas.put(text, x: column, y: y, style: style, limit: end - column)
        }
        return column
    }

    /// Draws a list's items from its scroll position, in `visible` rows from `top`,
    /// the selected item highlighted, with "more" marks where items are above or
    /// below. `items` are the item rows from `list.scroll` on (a long list builds
    /// only those that fit); `count` is the whole list's length. `marks: false` leaves
    /// the "more" marks to the caller (a table whose right columns they would cover).
    static func list(_ items: [[[(String, Style)]]], list: ListState, count: Int, top: Int, visible: Int,
                     canvas: inout Canvas, symbols: Symbols, marks: Bool = true) {
        var y = top
        var index = list.scroll
        var cut = false
        for rows in items {
            guard y < top + visible else { break }
            cut = y + rows.count > top + visible
            for (row, line) in rows.enumerated() where y < top + visible {
                put(line, x: 0, y: y, on: &canvas)
                if index == list.selection {
                    // Reverse video, and a pointer that shows without colour or attributes too.
                    canvas.restyle(x: 0, y: y, count: canvas.width, style: .reverse)
                    if row == 0 { canvas.put(symbols.pointer, x: 0, y: y, style: .reverse) }
                }
                y += 1
            }
            index += 1
        }
        if marks { markMore(above: list.scroll > 0, below: index < count || cut, top: top, visible: visible, canvas: &canvas, symbols: symbols) }
    }

    /// "↑ more" at the top and "↓ more" at the bottom of a list's rows.
    static func markMore(above: Bool, below: Bool, top: Int, visible: Int, canvas: inout Canvas, symbols: Symbols) {
        let width = canvas.width
        if above { canvas.put(" \(symbols.less) ", x: width - 8, y: top, style: .muted) }
        if below { canvas.put(" \(symbols.more) ", x: width - 8, y: top + visible - 1, style: .muted) }
    }

    /// The indices of a one-row-per-item list that are on screen.
    static func window(_ list: ListState, count: Int, visible: Int) -> Range<Int> {
        let start = min(list.scroll, count)
        return start..<min(count, start + max(0, visible))
    }

    /// Pads or cuts text to exactly `width` columns.
    static func cell(_ text: String, _ width: Int) -> String {
        if text.utf8.count <= width, TextWidth.printableASCII(text) { // safe as it is, a column a byte
            return text + String(repeating: " ", count: width - text.utf8.count)
        }
        let cut = TextWidth.truncate(Safe.text(text), to: width)
        return cut + String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
    }
}
