import CellGrid
import LadderKit

/// Every key, by screen, and what the progress figure means; in two columns when
/// one does not fit the terminal's height.
enum HelpScreen {
    static let sections: [(String, [(String, String)])] = [
        ("Everywhere", [("↑ ↓  j k", "move (PgUp PgDn g G jump)"), ("Enter", "open or choose"), ("Esc", "back"),
                        ("p", "your path"), ("P", "people: switch, add"), ("u", "undo your last change"), ("?", "this help"),
                        ("q  Ctrl-C", "quit (all is saved)")]),
        ("Your path", [("t  T", "track one, all untracked"), ("/  o", "filter by name, order"), ("d", "next level adds (and on a skill)"),
                       ("r  s", "your role, your skills")]),
        ("Your skills", [("a", "add a skill to track"), ("R", "review (1:1) of person"), ("H", "history and pace")]),
        ("Profiles", [("/  Esc", "search names, keywords; clear")]),
        ("A skill", [("Space  x", "tick or untick"), ("n", "note of evidence"), ("f", "working on it, or stop"), ("← →  h l", "another level"),
                     ("s", "step up (level done)"), ("N", "not applicable (why?)"), ("a", "answer a question"),
                     ("c  w", "confirm, question"), ("e", "change role or level")]),
        ("A review", [("S  E", "start, end the review"), ("c  w  x", "confirm, ask, withdraw"), ("r", "note on the review")]),
        ("People", [("Enter", "show this person"), ("a", "add a person")]),
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

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let honest = TextWidth.wrap("Progress is the share of a level's expectations you ticked: a conversation aid for you and your mentor, not a promotion guarantee.", to: body.width - 2)
        let all = lines(state)
        let room = max(1, body.height - honest.count - 1)
        // Two columns when one does not fit; a section never splits across them.
        var breakAt = all.count
        if all.count > room && body.width >= 60 {
            let headers = all.indices.filter { $0 > 0 && all[$0].1 == nil }
            breakAt = headers.min { max($0, all.count - $0) < max($1, all.count - $1) } ?? all.count
        }
        let columnWidth = breakAt < all.count ? body.width / 2 : body.width
        var rows = 0
        for (index, (key, action)) in all.enumerated() {
            let column = index < breakAt ? 0 : 1
            let row = index < breakAt ? index : index - breakAt
            guard row < room else { continue }
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
        for line in honest where y < body.bottom {
            canvas.put(line, x: 1, y: y, style: .muted)
            y += 1
        }
    }
}
