import CellGrid
import LadderKit

/// Choosing a role and then the current level before tracking a skill.
enum PickerScreen {
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
                let roleName = profile.role(named: role)?.name ?? role
                let intent = SaveIntent(.text("Tracking \(profile.name) as \(roleName), level \(choice)."), open: .skill(profile.id))
                save(&state, &effects, intent) { () throws(InputError) in [try Changes.track(profile, role: role, level: choice)] }
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

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        ListArea(top: body.top + 3, visible: body.bottom - body.top - 3, count: choices(state).count)
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let symbols = state.symbols
        let y = body.top + 1
        var items: [[[(String, Style)]]] = []
        switch state.screen {
        case .pickRole(let skill):
            guard let profile = state.library.profile(skill) else { return }
            let question = state.isOwnRecord ? "Which role do you have in \(profile.name)?" : "Which role does \(state.firstName) have in \(profile.name)?"
            canvas.put(question, x: 1, y: y, style: .bold)
            let width = min(max(12, profile.roles.map { TextWidth.of($0.name) }.max() ?? 0), body.width / 2)
            items = profile.roles.map { role in
                let required = role.levels.filter(\.required).map(\.level)
                let note = required.isEmpty ? "optional at every level"
                    : required.count == role.levels.count ? "Required at every level" : "Required at \(required.joined(separator: ", "))"
                return [[("  " + Widgets.cell(role.name, width) + "  ", .bold), (note, .muted)]]
            }
        case .pickLevel(let skill, let roleID):
            guard let profile = state.library.profile(skill), let role = profile.role(named: roleID) else { return }
            canvas.put("\(state.whose) current level as \(role.name)?", x: 1, y: y, style: .bold)
            let width = min(max(10, profile.levels.map(TextWidth.of).max() ?? 0), body.width / 2)
            items = role.levels.enumerated().map { index, cell in
                let mark = cell.required ? "\(symbols.required) Required" : "\(symbols.optional) optional"
                let next = index + 1 < role.levels.count ? "  then: \(role.levels[index + 1].level)" : "  (top level)"
                return [[("  " + Widgets.cell(cell.level, width) + "  ", .bold),
                         ("\(mark), \(cell.expectations.count) expectations", .plain), (next, .muted)]]
            }
        default:
            return
        }
        guard let area = area(state, body) else { return }
        Widgets.list(Array(items.dropFirst(state.picker.scroll)), list: state.picker, count: items.count, top: area.top,
                     visible: area.visible, canvas: &canvas, symbols: symbols)
    }
}
