import CellGrid
import LadderKit

/// The learning path, the home screen once a role is set: readiness for the next
/// level across the Required skills of the role, every skill of the role (Required
/// first, optional apart) tracked or not with its progress, and what to learn next.
enum PathScreen {
    /// Opens the path, or the role walkthrough when no role is set.
    static func open(_ state: inout AppState) {
        guard state.record.role != nil else {
            state.picker = ListState()
            state.open(.pickPathRole)
            return
        }
        if state.screen != .path { state.open(.path) }
    }

    static func path(_ state: AppState) -> LearningPath? {
        state.screen == .path ? state.shownPath ?? make(state) : make(state)
    }

    /// The path worked out from the record and the library.
    static func make(_ state: AppState) -> LearningPath? {
        guard let role = state.record.role, let level = state.record.level else { return nil }
        return LearningPath.make(record: state.record, library: state.library, role: role, level: level)
    }

    /// The skills listed: filtered by name, in the chosen order (Required first).
    static func shown(_ state: AppState, _ path: LearningPath) -> [PathSkill] {
        let words = state.path.filter.lowercased().split(separator: " ")
        let matching = path.skills.filter { skill in
            words.allSatisfy { skill.name.lowercased().contains($0) || skill.skill.contains($0) }
        }
        return state.path.order.sorted(matching)
    }

    static func keys(_ state: AppState) -> [(String, String)] {
        var keys = [("↑↓", "move"), ("t", "track"), ("T", "track all"), ("Enter", "open"), ("/", "filter"),
                    ("o", "order"), ("d", "next level adds"), ("s", "your skills"), ("r", "role"), ("a", "add a skill")]
        if !state.path.filter.isEmpty { keys.insert(("Esc", "clear filter"), at: 0) }
        return keys
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        guard let path = path(state) else {
            if key == .character("r") || key == .enter { open(&state) } else if key == .escape { state.goBack() }
            return
        }
        let skills = shown(state, path)
        if state.path.list.navigate(key, count: skills.count) { return }
        let selected = skills.indices.contains(state.path.list.selection) ? skills[state.path.list.selection] : nil
        switch key {
        case .enter, .right, .character("l"):
            guard let selected else { return }
            if selected.tracked {
                SkillScreen.open(&state, selected.skill)
            } else {
                state.notice = .info("\(selected.name) is not tracked yet: t tracks it at your role and level.")
            }
        case .character("t"):
            guard let selected else { return }
            guard !selected.tracked else { state.notice = .info("\(selected.name) is tracked already."); return }
            track([selected], &state, &effects, path)
        case .character("T"):
            let untracked = skills.filter { !$0.tracked }
            guard !untracked.isEmpty else { state.notice = .info("Every skill listed is tracked already."); return }
            track(untracked, &state, &effects, path)
        case .character("/"):
            state.prompt = Prompt(purpose: .pathFilter, label: "Filter by name:", text: state.path.filter)
        case .character("o"):
            state.path.order = state.path.order.next
            state.path.list = ListState()
            state.notice = .info("Order: \(state.path.order.rawValue) (Required skills first).")
        case .escape:
            if !state.path.filter.isEmpty {
                state.path.filter = ""
                state.path.list = ListState()
            } else {
                state.goBack()
            }
        case .character("d"):
            guard let selected else { return }
            DiffScreen.open(&state, selected.skill)
        case .character("s"):
            state.dashboard = ListState()
            state.open(.dashboard)
        case .character("r"):
            state.picker = ListState()
            state.open(.pickPathRole)
        case .character("a"):
            state.browser = BrowserState()
            state.open(.browser)
        default:
            break
        }
    }

    /// Tracks skills at the person's role and level (read from the summaries: no profile is parsed).
    static func track(_ skills: [PathSkill], _ state: inout AppState, _ effects: inout [Effect], _ path: LearningPath) {
        let level = path.level.lowercased()
        let changes: [Change] = skills.compactMap { skill in
            guard let summary = state.library.summary(skill.skill),
                  let name = summary.levels.first(where: { $0.lowercased() == level }) else { return nil }
            return .track(skill: skill.skill, role: path.role.id, level: name)
        }
        guard !changes.isEmpty else {
            state.notice = .error("\(path.level) is not a level of \(skills.map(\.name).joined(separator: ", ")); track it from its skill screen (a) with a level of its own.")
            return
        }
        let what = changes.count == 1 ? skills[0].name : "\(changes.count) skills"
        save(&state, &effects, changes, SaveIntent(.text("Tracking \(what) as \(path.role.name), level \(path.level).")))
    }

