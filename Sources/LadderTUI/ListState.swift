import CellGrid
import LadderKit

/// A selection in a list and how far the list is scrolled. `update` keeps the
/// scroll so the selection stays on screen; `view` only reads it.
public struct ListState: Equatable, Sendable {
    public var selection = 0
    public var scroll = 0

    /// Moves the selection by `delta`, clamped to `count` items.
    mutating func move(_ delta: Int, count: Int) {
        selection = count == 0 ? 0 : min(max(0, selection + delta), count - 1)
    }

    /// Handles the keys every list shares (arrows, vi keys, paging); true if handled.
    mutating func navigate(_ key: Key, count: Int, page: Int = 10) -> Bool {
        switch key {
        case .up, .character("k"): move(-1, count: count)
        case .down, .character("j"): move(1, count: count)
        case .pageUp, .control("b"): move(-page, count: count)
        case .pageDown, .control("f"): move(page, count: count)
        case .home, .character("g"): move(-count, count: count)
        case .end, .character("G"): move(count, count: count)
        default: return false
        }
        return true
    }

    /// Scrolls as little as needed to show the selected item whole, given each
    /// item's height in rows and the rows visible. The selection is clamped first.
    mutating func follow(heights: [Int], visible: Int) {
        guard !heights.isEmpty, visible > 0 else { scroll = 0; selection = 0; return }
        move(0, count: heights.count)
        scroll = min(max(0, scroll), heights.count - 1)
        if selection < scroll { scroll = selection }
        var rows = heights[scroll...selection].reduce(0, +)
        while scroll < selection && rows > visible {
            rows -= heights[scroll]
            scroll += 1
        }
    }
}

/// How many rows a key scrolls a text read row by row (help, the team's coverage):
/// arrows and vi keys one, paging `page`, Home/End and g/G to either end; nil for other keys.
func scrollDelta(_ key: Key, page: Int) -> Int? {
    switch key {
    case .down, .character("j"): return 1
    case .up, .character("k"): return -1
    case .pageDown, .control("f"): return page
    case .pageUp, .control("b"): return -page
    case .end, .character("G"): return Int.max / 2
    case .home, .character("g"): return -Int.max / 2
    default: return nil
    }
}

/// Where a screen's list sits and how tall each of its items is: what `update`
/// needs to keep the selection in view and to map mouse rows to items.
struct ListArea {
    var top: Int
    var visible: Int
    var heights: [Int]

    /// A list of one-row items.
    init(top: Int, visible: Int, count: Int) {
        self.init(top: top, visible: visible, heights: Array(repeating: 1, count: count))
    }

    init(top: Int, visible: Int, heights: [Int]) {
        self.top = top
        self.visible = max(0, visible)
        self.heights = heights
    }

    /// The item each visible row shows, from `scroll`.
    func rows(scroll: Int) -> [Int: Int] {
        var rows: [Int: Int] = [:]
        var y = top
        var index = scroll
        while index < heights.count && y < top + visible {
            for _ in 0..<heights[index] where y < top + visible {
                rows[y] = index
                y += 1
            }
            index += 1
        }
        return rows
    }
}
