import CellGrid
import Foundation
import LadderKit

/// Everyone in the store: switch to a person (a mentee) or add one.
enum PeopleScreen {
    static func keys(_ state: AppState) -> [(String, String)] {
        [("↑↓", "move"), ("Enter", "switch"), ("a", "add person"), ("Esc", "back")]
    }

    static func update(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
        if state.peopleList.navigate(key, count: state.people.count) { return }
        switch key {
        case .escape, .left, .character("h"):
            state.goBack()
        case .enter, .right, .character("l"):
            guard state.peopleList.selection < state.people.count else { return }
            let person = state.people[state.peopleList.selection]
            showPerson(&state, &effects, person.id, create: nil)
        case .character("a"):
            state.prompt = Prompt(purpose: .newPerson, label: "Name of the person to add:", text: "")
        default:
            break
        }
    }

    static func area(_ state: AppState, _ body: Body) -> ListArea? {
        ListArea(top: body.top + 4, visible: body.bottom - body.top - 4, count: state.people.count)
    }

    static func draw(_ state: AppState, _ body: Body, _ canvas: inout Canvas) {
        canvas.put("Whose record do you want to see? Mentors keep one per mentee.", x: 1, y: body.top + 1, style: .bold)
        guard let area = area(state, body) else { return }
        let nameWidth = min(max(10, state.people.map { TextWidth.of($0.name) + ($0.mentee ? 9 : 0) }.max() ?? 0), body.width / 4)
        let dates = 14
        let skillWidth = max(10, body.width - nameWidth - 2 * dates - 16)
        canvas.put("  " + Widgets.cell("NAME", nameWidth) + "  " + Widgets.cell("SKILLS", skillWidth) + "  "
                   + Widgets.cell("UPDATED", dates) + Widgets.cell("REVIEWED", dates) + "QUESTIONS", x: 0, y: area.top - 1, style: .muted)
        // Only the rows on screen are built, from the summaries (no profile is read).
        let shown = Widgets.window(state.peopleList, count: state.people.count, visible: area.visible)
        let items: [[[(String, Style)]]] = state.people[shown].map { person in
            let current = person.id == state.person
            let name = person.name + (person.mentee ? " (mentee)" : "")
            return [[("  " + Widgets.cell(name, nameWidth) + "  ", current ? .bold : .plain),
                     (Widgets.cell(skills(person, state), skillWidth) + "  ", .plain),
                     (Widgets.cell(ago(person.lastChange, now: state.now), dates), .muted),
                     (Widgets.cell(ago(person.lastReview, now: state.now), dates), .muted),
                     (person.openQuestions > 0 ? "\(person.openQuestions) open" : "", Style(colour: .warning))]]
        }
        Widgets.list(items, list: state.peopleList, count: state.people.count, top: area.top, visible: area.visible,
                     canvas: &canvas, symbols: state.symbols)
    }

    /// "66% to Senior · Serverless Functions, +2 more"
    static func skills(_ person: PersonSummary, _ state: AppState) -> String {
        guard let first = person.tracked.first else { return "no skills yet" }
        let more = person.tracked.count > 1 ? ", +\(person.tracked.count - 1) more" : ""
        if let figure = person.progress {
            // The figure first, so it survives a narrow column.
            let where_ = figure.percent.map { "\($0)% to \(figure.nextLevel ?? "")" } ?? "top level"
            return "\(where_) \(state.symbols.dot) \(figure.skillName)\(more)"
        }
        // A summary made in memory (the current person's, fresh from their record).
        guard let profile = state.library.profile(first.skill),
              let standing = Standing(profile: profile, tracked: PersonSummary.trackedSkill(first)) else {
            return first.skill + more
        }
        // The figure first, so it survives a narrow column.
        let where_ = standing.next.map { "\($0.percent)% to \($0.level)" } ?? "top level"
        return "\(where_) \(state.symbols.dot) \(profile.name)\(more)"
    }

    /// "today", "3 days ago", "5 weeks ago", "never".
    static func ago(_ moment: String?, now: String) -> String {
        guard let moment, let then = JournalEvent.date(moment), let current = JournalEvent.date(now) else { return "never" }
        let days = Int(current.timeIntervalSince(then) / 86_400)
        switch days {
        case ..<1: return "today"
        case 1: return "yesterday"
        case 2..<14: return "\(days) days ago"
        case 14..<70: return "\(days / 7) weeks ago"
        case 70..<730: return "\(days / 30) months ago"
        default: return "\(days / 365) years ago"
        }
    }
}
