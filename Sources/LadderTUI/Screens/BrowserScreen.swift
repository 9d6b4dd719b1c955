import CellGrid
import LadderKit

/// Every available profile, filtered by a search; Enter tracks or opens one.
enum BrowserScreen {
    static func keys(_ state: AppState) -> [(String, String)] {
        var keys = [("↑↓", "move"), ("Enter", "choose"), ("/", "search")]
        if !state.record.skillOrder.isEmpty { keys.append(("Esc", "back")) }
        return keys + [("P", "people")]
    }

    static func matches(_ state: AppState) -> [ProfileSummary] {
        state.library.search(state.browser.query)
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let profiles = matches(state)
        if state.browser.list.navigate(key, count: profiles.count) { return }
        switch key {
        case .character("/"):
            state.prompt = Prompt(purpose: .search, label: "Search:", text: state.browser.query)
        case .escape, .left, .character("h"):
            if !state.browser.query.isEmpty {
                state.browser = BrowserState()
            } else {
                state.goBack()
            }
        case .enter, .right, .character("l"):
            guard state.browser.list.selection < profiles.count else { return }
            let profile = profiles[state.browser.list.selection]
            if state.record.skills[profile.id] != nil {
                SkillScreen.open(&state, profile.id)
            } else {
                state.picker = ListState()
                state.open(.pickRole(skill: profile.id))
            }
        default:
            break
        }
    }

    /// Rows above the list: a welcome on first run, the count and a blank line.
    static func headerRows(_ state: AppState) -> Int { state.record.skillOrder.isEmpty ? 3 : 2 }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        let problemRows = min(state.library.problems.count, 3)
        let top = body.top + headerRows(state)
        return ListArea(top: top, visible: body.bottom - top - (problemRows > 0 ? problemRows + 1 : 0),
                        count: matches(state).count)
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        var y = body.top
        if state.record.skillOrder.isEmpty {
            canvas.put("Welcome to Ladder. Choose a skill to track, then your role and current level.", x: 1, y: y, style: .bold)
            y += 1
        }
        let profiles = matches(state)
        let total = state.library.summaries.count
        let query = state.browser.query
        let header = query.isEmpty
            ? "\(total) profile\(total == 1 ? "" : "s") \(state.symbols.dot) press / to search"
            : "\(profiles.count) of \(total) match \"\(query)\" \(state.symbols.dot) Esc clears"
        canvas.put(header, x: 1, y: y, style: .muted)
        guard let area = area(state, body) else { return }
        if profiles.isEmpty {
            canvas.put(total == 0 ? "No profiles found. Add YAML files to your profiles folder, or run: ladder import PAGE"
                                  : "Nothing matches. Press Esc to clear the search.", x: 2, y: area.top)
        }
        // Only the rows on screen are built: the list may hold a thousand profiles.
        let shown = Widgets.window(state.browser.list, count: profiles.count, visible: area.visible)
        let nameWidth = min(max(12, profiles[shown].map { TextWidth.of($0.name) }.max() ?? 0), body.width / 3)
        let items: [[[(String, Style)]]] = profiles[shown].map { profile in
            let tracked = state.record.skills[profile.id] != nil
            // What is left of the row after the name (and "  tracked"), less a margin: cut with an ellipsis.
            let room = body.width - nameWidth - 5 - (tracked ? 9 : 0)
            let detail = "\(profile.domain) / \(profile.group) \(state.symbols.dot) \(profile.roles.count) roles, \(profile.levels.count) levels"
            return [[
                ("  " + Widgets.cell(profile.name, nameWidth) + "  ", .bold),
                (TextWidth.truncate(detail, to: room), .plain),
                (tracked ? "  tracked" : "", Style(colour: .good)),
            ]]
        }
        Widgets.list(items, list: state.browser.list, count: profiles.count, top: area.top, visible: area.visible,
                     canvas: &canvas, symbols: state.symbols)
        if let selected = profiles.indices.contains(state.browser.list.selection) ? profiles[state.browser.list.selection] : nil,
           area.visible > items.count + 2, !selected.keywords.isEmpty {
            canvas.put(selected.keywords.joined(separator: ", "), x: 2, y: area.top + items.count + 1, style: .muted)
        }
        let problems = state.library.problems
        DashboardScreen.drawProblems(problems, at: body.bottom - min(problems.count, 3), width: body.width, &canvas)
    }
}
