import CellGrid
import LadderKit

/// The first screen: every skill the person tracks, with role, level and progress
/// toward the next level.
enum Dashboard {
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
        case .character("R"):
            state.review = ListState()
            state.open(.review)
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

    static func draw(_ state: inout AppState, _ body: Body, _ frame: inout Frame) {
        let symbols = state.symbols
        var y = body.top + 1
        let tracked = state.record.trackedSkills
        if tracked.isEmpty {
            frame.canvas.put("\(state.record.name) tracks no skills yet. Press a to pick one.", x: 2, y: y)
            return
        }
        let names = tracked.map { state.library.profile($0.skill)?.name ?? $0.skill }
        let standings = tracked.map { skill in state.library.profile(skill.skill).flatMap { Standing(profile: $0, tracked: skill) } }
        let roles = standings.map { $0?.role.name ?? "" }
        let levels = standings.map { standing in
            standing.map { s in s.nextLevel.map { "\(s.level) \(symbols.arrow) \($0)" } ?? "\(s.level) (top)" } ?? ""
        }
        // Columns as wide as their content, each capped so the progress bar keeps room.
        let nameWidth = min(max(5, names.map(TextWidth.of).max() ?? 0), body.width / 3)
        let roleWidth = min(max(4, roles.map(TextWidth.of).max() ?? 0), body.width / 5)
        let levelWidth = min(max(5, levels.map(TextWidth.of).max() ?? 0), body.width / 5)
        frame.canvas.put("  " + Widgets.cell("SKILL", nameWidth) + "  " + Widgets.cell("ROLE", roleWidth) + "  "
                         + Widgets.cell("LEVEL", levelWidth) + "  PROGRESS TO NEXT LEVEL", x: 0, y: y, style: .muted)
        y += 1
        var items: [[(String, Style)]] = []
        for (index, skill) in tracked.enumerated() {
            var line: [(String, Style)] = [("  " + Widgets.cell(names[index], nameWidth) + "  ", .bold)]
            guard state.library.profile(skill.skill) != nil else {
                line.append(("profile '\(skill.skill)' not found: was its file removed?", Style(colour: .bad)))
                items.append(line)
                continue
            }
            guard let standing = standings[index] else {
                line.append(("role '\(skill.role)' or level '\(skill.level)' is no longer in the profile; open it to choose again", Style(colour: .bad)))
                items.append(line)
                continue
            }
            line.append((Widgets.cell(roles[index], roleWidth) + "  ", .plain))
            line.append((Widgets.cell(levels[index], levelWidth) + "  ", .plain))
            if let next = standing.next {
                let room = body.width - 2 - nameWidth - roleWidth - levelWidth - 6
                line += Widgets.progressBar(next, width: room, symbols: symbols)
                if next.isComplete { line.append(("  ready to step up", Style(colour: .good))) }
            } else {
                line.append(("top level reached", Style(colour: .good)))
            }
            items.append(line)
        }
        let problemRows = min(state.journalProblems.count, 3)
        let visible = body.bottom - y - (problemRows > 0 ? problemRows + 1 : 0)
        Widgets.list(items, list: &state.dashboard, top: y, visible: visible, frame: &frame, symbols: symbols)
        drawProblems(state.journalProblems, at: body.bottom - problemRows, width: body.width, &frame.canvas)
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
