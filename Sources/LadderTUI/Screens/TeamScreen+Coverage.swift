import CellGrid
import LadderKit

/// The team screen's coverage (`c`): for a role and level, each Required expectation
/// of the role's skills with how many people on the team have it ticked and how many
/// of those ticks are confirmed. What nobody can do yet is marked `✗` (`x`) with 0
/// ticked; what one person alone can do is marked `!` and names them, so both read
/// without colour. Read row by row, like help.
enum TeamCoverageView {
    static func keys(_ state: AppState) -> [(String, String)] {
        [("↑↓", "scroll"), ("r", "role"), ("< >", "level"), ("c", "back to team"), ("m", "matrix"), ("A", "everyone")]
    }

    /// Shows coverage for the team's most common role and next level, or the last choice.
    static func open(_ state: inout AppState) {
        state.team.showingCoverage = true
        state.team.coverageScroll = 0
        if state.team.coverageRole == nil, let choice = TeamCoverage.defaultChoice(state.team.members, catalog: RoleCatalog(state.library)) {
            (state.team.coverageRole, state.team.coverageLevel) = (choice.role, choice.level)
        }
        refresh(&state)
    }

    /// Works coverage out again for the choice and the people shown.
    static func refresh(_ state: inout AppState) {
        guard let role = state.team.coverageRole, let level = state.team.coverageLevel else {
            state.team.coverage = nil
            return
        }
        state.team.coverage = TeamCoverage.make(Team.people(state.people, everyone: state.team.everyone), library: state.library,
                                                role: role, level: level)
    }

    static func update(_ state: inout AppState, _ key: Key) {
        let body = state.body
        if let delta = scrollDelta(key, page: max(1, rowsShown(state, body) - 1)) {
            state.team.coverageScroll = scrolled(state.team.coverageScroll + delta, state, body)
            return
        }
        let catalog = RoleCatalog(state.library)
        switch key {
        case .character("r"), .character("R"):
            let roles = TeamCoverage.roleChoices(state.team.members, catalog: catalog)
            guard !roles.isEmpty else { return }
            let at = roles.firstIndex { $0 == state.team.coverageRole } ?? -1
            let role = roles[(at + (key == .character("r") ? 1 : roles.count - 1) + roles.count) % roles.count]
            state.team.coverageRole = role
            let levels = catalog.roles.first { $0.id == role }?.levels ?? []
            if !levels.contains(where: { $0 == state.team.coverageLevel }) {
                state.team.coverageLevel = levels.dropFirst().first ?? levels.first
            }
            chosen(&state)
        case .character("<"), .character(">"):
            guard let levels = catalog.roles.first(where: { $0.id == state.team.coverageRole })?.levels, !levels.isEmpty else { return }
            let at = levels.firstIndex { $0 == state.team.coverageLevel } ?? 0
            state.team.coverageLevel = levels[min(max(0, at + (key == .character(">") ? 1 : -1)), levels.count - 1)]
            chosen(&state)
        case .character("m"):
            state.team.showingCoverage = false
            TeamScreen.showMatrix(&state)
        case .character("A"):
            state.team.everyone.toggle()
            TeamScreen.refresh(&state)
            state.notice = .info(state.team.everyone ? "Counting everyone in this store." : "Counting your mentees.")
        case .character("c"), .escape, .left, .character("h"):
            state.team.showingCoverage = false
        default:
            break
        }
    }

    /// After a new role or level: from the top, and say which.
    static func chosen(_ state: inout AppState) {
        state.team.coverageScroll = 0
        refresh(&state)
        if let coverage = state.team.coverage { state.notice = .info("Coverage: \(coverage.role.name), \(coverage.level).") }
    }

    /// The title and the summary above the rows: what is counted and what the marks
    /// mean; on a short screen, the title and the two counts only.
    static func header(_ state: AppState, _ body: Body) -> [[(String, Style)]] {
        let width = max(1, body.width - 2)
        guard let coverage = state.team.coverage else {
            return [[("Coverage", .bold)]] + TextWidth.wrap("No profile names a role yet: import one with a role to see coverage.", to: width)
                .map { [($0, .muted)] }
        }
        let title: [(String, Style)] = [(Safe.text("Coverage: \(coverage.role.name), \(coverage.level)"), .bold)]
        let items = coverage.items.count
        guard items > 0 else {
            let text = "No skill makes \(coverage.level) Required for \(coverage.role.name); r and < > choose another."
            return [title] + TextWidth.wrap(Safe.text(text), to: width).map { [($0, .muted)] }
        }
        let (nobody, only) = glyphs(state)
        let counts = "\(nobody) nobody yet: \(coverage.nobodyCount), \(only) only one: \(coverage.onlyOneCount)"
        guard body.height >= 14 else { return [title, [(TextWidth.truncate(counts, to: width), .muted)]] }
        let who = state.team.everyone ? "the \(coverage.people) people here" : "your \(coverage.people) mentee\(coverage.people == 1 ? "" : "s")"
        let text = "\(items) Required expectation\(items == 1 ? "" : "s") in \(coverage.skills.count) skill\(coverage.skills.count == 1 ? "" : "s"); "
            + "n/\(coverage.people): how many of \(who) have it ticked. " + counts + "."
        return [title] + TextWidth.wrap(Safe.text(text), to: width).map { [($0, .muted)] }
    }