    /// Rows of the header above the list: the role line, the readiness line (wrapped),
    /// the honest note when there is room, the column heads.
    static func header(_ state: AppState, _ path: LearningPath, _ body: Body) -> [[(String, Style)]] {
        let dot = state.symbols.dot
        var rows: [[(String, Style)]] = []
        var first: [(String, Style)] = [(" \(path.role.name) \(dot) \(path.level) \(state.symbols.arrow) \(path.nextLevel ?? "top")", .bold)]
        var view = "order: \(state.path.order.rawValue)"
        if !state.path.filter.isEmpty { view += " \(dot) filter \"\(state.path.filter)\"" }
        // The order and filter only where they fit whole beside the role.
        if TextWidth.of(first[0].0 + "  " + view) < body.width { first.append(("  \(view)", .muted)) }
        rows.append(first)
        let line = path.readiness.line(toward: path.nextLevel, dot: dot)
        var wrapped = TextWidth.wrap(line, to: body.width - 2)
        if body.height < 12 && wrapped.count > 1 {
            // A short screen: the figures alone ("Toward Senior: 2 of 27 · 7%"), so the list keeps its rows.
            wrapped = [line.components(separatedBy: ", ").first ?? line]
        }
        for part in wrapped.prefix(3) { rows.append([(" " + part, Style(.bold, colour: .accent))]) }
        if body.height >= 14 {
            let untracked = path.untracked.count
            let hint = untracked == 0 ? "" : " \(untracked) not tracked: t tracks one, T all."
            let note = "A conversation aid, not a promotion guarantee." + hint
            for part in TextWidth.wrap(note, to: body.width - 2).prefix(2) { rows.append([(" " + part, .muted)]) }
        }
        if body.height >= 12 { rows.append([]) }
        return rows
    }

    /// Under 60 columns the tracked column goes: each skill's progress is "2/3 66%",
    /// "untracked" or "–" (no next level), so names keep their room.
    static func narrow(_ body: Body) -> Bool { body.width < 60 }

    static func shortProgress(_ skill: PathSkill) -> String {
        guard skill.tracked else { return "untracked" }
        return skill.progress.map { "\($0.done)/\($0.total) \($0.percent)%" } ?? "–"
    }

    /// Lines of "next up", each item whole, as many as fit in `room` rows.
    /// What the person works on comes first, marked with its target day (overdue in colour);
    /// under an item, where to learn it (`resources`), each whole, when they fit.
    static func nextUpLines(_ path: LearningPath, width: Int, room: Int, today: String = "", symbols: Symbols = .unicode,
                            resources: (NextUp) -> [Resource] = { _ in [] }) -> [[(String, Style)]] {
        guard room >= 3, !path.nextUp.isEmpty else { return [] }
        let title = path.nextUp.first?.isFocused == true ? " Next up: what you work on, then closest to complete:"
            : " Next up, closest to complete first:"
        var lines: [[(String, Style)]] = [[(title, .bold)]]
        for item in path.nextUp {
            let late = item.isOverdue(today: today)
            let mark = !item.isFocused ? "" : " (\(symbols.required) working on" + (item.due.map { ", by \($0)" } ?? "") + (late ? ", overdue)" : ")")
            let wrapped = TextWidth.wrap(Safe.text("\(item.skillName): \(item.text)") + mark, to: width - 5)
            guard lines.count + wrapped.count <= room else { break }
            let style: Style = late ? Style(colour: .warning) : item.isFocused ? Style(colour: .accent) : .plain
            for (index, part) in wrapped.enumerated() {
                lines.append([((index == 0 ? "  " : "    ") + part, style)])
            }
            for resource in resources(item) {
                let rows = SkillScreen.resourceRows(resource, width: width - 4, indent: 4)
                guard lines.count + rows.count <= room else { break }
                lines += rows
            }
        }
        return lines.count > 1 ? lines : []
    }

