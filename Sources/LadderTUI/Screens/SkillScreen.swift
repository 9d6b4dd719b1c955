import CellGrid
import LadderKit

/// A tracked skill: the role × level matrix (Required marked, the person's level
/// highlighted), the progress bar and the checklist of one level, the next by default.
enum SkillScreen {
    /// One row of the checklist: an expectation of the shown level, or a tick whose
    /// expectation left the profile.
    enum Row: Equatable {
        case expectation(Expectation, level: String)
        case orphan(Tick)

        /// The expectation id.
        var id: String {
            switch self {
            case .expectation(let e, _): return e.id
            case .orphan(let tick): return tick.expectation
            }
        }
    }

    static func open(_ state: inout AppState, _ skill: String) {
        state.skill = SkillViewState()
        state.open(.skill(skill))
    }

    static func keys(_ state: AppState) -> [(String, String)] {
        // Most useful first: what does not fit the width is left out (help lists all).
        var keys = [("Space", "tick"), ("n", "note"), ("f", "working on"), ("←→", "level"), ("Esc", "back"), ("↑↓", "move"), ("N", "not applicable"),
                    ("c", "confirm"), ("w", "question"), ("A", "accept answer"), ("e", "role/level"), ("u", "undo"), ("d", "next level adds"), ("p", "path")]
        if state.isOwnRecord { keys.removeAll { ["c", "w", "A"].contains($0.0) } }
        if case .skill(let skill) = state.screen, state.standing(skill)?.next?.isComplete == true {
            keys.insert(("s", "step up"), at: 0)
        }
        return keys
    }

    /// The level whose checklist is shown.
    static func shownLevel(_ state: AppState, _ standing: Standing) -> String {
        if let level = state.skill.level, standing.profile.levelIndex(named: level) != nil { return level }
        return standing.nextLevel ?? standing.level
    }

    static func rows(_ state: AppState, _ standing: Standing) -> [Row] {
        let level = shownLevel(state, standing)
        let expectations = standing.role.level(level)?.expectations ?? []
        return expectations.map { .expectation($0, level: level) } + standing.orphanTicks.map { .orphan($0) }
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        guard case .skill(let skill) = state.screen else { return }
        guard let standing = state.standing(skill) else {
            // The role or level left the profile: the only way on is to choose again.
            if key == .character("e") || key == .enter {
                state.picker = ListState()
                state.open(.pickRole(skill: skill))
            } else if key == .escape || key == .left || key == .character("h") {
                state.goBack()
            }
            return
        }
        let list = rows(state, standing)
        if state.skill.list.navigate(key, count: list.count) { return }
        let levels = standing.profile.levels
        let shown = levels.firstIndex(of: shownLevel(state, standing)) ?? 0
        switch key {
        case .escape, .backspace:
            state.goBack()
        case .left, .character("h"), .character("["):
            guard shown > 0 else { state.notice = .info("\(levels[0]) is the first level."); return }
            state.skill.level = levels[shown - 1]
            state.skill.list = ListState()
        case .right, .character("l"), .character("]"), .tab:
            guard shown + 1 < levels.count else { state.notice = .info("\(levels[shown]) is the top level."); return }
            state.skill.level = levels[shown + 1]
            state.skill.list = ListState()
        case .character(" "), .character("x"), .enter:
            guard state.skill.list.selection < list.count else { return }
            toggle(list[state.skill.list.selection], standing, &state, &effects)
        case .character("n"):
            guard state.skill.list.selection < list.count, case .expectation(let e, _) = list[state.skill.list.selection] else {
                state.notice = .info("Notes go on expectations that are still in the profile.")
                return
            }
            state.prompt = Prompt(purpose: .note(skill: standing.profile.id, expectation: e.id), label: "Add evidence:", text: "")
        case .character("s"):
            guard let next = standing.next else {
                state.notice = .info("\(standing.level) is the top level: nothing to step up to.")
                return
            }
            if next.isComplete {
                state.prompt = Prompt(purpose: .confirmStep(skill: standing.profile.id),
                                      label: "Record your step up from \(standing.level) to \(next.level), dated today? (y/n)", text: "")
            } else {
                state.notice = .info("Tick every \(next.level) expectation first: \(next.total - next.done) of \(next.total) open.")
            }
        case .character("N"):
            guard state.skill.list.selection < list.count, case .expectation(let e, _) = list[state.skill.list.selection] else { return }
            if standing.tracked.notApplicable[e.id] != nil {
                save(&state, &effects, SaveIntent(.text("Counts again."))) { () throws(InputError) in
                    [try Changes.notApplicable(e.id, reason: nil, in: standing)]
                }
            } else {
                state.prompt = Prompt(purpose: .notApplicable(skill: standing.profile.id, expectation: e.id),
                                      label: "Why does it not apply to you?", text: "")
            }
        case .character("a"):
            guard state.skill.list.selection < list.count else { return }
            let id = list[state.skill.list.selection].id
            guard standing.tracked.assessments[id]?.isOpen == true else {
                state.notice = .info("There is no open question on this expectation.")
                return
            }
            state.prompt = Prompt(purpose: .answer(skill: standing.profile.id, expectation: id), label: "Your answer:", text: "")
        case .character("c"), .character("w"), .character("A"):
            guard state.skill.list.selection < list.count else { return }
            assess(key, expectation: list[state.skill.list.selection].id, standing, &state, &effects)
        case .character("f"):
            focusKey(state.skill.list.selection < list.count ? list[state.skill.list.selection] : nil, standing, &state, &effects)
        case .character("d"):
            DiffScreen.open(&state, standing.profile.id)
        case .character("e"):
            state.picker = ListState()
            if let index = standing.profile.roles.firstIndex(where: { $0.id == standing.role.id }) { state.picker.selection = index }
            state.open(.pickRole(skill: standing.profile.id))
        default:
            break
        }
    }

