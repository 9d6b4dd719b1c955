import CellGrid
import LadderKit

/// The smallest terminal the screens are drawn in; below it a notice says so.
public let minimumSize = (width: 40, height: 10)

/// Draws the whole UI at the state's size: title bar, the screen's body, a message
/// line and the status line with the keys that work here. Reads the state only.
public func view(_ state: AppState) -> Canvas {
    let width = state.width, height = state.height
    var canvas = Canvas(width: width, height: height)
    guard width >= minimumSize.width, height >= minimumSize.height else {
        drawTooSmall(&canvas)
        return canvas
    }
    let title = " Ladder \(state.symbols.dot) \(state.record.name) \(state.symbols.dot) \(screenTitle(state))"
    canvas.fill(" ", x: 0, y: 0, count: width, style: Style(.reverse))
    canvas.put(title, x: 0, y: 0, style: Style([.reverse, .bold]))
    let body = state.body
    if state.showingHelp {
        HelpScreen.draw(state, body, &canvas)
    } else {
        switch state.screen {
        case .dashboard: DashboardScreen.draw(state, body, &canvas)
        case .browser: BrowserScreen.draw(state, body, &canvas)
        case .pickRole, .pickLevel: PickerScreen.draw(state, body, &canvas)
        case .skill: SkillScreen.draw(state, body, &canvas)
        case .people: PeopleScreen.draw(state, body, &canvas)
        case .history: HistoryScreen.draw(state, body, &canvas)
        case .review: ReviewScreen.draw(state, body, &canvas)
        case .path: PathScreen.draw(state, body, &canvas)
        case .pickPathRole, .pickPathLevel: PathRoleScreen.draw(state, body, &canvas)
        case .diff: DiffScreen.draw(state, body, &canvas)
        case .team: TeamScreen.draw(state, body, &canvas)
        case .thread: ThreadScreen.draw(state, body, &canvas)
        }
    }
    drawMessageLine(state, y: height - 2, &canvas)
    drawStatusLine(state, y: height - 1, &canvas)
    canvas.linkAddresses(linkAddresses(state))
    return canvas
}

func screenTitle(_ state: AppState) -> String {
    if state.showingHelp { return "Help" }
    switch state.screen {
    case .dashboard: return "\(state.whose) skills"
    case .browser: return state.record.skillOrder.isEmpty ? "Welcome: pick a skill" : "Profiles"
    case .pickRole(let skill), .pickLevel(let skill, _): return state.library.profile(skill)?.name ?? skill
    case .skill(let skill): return state.library.profile(skill)?.name ?? skill
    case .people: return "People"
    case .history: return "History"
    case .review: return state.record.openReview == nil ? "Review" : "Review in progress"
    case .path: return "Your path"
    case .pickPathRole, .pickPathLevel: return state.record.role == nil ? "Welcome: your role" : "Your role"
    case .diff(let skill, _, _): return "\(state.library.summary(skill)?.name ?? skill): what the next level adds"
    case .team: return state.team.everyone ? "Everyone" : "Team"
    case .thread: return "Thread"
    }
}

/// The web addresses the current screen may show (a profile's resources, addresses
/// written in evidence): made links where they are drawn.
func linkAddresses(_ state: AppState) -> [String] {
    guard !state.showingHelp else { return [] }
    // Each expectation's newest note (what the checklist and the review show), not
    // the whole log: a long journal's log would be read on every frame.
    func written(_ skill: String) -> [String] {
        (state.record.skills[skill]?.notes.values.map(\.text) ?? []).flatMap(Hyperlink.addresses(in:))
    }
    switch state.screen {
    case .skill(let skill): return SkillScreen.addresses(state.library.profile(skill)) + written(skill)
    case .thread(let skill, let expectation):
        let log = state.record.skills[skill]?.log(expectation) ?? []
        return SkillScreen.addresses(state.library.profile(skill)) + log.flatMap { Hyperlink.addresses(in: $0.text) }
    case .review: return state.record.skills.keys.flatMap(written)
    case .path: return PathScreen.path(state)?.nextUp.prefix(8).flatMap { state.library.resources(of: $0).map(\.url) } ?? []
    default: return []
    }
}

func drawTooSmall(_ canvas: inout Canvas) {
    let message = "Terminal too small: \(canvas.width)×\(canvas.height). Ladder needs at least \(minimumSize.width)×\(minimumSize.height). Enlarge the window, or press q to quit."
    for (row, line) in TextWidth.wrap(message, to: canvas.width).prefix(canvas.height).enumerated() {
        canvas.put(line, x: 0, y: row, style: row == 0 ? .bold : .plain)
    }
}

