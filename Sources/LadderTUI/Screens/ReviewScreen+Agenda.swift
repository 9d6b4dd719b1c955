import CellGrid
import LadderKit

/// The review's lower part, scrolled with the rest: the agenda for the next 1:1
/// grouped by skill (each skill named; what the person works on, overdue first
/// marked), the calibration trend and the review's notes.
extension ReviewScreen {
    static func lower(_ state: AppState) -> [Item] {
        let symbols = state.symbols
        let record = state.record
        let width = state.width
        var items: [Item] = []
        func text(_ words: String, _ style: Style, indent: Int = 1) { items.append(.text(words, style, width: width, indent: indent)) }
        func entry(_ skill: String, _ entry: AgendaEntry, mark: String, _ words: String, _ style: Style) {
            let rows = Paragraph.rows([("    \(mark) ", style)], words, style, width: width)
            items.append(Item(rows: rows, skill: skill, expectation: entry.expectation))
        }
        for skill in record.trackedSkills {
            guard let standing = state.standing(skill.skill) else { continue }
            let next = standing.agenda(cutoff: state.staleCutoff, today: String(state.now.prefix(10)))
            guard !next.isEmpty || !next.working.isEmpty else { continue }
            let id = standing.profile.id
            text(standing.profile.name, .bold, indent: 2)
            for q in next.questions { entry(id, q, mark: symbols.open, "open question: \(q.text) \(symbols.arrow) asked: \(q.detail)", Style(colour: .warning)) }
            for a in next.answered {
                entry(id, a, mark: symbols.answered, "answered, waiting for you: \(a.text) \(symbols.arrow) \(record.name): \(a.detail)", Style(.bold, colour: .warning))
            }
            let overdue = Set(next.overdue.map(\.expectation))
            for w in next.working {
                if overdue.contains(w.expectation) {
                    entry(id, w, mark: symbols.warning, "overdue, working on: \(w.text) (\(w.detail))", Style(.bold, colour: .warning))
                } else {
                    entry(id, w, mark: symbols.arrow, "working on: \(w.text) (\(w.detail))", Style(colour: .accent))
                }
            }
            for gap in next.gaps.prefix(3) { entry(id, gap, mark: symbols.unticked, "\(gap.detail): \(gap.text)", .plain) }
            if next.gaps.count > 3 { text("and \(next.gaps.count - 3) more open at \(standing.nextLevel ?? "")", .muted, indent: 8) }
            for stale in next.stale { entry(id, stale, mark: symbols.warning, "stale: \(stale.text) (\(stale.detail))", Style(colour: .warning)) }
        }
        if !items.isEmpty {
            items.insert(.text("Agenda for the next 1:1", .accent, width: width), at: 0)
        }
        let ended = record.reviews.filter { $0.end != nil }.suffix(4)
        if !ended.isEmpty {
            // Calibration: do the reviewer's and the person's views converge?
            text("Calibration", .accent)
            for r in ended {
                text("\(String(r.start.prefix(10))): \(r.confirmed) confirmed, \(r.questioned) questioned, \(r.openAtEnd ?? 0) open", .muted, indent: 2)
            }
        }
        if let notes = record.openReview?.notes ?? record.lastEndedReview?.notes, !notes.isEmpty {
            text("Review notes", .accent)
            for note in notes { items.append(Item(rows: Paragraph.rows([("  - ", .plain)], note.text, .plain, width: width))) }
        }
        return items
    }
}
