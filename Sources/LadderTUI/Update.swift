import CellGrid
import LadderKit

/// The whole UI's behaviour: from a state and a message, the next state and the
/// effects to run. Pure: no disk, no terminal, no clock (the time is a message).
/// After every message the current list is scrolled to keep its selection in view.
public func update(_ state: AppState, _ message: Message) -> (AppState, [Effect]) {
    var state = state
    var effects: [Effect] = []
    switch message {
    case .input(let event):
        handleInput(&state, event, &effects)
    case .clock(let now):
        state.now = now
    case .saved(let events, let intent):
        state.waitingForLock = nil
        applySaved(&state, events, intent)
    case .notSaved(let reason, _):
        state.waitingForLock = nil
        state.notice = .error("Not saved: \(reason)")
    case .waitingForLock(let path):
        state.waitingForLock = path
        state.notice = nil
    case .loaded(let loaded, let switched):
        showPerson(&state, loaded, switched: switched)
    case .changedOnDisk(let loaded):
        let added = loaded.record.eventCount - state.record.eventCount
        state.record = loaded.record
        state.journalProblems = loaded.problems
        state.readOnly = loaded.readOnly
        state.sharing = loaded.sharing
        if case .skill(let skill) = state.screen, loaded.record.skills[skill] == nil { state.goBack() }
        state.notice = .info(added > 0
            ? "\(loaded.record.name)'s record changed elsewhere: \(added) new change\(added == 1 ? "" : "s") shown."
            : "\(loaded.record.name)'s record changed elsewhere; shown as it is now.")
    case .notLoaded(let reason):
        state.notice = .error(reason)
    case .peopleLoaded(let summaries):
        let current = PersonSummary(state.record, journal: Journal())
        state.people = summaries.map { $0.id == state.person ? current : $0 }
        if let index = state.people.firstIndex(where: { $0.id == state.person }) { state.peopleList.selection = index }
        if state.screen == .team { TeamScreen.refresh(&state) }
    case .ownerNamed(let owner):
        Walkthrough.ownerNamed(&state, owner)
    case .edited(let skill, let expectation, let result):
        SkillScreen.edited(&state, skill: skill, expectation: expectation, result, &effects)
    case .synced(let words, let failed, let then):
        ReviewScreen.synced(&state, words, failed: failed, then: then, &effects)
    }
    settle(&state)
    return (state, effects)
}

func handleInput(_ state: inout AppState, _ event: InputEvent, _ effects: inout [Effect]) {
    switch event {
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
    case .scroll(let up):
        handleInput(&state, .key(up ? .up : .down), &effects)
    case .click(_, let y):
        // A click selects the list row under it, as worked out for the last frame.
        state.notice = nil
        if let index = state.clickRows[y] { state[keyPath: state.screen.list].selection = index }
    case .key(let key):
        handleKey(&state, key, &effects)
    case .idle:
        break
    }
}

func handleKey(_ state: inout AppState, _ key: Key, _ effects: inout [Effect]) {
    if state.prompt != nil {
        updatePrompt(&state, key, &effects)
        return
    }
    if state.showingHelp {
        // Arrows and paging scroll help where it does not fit; any other key closes it; q still quits.
        let body = state.body
        if HelpScreen.columnBreak(state, body) == nil, let delta = scrollDelta(key, page: max(1, body.height - 1)) {
            state.helpScroll = HelpScreen.scrolled(state.helpScroll + delta, state, body)
            return
        }
        state.showingHelp = false
        if key == .character("q") || key == .control("c") { state.finished = true }
        return
    }
    let quitAsked = state.quitWhileWaiting
    state.quitWhileWaiting = false
    state.notice = nil
    if state.waitingForLock != nil {
        // A change waits for the lock: Esc gives it up; quitting would lose it.
        switch key {
        case .escape:
            effects.append(.giveUpSave)
            return
        case .control("c"), .character("q"):
            // Asked twice, the user means it: quit without the waiting change.
            if quitAsked {
                state.finished = true
                return
            }
            state.quitWhileWaiting = true
            state.notice = .error("Your last change is not saved yet: it waits for the lock. q again quits without it; Esc gives it up.")
            return
        default:
            break
        }
    }
    switch key {
    case .control("c"), .character("q"):
        state.finished = true
        return
    case .character("?"), .function(1):
        state.showingHelp = true
        state.helpScroll = 0
        return
    case .character("P"):
        if state.screen != .people {
            state.open(.people)
            effects.append(.loadPeople)
            return
        }
    case .character("T"):
        // The path's T tracks every skill listed: from there, P then T.
        if state.screen != .team && state.screen != .path {
            TeamScreen.open(&state, &effects)
            return
        }
    case .character("R"):
        // On the team's coverage, r and R choose the role.
        if state.screen != .review && !(state.screen == .team && state.team.showingCoverage) {
            ReviewScreen.open(&state)
            return
        }
    case .character("p"):
        if state.screen != .path && state.screen != .pickPathRole {
            PathScreen.open(&state)
            return
        }
    case .character("u"):
        if let last = state.undo.last {
            save(&state, &effects, [.undo(events: last.events)], SaveIntent(.text("Undone: " + last.words), isUndo: true))
        } else {
            state.notice = .info("Nothing to undo in this session.")
        }
        return
    default:
        break
    }
    switch state.screen {
    case .dashboard: DashboardScreen.update(&state, key, &effects)
    case .browser: BrowserScreen.update(&state, key, &effects)
    case .pickRole, .pickLevel: PickerScreen.update(&state, key, &effects)
    case .skill: SkillScreen.update(&state, key, &effects)
    case .people: PeopleScreen.update(&state, key, &effects)
    case .history: HistoryScreen.update(&state, key, &effects)
    case .review: ReviewScreen.update(&state, key, &effects)
    case .path: PathScreen.update(&state, key, &effects)
    case .pickPathRole, .pickPathLevel: PathRoleScreen.update(&state, key, &effects)
    case .diff: DiffScreen.update(&state, key, &effects)
    case .team: TeamScreen.update(&state, key, &effects)
    case .thread: ThreadScreen.update(&state, key, &effects)
    }
}

