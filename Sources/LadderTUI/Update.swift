import CellGrid
import LadderKit

/// The whole UI's behaviour: a new state and the effects to run, from an event.
/// Pure: no disk, no terminal, no clock beyond the events it creates.
public func update(_ state: AppState, _ event: InputEvent) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    switch event {
    case .resize, .idle: // idle: nothing to notice yet
        return (state, [])
    case .scroll(let up):
        return update(state, .key(up ? .up : .down))
    case .click(_, let y):
        // A click selects the list row under it; the view recorded where rows are.
        state.message = nil
        if let index = state.clickRows[y] { state.select(index) }
        return (state, [])
    case .key(let key):
        if state.prompt != nil {
            updatePrompt(&state, key, &effects)
            return (state, effects)
        }
        if state.showingHelp {
            // Any key closes help; q still quits.
            state.showingHelp = false
            if key == .character("q") || key == .control("c") { state.finished = true }
            return (state, [])
        }
        state.message = nil
        switch key {
        case .control("c"), .character("q"):
            state.finished = true
            return (state, [])
        case .character("?"), .function(1):
            state.showingHelp = true
            return (state, [])
        case .character("P"):
            if state.screen != .people {
                state.open(.people)
                return (state, [.loadPeople])
            }
        case .character("u"):
            if state.undo.isEmpty {
                state.message = .info("Nothing to undo in this session.")
                return (state, [])
            }
            return (state, [.undo])
        default:
            break
        }
        switch state.screen {
        case .dashboard: Dashboard.update(&state, key, &effects)
        case .browser: Browser.update(&state, key, &effects)
        case .pickRole, .pickLevel: Picker.update(&state, key, &effects)
        case .skill: SkillScreen.update(&state, key, &effects)
        case .people: PeopleScreen.update(&state, key, &effects)
        case .history: HistoryScreen.update(&state, key, &effects)
        case .review: ReviewScreen.update(&state, key, &effects)
        }
    }
    return (state, effects)
}

/// Typing into the prompt: characters add, Backspace removes, Ctrl-U clears,
/// Enter finishes, Esc cancels. A yes/no question takes y or n.
func updatePrompt(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
    guard var prompt = state.prompt else { return }
    if case .confirmStep(let skill) = prompt.purpose {
        state.prompt = nil
        if key == .character("y") || key == .character("Y") || key == .enter {
            SkillScreen.stepUp(&state, skill, &effects)
        } else {
            state.message = .info("Step up not recorded.")
        }
        return
    }
    switch key {
    case .escape:
        state.prompt = nil
        if prompt.purpose == .search { state.browser.query = "" }
        return
    case .enter:
        state.prompt = nil
        finishPrompt(&state, prompt, &effects)
        return
    case .backspace, .delete:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .control("u"):
        prompt.text = ""
    case .character(let character):
        if prompt.text.count < 2_000 { prompt.text.append(character) }
    case .control("c"):
        state.prompt = nil
        return
    default:
        break
    }
    state.prompt = prompt
    if prompt.purpose == .search {
        state.browser.query = prompt.text
        state.browser.list = ListState()
    }
}

func finishPrompt(_ state: inout AppState, _ prompt: Prompt, _ effects: inout [Effect]) {
    switch prompt.purpose {
    case .search:
        state.browser.query = prompt.text
    case .note(let skill, let item):
        guard let standing = state.standing(skill) else { return }
        do {
            let event = try Changes.note(prompt.text, on: item, in: standing)
            effects.append(.save([event], success: prompt.text.isEmpty ? "Note removed." : "Note saved."))
        } catch {
            state.message = .error(error.message)
        }
    case .newPerson:
        let name = prompt.text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { state.message = .info("No name given; nobody added."); return }
        effects.append(.switchPerson(PersonID(name: name), name: name))
    case .confirmStep:
        break
    case .notApplicable(let skill, let item):
        let standing = state.standing(skill)
        save(&state, &effects, "Marked not applicable; it is out of the count.") { () throws(InputError) in
            guard let standing else { return [] }
            return [try Changes.notApplicable(item, reason: prompt.text, in: standing)]
        }
    case .question(let skill, let item):
        let standing = state.standing(skill)
        let reviewer = state.reviewer
        save(&state, &effects, "Question saved; it stays open until answered or withdrawn.") { () throws(InputError) in
            guard let standing else { return [] }
            return [try Changes.question(item, comment: prompt.text, in: standing, by: reviewer)]
        }
    case .answer(let skill, let item):
        let standing = state.standing(skill)
        save(&state, &effects, "Answer saved; the question is closed.") { () throws(InputError) in
            guard let standing else { return [] }
            return [try Changes.answer(item, text: prompt.text, in: standing)]
        }
    case .reviewNote:
        let record = state.record
        let reviewer = state.reviewer
        save(&state, &effects, "Review note saved.") { () throws(InputError) in
            [try Changes.reviewNote(prompt.text, record, by: reviewer)]
        }
    }
}

/// Asks the runtime to save what `make` returns, or shows why it cannot.
func save(_ state: inout AppState, _ effects: inout [Effect], _ success: String,
          _ make: () throws(InputError) -> [JournalEvent]) {
    do {
        let events = try make()
        if !events.isEmpty { effects.append(.save(events, success: success)) }
    } catch {
        state.message = .error(error.message)
    }
}

extension AppState {
    /// Selects a row of the list the current screen shows.
    mutating func select(_ index: Int) {
        switch screen {
        case .dashboard: dashboard.selection = index
        case .browser: browser.list.selection = index
        case .pickRole, .pickLevel: picker.selection = index
        case .skill: skill.list.selection = index
        case .people: peopleList.selection = index
        case .history: historyList.selection = index
        case .review: review.selection = index
        }
    }
}

import Foundation
