import CellGrid
import LadderKit

/// The review scrolls by rows, not items: an item taller than the screen (a long
/// question at 40×10) is read row by row before the selection moves on. `selection`
/// is an item; `scroll` is the first row shown. The last body row holds the
/// "↑ more / ↓ more" marks, so they never cover text.
extension ReviewScreen {
    /// Rows the list has: the body less the row of marks.
    static func visible(_ state: AppState) -> Int { max(1, state.body.height - 1) }

    /// Where each item starts, in rows, and the total.
    static func starts(_ heights: [Int]) -> (starts: [Int], total: Int) {
        var starts: [Int] = []
        var total = 0
        for h in heights {
            starts.append(total)
            total += h
        }
        return (starts, total)
    }

    /// Up and Down: within a tall selected item first, then to the next item.
    /// True when the key was a move.
    static func move(_ state: inout AppState, _ key: Key, heights: [Int]) -> Bool {
        let (starts, _) = starts(heights)
        let view = visible(state)
        let i = min(state.review.selection, max(0, heights.count - 1))
        guard !heights.isEmpty else { return false }
        switch key {
        case .down, .character("j"):
            if starts[i] + heights[i] > state.review.scroll + view { state.review.scroll += 1 } else { state.review.move(1, count: heights.count) }
        case .up, .character("k"):
            if starts[i] < state.review.scroll { state.review.scroll -= 1 } else { state.review.move(-1, count: heights.count) }
        default:
            return state.review.navigate(key, count: heights.count)
        }
        return true
    }

    /// Keeps the selected item in view (whole when it fits, else the part being read)
    /// and notes which item each row shows, for clicks.
    static func settle(_ state: inout AppState) {
        let heights = items(state).map(\.rows.count)
        let view = visible(state)
        guard !heights.isEmpty else { state.review = ListState(); state.clickRows = [:]; return }
        state.review.move(0, count: heights.count)
        let (starts, total) = starts(heights)
        let i = state.review.selection
        let top = starts[i], bottom = starts[i] + heights[i]
        var scroll = state.review.scroll
        if heights[i] <= view {
            scroll = min(max(scroll, bottom - view), top)
        } else {
            scroll = min(max(scroll, top), bottom - view)
        }
        state.review.scroll = max(0, min(scroll, total - view))
        var rows: [Int: Int] = [:]
        for (index, start) in starts.enumerated() {
            for row in start..<(start + heights[index]) where row >= state.review.scroll && row < state.review.scroll + view {
                rows[state.body.top + row - state.review.scroll] = index
            }
        }
        state.clickRows = rows
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let all = items(state)
        let view = visible(state)
        let symbols = state.symbols
        var y = body.top
        var row = 0
        for (index, item) in all.enumerated() {
            for (line, pieces) in item.rows.enumerated() {
                defer { row += 1 }
                guard row >= state.review.scroll, y < body.top + view else { continue }
                Widgets.put(pieces, x: 0, y: y, on: &canvas)
                if index == state.review.selection {
                    canvas.restyle(x: 0, y: y, count: canvas.width, style: .reverse)
                    if line == 0 { canvas.put(symbols.pointer, x: 0, y: y, style: .reverse) }
                }
                y += 1
            }
        }
        let above = state.review.scroll > 0
        let below = row > state.review.scroll + view
        let marks = [above ? symbols.less : nil, below ? symbols.more : nil].compactMap { $0 }.joined(separator: "  ")
        if !marks.isEmpty {
            canvas.put(marks + " ", x: max(0, body.width - TextWidth.of(marks) - 1), y: body.top + view, style: .muted)
        }
    }
}
