import CellGrid
import LadderKit

/// Typing into the prompt: characters add, Backspace removes, Ctrl-U clears,
/// Enter finishes, Esc cancels. A yes/no question takes y or n.
func updatePrompt(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
    guard var prompt = state.prompt else { return }
    if prompt.isYesNo {
        state.prompt = nil
        let yes = key == .character("y") || key == .character("Y") || key == .enter
        switch prompt.purpose {
        case .confirmStep(let skill):
            if yes { SkillScreen.stepUp(&state, skill, &effects) } else { state.notice = .info("Step up not recorded.") }
        case .syncFirst:
            if yes {
                state.notice = .info("Syncing \(state.record.name)'s record with git…")
                effects.append(.sync(then: .startReview))
            } else if key == .character("n") || key == .character("N") {
                ReviewScreen.start(&state, &effects)
            } else if key == .escape || key == .control("c") {
                state.notice = .info("Review not started.")
            } else {
                state.prompt = prompt  // y, n or Esc
            }
        default:
            break
        }
        return
    }
    switch key {
    case .escape, .control("c"):
        state.prompt = nil
        if prompt.purpose == .search { state.browser.query = "" }
        if prompt.purpose == .pathFilter { state.path.filter = "" }
        if prompt.purpose == .teamFilter { state.team.filter = "" }
        if prompt.purpose == .ownerName { state.notice = .info("Not named yet; name yourself any time with: ladder init --name \"Your Name\"") }
        return
    case .enter:
        state.prompt = nil
        finishPrompt(&state, prompt, &effects)
        return
    case .backspace, .delete:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
    case .control("u"):
        prompt.text = ""
    case .control("e"):
        // A long note: written in the user's editor, starting from what is typed.
        if case .note(let skill, let expectation) = prompt.purpose {
            state.prompt = nil
            SkillScreen.writeInEditor(&state, skill: skill, expectation: expectation, from: prompt.text, &effects)
            return
        }
    case .character(let character):
        if prompt.text.count < 2_000 { prompt.text.append(character) }
    default:
        break
    }
    state.prompt = prompt
    if prompt.purpose == .search {
        state.browser.query = prompt.text
        state.browser.list = ListState()
    }
    if prompt.purpose == .pathFilter {
        state.path.filter = prompt.text
        state.path.list = ListState()
    }
    if prompt.purpose == .teamFilter {
        state.team.filter = prompt.text
        state.team.list = ListState()
    }
}

/// Enter on a prompt: the typed text becomes a change, a search or a new person.
func finishPrompt(_ state: inout AppState, _ prompt: Prompt, _ effects: inout [Effect]) {
    let text = prompt.text
    let reviewer = state.reviewer
    switch prompt.purpose {
    case .search:
        state.browser.query = text
    case .pathFilter:
        state.path.filter = text
    case .teamFilter:
        state.team.filter = text
    case .ownerName:
        Walkthrough.named(&state, text, &effects)
    case .newPerson:
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { state.notice = .info("No name given; nobody added."); return }
        showPerson(&state, &effects, PersonID(name: name), create: name)
    case .confirmStep, .syncFirst:
        break
    case .note(let skill, let expectation):
        guard let standing = state.standing(skill) else { return }
        // Evidence is a log: an empty entry adds nothing (u takes back an entry of this session).
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { state.notice = .info("Nothing added."); return }
        save(&state, &effects, SaveIntent(.text("Evidence added."))) { () throws(InputError) in
            [try Changes.note(text, on: expectation, in: standing)]
        }
    case .notApplicable(let skill, let expectation):
        guard let standing = state.standing(skill) else { return }
        save(&state, &effects, SaveIntent(.text("Marked not applicable; it is out of the count."))) { () throws(InputError) in
            [try Changes.notApplicable(expectation, reason: text, in: standing)]
        }
    case .focus(let skill, let expectation):
        SkillScreen.finishFocus(&state, skill: skill, expectation: expectation, due: text, &effects)
    case .question(let skill, let expectation):
        guard let standing = state.standing(skill) else { return }
        save(&state, &effects, SaveIntent(.text("Question saved; it stays open until answered or withdrawn."))) { () throws(InputError) in
            [try Changes.question(expectation, comment: text, in: standing, by: reviewer)]
        }
    case .answer(let skill, let expectation):
        guard let standing = state.standing(skill) else { return }
        save(&state, &effects, SaveIntent(.text("Answer saved; it waits for your reviewer to accept it or ask again."))) { () throws(InputError) in
            [try Changes.answer(expectation, text: text, in: standing)]
        }
    case .reviewNote:
        let record = state.record
        save(&state, &effects, SaveIntent(.text("Review note saved."))) { () throws(InputError) in
            [try Changes.reviewNote(text, record, by: reviewer)]
        }
    }
}
