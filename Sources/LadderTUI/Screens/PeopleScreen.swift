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
            effects.append(.switchPerson(person.id, name: nil))
        case .character("a"):
            state.prompt = Prompt(purpose: .newPerson, label: "Name of the person to add:", text: "")
        default:
            break
        }
    }

    static func draw(_ state: inout AppState, _ body: Body, _ frame: inout Frame) {
        var y = body.top + 1
        frame.canvas.put("Whose record do you want to see? Mentors keep one per mentee.", x: 1, y: y, style: .bold)
        y += 2
        let nameWidth = min(max(10, state.people.map { TextWidth.of($0.name) }.max() ?? 0), body.width / 3)
        frame.canvas.put("  " + Widgets.cell("NAME", nameWidth) + "  SKILLS  LAST CHANGE", x: 0, y: y, style: .muted)
        y += 1
        let items: [[(String, Style)]] = state.people.map { person in
            let current = person.id == state.person
            return [("  " + Widgets.cell(person.name, nameWidth) + "  ", current ? .bold : .plain),
                    (Widgets.cell("\(person.skills)", 6) + "  ", .plain),
                    (person.lastChange.map { String($0.prefix(10)) } ?? "never", .muted),
                    (current ? "  (shown now)" : "", Style(colour: .good))]
        }
        Widgets.list(items, list: &state.peopleList, top: y, visible: body.bottom - y, frame: &frame, symbols: state.symbols)
    }
}