    /// The marks for nobody and only one.
    static func glyphs(_ state: AppState) -> (nobody: String, only: String) {
        (state.unicode ? "✗" : "x", state.symbols.warning)
    }

    /// Every row of the coverage, skill by skill: a skill's name, then each
    /// expectation with its mark and count, the text wrapped under itself, and in
    /// words who has it when nobody or one person does, or how many are confirmed.
    static func rows(_ state: AppState, _ body: Body) -> [[(String, Style)]] {
        guard let coverage = state.team.coverage else { return [] }
        let (nobody, only) = glyphs(state)
        let countWidth = TextWidth.of("\(coverage.people)/\(coverage.people)")
        var rows: [[(String, Style)]] = []
        for skill in coverage.skills {
            if !rows.isEmpty { rows.append([]) }
            rows.append([(" " + Safe.text(skill.name), .bold)])
            for item in skill.expectations {
                let mark = item.nobody ? (nobody, Style(.bold, colour: .warning)) : item.onlyOne ? (only, Style(.bold, colour: .warning)) : (" ", .plain)
                let count = "\(item.ticked)/\(coverage.people)"
                let lead: Paragraph.Row = [(" ", .plain), mark, (" " + count + String(repeating: " ", count: countWidth - TextWidth.of(count)) + "  ", .plain)]
                let text = Paragraph.rows(lead, Safe.text(item.text), .plain, width: body.width - 1)
                rows += text
                let hang = 3 + countWidth + 2
                if let words = words(item) {
                    rows += Paragraph.rows(words, .muted, width: body.width - 1, indent: min(hang, max(0, (body.width - 1) / 2)))
                }
            }
        }
        return rows
    }

    /// "only Ana Silva, confirmed", "2 confirmed", or nil when there is nothing to say
    /// (nobody yet reads from the mark and the count).
    static func words(_ item: TeamCoverage.Item) -> String? {
        if item.onlyOne, let one = item.holders.first {
            return Safe.text(TeamReport.coverageWords(item)) + (one.confirmed ? ", confirmed" : ", not confirmed yet")
        }
        return item.confirmed > 0 ? "\(item.confirmed) confirmed" : nil
    }

    /// Rows the scrolled part has: the body less the header, its gap (where there is
    /// room) and the row of marks.
    static func rowsShown(_ state: AppState, _ body: Body) -> Int {
        max(1, body.height - header(state, body).count - gap(body) - 1)
    }

    static func gap(_ body: Body) -> Int { body.height >= 14 ? 1 : 0 }

    /// The first row shown, kept between 0 and the last full window.
    static func scrolled(_ scroll: Int, _ state: AppState, _ body: Body) -> Int {
        min(max(0, scroll), max(0, rows(state, body).count - rowsShown(state, body)))
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let header = header(state, body)
        for (offset, row) in header.enumerated() where offset < body.height {
            Widgets.put(row, x: 1, y: body.top + offset, on: &canvas, limit: body.width - 1)
        }
        let all = rows(state, body)
        let shown = rowsShown(state, body)
        let first = scrolled(state.team.coverageScroll, state, body)
        let top = body.top + header.count + gap(body)
        for (offset, row) in all.dropFirst(first).prefix(shown).enumerated() {
            Widgets.put(row, x: 0, y: top + offset, on: &canvas)
        }
        // The marks on a row of their own under the rows, so they never cover text.
        let above = first > 0, below = first + shown < all.count
        let marks = [above ? state.symbols.less : nil, below ? state.symbols.more : nil].compactMap { $0 }.joined(separator: "  ")
        if !marks.isEmpty, top + shown < body.bottom { canvas.put(marks, x: 3, y: top + shown, style: .muted) }
    }
}