/// Asks the runtime to write changes, unless this record is read-only.
func save(_ state: inout AppState, _ effects: inout [Effect], _ changes: [Change], _ intent: SaveIntent) {
    guard !changes.isEmpty else { return }
    guard state.waitingForLock == nil else {
        state.notice = .error("Not saved: your last change still waits for the lock; Esc gives it up. Nothing else is written meanwhile.")
        return
    }
    guard !state.readOnly else {
        state.notice = .error("Not saved: this journal was written by a newer Ladder. Update Ladder to change it.")
        return
    }
    effects.append(.save(changes, intent))
}

/// Asks to show another person's record, unless a change still waits for the lock
/// (it belongs to the person shown).
func showPerson(_ state: inout AppState, _ effects: inout [Effect], _ id: PersonID, create: String?) {
    guard state.waitingForLock == nil else {
        state.notice = .error("Your last change still waits for the lock; Esc gives it up, then switch person.")
        return
    }
    effects.append(.loadPerson(id, create: create))
}

/// Asks the runtime to write what `make` returns, or shows why it cannot.
func save(_ state: inout AppState, _ effects: inout [Effect], _ intent: SaveIntent,
          _ make: () throws(InputError) -> [Change]) {
    do {
        save(&state, &effects, try make(), intent)
    } catch {
        state.notice = .error(error.message)
    }
}

/// The changes are on disk: apply them, remember how to undo them, say what happened.
func applySaved(_ state: inout AppState, _ events: [JournalEvent], _ intent: SaveIntent) {
    for event in events { state.record.apply(event) }
    if intent.isUndo {
        state.undo.removeLast()
        state.notice = .info(words(intent.outcome, state))
        return
    }
    state.undo.append(UndoEntry(events: events.map(\.id), words: UndoEntry.words(events, state.library)))
    state.notice = .info(words(intent.outcome, state) + "  (u undoes)")
    if let open = intent.open {
        let home = state.home
        state.back = open == home || (state.record.role == nil && state.record.skillOrder.isEmpty) ? [] : [home]
        state.screen = open
        state.skill = SkillViewState()
    }
}

/// What a saved change says on the status line, from the record after it.
func words(_ outcome: SaveIntent.Outcome, _ state: AppState) -> String {
    switch outcome {
    case .text(let text):
        return text
    case .ticked(let skill), .unticked(let skill):
        let next = state.standing(skill)?.next
        if case .ticked = outcome, let next, next.isComplete {
            return "Every \(next.level) expectation is ticked. Press s to record your step up."
        }
        let verb = if case .ticked = outcome { "Ticked." } else { "Unticked." }
        return "\(verb) \(next?.summary ?? "top level")"
    }
}

/// Shows a person's record, read on start or after switching.
func showPerson(_ state: inout AppState, _ loaded: LoadedPerson, switched: Bool) {
    state.person = loaded.id
    state.record = loaded.record
    state.journalProblems = loaded.problems
    state.readOnly = loaded.readOnly
    state.sharing = loaded.sharing
    state.back = []
    state.dashboard = ListState()
    state.path = PathViewState()
    state.screen = state.home
    if switched {
        state.undo = []
        state.notice = .info("Showing \(loaded.record.name).")
    }
    if loaded.readOnly {
        state.notice = .error("This journal was written by a newer Ladder: shown read-only. Update Ladder to change it.")
    }
}

/// Keeps the current list's selection on screen and notes which item each row shows.
func settle(_ state: inout AppState) {
    if state.screen != .path {
        (state.shownPath, state.shownPathInputs) = (nil, nil)
    } else if state.shownPathInputs != state.pathInputs {
        (state.shownPath, state.shownPathInputs) = (PathScreen.make(state), state.pathInputs)
    }
    if state.screen == .review, !state.showingHelp, state.width >= minimumSize.width, state.height >= minimumSize.height {
        ReviewScreen.settle(&state) // scrolled by rows: a long item is read to its end
        return
    }
    guard !state.showingHelp, state.width >= minimumSize.width, state.height >= minimumSize.height,
          let area = listArea(state) else {
        state.clickRows = [:]
        return
    }
    if state.screen == .history { HistoryScreen.refresh(&state) } else { state.histories = nil }
    let path = state.screen.list
    state[keyPath: path].follow(heights: area.heights, visible: area.visible)
    state.clickRows = area.rows(scroll: state[keyPath: path].scroll)
}

/// Where the current screen's list is, as its screen lays it out.
func listArea(_ state: AppState) -> ListArea? {
    let body = state.body
    switch state.screen {
    case .dashboard: return DashboardScreen.area(state, body)
    case .browser: return BrowserScreen.area(state, body)
    case .pickRole, .pickLevel: return PickerScreen.area(state, body)
    case .skill: return SkillScreen.area(state, body)
    case .people: return PeopleScreen.area(state, body)
    case .history: return HistoryScreen.area(state, body)
    case .review: return nil // see ReviewScreen.settle
    case .path: return PathScreen.area(state, body)
    case .pickPathRole, .pickPathLevel: return PathRoleScreen.area(state, body)
    case .diff: return DiffScreen.area(state, body)
    case .team: return TeamScreen.area(state, body)
    case .thread: return nil
    }
}
