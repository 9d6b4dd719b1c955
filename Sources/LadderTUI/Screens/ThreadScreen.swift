import CellGrid
import LadderKit

/// One expectation's whole story, opened with Enter from the review: its full text,
/// every piece of evidence with its date, then each question, answer and the
/// reviewer's response in order, and where the thread stands. Scrolls; Esc goes back.
enum ThreadScreen {
    static func open(_ state: inout AppState, skill: String, expectation: String) {
        state.thread = ListState()
        state.open(.thread(skill: skill, expectation: expectation))
    }

    static func keys(_ state: AppState) -> [(String, String)] {
        guard !state.isOwnRecord else { return [("↑↓", "scroll"), ("Esc", "back")] }
        return [("↑↓", "scroll"), ("A", "accept answer"), ("w", "question"), ("c", "confirm"), ("x", "withdraw"), ("Esc", "back")]
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        guard case .thread(let skill, let expectation) = state.screen else { return }
        let page = max(1, state.body.height - 1)
        let moves: [Key: Int] = [.down: 1, .character("j"): 1, .up: -1, .character("k"): -1, .pageDown: page, .pageUp: -page,
                                 .control("f"): page, .control("b"): -page,
                                 .character("G"): Int.max / 2, .end: Int.max / 2, .character("g"): -Int.max / 2, .home: -Int.max / 2]
        if let delta = moves[key] {
            let last = max(0, lines(state).count - visible(state))
            state.thread.scroll = min(max(0, state.thread.scroll + delta), last)
            return
        }
        switch key {
        case .escape, .left, .character("h"), .enter:
            state.goBack()
        case .character("c"), .character("w"), .character("x"), .character("A"):
            guard let standing = state.standing(skill) else { return }
            SkillScreen.assess(key, expectation: expectation, standing, &state, &effects)
        default:
            break
        }
    }

    /// Every row of the thread, wrapped at the screen's width.
    static func lines(_ state: AppState) -> [Paragraph.Row] {
        guard case .thread(let skill, let id) = state.screen else { return [] }
        let width = state.width
        let symbols = state.symbols
        let profile = state.library.profile(skill)
        let tracked = state.record.skills[skill]
        let place = profile?.place(of: id, preferring: tracked?.role)
        let text = place?.expectation.text ?? tracked?.ticks[id]?.text ?? id
        var rows: [Paragraph.Row] = []
        let heading = [profile?.name ?? skill, place?.level.level].compactMap { $0 }.joined(separator: " \(symbols.dot) ")
        rows += Paragraph.rows(heading, .accent, width: width, indent: 1)
        rows += Paragraph.rows(text, .bold, width: width, indent: 1)
        for (label, resources) in [("Learn", place?.expectation.resources ?? []), ("Learn (the skill)", profile?.resources ?? [])]
        where !resources.isEmpty {
            rows.append([])
            rows += Paragraph.rows(label, .accent, width: width, indent: 1)
            for resource in resources { rows += SkillScreen.resourceRows(resource, width: width - 2, indent: 1) }
        }
        rows.append([])
        rows += Paragraph.rows("Evidence", .accent, width: width, indent: 1)
        func dated(_ at: String, _ mark: String, _ words: String, _ style: Style) {
            rows += Paragraph.rows([("  \(String(at.prefix(10)))  ", .muted), (mark.isEmpty ? "" : mark + " ", style)], words, style, width: width)
        }
        // Evidence newest first: each note of the log, and the tick itself.
        var evidence: [(at: String, mark: String, words: String)] = (tracked?.log(id) ?? []).map { ($0.at, symbols.noteMark, $0.text) }
        if let tick = tracked?.ticks[id] {
            evidence.append((tick.at, symbols.ticked, "ticked" + (tick.level.isEmpty ? "" : " (\(tick.level))")))
        }
        for entry in evidence.sorted(by: { $0.at > $1.at }) { dated(entry.at, entry.mark, entry.words, .plain) }
        if let na = tracked?.notApplicable[id] { dated(na.at, "", "not applicable: \(na.reason)", .muted) }
        if evidence.isEmpty { rows += Paragraph.rows("not ticked, no evidence yet", .muted, width: width, indent: 2) }
        guard let assessment = tracked?.assessments[id] else {
            rows.append([])
            rows += Paragraph.rows("Not reviewed yet.", .muted, width: width, indent: 1)
            return rows
        }
        rows.append([])
        rows += Paragraph.rows("Reviewer", .accent, width: width, indent: 1)
        for entry in assessment.thread {
            let who = entry.by?.shown ?? state.record.name
            let said = entry.text.isEmpty ? "" : ": \(entry.text)"
            switch entry.step {
            case .question: dated(entry.at, symbols.open, "\(who) asked\(said)", Style(colour: .warning))
            case .askAgain: dated(entry.at, symbols.open, "\(who) asked again\(said)", Style(colour: .warning))
            case .answer: dated(entry.at, symbols.answered, "\(who) answered\(said)", .plain)
            case .accept: dated(entry.at, symbols.accepted, "\(who) accepted the answer\(said)", Style(colour: .good))
            case .confirm: dated(entry.at, symbols.accepted, "\(who) confirmed\(said)", Style(colour: .good))
            case .withdraw: dated(entry.at, symbols.withdrawn, "\(who) withdrew the question", .muted)
            }
        }
        rows.append([])
        rows += Paragraph.rows("Now: " + stateWords(assessment, reviewer: !state.isOwnRecord), ReviewScreen.style(assessment), width: width, indent: 1)
        return rows
    }

    /// Where the thread stands, with what can be done next.
    static func stateWords(_ a: Assessment, reviewer: Bool) -> String {
        if a.isOpen { return reviewer ? "open, waiting for an answer (x withdraws)" : "open, waiting for your answer" }
        if a.isAnswered { return reviewer ? "answered, waiting for you (A accepts, w asks again)" : "answered, waiting for the reviewer" }
        if a.withdrawn { return "withdrawn" }
        return a.isAccepted ? "accepted: counts as confirmed" : "confirmed"
    }

    /// Rows the thread has: the body less the row of "more" marks, so they cover no text.
    static func visible(_ state: AppState) -> Int { max(1, state.body.height - 1) }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let all = lines(state)
        let view = visible(state)
        let scroll = min(state.thread.scroll, max(0, all.count - view))
        for (index, row) in all.dropFirst(scroll).prefix(view).enumerated() {
            Widgets.put(row, x: 0, y: body.top + index, on: &canvas)
        }
        let symbols = state.symbols
        let marks = [scroll > 0 ? symbols.less : nil, scroll + view < all.count ? symbols.more : nil].compactMap { $0 }.joined(separator: "  ")
        if !marks.isEmpty {
            canvas.put(marks + " ", x: max(0, body.width - TextWidth.of(marks) - 1), y: body.top + view, style: .muted)
        }
    }
}
