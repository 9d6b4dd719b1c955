import CellGrid
import LadderKit

/// A 1:1 review of the shown person: every change since the last review, grouped by
/// skill, with the reviewer's confirm or question beside each tick; the review's
/// notes; and the agenda for the next 1:1 (open questions, next level's gaps, stale ticks).
enum ReviewScreen {
    /// A row of the review list: a change, with the skill it belongs to.
    struct Row {
        var skill: String
        var event: JournalEvent
    }

    static func keys(_ state: AppState) -> [(String, String)] {
        let open = state.record.openReview != nil
        guard !state.isOwnRecord else { return [("Esc", "back")] }
        var keys = [("c", "confirm"), ("w", "question"), ("x", "withdraw"), ("r", "note")]
        keys.insert(open ? ("E", "end review") : ("S", "start review"), at: 0)
        return keys + [("Esc", "back")]
    }

    static func rows(_ state: AppState) -> [Row] {
        state.record.changesSinceLastReview().filter { $0.skill != nil }
            .sorted { ($0.skill ?? "", $0.at) < ($1.skill ?? "", $1.at) }
            .map { Row(skill: $0.skill ?? "", event: $0) }
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        let list = rows(state)
        if state.review.navigate(key, count: list.count) { return }
        let selected = state.review.selection < list.count ? list[state.review.selection] : nil
        let record = state.record
        let reviewer = state.reviewer
        if [.character("S"), .character("E"), .character("r")].contains(key), state.refusesSelfReview() { return }
        switch key {
        case .escape, .left, .character("h"):
            state.goBack()
        case .character("S"):
            save(&state, &effects, SaveIntent(.text("Review started. Confirm or question each tick; press E to end."))) { () throws(InputError) in
                [try Changes.startReview(record, by: reviewer)]
            }
        case .character("E"):
            save(&state, &effects, SaveIntent(.text("Review ended."))) { () throws(InputError) in
                [try Changes.endReview(record, by: reviewer)]
            }
        case .character("r"):
            guard record.openReview != nil else { state.notice = .info("Start the review first: press S."); return }
            state.prompt = Prompt(purpose: .reviewNote, label: "Review note:", text: "")
        case .character("c"), .character("w"), .character("x"):
            guard let selected, let expectation = selected.event.change.expectation, let standing = state.standing(selected.skill) else {
                state.notice = .info("Choose a ticked expectation first.")
                return
            }
            SkillScreen.assess(key, expectation: expectation, standing, &state, &effects)
        default:
            break
        }
    }

    /// The review's lower part: the agenda, the calibration trend and the notes.
    static func lower(_ state: AppState) -> [(String, Style)] {
        let symbols = state.symbols
        let record = state.record
        var lower: [(String, Style)] = []
        let cutoff = state.staleCutoff
        for skill in record.trackedSkills {
            guard let standing = state.standing(skill.skill) else { continue }
            let agenda = standing.agenda(cutoff: cutoff, today: String(state.now.prefix(10)))
            for q in agenda.questions { lower.append(("  ? \(standing.profile.name): \(q.text) (asked: \(q.detail))", Style(colour: .warning))) }
            for gap in agenda.gaps.prefix(3) { lower.append(("  \(symbols.unticked) \(gap.detail): \(gap.text)", .plain)) }
            if agenda.gaps.count > 3 { lower.append(("    and \(agenda.gaps.count - 3) more open at \(standing.nextLevel ?? "")", .muted)) }
            lower += agendaFocusLines(agenda, standing)
            for stale in agenda.stale { lower.append(("  stale: \(stale.text) (\(stale.detail))", Style(colour: .warning))) }
        }
        if !lower.isEmpty { lower.insert(("Agenda for the next 1:1", .accent), at: 0) }
        let ended = record.reviews.filter { $0.end != nil }.suffix(4)
        if !ended.isEmpty {
            // Calibration: do the reviewer's and the person's views converge?
            let trend = ended.map { r in
                "\(String(r.start.prefix(10))): \(r.confirmed) confirmed, \(r.questioned) questioned, \(r.openAtEnd ?? 0) open"
            }.joined(separator: "  \(symbols.arrow)  ")
            lower.append(("Calibration  " + trend, .muted))
        }
        if let notes = record.openReview?.notes ?? record.lastEndedReview?.notes, !notes.isEmpty {
            lower.append(("Review notes", .accent))
            for note in notes { lower.append(("  - \(note.text)", .plain)) }
        }
        return lower
    }

