import CellGrid
import LadderKit

/// The learning plan on the skill screen: `f` marks the selected expectation as
/// being worked on (asking for a target day) or stops it; under an expectation, the
/// focus with its dates and, when it is selected, its resources and the skill's.
extension SkillScreen {
    /// `f`: on an expectation being worked on, stops it; otherwise asks for a target day.
    static func focusKey(_ row: Row?, _ standing: Standing, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .expectation(let expectation, _) = row else {
            state.notice = .info("You can work on expectations that are still in the profile.")
            return
        }
        if standing.tracked.focus[expectation.id] != nil {
            save(&state, &effects, SaveIntent(.text("No longer working on it."))) { () throws(InputError) in
                [try Changes.unfocus(expectation.id, in: standing)]
            }
            return
        }
        if standing.tracked.ticks[expectation.id] != nil {
            state.notice = .info("Already ticked: nothing left to work on.")
            return
        }
        state.prompt = Prompt(purpose: .focus(skill: standing.profile.id, expectation: expectation.id),
                              label: "Working on it; target day (YYYY-MM-DD, Enter for none):", text: "")
    }

    /// Saves the focus typed at the prompt; a bad day is refused and nothing is written.
    static func finishFocus(_ state: inout AppState, skill: String, expectation: String, due: String,
                            _ effects: inout [Effect]) {
        guard let standing = state.standing(skill) else { return }
        let today = String(state.now.prefix(10))
        save(&state, &effects, SaveIntent(.text(due.isEmpty ? "Working on it." : "Working on it, by \(due)."))) { () throws(InputError) in
            [try Changes.focus(expectation, due: due, today: today, in: standing)]
        }
    }

    /// The row under an expectation being worked on: since when, and by when.
    static func focusRows(_ expectation: Expectation, _ standing: Standing, _ state: AppState,
                          width: Int) -> [[(String, Style)]] {
        var rows: [[(String, Style)]] = []
        if let focus = standing.tracked.focus[expectation.id] {
            let today = String(state.now.prefix(10))
            let text = "\(state.symbols.required) working on it \(focus.dates(today: today))"
            let style = focus.isOverdue(today: today) ? Style(.bold, colour: .warning) : Style(colour: .accent)
            for line in TextWidth.wrap(text, to: width) { rows.append([("      " + line, style)]) }
        }
        return rows
    }

    /// Under the selected expectation: where to learn it (its own resources, then the skill's).
    /// On a short terminal, where they could not be read whole, one line says how many
    /// there are and where to read them.
    static func learnRows(_ expectation: Expectation, _ standing: Standing, width: Int, short: Bool) -> [[(String, Style)]] {
        var rows: [[(String, Style)]] = []
        let own = expectation.resources ?? []
        let skill = standing.profile.resources ?? []
        if short, own.count + skill.count > 0 {
            let text = "Learn: \(own.count + skill.count) resource\(own.count + skill.count == 1 ? "" : "s") (a taller window shows them; or ladder show \(standing.profile.id))"
            return TextWidth.wrap(text, to: width).map { [("      " + $0, .muted)] }
        }
        for (label, resources) in [("Learn:", own), (own.isEmpty ? "Learn (the skill):" : "The skill:", skill)] where !resources.isEmpty {
            rows.append([("      " + label, .muted)])
            for resource in resources { rows += resourceRows(resource, width: width) }
        }
        return rows
    }

    /// A resource as text: its title, wrapped, then its URL on lines of its own, whole
    /// (a URL is never cut: the user must be able to read or copy all of it).
    static func resourceRows(_ resource: Resource, width: Int, indent: Int = 6) -> [[(String, Style)]] {
        var rows: [[(String, Style)]] = []
        let lead = String(repeating: " ", count: indent)
        for (n, line) in TextWidth.wrap(Safe.text(resource.title), to: max(4, width - 2)).enumerated() {
            rows.append([(lead + (n == 0 ? "- " : "  ") + line, .plain)])
        }
        for line in TextWidth.wrap(Safe.text(resource.url), to: max(4, width - 2)) {
            rows.append([(lead + "  ", .plain), (line, .link)])
        }
        return rows
    }

    /// Every web address of a skill's profile: what `view` makes links of.
    static func addresses(_ profile: Profile?) -> [String] {
        guard let profile else { return [] }
        let own = profile.allExpectations().flatMap { $0.expectation.resources ?? [] }
        return ((profile.resources ?? []) + own).map(\.url)
    }
}