func drawMessageLine(_ state: AppState, y: Int, _ canvas: inout Canvas) {
    if let prompt = state.prompt {
        let label = prompt.label + " "
        let used = canvas.put(label, x: 0, y: y, style: .bold)
        // Show the end of long input so the cursor stays in view.
        let room = canvas.width - used - 1
        var shown = prompt.text
        while TextWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let end = used + canvas.put(shown, x: used, y: y)
        if prompt.isYesNo { return }
        canvas.put("_", x: end, y: y, style: Style(.reverse))
    } else if state.notice == nil, let lock = state.waitingForLock {
        let text = "Waiting: another ladder holds the lock; saves when it is free, Esc gives up  (\(lock))"
        canvas.put(text, x: 0, y: y, style: Style(.bold, colour: .warning))
    } else if let message = state.notice {
        let style = message.isError ? Style(.bold, colour: .bad) : Style(colour: .good)
        // A notice longer than the width is read whole: it takes rows above the
        // message line (at most a third of the screen) until the next key.
        let lines = TextWidth.wrap((message.isError ? "\(state.symbols.warning) " : "") + message.text, to: canvas.width)
        let shown = Array(lines.prefix(max(1, min(lines.count, (y + 2) / 3))))
        for (index, line) in shown.enumerated() {
            let row = y - (shown.count - 1) + index
            canvas.fill(" ", x: 0, y: row, count: canvas.width)
            canvas.put(line, x: 0, y: row, style: style)
        }
    }
}

/// The keys that work on the current screen, most useful first, as many as fit.
func statusKeys(_ state: AppState) -> [(String, String)] {
    if let prompt = state.prompt {
        if prompt.isYesNo { return [("y", "yes"), ("n", "no")] + (prompt.purpose == .syncFirst ? [("Esc", "cancel")] : []) }
        let live = prompt.purpose == .search || prompt.purpose == .pathFilter || prompt.purpose == .teamFilter
        if case .note = prompt.purpose { return [("Enter", "save"), ("Esc", "cancel"), ("^E", "editor"), ("^U", "clear")] }
        return [("Enter", live ? "done" : "save"), ("Esc", "cancel"), ("^U", "clear")]
    }
    if state.showingHelp {
        return HelpScreen.columnBreak(state, state.body) == nil
            ? [("↑↓", "scroll"), ("any key", "close"), ("q", "quit")] : [("any key", "close help"), ("q", "quit")]
    }
    if state.waitingForLock != nil { return [("Esc", "give up saving"), ("↑↓", "move"), ("?", "help")] }
    var keys: [(String, String)]
    switch state.screen {
    case .dashboard: keys = DashboardScreen.keys(state)
    case .browser: keys = BrowserScreen.keys(state)
    case .pickRole, .pickLevel: keys = [("↑↓", "move"), ("Enter", "choose"), ("Esc", "back")]
    case .skill: keys = SkillScreen.keys(state)
    case .people: keys = PeopleScreen.keys(state)
    case .history: keys = HistoryScreen.keys(state)
    case .review: keys = ReviewScreen.keys(state)
    case .path: keys = PathScreen.keys(state)
    case .pickPathRole, .pickPathLevel: keys = PathRoleScreen.keys(state)
    case .diff: keys = [("↑↓", "scroll"), ("Esc", "back"), ("p", "path")]
    case .team: keys = TeamScreen.keys(state)
    case .thread: keys = ThreadScreen.keys(state)
    }
    return keys + [("?", "help"), ("q", "quit")]
}

/// The key line: the screen's keys in order of use, then help and quit. When they do
/// not all fit, the line stops before the first that does not and ends with "? more"
/// (help lists every key), so no key is dropped from the middle unsaid.
func drawStatusLine(_ state: AppState, y: Int, _ canvas: inout Canvas) {
    canvas.fill(" ", x: 0, y: y, count: canvas.width, style: Style(.reverse))
    let arrows = state.unicode
    let keys = statusKeys(state).map { key, action in
        (arrows ? key : key.replacingOccurrences(of: "↑↓", with: "j/k").replacingOccurrences(of: "←→", with: "h/l"), action)
    }
    func width(_ key: (String, String)) -> Int { TextWidth.of(key.0) + 1 + TextWidth.of(key.1) + 2 }
    var shown = keys
    if 1 + keys.map(width).reduce(0, +) > canvas.width, let help = keys.lastIndex(where: { $0.0 == "?" }) {
        let tail = [("?", "more")] + keys[(help + 1)...]
        var room = canvas.width - 1 - tail.map(width).reduce(0, +)
        var head: [(String, String)] = []
        for key in keys[..<help] {
            guard width(key) <= room else { break }
            head.append(key)
            room -= width(key)
        }
        shown = head + tail
    }
    var x = 1
    for key in shown where x + width(key) - 2 <= canvas.width {
        x += canvas.put(key.0, x: x, y: y, style: Style([.reverse, .bold]))
        x += canvas.put(" " + key.1 + "  ", x: x, y: y, style: Style(.reverse))
    }
}
