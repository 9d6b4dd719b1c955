import CellGrid
import LadderKit

/// Every available profile, filtered by a search; Enter tracks or opens one.
enum Browser {
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

    static func draw(_ state: inout AppState, _ body: Body, _ frame: inout Frame) {
        var y = body.top
        if state.record.skillOrder.isEmpty {
            frame.canvas.put("Welcome to Ladder. Choose a skill to track, then your role and current level.", x: 1, y: y, style: .bold)
            y += 1
        }
        let profiles = matches(state)
        let total = state.library.summaries.count
        let query = state.browser.query
        let header = query.isEmpty
            ? "\(total) profile\(total == 1 ? "" : "s") \(state.symbols.dot) press / to search"
            : "\(profiles.count) of \(total) match \"\(query)\" \(state.symbols.dot) Esc clears"
        frame.canvas.put(header, x: 1, y: y, style: .muted)
        y += 2
        if profiles.isEmpty {
            frame.canvas.put(total == 0 ? "No profiles found. Add YAML files to your profiles folder, or run: ladder import PAGE"
                                        : "Nothing matches. Press Esc to clear the search.", x: 2, y: y)
        }
        let problems = state.library.problems
        let problemRows = min(problems.count, 3)
        let visible = body.bottom - y - (problemRows > 0 ? problemRows + 1 : 0)
        // Only the rows on screen are built: the list may hold a thousand profiles.
        let shown = Widgets.window(&state.browser.list, count: profiles.count, visible: visible)
        let nameWidth = min(max(12, profiles[shown].map { TextWidth.of($0.name) }.max() ?? 0), body.width / 3)
        let items: [[(String, Style)]] = profiles[shown].map { profile in
            let tracked = state.record.skills[profile.id] != nil
            return [
                ("  " + Widgets.cell(profile.name, nameWidth) + "  ", .bold),
                ("\(profile.domain) / \(profile.group) \(state.symbols.dot) \(profile.roles.count) roles, \(profile.levels.count) levels", .plain),
                (tracked ? "  tracked" : "", Style(colour: .good)),
            ]
        }
        var window = ListState(selection: state.browser.list.selection - shown.lowerBound, scroll: 0)
        Widgets.list(items, list: &window, top: y, visible: visible, frame: &frame, symbols: state.symbols)
        Widgets.markMore(shown, count: profiles.count, top: y, visible: visible, frame: &frame, symbols: state.symbols)
        if let selected = profiles.indices.contains(state.browser.list.selection) ? profiles[state.browser.list.selection] : nil,
           visible > items.count + 2, !selected.keywords.isEmpty {
            frame.canvas.put(selected.keywords.joined(separator: ", "), x: 2, y: y + items.count + 1, style: .muted)
        }
        Dashboard.drawProblems(problems, at: body.bottom - problemRows, width: body.width, &frame.canvas)
    }
}

/// Choosing a role and then the current level before tracking a skill.
enum Picker {
    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let options = choices(state)
        if state.picker.navigate(key, count: options.count) { return }
        switch key {
        case .escape, .left, .character("h"):
            state.goBack()
        case .enter, .right, .character("l"), .character(" "):
            guard state.picker.selection < options.count else { return }
            let choice = options[state.picker.selection]
            switch state.screen {
            case .pickRole(let skill):
                let tracked = state.record.skills[skill]
                state.picker = ListState()
                if let tracked, let profile = state.library.profile(skill), let index = profile.levelIndex(named: tracked.level) {
                    state.picker.selection = index
                }
                state.open(.pickLevel(skill: skill, role: choice))
            case .pickLevel(let skill, let role):
                guard let profile = state.library.profile(skill) else { return }
                do {
                    let event = try Changes.track(profile, role: role, level: choice)
                    let roleName = profile.role(named: role)?.name ?? role
                    effects.append(.save([event], success: "Tracking \(profile.name) as \(roleName), level \(choice).",
                                         open: .skill(profile.id)))
                } catch {
                    state.message = .error(error.message)
                }
            default:
                break
            }
        default:
            break
        }
    }

    /// Role ids or level names, in the profile's order.
    static func choices(_ state: AppState) -> [String] {
        switch state.screen {
        case .pickRole(let skill): return state.library.profile(skill)?.roles.map(\.id) ?? []
        case .pickLevel(let skill, _): return state.library.profile(skill)?.levels ?? []
        default: return []
        }
    }

    static func draw(_ state: inout AppState, _ body: Body, _ frame: inout Frame) {
        let symbols = state.symbols
        var y = body.top + 1
        var items: [[(String, Style)]] = []
        switch state.screen {
        case .pickRole(let skill):
            guard let profile = state.library.profile(skill) else { return }
            frame.canvas.put("Which role do you have in \(profile.name)?", x: 1, y: y, style: .bold)
            let width = min(max(12, profile.roles.map { TextWidth.of($0.name) }.max() ?? 0), body.width / 2)
            items = profile.roles.map { role in
                let required = role.levels.filter(\.required).map(\.level)
                let note = required.isEmpty ? "optional at every level"
                    : required.count == role.levels.count ? "Required at every level" : "Required at \(required.joined(separator: ", "))"
                return [("  " + Widgets.cell(role.name, width) + "  ", .bold), (note, .muted)]
            }
        case .pickLevel(let skill, let roleID):
            guard let profile = state.library.profile(skill), let role = profile.role(named: roleID) else { return }
            frame.canvas.put("Your current level as \(role.name)?", x: 1, y: y, style: .bold)
            let width = min(max(10, profile.levels.map(TextWidth.of).max() ?? 0), body.width / 2)
            items = role.levels.enumerated().map { index, cell in
                let mark = cell.required ? "\(symbols.required) Required" : "\(symbols.optional) optional"
                let next = index + 1 < role.levels.count ? "  then: \(role.levels[index + 1].level)" : "  (top level)"
                return [("  " + Widgets.cell(cell.level, width) + "  ", .bold),
                        ("\(mark), \(cell.expectations.count) expectations", .plain), (next, .muted)]
            }
        default:
            return
        }
        y += 2
        Widgets.list(items, list: &state.picker, top: y, visible: body.bottom - y, frame: &frame, symbols: symbols)
    }
}
