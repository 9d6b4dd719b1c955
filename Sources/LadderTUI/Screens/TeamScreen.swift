import CellGrid
import Foundation
import LadderKit

/// The team screen's view: the rows worked out from the people summaries, their
/// order, the filter by name, whether everyone shows or only mentees, the selection.
public struct TeamViewState: Equatable, Sendable {
    public var members: [TeamMember] = [] { didSet { sortRows() } }
    public var order = TeamOrder.attention { didSet { sortRows() } }
    public var filter = "" { didSet { filterRows() } }
    /// The rows shown (in the order, filtered by name) and who needs a 1:1, most
    /// pressing first: worked out when the rows, order or filter change, not per frame.
    private(set) var shown: [TeamMember] = []
    private(set) var needing: [TeamMember] = []
    /// Each shown name's width in columns, and the widest name and word among them.
    private(set) var nameWidths: [Int] = []
    private(set) var widestName = 0
    private(set) var widestWord = 0
    /// Each table column's width over the shown rows (`TeamScreen.tableColumns` order),
    /// in ASCII and in Unicode.
    private(set) var tableWidths: [[Int]] = [[], []]
    private var sorted: [TeamMember] = []
    /// Everyone in the store, not only the owner's mentees.
    public var everyone = false
    /// The people × skills matrix instead of the table (`m`).
    public var matrix = false
    /// The matrix's first skill column shown (← → scroll the skills; names stay).
    public var matrixSkill = 0
    /// The matrix's columns and each role's skills, worked out when the rows are (a
    /// frame would otherwise go through every skill of every path).
    var matrixSkills: [TeamMatrix.Skill] = []
    var roleSkills: [String: Set<String>] = [:]
    public var list = ListState()
    /// Coverage of a role and level instead of the table or matrix (`c`): the choice,
    /// what it works out to (nil until chosen or when no profile names the role) and
    /// the first row shown.
    public var showingCoverage = false
    public var coverageRole: String?
    public var coverageLevel: String?
    public var coverage: TeamCoverage?
    public var coverageScroll = 0

    private mutating func sortRows() {
        sorted = order.sorted(members)
        needing = TeamOrder.attention.sorted(members).filter { !$0.attention.isEmpty }
        filterRows()
    }

    private mutating func filterRows() {
        let filter = filter.lowercased()
        shown = filter.isEmpty ? sorted : sorted.filter { $0.name.lowercased().contains(filter) }
        let names = shown.map { Safe.text($0.name) }
        nameWidths = names.map(TextWidth.of)
        widestName = nameWidths.max() ?? 0
        widestWord = names.flatMap { $0.split(separator: " ") }.map { TextWidth.of(String($0)) }.max() ?? 0
        tableWidths = [Symbols.ascii, Symbols.unicode].map { symbols in
            TeamScreen.tableColumns(arrow: symbols.arrow).map { column in
                ([column.column.title] + shown.map(column.column.value)).map { TextWidth.of(Safe.text($0)) }.max() ?? 0
            }
        }
    }
}

/// Every mentee at a glance: who needs a 1:1 and why at the top, then one row per
/// person with readiness toward their next level and what waits in their record.
enum TeamScreen {
    static func keys(_ state: AppState) -> [(String, String)] {
        if state.team.showingCoverage { return TeamCoverageView.keys(state) }
        if state.team.matrix {
            return [("↑↓", "move"), ("←→", "skills"), ("Enter", "open"), ("m", "table"), ("c", "coverage"), ("o", "order"), ("/", "filter"),
                    ("A", state.team.everyone ? "mentees only" : "everyone"), ("Esc", "back")]
        }
        return [("↑↓", "move"), ("Enter", "open"), ("m", "matrix"), ("c", "coverage"), ("o", "order"), ("/", "filter"),
         ("A", state.team.everyone ? "mentees only" : "everyone"), ("Esc", "back")]
    }

    /// Opens the screen and asks for everyone's summary (checked against each journal).
    static func open(_ state: inout AppState, _ effects: inout [Effect]) {
        state.open(.team)
        state.team.list = ListState()
        effects.append(.loadPeople)
    }

    /// Works the rows out again from the summaries: when they load or the view changes.
    static func refresh(_ state: inout AppState) {
        let now = JournalEvent.date(state.now) ?? Date(timeIntervalSince1970: 0)
        let settings = TeamSettings(reviewDays: state.reviewDays, staleDays: state.staleDays, now: now)
        var plans = Team.Plans()
        state.team.members = Team.members(state.people, library: state.library, settings: settings, everyone: state.team.everyone,
                                          plans: &plans)
        state.team.roleSkills = plans.roleSkills
        state.team.matrixSkills = state.team.matrix ? TeamMatrix.skills(of: state.team.roleSkills, library: state.library) : []
        if state.team.showingCoverage { TeamCoverageView.refresh(&state) }
    }