    /// The list's place: under the header, above "next up" (which gets at most half the body).
    static func layout(_ state: AppState, _ path: LearningPath, _ body: Body)
        -> (area: ListArea, header: [[(String, Style)]], nextUp: [[(String, Style)]]) {
        let header = header(state, path, body)
        let skills = shown(state, path)
        let top = body.top + header.count + 1
        let heights = skills.enumerated().map { index, skill in
            !skill.required && (index == 0 || skills[index - 1].required) ? 2 : 1
        }
        let listRows = heights.reduce(0, +)
        let spare = body.bottom - top - min(listRows, 8)
        let nextUp = nextUpLines(path, width: body.width, room: body.height >= 16 ? min(spare - 1, body.height / 3) : 0,
                                 today: String(state.now.prefix(10)), symbols: state.symbols,
                                 resources: { state.library.resources(of: $0) })
        let visible = body.bottom - top - (nextUp.isEmpty ? 0 : nextUp.count + 1)
        return (ListArea(top: top, visible: visible, heights: heights), header, nextUp)
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        guard let path = path(state) else { return nil }
        return layout(state, path, body).area
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        guard let path = path(state) else {
            let text = state.record.role == nil ? "No role set. Press r to choose your role and level."
                : "No profile names the role '\(state.record.role ?? "")' any more. Press r to choose again."
            canvas.put(text, x: 1, y: body.top + 1)
            return
        }
        let (area, header, nextUp) = layout(state, path, body)
        for (row, pieces) in header.enumerated() { Widgets.put(pieces, x: 0, y: body.top + row, on: &canvas) }
        let skills = shown(state, path)
        guard !skills.isEmpty else {
            canvas.put("No skill's name matches \"\(state.path.filter)\". Esc clears the filter.", x: 2, y: area.top)
            return
        }
        if narrow(body) { return drawNarrow(state, path, skills, area, body, &canvas, nextUp: nextUp) }
        let nameWidth = min(max(5, skills.map { TextWidth.of($0.name) }.max() ?? 0), max(10, body.width / 3))
        let trackWidth = 11
        canvas.put("    " + Widgets.cell("SKILL", nameWidth) + "  " + Widgets.cell(trackWidth > 3 ? "TRACKED" : "", trackWidth)
                   + "  PROGRESS TOWARD \(path.nextLevel?.uppercased() ?? "THE NEXT LEVEL")", x: 0, y: area.top - 1, style: .muted)
        var y = area.top
        var index = state.path.list.scroll
        while index < skills.count && y < area.top + area.visible {
            let skill = skills[index]
            if area.heights[index] == 2 {
                canvas.put("  Optional for \(path.role.name) at \(path.nextLevel ?? "the next level"):", x: 0, y: y, style: .muted)
                y += 1
                if y >= area.top + area.visible { break }
            }
            let mark = skill.required ? state.symbols.required : state.symbols.optional
            let tracked = skill.tracked ? (skill.ownLevel.map { "own: \($0)" } ?? "tracked") : "not tracked"
            let shownTrack = trackWidth > 3 ? tracked : (skill.tracked ? "yes" : "no")
            var line: [(String, Style)] = [("  \(mark) ", skill.required ? .bold : .muted), (Widgets.cell(skill.name, nameWidth) + "  ", .bold),
                                           (Widgets.cell(shownTrack, trackWidth) + "  ", skill.tracked ? Style(colour: .good) : .muted)]
            let room = body.width - 4 - nameWidth - trackWidth - 4 - 8 // the last 8 columns keep "↓ more" clear
            if let progress = skill.progress {
                line += Widgets.progressBar(progress, width: room, symbols: state.symbols)
            } else {
                line.append(("no level after \(path.level)", .muted))
            }
            Widgets.put(line, x: 0, y: y, on: &canvas)
            if index == state.path.list.selection {
                canvas.restyle(x: 0, y: y, count: canvas.width, style: .reverse)
                canvas.put(state.symbols.pointer, x: 0, y: y, style: .reverse)
            }
            y += 1
            index += 1
        }
        Widgets.markMore(above: state.path.list.scroll > 0, below: index < skills.count, top: area.top, visible: area.visible,
                         canvas: &canvas, symbols: state.symbols)
        let nextTop = body.bottom - nextUp.count
        for (row, pieces) in nextUp.enumerated() { Widgets.put(pieces, x: 0, y: nextTop + row, on: &canvas) }
    }

    /// The list under 60 columns: names as wide as the screen allows beside a short
    /// progress, and the "more" marks on the heading row, where they cover nothing.
    static func drawNarrow(_ state: AppState, _ path: LearningPath, _ skills: [PathSkill], _ area: ListArea, _ body: Body,
                           _ canvas: inout Canvas, nextUp: [[(String, Style)]]) {
        let progressWidth = skills.map { TextWidth.of(shortProgress($0)) }.max() ?? 0
        let nameWidth = max(5, body.width - 4 - 2 - progressWidth)
        canvas.put("    SKILL", x: 0, y: area.top - 1, style: .muted)
        var y = area.top
        var index = state.path.list.scroll
        while index < skills.count && y < area.top + area.visible {
            let skill = skills[index]
            if area.heights[index] == 2 {
                canvas.put("  Optional at \(path.nextLevel ?? "the next level"):", x: 0, y: y, style: .muted, limit: body.width - 1)
                y += 1
                if y >= area.top + area.visible { break }
            }
            let mark = skill.required ? state.symbols.required : state.symbols.optional
            let complete = skill.progress?.isComplete == true
            Widgets.put([("  \(mark) ", skill.required ? .bold : .muted), (Widgets.cell(skill.name, nameWidth) + "  ", .bold),
                         (shortProgress(skill), skill.tracked ? Style(colour: complete ? .good : .plain) : .muted)], x: 0, y: y, on: &canvas)
            if index == state.path.list.selection {
                canvas.restyle(x: 0, y: y, count: canvas.width, style: .reverse)
                canvas.put(state.symbols.pointer, x: 0, y: y, style: .reverse)
            }
            y += 1
            index += 1
        }
        let marks = [state.path.list.scroll > 0 ? state.symbols.less : nil, index < skills.count ? state.symbols.more : nil]
            .compactMap { $0 }.joined(separator: " ")
        if !marks.isEmpty { canvas.put(marks, x: body.width - TextWidth.of(marks) - 1, y: area.top - 1, style: .muted) }
        let nextTop = body.bottom - nextUp.count
        for (row, pieces) in nextUp.enumerated() { Widgets.put(pieces, x: 0, y: nextTop + row, on: &canvas) }
    }
}