    /// Ticks or unticks a row; the status line is worded once the change is saved.
    static func toggle(_ row: Row, _ standing: Standing, _ state: inout AppState, _ effects: inout [Effect]) {
        let skill = standing.profile.id
        if standing.tracked.ticks[row.id] != nil {
            save(&state, &effects, SaveIntent(.unticked(skill: skill))) { () throws(InputError) in
                try Changes.untick([row.id], in: standing)
            }
        } else {
            save(&state, &effects, SaveIntent(.ticked(skill: skill))) { () throws(InputError) in
                try Changes.tick([row.id], in: standing)
            }
        }
    }

    /// A reviewer's confirm (`c`), question (`w`, asks for a comment) or withdraw (`x`) on a tick.
    static func assess(_ key: Key, expectation: String, _ standing: Standing, _ state: inout AppState, _ effects: inout [Effect]) {
        if state.refusesSelfReview() { return }
        guard standing.tracked.ticks[expectation] != nil else {
            state.notice = .info("Only ticked expectations can be confirmed or questioned.")
            return
        }
        let reviewer = state.reviewer
        switch key {
        case .character("c"):
            save(&state, &effects, SaveIntent(.text("Confirmed."))) { () throws(InputError) in
                [try Changes.confirm(expectation, comment: "", in: standing, by: reviewer)]
            }
        case .character("w"):
            let again = standing.tracked.assessments[expectation]?.isAnswered == true
            state.prompt = Prompt(purpose: .question(skill: standing.profile.id, expectation: expectation),
                                  label: again ? "Ask again (what is still unclear?):" : "Question (what is unclear?):", text: "")
        case .character("A"):
            save(&state, &effects, SaveIntent(.text("Answer accepted: the question is closed and the tick counts as confirmed."))) { () throws(InputError) in
                [try Changes.accept(expectation, comment: "", in: standing, by: reviewer)]
            }
        default:
            save(&state, &effects, SaveIntent(.text("Question withdrawn."))) { () throws(InputError) in
                [try Changes.withdraw(expectation, in: standing, by: reviewer)]
            }
        }
    }

    static func stepUp(_ state: inout AppState, _ skill: String, _ effects: inout [Effect]) {
        guard let standing = state.standing(skill) else { return }
        state.skill = SkillViewState()
        do {
            let change = try Changes.step(standing)
            save(&state, &effects, [change], SaveIntent(.text("Stepped up to \(change.level ?? "the next level"). Congratulations!")))
        } catch {
            state.notice = .error(error.message)
        }
    }

    // MARK: - Drawing

    /// Where the parts of the screen go: the matrix only when at least six rows
    /// remain for the checklist.
    struct Layout {
        var matrixTop: Int?
        var progressRow: Int
        var listTop: Int
        var visible: Int
    }