    /// Shows the matrix, working its columns out when it first shows (the table needs none).
    static func showMatrix(_ state: inout AppState) {
        state.team.matrix = true
        if state.team.matrixSkills.isEmpty {
            state.team.matrixSkills = TeamMatrix.skills(of: state.team.roleSkills, library: state.library)
        }
    }

    /// The rows shown: in the chosen order, filtered by name.
    static func shown(_ state: AppState) -> [TeamMember] { state.team.shown }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        if state.team.showingCoverage { return TeamCoverageView.update(&state, key) }
        let members = shown(state)
        if state.team.list.navigate(key, count: members.count) { return }
        if state.team.matrix, TeamMatrix.scroll(&state, key) { return }
        switch key {
        case .enter, .right, .character("l"):
            guard members.indices.contains(state.team.list.selection) else { return }
            showPerson(&state, &effects, members[state.team.list.selection].id, create: nil)
        case .character("m"):
            if state.team.matrix { state.team.matrix = false } else { showMatrix(&state) }
        case .character("c"):
            TeamCoverageView.open(&state)
        case .character("o"):
            state.team.order = state.team.order.next
            state.team.list = ListState()
            state.notice = .info("Order: \(state.team.order.rawValue).")
        case .character("/"):
            state.prompt = Prompt(purpose: .teamFilter, label: "Filter by name:", text: state.team.filter)
        case .character("A"):
            state.team.everyone.toggle()
            state.team.list = ListState()
            refresh(&state)
            state.notice = .info(state.team.everyone ? "Showing everyone in this store." : "Showing your mentees.")
        case .escape, .left, .character("h"):
            if !state.team.filter.isEmpty {
                state.team.filter = ""
                state.team.list = ListState()
            } else {
                state.goBack()
            }
        default:
            break
        }
    }

    /// The attention lines as drawn, wrapped to the width, in at most half the body.
    /// When they do not all fit, the selected person's reasons show instead (the `!`
    /// marks who has some), so moving the selection reads every one.
    static func attention(_ state: AppState, _ body: Body) -> [String] {
        let width = max(1, body.width - 2)
        let needing = state.team.needing
        guard !needing.isEmpty else {
            return TextWidth.wrap("Nobody needs a 1:1 now: no one has gone \(state.reviewDays) days without one and nothing waits.", to: width)
        }
        let limit = max(2, (body.height - 4) / 2)
        var all: [String] = []
        for member in needing where all.count <= limit { // a line each, made only while they fit
            for line in TeamReport.attentionLines([member]) { all += TextWidth.wrap(Safe.text(line), to: width) }
        }
        if all.count <= limit { return all }
        // Always `limit` rows here, so the list does not move as the selection does.
        func padded(_ lines: [String]) -> [String] { Array((lines + Array(repeating: "", count: limit)).prefix(limit)) }
        let members = shown(state)
        if members.indices.contains(state.team.list.selection), !members[state.team.list.selection].attention.isEmpty {
            return padded(TeamReport.attentionLines([members[state.team.list.selection]]).flatMap { TextWidth.wrap(Safe.text($0), to: width) })
        }
        return padded(TextWidth.wrap("\(needing.count) people need a 1:1, marked \(state.symbols.warning): select one to read why.", to: width))
    }

    /// A column of the table: its heading and each row's cell.
    struct Column {
        var title: String
        var value: (TeamMember) -> String
    }

    /// The columns that fit beside the names, most important first kept; shown in table order.
    /// The table's columns, most important first, each with its place in the table.
    static func tableColumns(arrow: String) -> [(order: Int, column: Column)] {
        [
            (2, Column(title: "LEVEL") { TeamReport.levels($0, arrow: arrow) }),
            (3, Column(title: "READY") { TeamReport.readiness($0) }),
            (5, Column(title: "ANSWERS") { "\($0.answersWaiting)" }),
            (4, Column(title: "OPEN") { "\($0.openQuestions)" }),
            (7, Column(title: "REVIEW") { TeamReport.days($0.daysSinceReview) }),
            (6, Column(title: "STALE") { "\($0.staleTicks)" }),
            (8, Column(title: "CHANGE") { TeamReport.days($0.daysSinceChange) }),
            (1, Column(title: "ROLE") { $0.roleName ?? $0.role ?? "—" }),
        ]
    }

    /// The table columns that fit beside the names, most important first kept; shown in
    /// table order. Their widths over the shown rows were worked out with the rows.
    static func columns(_ state: AppState, room: Int) -> [(Column, Int)] {
        let widths = state.team.tableWidths[state.unicode ? 1 : 0]
        var left = room
        var kept: [(Int, Column, Int)] = []
        for ((order, column), width) in zip(tableColumns(arrow: state.symbols.arrow), widths) {
            guard width + 2 <= left else { break }
            left -= width + 2
            kept.append((order, column, width))
        }
        return kept.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    /// The names' column: as wide as the longest name, at most a third of the width
    /// or the longest word (names wrap between words, and take fewer rows than columns
    /// would give); a longer name wraps onto more rows, never cut.
    static func nameWidth(_ state: AppState, _ body: Body) -> Int {
        let third = max(16, (body.width - 4) / 3)
        return max(1, min(max(4, state.team.widestName), max(third, state.team.widestWord), body.width - 8))
    }

    static func layout(_ state: AppState, _ body: Body) -> (attention: [String], header: Int, area: ListArea, names: Int) {
        let members = shown(state)
        let attention = state.team.matrix ? TeamMatrix.legend(state, body) : attention(state, body)
        // A blank row under the attention list where there is room for it.
        let gap = body.height >= 12 ? 1 : 0
        let header = body.top + 1 + attention.count + gap + (state.team.filter.isEmpty ? 0 : 1)
        let names = nameWidth(state, body)
        let widths = state.team.nameWidths
        let heights = members.indices.map { widths[$0] <= names ? 1 : TextWidth.wrap(Safe.text(members[$0].name), to: names).count }
        // A list that does not fit gives its last row to the "more" marks, which would cover the right columns.
        let rows = body.bottom - header - 1
        let visible = heights.reduce(0, +) > rows ? rows - 1 : rows
        return (attention, header, ListArea(top: header + 1, visible: visible, heights: heights), names)
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        state.team.showingCoverage ? nil : layout(state, body).area
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        if state.team.showingCoverage { return TeamCoverageView.draw(state, body, &canvas) }
        let (attention, header, area, names) = layout(state, body)
        let waiting = !state.team.matrix && state.team.members.contains { !$0.attention.isEmpty }
        canvas.put(state.team.matrix ? "Each skill toward the next level" : waiting ? "Who needs a 1:1" : "Your team",
                   x: 1, y: body.top, style: .bold)
        for (row, line) in attention.enumerated() {
            canvas.put(line, x: 1, y: body.top + 1 + row, style: waiting ? Style(colour: .warning) : .muted, limit: body.width - 1)
        }
        if !state.team.filter.isEmpty {
            canvas.put("Filter: \(state.team.filter)  (Esc clears)", x: 1, y: header - 1, style: .muted)
        }
        let members = shown(state)
        guard !members.isEmpty else {
            let text = state.team.members.isEmpty
                ? (state.team.everyone ? "Nobody here yet; P then a adds a person." : "No mentees here; A shows everyone, P then a adds a person.")
                : "Nobody's name matches the filter."
            for (row, line) in TextWidth.wrap(text, to: body.width - 2).enumerated() where header + row < body.bottom {
                canvas.put(line, x: 1, y: header + row, style: .muted)
            }
            return
        }
        let columns = state.team.matrix ? TeamMatrix.columns(state, room: body.width - 3 - names)
                                        : columns(state, room: body.width - 3 - names)
        var heading = "   " + Widgets.cell("NAME", names)
        for (column, width) in columns { heading += "  " + Widgets.cell(column.title, width) }
        canvas.put(heading, x: 0, y: header, style: .muted)
        // Only the rows that can show: every item takes at least one.
        let first = min(state.team.list.scroll, members.count)
        let visible = members[first..<min(members.count, first + max(0, area.visible))]
        let items: [[[(String, Style)]]] = visible.map { member in
            let lines = TextWidth.wrap(Safe.text(member.name), to: names)
            var first: [(String, Style)] = [(" ", .plain), (member.attention.isEmpty ? " " : state.symbols.warning, Style(.bold, colour: .warning)),
                                            (" " + Widgets.cell(lines.first ?? "", names), member.id == state.person ? .bold : .plain)]
            for (column, width) in columns { first.append(("  " + Widgets.cell(column.value(member), width), .plain)) }
            return [first] + lines.dropFirst().map { [("   " + $0, .plain)] }
        }
        Widgets.list(items, list: state.team.list, count: members.count, top: area.top, visible: area.visible,
                     canvas: &canvas, symbols: state.symbols, marks: false)
        if area.visible < body.bottom - area.top {
            let above = state.team.list.scroll > 0
            let below = area.rows(scroll: state.team.list.scroll).values.max().map { $0 < members.count - 1 || lastCut(area, state) } ?? false
            let text = [above ? state.symbols.less : nil, below ? state.symbols.more : nil].compactMap { $0 }.joined(separator: "  ")
            canvas.put(text, x: 3, y: area.top + area.visible, style: .muted)
        }
    }

    /// Whether the last item on screen shows only some of its rows.
    static func lastCut(_ area: ListArea, _ state: AppState) -> Bool {
        let rows = area.rows(scroll: state.team.list.scroll)
        guard let last = rows.values.max() else { return false }
        return rows.values.filter { $0 == last }.count < area.heights[last]
    }
}
