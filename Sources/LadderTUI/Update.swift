import LadderKit

/// The whole UI's behaviour: a new state and the effects to run, from an event.
/// Pure: no disk, no terminal, no clock beyond the events it creates.
public func update(_ state: AppState, _ event: InputEvent) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    switch event {
    case .resize:
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
        default:
            break
        }
        switch state.screen {
        case .dashboard: Dashboard.update(&state, key, &effects)
        case .browser: Browser.update(&state, key, &effects)
        case .pickRole, .pickLevel: Picker.update(&state, key, &effects)
        case .skill: SkillScreen.update(&state, key, &effects)
        case .people: PeopleScreen.update(&state, key, &effects)
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
        }
    }
}

import Foundation