    static func layout(_ standing: Standing, _ body: Body) -> Layout {
        var y = body.top + 1
        var matrixTop: Int?
        let matrixRows = standing.profile.roles.count + 2
        if body.bottom - y - matrixRows - 3 >= 6 {
            matrixTop = y + 1
            y += 1 + matrixRows
        }
        y += 1
        let listTop = y + 2
        return Layout(matrixTop: matrixTop, progressRow: y, listTop: listTop, visible: body.bottom - listTop)
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        guard case .skill(let skill) = state.screen, let standing = state.standing(skill) else { return nil }
        let layout = layout(standing, body)
        return ListArea(top: layout.listTop, visible: layout.visible,
                        heights: rendered(rows(state, standing), standing, state, width: body.width).map(\.count))
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        guard case .skill(let skill) = state.screen else { return }
        let symbols = state.symbols
        guard let standing = state.standing(skill) else {
            let tracked = state.record.skills[skill]
            let text = "Your role '\(tracked?.role ?? "?")' or level '\(tracked?.level ?? "?")' is no longer in this profile. Press e to choose them again; your ticks are kept."
            for (row, line) in TextWidth.wrap(text, to: body.width - 2).enumerated() {
                canvas.put(line, x: 1, y: body.top + 1 + row, style: Style(colour: .warning))
            }
            return
        }
        let layout = layout(standing, body)
        var head = "\(standing.role.name) \(symbols.dot) level \(standing.level)"
            + (standing.nextLevel.map { " \(symbols.arrow) next \($0)" } ?? " (top level)")
        if TextWidth.of(head) > body.width - 2 { // narrow: the names without the words, so the next level shows
            head = "\(standing.role.name) \(symbols.dot) \(standing.level)" + (standing.nextLevel.map { " \(symbols.arrow) \($0)" } ?? " (top)")
        }
        canvas.put(head, x: 1, y: body.top, style: .bold)
        if let last = standing.tracked.steps.last {
            let since = " \(symbols.dot) since \(String(last.at.prefix(10)))"
            canvas.put(since, x: 1 + TextWidth.of(head), y: body.top, style: .muted)
        }
        let shown = shownLevel(state, standing)
        if let top = layout.matrixTop {
            drawMatrix(standing, shown: shown, top: top, width: body.width, symbols: symbols,
                       whose: state.isOwnRecord ? "your" : "\(state.firstName)'s", &canvas)
        }
        let y = layout.progressRow
        let cell = standing.role.level(shown)
        let progress = standing.progress(toward: shown)
        let which = shown == standing.nextLevel ? "next level" : shown == standing.level ? (state.isOwnRecord ? "your level" : "\(state.firstName)'s level") : "level"
        // On a narrow terminal the level's name alone, so the figures keep their room.
        let label = body.width < 60 ? "\(shown)  "
            : "\(shown) \(symbols.dot) \(which)\(cell?.required == true ? ", Required" : ", optional for this role")  "
        let x = canvas.put(label, x: 1, y: y, style: .accent) + 1
        if let progress {
            Widgets.put(Widgets.progressBar(progress, width: body.width - x - 1, symbols: symbols), x: x, y: y, on: &canvas)
        }
        let list = rows(state, standing)
        if list.isEmpty {
            canvas.put("  No expectations at this level.", x: 0, y: layout.listTop, style: .muted)
            return
        }
        let items = rendered(Array(list.dropFirst(state.skill.list.scroll)), standing, state, width: body.width,
                             firstIndex: state.skill.list.scroll, all: list)
        Widgets.list(items, list: state.skill.list, count: list.count, top: layout.listTop, visible: layout.visible,
                     canvas: &canvas, symbols: symbols)
    }

    /// The role × level matrix, its header and legend.
    static func drawMatrix(_ standing: Standing, shown: String, top: Int, width: Int, symbols: Symbols, whose: String,
                           _ canvas: inout Canvas) {
        let profile = standing.profile
        let roleWidth = min(max(8, profile.roles.map { TextWidth.of($0.name) }.max() ?? 0), max(8, width / 3))
        let room = width - roleWidth - 3
        let full = profile.levels.map { TextWidth.of($0) + 2 }.reduce(0, +)
        let short = full > room
        let columnWidth = short ? max(3, room / max(1, profile.levels.count)) : 0
        var y = top
        var x = roleWidth + 3
        var columns: [Int] = []
        for level in profile.levels {
            let name = short ? TextWidth.truncate(level, to: columnWidth - 1) : level
            let w = short ? columnWidth : TextWidth.of(level) + 2
            columns.append(x)
            canvas.put(name, x: x, y: y, style: level == shown ? Style([.bold, .underline]) : .muted, limit: w - 1)
            x += w
        }
        y += 1
        for role in profile.roles {
            let mine = role.id == standing.role.id
            canvas.put((mine ? symbols.pointer : " ") + " " + Widgets.cell(role.name, roleWidth), x: 0, y: y,
                       style: mine ? .bold : .plain)
            for (index, cell) in role.levels.enumerated() where index < columns.count {
                let mark = cell.required ? symbols.required : symbols.optional
                let isCurrent = mine && index == standing.levelIndex
                let style = isCurrent ? Style([.reverse, .bold]) : cell.required ? Style(colour: .accent) : .muted
                canvas.put(isCurrent ? "[\(mark)]" : mark, x: columns[index] - (isCurrent ? 1 : 0), y: y, style: style)
            }
            y += 1
        }
        canvas.put("\(symbols.required) Required  \(symbols.optional) optional  [ ] \(whose) level", x: 2, y: y, style: .muted)
    }

