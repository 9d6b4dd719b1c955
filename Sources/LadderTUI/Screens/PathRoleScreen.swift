import CellGrid
import LadderKit

/// Choosing the person's role across skills, then their level: the first-run
/// walkthrough, and `r` on the path. Roles come from every profile, matched by id.
enum PathRoleScreen {
    static func keys(_ state: AppState) -> [(String, String)] {
        var keys = [("↑↓", "move"), ("Enter", "choose")]
        if state.screen == .pickPathRole { keys.append(("a", "one skill instead")) }
        if !state.back.isEmpty || state.screen != .pickPathRole { keys.append(("Esc", "back")) }
        return keys
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let catalog = RoleCatalog(state.library)
        let count = choices(state, catalog).count
        if state.picker.navigate(key, count: count) { return }
        switch key {
        case .escape, .left, .character("h"):
            state.goBack()
        case .character("a") where state.screen == .pickPathRole:
            state.browser = BrowserState()
            state.open(.browser)
        case .enter, .right, .character("l"), .character(" "):
            guard state.picker.selection < count else { return }
            switch state.screen {
            case .pickPathRole:
                let role = catalog.roles[state.picker.selection]
                state.picker = ListState()
                if let level = state.record.level, let index = role.levels.firstIndex(of: level) { state.picker.selection = index }
                state.open(.pickPathLevel(role: role.id))
            case .pickPathLevel(let roleID):
                guard let role = catalog.role(named: roleID) else { return }
                let level = role.levels[state.picker.selection]
                state.path = PathViewState()
                let intent = SaveIntent(.text("Your path as \(role.name) from \(level). t tracks a skill, T tracks every one."), open: .path)
                save(&state, &effects, intent) { () throws(InputError) in [try Changes.role(role.id, level: level, catalog: catalog)] }
            default:
                break
            }
        default:
            break
        }
    }

    /// The roles, or the levels of the chosen role.
    static func choices(_ state: AppState, _ catalog: RoleCatalog) -> [String] {
        switch state.screen {
        case .pickPathRole: return catalog.roles.map(\.id)
        case .pickPathLevel(let role): return catalog.role(named: role)?.levels ?? []
        default: return []
        }
    }

    /// Rows above the list: the question, a line of explanation, a blank line.
    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        let top = body.top + (body.height >= 12 ? 4 : 2)
        return ListArea(top: top, visible: body.bottom - top, count: choices(state, RoleCatalog(state.library)).count)
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let catalog = RoleCatalog(state.library)
        guard let area = area(state, body) else { return }
        let roomy = body.height >= 12
        var items: [[[(String, Style)]]] = []
        switch state.screen {
        case .pickPathRole:
            let welcome = state.record.role == nil && state.record.skillOrder.isEmpty
            canvas.put(welcome ? "Welcome to Ladder. Which role are you growing in?" : "Which role are you growing in?",
                       x: 1, y: body.top + (roomy ? 1 : 0), style: .bold)
            if roomy {
                canvas.put("Your path gathers every skill that names the role. a: track one skill instead.",
                           x: 1, y: body.top + 2, style: .muted)
            }
            if catalog.roles.isEmpty {
                canvas.put("No profiles found. Add YAML files to your profiles folder, or run: ladder import PAGE", x: 2, y: area.top)
                return
            }
            let width = min(max(12, catalog.roles.map { TextWidth.of($0.name) }.max() ?? 0), body.width / 2)
            items = catalog.roles.map { role in
                [[("  " + Widgets.cell(role.name, width) + "  ", .bold),
                  ("in \(role.skills) skill\(role.skills == 1 ? "" : "s")", .muted)]]
            }
        case .pickPathLevel(let roleID):
            guard let role = catalog.role(named: roleID) else { return }
            canvas.put("Your current level as \(role.name)?", x: 1, y: body.top + (roomy ? 1 : 0), style: .bold)
            if roomy {
                canvas.put("The path measures the level after it. A skill can still have its own level.",
                           x: 1, y: body.top + 2, style: .muted)
            }
            let width = min(max(10, role.levels.map(TextWidth.of).max() ?? 0), body.width / 3)
            items = role.levels.enumerated().map { index, level in
                guard index + 1 < role.levels.count else {
                    return [[("  " + Widgets.cell(level, width) + "  ", .bold), ("top level", .muted)]]
                }
                let next = role.levels[index + 1]
                let required = requiredCount(state.library, role: role.id, level: next)
                return [[("  " + Widgets.cell(level, width) + "  ", .bold),
                         ("next: \(next), Required in \(required) of \(role.skills)", .muted)]]
            }
        default:
            return
        }
        let shown = Array(items.dropFirst(state.picker.scroll))
        Widgets.list(shown, list: state.picker, count: items.count, top: area.top, visible: area.visible,
                     canvas: &canvas, symbols: state.symbols)
    }

    /// How many profiles make `level` Required for the role (from the summaries).
    static func requiredCount(_ library: ProfileLibrary, role: String, level: String) -> Int {
        library.summaries.count { summary in
            guard let found = summary.roles.first(where: { $0.id == role }),
                  let index = summary.levels.firstIndex(where: { $0.lowercased() == level.lowercased() }),
                  index < found.cells.count else { return false }
            return found.cells[index].required
        }
    }
}
