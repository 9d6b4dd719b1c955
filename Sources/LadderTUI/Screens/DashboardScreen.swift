import CellGrid
import LadderKit

/// The first screen: every skill the person tracks, with role, level and progress
/// toward the next level.
enum DashboardScreen {
    static func keys(_ state: AppState) -> [(String, String)] {
        state.record.skillOrder.isEmpty
            ? [("a", "add a skill"), ("P", "people")]
            : [("↑↓", "move"), ("Enter", "open"), ("a", "add a skill"), ("R", "review"), ("P", "people"), ("H", "history")]
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let skills = state.record.skillOrder
        if state.dashboard.navigate(key, count: skills.count) { return }
        switch key {
        case .enter, .right, .character("l"):
            guard state.dashboard.selection < skills.count else { return }
            SkillScreen.open(&state, skills[state.dashboard.selection])
        case .character("H"):
            guard !skills.isEmpty else { return }
            HistoryScreen.open(&state)
        case .character("a"), .character("/"):
            state.open(.browser)
            state.browser = BrowserState()
        default:
            break
        }
    }

    /// The list starts under the header; file problems take the last rows.
    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        let count = state.record.skillOrder.count
        guard count > 0 else { return nil }
        let problemRows = min(state.journalProblems.count, 3)
        let top = body.top + 2
        return ListArea(top: top, visible: body.bottom - top - (problemRows > 0 ? problemRows + 1 : 0), count: count)
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let symbols = state.symbols
        let tracked = state.record.trackedSkills
        guard let area = area(state, body) else {
            canvas.put("\(state.record.name) tracks no skills yet. Press a to pick one.", x: 2, y: body.top + 1)
            return
        }
        if let working = WorkingOn(state.record).summary(today: String(state.now.prefix(10)), dot: symbols.dot) {
            let late = WorkingOn(state.record).overdue(today: String(state.now.prefix(10))) > 0
            canvas.put(working, x: 2, y: body.top, style: late ? Style(.bold, colour: .warning) : .accent)
        }
        let names = tracked.map { state.library.profile($0.skill)?.name ?? $0.skill }
        let standings = tracked.map { skill in state.library.profile(skill.skill).flatMap { Standing(profile: $0, tracked: skill) } }
        let roles = standings.map { $0?.role.name ?? "" }
        let levels = standings.map { standing in
            standing.map { s in s.nextLevel.map { "\(s.level) \(symbols.arrow) \($0)" } ?? "\(s.level) (top)" } ?? ""
        }
        // Columns as wide as their content, each capped so the progress bar keeps room.
        let nameWidth = min(max(5, names.map(TextWidth.of).max() ?? 0), body.width / 3)
        // Under 70 columns the role goes first, so level and progress keep their room.
        let showsRole = body.width >= 70
        let roleWidth = showsRole ? min(max(4, roles.map(TextWidth.of).max() ?? 0), body.width / 5) : 0
        let levelWidth = min(max(5, levels.map(TextWidth.of).max() ?? 0), showsRole ? body.width / 5 : body.width / 3)
        let progressRoom = body.width - (2 + nameWidth + 2 + (showsRole ? roleWidth + 2 : 0) + levelWidth + 2)
        let progressTitle = progressRoom >= 22 ? "PROGRESS TO NEXT LEVEL" : "PROGRESS" // the long title only whole
        canvas.put("  " + Widgets.cell("SKILL", nameWidth) + "  " + (showsRole ? Widgets.cell("ROLE", roleWidth) + "  " : "")
                   + Widgets.cell("LEVEL", levelWidth) + "  " + progressTitle, x: 0, y: area.top - 1, style: .muted)
        var items: [[[(String, Style)]]] = []
        for (index, skill) in tracked.enumerated().dropFirst(state.dashboard.scroll).prefix(area.visible) {
            var line: [(String, Style)] = [("  " + Widgets.cell(names[index], nameWidth) + "  ", .bold)]
            if state.library.profile(skill.skill) == nil {
                line.append(("profile '\(skill.skill)' not found: was its file removed?", Style(colour: .bad)))
            } else if let standing = standings[index] {
                if showsRole { line.append((Widgets.cell(roles[index], roleWidth) + "  ", .plain)) }
                line.append((Widgets.cell(levels[index], levelWidth) + "  ", .plain))
                if let next = standing.next {
                    let room = body.width - 2 - nameWidth - (showsRole ? roleWidth + 2 : 0) - levelWidth - 4
                    line += Widgets.progressBar(next, width: room, symbols: symbols)
                    if next.isComplete { line.append(("  ready to step up", Style(colour: .good))) }
                } else {
                    line.append(("top level reached", Style(colour: .good)))
                }
            } else {
                line.append(("role '\(skill.role)' or level '\(skill.level)' is no longer in the profile; open it to choose again", Style(colour: .bad)))
            }
            items.append([line])
        }
        Widgets.list(items, list: state.dashboard, count: tracked.count, top: area.top, visible: area.visible,
                     canvas: &canvas, symbols: symbols)
        let problemRows = min(state.journalProblems.count, 3)
        drawProblems(state.journalProblems, at: body.bottom - problemRows, width: body.width, &canvas)
    }

    /// Lists file problems in the last rows of a screen, so a bad line is never silent.
    static func drawProblems(_ problems: [FileProblem], at y: Int, width: Int, _ canvas: inout Canvas) {
        for (row, problem) in problems.prefix(3).enumerated() {
            canvas.put("! " + problem.headline, x: 0, y: y + row, style: Style(colour: .warning))
        }
        if problems.count > 3 {
            canvas.put(" (+\(problems.count - 3) more)", x: width - 12, y: y + 2, style: Style(colour: .warning))
        }
    }
}