    /// The checklist's rows as drawn: each expectation wrapped, with its marks and
    /// note under it. `firstIndex` is where `list` starts in `all` (the whole list),
    /// so the heading over ticks that left the profile lands on the first of them.
    static func rendered(_ list: [Row], _ standing: Standing, _ state: AppState, width: Int,
                         firstIndex: Int = 0, all: [Row]? = nil) -> [[[(String, Style)]]] {
        let symbols = state.symbols
        let cutoff = state.staleCutoff // once per frame, not per expectation
        let textWidth = max(10, width - 7)
        let firstOrphan = (all ?? list).firstIndex { if case .orphan = $0 { return true } else { return false } }
        var rendered: [[[(String, Style)]]] = []
        for (offset, row) in list.enumerated() {
            let index = firstIndex + offset
            var rows: [[(String, Style)]] = []
            switch row {
            case .expectation(let expectation, _):
                let ticked = standing.tracked.ticks[expectation.id] != nil
                let excluded = standing.tracked.notApplicable[expectation.id]
                let box = excluded != nil ? "[-]" : ticked ? symbols.ticked : symbols.unticked
                let lines = TextWidth.wrap(Safe.text(expectation.text), to: textWidth)
                for (n, line) in lines.enumerated() {
                    rows.append([(n == 0 ? "  \(box) " : "      ", ticked ? Style(colour: .good) : .plain),
                                 (line, ticked ? .plain : .bold)])
                }
                if let excluded {
                    rows.append([("      not applicable: \(excluded.reason)", .muted)])
                }
                rows += focusRows(expectation, standing, state, width: textWidth)
                if ticked, let assessment = standing.tracked.assessments[expectation.id] {
                    // Wrapped, not cut: an open and an answered question differ by their first word.
                    let text = ReviewScreen.assessmentText(assessment, symbols: symbols, person: state.record.name)
                    for line in TextWidth.wrap(Safe.text(text), to: textWidth) {
                        rows.append([("      " + line, ReviewScreen.style(assessment))])
                    }
                }
                if ticked, standing.isStale(expectation.id, cutoff: cutoff) {
                    let date = String((standing.tracked.evidenceDate(expectation.id) ?? "").prefix(10))
                    rows.append([("      stale: evidence from \(date); show it again or add a newer note", Style(colour: .warning))])
                }
                if standing.reworded(expectation) != nil {
                    rows.append([("      (reworded since you ticked it)", .muted)])
                }
                if let note = standing.tracked.notes[expectation.id] {
                    let earlier = (standing.tracked.evidence[expectation.id]?.count ?? 1) - 1
                    let more = earlier > 0 ? " +\(earlier) earlier" : ""
                    let noteText = "\(symbols.noteMark) \(note.text) (\(String(note.at.prefix(10))))\(more)"
                    for line in TextWidth.wrap(Safe.text(noteText), to: textWidth).prefix(3) {
                        rows.append([("      " + line, Style(.dim, colour: .muted))])
                    }
                }
                if index == state.skill.list.selection { rows += learnRows(expectation, standing, width: textWidth, short: state.height < 20) }
            case .orphan(let tick):
                let lines = TextWidth.wrap(Safe.text(tick.text.isEmpty ? "(expectation \(tick.expectation))" : tick.text), to: textWidth)
                for (n, line) in lines.enumerated() {
                    rows.append([(n == 0 ? "  \(symbols.ticked) " : "      ", Style(colour: .warning)), (line, .muted)])
                }
                rows.append([("      no longer in the profile (ticked \(String(tick.at.prefix(10)))); Space unticks", Style(colour: .warning))])
            }
            if index == firstOrphan {
                rows.insert([("  Ticked, but no longer in the profile:", Style(.bold, colour: .warning))], at: 0)
            }
            rendered.append(rows)
        }
        return rendered
    }
}
