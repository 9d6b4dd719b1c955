import CellGrid
import LadderKit

/// Every key, by screen, and what the progress figure means; in two columns when
/// one does not fit the terminal's height.
enum HelpScreen {
    static let sections: [(String, [(String, String)])] = [
        ("Everywhere", [("↑ ↓  j k", "move (PgUp PgDn g G jump)"), ("Enter", "open or choose"), ("Esc", "back"),
                        ("p", "your path"), ("P", "people: switch, add"), ("T", "team (on your path: P, then T)"), ("R", "review (1:1) of the person shown"), ("u", "undo your last change"), ("?", "this help"),
                        ("q  Ctrl-C", "quit (all is saved)")]),
        ("Your path", [("t  T", "track one, all untracked"), ("/  o", "filter by name, order"), ("d", "next level adds (and on a skill)"),
                       ("r  s", "your role, your skills")]),
        ("Your skills", [("a", "add a skill to track"), ("H", "history and pace")]),
        ("Profiles", [("/  Esc", "search names, keywords; clear")]),
        ("A skill", [("Space  x", "tick or untick"), ("n", "add evidence (a dated note)"), ("f", "working on it, or stop"), ("← →  h l", "another level"),
                     ("s", "step up (level done)"), ("N", "not applicable (why?)"), ("a", "answer a question"),
                     ("c  w  A", "confirm, question, accept answer"), ("e", "change role or level")]),
        ("A review", [("S  E", "start, end the review"), ("c  w  x", "confirm, ask (again), withdraw"),
                      ("A", "accept an answer"), ("Enter", "the thread: evidence, questions"), ("r", "note on the review")]),
        ("People", [("Enter", "show this person"), ("a", "add a person")]),
        ("Team", [("Enter", "open this person"), ("o  /", "order, filter by name"), ("A", "everyone, or mentees only"),
                  ("m  c", "skills matrix; coverage (r, < >)")]),
    ]

    static func lines(_ state: AppState) -> [(String, String?)] {
        var lines: [(String, String?)] = []
        for (title, keys) in sections {
            lines.append((title, nil))
            for (key, action) in keys {
                let shown = state.unicode ? key
                    : key.replacingOccurrences(of: "↑ ↓", with: "Up Dn").replacingOccurrences(of: "← →", with: "Lt Rt")
                lines.append((shown, action))
            }
        }
        return lines
    }

    static let honest = "Progress is the share of a level's expectations you ticked: a conversation aid for you and your mentor, not a promotion guarantee."

    /// Where the second column starts when two columns fit the body without cutting,
    /// the number of lines when one does, or nil when help must scroll.
    static func columnBreak(_ state: AppState, _ body: Body) -> Int? {
        let all = lines(state)
        let room = body.height - TextWidth.wrap(honest, to: body.width - 2).count - 1
        if all.count <= room { return all.count }
        guard body.width >= 60 else { return nil }
        // A section never splits across the columns.
        let headers = all.indices.filter { $0 > 0 && all[$0].1 == nil }
        guard let split = headers.min(by: { max($0, all.count - $0) < max($1, all.count - $1) }),
              max(split, all.count - split) <= room else { return nil }
        return split
    }

    /// Help as one column of rows, for a terminal too small to show it whole.
    static func rows(_ state: AppState, _ body: Body) -> [[(String, Style)]] {
        var rows: [[(String, Style)]] = lines(state).map { key, action in
            guard let action else { return [(key, .accent)] }
            return [("  " + Widgets.cell(key, 10) + " ", .bold), (action, .plain)]
        }
        rows.append([])
        rows += TextWidth.wrap(honest, to: body.width - 2).map { [($0, .muted)] }
        return rows
    }

    /// The first row shown, kept between 0 and the last full window.
    static func scrolled(_ scroll: Int, _ state: AppState, _ body: Body) -> Int {
        min(max(0, scroll), max(0, rows(state, body).count - body.height))
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        guard let breakAt = columnBreak(state, body) else {
            let all = rows(state, body)
            let first = scrolled(state.helpScroll, state, body)
            for (offset, row) in all.dropFirst(first).prefix(body.height).enumerated() {
                Widgets.put(row, x: 1, y: body.top + offset, on: &canvas)
            }
            Widgets.markMore(above: first > 0, below: first + body.height < all.count, top: body.top, visible: body.height,
                             canvas: &canvas, symbols: state.symbols)
            return
        }
        let all = lines(state)
        let columnWidth = breakAt < all.count ? body.width / 2 : body.width
        var rows = 0
        for (index, (key, action)) in all.enumerated() {
            let column = index < breakAt ? 0 : 1
            let row = index < breakAt ? index : index - breakAt
            rows = max(rows, row + 1)
            let x = 1 + column * columnWidth, y = body.top + row
            if let action {
                canvas.put(key, x: x + 2, y: y, style: .bold, limit: 10)
                canvas.put(action, x: x + 13, y: y, limit: columnWidth - 14)
            } else {
                canvas.put(key, x: x, y: y, style: .accent, limit: columnWidth - 1)
            }
        }
        var y = body.top + rows + 1
        for line in TextWidth.wrap(honest, to: body.width - 2) where y < body.bottom {
            canvas.put(line, x: 1, y: y, style: .muted)
            y += 1
        }
    }
}