    /// The changes list sits under two header lines; the lower part takes at most half the rest.
    static func layout(_ lowerCount: Int, _ body: Body) -> (top: Int, visible: Int, lowerRows: Int) {
        let top = body.top + 3
        let lowerRows = min(lowerCount, max(0, (body.bottom - top) / 2))
        return (top, body.bottom - top - (lowerRows > 0 ? lowerRows + 1 : 0), lowerRows)
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        let list = rows(state)
        guard !list.isEmpty else { return nil }
        let layout = layout(lower(state).count, body)
        return ListArea(top: layout.top, visible: layout.visible, heights: items(list, state).map(\.count))
    }

    /// Each change on a line; a tick's reviewer view on the line under it.
    static func items(_ list: [Row], _ state: AppState) -> [[[(String, Style)]]] {
        var items: [[[(String, Style)]]] = []
        var lastSkill: String?
        for row in list {
            let skillName = state.library.summary(row.skill)?.name ?? row.skill
            let header = row.skill != lastSkill ? "\(skillName) " : ""
            lastSkill = row.skill
            let summary = ChangeReport(row.event, profile: state.library.profile(row.skill)).summary
            var lines: [[(String, Style)]] = [[("  \(row.event.day)  ", .muted), (header, .bold), (summary, .plain)]]
            if case .tick(_, _, let id, _) = row.event.change, let assessment = state.record.skills[row.skill]?.assessments[id] {
                lines.append([("              " + assessmentText(assessment, symbols: state.symbols), style(assessment))])
            }
            items.append(lines)
        }
        return items
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        let symbols = state.symbols
        let record = state.record
        if let open = record.openReview {
            canvas.put("Review of \(record.name) in progress since \(String(open.start.prefix(10))) \(symbols.dot) \(open.confirmed) confirmed, \(open.questioned) questioned",
                       x: 1, y: body.top, style: .accent)
        } else {
            canvas.put("No review of \(record.name) is open: press S to start one.", x: 1, y: body.top, style: .bold)
        }
        let since = record.lastEndedReview?.end.map { "the last review (\(String($0.prefix(10))))" } ?? "the start"
        let list = rows(state)
        canvas.put("Since \(since): \(list.count) change\(list.count == 1 ? "" : "s")", x: 1, y: body.top + 1, style: .muted)
        let lower = lower(state)
        let layout = layout(lower.count, body)
        if list.isEmpty {
            canvas.put("  Nothing changed since \(since).", x: 0, y: layout.top, style: .muted)
        }
        Widgets.list(Array(items(list, state).dropFirst(state.review.scroll)), list: state.review, count: list.count,
                     top: layout.top, visible: layout.visible, canvas: &canvas, symbols: symbols)
        for (index, (text, style)) in lower.prefix(layout.lowerRows).enumerated() {
            canvas.put(text, x: 1, y: body.bottom - layout.lowerRows + index, style: style)
        }
    }

    static func assessmentText(_ a: Assessment, symbols: Symbols) -> String {
        let by = a.by.map { " by \($0.shown)" } ?? ""
        let comment = a.comment.isEmpty ? "" : ": \(a.comment)"
        switch a.verdict {
        case .confirmed: return "confirmed\(by)\(comment)"
        case .questioned:
            if let answer = a.answer { return "questioned\(by)\(comment); answered: \(answer)" }
            if a.withdrawn { return "question withdrawn" }
            return "questioned\(by)\(comment) (open)"
        }
    }

    static func style(_ a: Assessment) -> Style {
        a.isOpen ? Style(.bold, colour: .warning) : a.verdict == .confirmed ? Style(colour: .good) : .muted
    }
}
