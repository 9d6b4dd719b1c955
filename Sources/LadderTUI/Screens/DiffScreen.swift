import CellGrid
import LadderKit

/// What the next level adds over the person's, in one skill, for their role: the
/// expectations that grow from one of their level's, side by side, then the new ones.
enum DiffScreen {
    /// Opens the diff from the person's level in the skill (their own, else the
    /// path's) to the next, or says why it cannot.
    static func open(_ state: inout AppState, _ skill: String) {
        guard let profile = state.library.profile(skill) else { return }
        do {
            let diff = try Changes.diff(profile, role: role(state, profile), from: nil, to: nil, record: state.record)
            state.diffList = ListState()
            state.open(.diff(skill: profile.id, from: diff.from, to: diff.to))
        } catch {
            state.notice = .error(error.message)
        }
    }

    /// The person's role when the profile has it, else their role in the skill.
    static func role(_ state: AppState, _ profile: Profile) -> String? {
        if let role = state.record.role, profile.role(named: role) != nil { return role }
        return state.record.skills[profile.id]?.role
    }

    static func diff(_ state: AppState) -> LevelDiff? {
        guard case .diff(let skill, let from, let to) = state.screen, let profile = state.library.profile(skill) else { return nil }
        return try? Changes.diff(profile, role: role(state, profile), from: from, to: to, record: state.record)
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let count = diff(state).map { $0.grows.count + $0.new.count } ?? 0
        if state.diffList.navigate(key, count: count) { return }
        if key == .escape || key == .left || key == .character("h") || key == .character("d") { state.goBack() }
    }

    /// One item per expectation of the higher level: its rows, side by side.
    static func items(_ diff: LevelDiff, width: Int, ticked: (String) -> Bool, symbols: Symbols) -> [[[(String, Style)]]] {
        let column = max(8, (width - 5) / 2)
        func rows(_ left: String, _ right: String, mark: String, done: Bool) -> [[(String, Style)]] {
            let l = left.isEmpty ? [] : TextWidth.wrap(left, to: column)
            let r = TextWidth.wrap(right, to: column - 2)
            return (0..<max(l.count, r.count)).map { row in
                let leftText = row < l.count ? l[row] : ""
                let rightText = (row == 0 ? mark : "  ") + (row < r.count ? r[row] : "")
                return [("  " + Widgets.cell(leftText, column) + " ", .muted), (rightText, done ? Style(colour: .good) : .plain)]
            }
        }
        let grows = diff.grows.map { pair in
            rows(pair.from?.text ?? "", pair.to.text, mark: ticked(pair.to.id) ? "x " : "\(symbols.arrow) ", done: ticked(pair.to.id))
        }
        let new = diff.new.map { expectation in
            rows("", expectation.text, mark: ticked(expectation.id) ? "x " : "+ ", done: ticked(expectation.id))
        }
        return grows + new
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        guard let diff = diff(state) else { return nil }
        let heights = items(diff, width: body.width, ticked: { _ in false }, symbols: state.symbols).map(\.count)
        return ListArea(top: body.top + 3, visible: body.height - 3, heights: heights)
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        guard let diff = diff(state), let area = area(state, body) else {
            canvas.put("This skill has no level to compare any more.", x: 1, y: body.top + 1)
            return
        }
        let required = diff.required ? "Required" : "optional"
        let title = "\(diff.role.name): \(diff.from) \(state.symbols.arrow) \(diff.to) (\(required)) \(state.symbols.dot) \(diff.grows.count) grow, \(diff.new.count) new"
        canvas.put(title, x: 1, y: body.top, style: .bold)
        let column = max(8, (body.width - 5) / 2)
        canvas.put("  " + Widgets.cell("\(diff.from): yours", column) + " " + "\(diff.to): what grows (\(state.symbols.arrow)) or is new (+)",
                   x: 0, y: body.top + 2, style: .muted)
        let tracked = state.record.skills[diff.profile]
        let all = items(diff, width: body.width, ticked: { tracked?.ticks[$0] != nil }, symbols: state.symbols)
        Widgets.list(Array(all.dropFirst(state.diffList.scroll)), list: state.diffList, count: all.count, top: area.top,
                     visible: area.visible, canvas: &canvas, symbols: state.symbols)
    }
}
