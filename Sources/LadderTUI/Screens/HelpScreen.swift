import LadderKit

/// Every key, by screen, and what the progress figure means.
enum HelpScreen {
    static let sections: [(String, [(String, String)])] = [
        ("Everywhere", [("↑ ↓  j k", "move; PgUp PgDn, g G jump"), ("Enter", "open or choose"), ("Esc", "back"),
                        ("P", "people: switch person, add a mentee"), ("?", "this help"), ("q  Ctrl-C", "quit (every change is already saved)")]),
        ("Your skills", [("a", "add a skill to track")]),
        ("Profiles", [("/", "search by name, keyword, domain or group"), ("Esc", "clear the search")]),
        ("A skill", [("Space  x", "tick or untick the selected expectation"), ("n", "write a note of evidence on it"),
                     ("← →  h l", "show another level's expectations"), ("s", "record your step up when the next level is complete"),
                     ("e", "change your role or level")]),
    ]

    static func draw(_ state: AppState, _ body: Body, _ frame: inout Frame) {
        var y = body.top
        for (title, keys) in sections {
            guard y < body.bottom else { return }
            frame.canvas.put(title, x: 1, y: y, style: .accent)
            y += 1
            for (key, action) in keys where y < body.bottom {
                let shown = state.unicode ? key : key.replacingOccurrences(of: "↑ ↓", with: "Up Dn").replacingOccurrences(of: "← →", with: "Lt Rt")
                frame.canvas.put(shown, x: 3, y: y, style: .bold)
                frame.canvas.put(action, x: 16, y: y)
                y += 1
            }
        }
        let honest = "Progress is the share of a level's expectations you ticked: a conversation aid for you and your mentor, not a promotion guarantee."
        y += 1
        for line in TextWidth.wrap(honest, to: body.width - 2) where y < body.bottom {
            frame.canvas.put(line, x: 1, y: y, style: .muted)
            y += 1
        }
    }
}
