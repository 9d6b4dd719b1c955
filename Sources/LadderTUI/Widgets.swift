import CellGrid
import LadderKit

/// The symbols the UI draws, in Unicode or, for terminals without it, ASCII.
public struct Symbols: Sendable {
    public let full, empty, required, optional, arrow, dot, rule, ticked, unticked, pointer, noteMark, warning, more, less: String

    public static let unicode = Symbols(full: "█", empty: "░", required: "●", optional: "○", arrow: "→", dot: "·",
                                        rule: "─", ticked: "[x]", unticked: "[ ]", pointer: "›", noteMark: "✎", warning: "!", more: "↓ more", less: "↑ more")
    public static let ascii = Symbols(full: "#", empty: "-", required: "R", optional: "o", arrow: "->", dot: "-",
                                      rule: "-", ticked: "[x]", unticked: "[ ]", pointer: ">", noteMark: "note:", warning: "!", more: "v more", less: "^ more")
}

extension AppState {
    var symbols: Symbols { unicode ? .unicode : .ascii }
}

/// What a view drew: the canvas and, for mouse clicks, which list item each row shows.
public struct Frame: Sendable {
    public var canvas: Canvas
    public var listRows: [Int: Int] = [:]
}

enum Widgets {
    /// `[████░░░░] 3 of 9 · 33%` in `width` columns (the bar shrinks to fit).
    static func progressBar(_ progress: Progress, width: Int, symbols: Symbols) -> [(String, Style)] {
        let label = " \(progress.done) of \(progress.total) \(symbols.dot) \(progress.percent)%"
        let barWidth = max(0, min(30, width - TextWidth.of(label) - 2))
        guard barWidth >= 4 else { return [(String(label.dropFirst()), .plain)] }
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

    /// Scrolls a list so the selected item's rows are visible, given each item's height.
    static func scroll(_ list: inout ListState, heights: [Int], visible: Int) {
        guard !heights.isEmpty, visible > 0 else { list.scroll = 0; return }
        list.clamp(heights.count)
        if list.selection < list.scroll { list.scroll = list.selection }
        while list.scroll < list.selection {
            let rows = heights[list.scroll...list.selection].reduce(0, +)
            if rows <= visible { break }
            list.scroll += 1
        }
        list.scroll = max(0, min(list.scroll, heights.count - 1))
    }

    /// Draws a list of items, each a few rows, from `top` for `visible` rows, the
    /// selected item highlighted; records which item each row shows.
    static func list(_ items: [[(String, Style)]], list: inout ListState, top: Int, visible: Int,
                     frame: inout Frame, symbols: Symbols) {
        // An item here is one row; multi-row items use `wrappedList`.
        wrappedList(items.map { [$0] }, list: &list, top: top, visible: visible, frame: &frame, symbols: symbols)
    }

    /// After drawing the `shown` slice of a longer list: clicks map to whole-list
    /// indices, and "more" marks say what is above and below.
    static func markMore(_ shown: Range<Int>, count: Int, top: Int, visible: Int, frame: inout Frame, symbols: Symbols) {
        for row in frame.listRows.keys { frame.listRows[row]? += shown.lowerBound }
        let width = frame.canvas.width
        if shown.lowerBound > 0 { frame.canvas.put(" \(symbols.less) ", x: width - 8, y: top, style: .muted) }
        if shown.upperBound < count { frame.canvas.put(" \(symbols.more) ", x: width - 8, y: top + visible - 1, style: .muted) }
    }

    /// The items a one-row-per-item list shows after scrolling to the selection, so
    /// a long list (a thousand profiles) builds only the rows on screen.
    static func window(_ list: inout ListState, count: Int, visible: Int) -> Range<Int> {
        scroll(&list, heights: Array(repeating: 1, count: count), visible: visible)
        return list.scroll..<min(count, list.scroll + max(0, visible))
    }

    static func wrappedList(_ items: [[[(String, Style)]]], list: inout ListState, top: Int, visible: Int,
                            frame: inout Frame, symbols: Symbols) {
        scroll(&list, heights: items.map(\.count), visible: visible)
        var y = top
        var index = list.scroll
        var cut = false
        while index < items.count && y < top + visible {
            cut = y + items[index].count > top + visible
            for (row, line) in items[index].enumerated() where y < top + visible {
                put(line, x: 0, y: y, on: &frame.canvas)
                if index == list.selection {
                    // Reverse video, and a pointer that shows without colour or attributes too.
                    frame.canvas.restyle(x: 0, y: y, count: frame.canvas.width, style: .reverse)
                    if row == 0 { frame.canvas.put(symbols.pointer, x: 0, y: y, style: .reverse) }
                }
                frame.listRows[y] = index
                y += 1
            }
            index += 1
        }
        let width = frame.canvas.width
        if list.scroll > 0 { frame.canvas.put(" \(symbols.less) ", x: width - 8, y: top, style: .muted) }
        if index < items.count || cut { frame.canvas.put(" \(symbols.more) ", x: width - 8, y: top + visible - 1, style: .muted) }
    }

    /// Pads or cuts text to exactly `width` columns.
    static func cell(_ text: String, _ width: Int) -> String {
        let cut = TextWidth.truncate(Safe.text(text), to: width)
        return cut + String(repeating: " ", count: max(0, width - TextWidth.of(cut)))
    }
}
