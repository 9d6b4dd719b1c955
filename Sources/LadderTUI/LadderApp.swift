import LadderKit

/// The running UI: holds the state, feeds events to `update`, runs the effects
/// it asks for against the store, and draws with `view`.
public final class LadderApp: TerminalProgram {
    public private(set) var state: AppState
    let store: Store

    /// Opens the UI on a person's record.
    public init(store: Store, library: ProfileLibrary, person: PersonID, unicode: Bool = true) {
        self.store = store
        var record = PersonRecord(id: person)
        var journal = Journal()
        var failure: String?
        do {
            (record, journal) = try store.record(for: person)
        } catch {
            failure = error.message
        }
        state = AppState(library: library, person: person, record: record, unicode: unicode)
        state.journalProblems = journal.problems
        state.readOnly = journal.readOnly
        if let failure { state.message = .error(failure) }
        if state.readOnly {
            state.message = .error("This journal was written by a newer Ladder: shown read-only. Update Ladder to change it.")
        }
    }

    public var isFinished: Bool { state.finished }

    public func handle(_ event: InputEvent) {
        let (next, effects) = update(state, event)
        state = next
        for effect in effects { run(effect) }
    }

    public func render(width: Int, height: Int) -> Canvas {
        let frame = view(state, width: width, height: height)
        state.clickRows = frame.listRows
        return frame.canvas
    }

    func run(_ effect: Effect) {
        switch effect {
        case .save(let events, let success, let open):
            guard !state.readOnly else {
                state.message = .error("Not saved: this journal was written by a newer Ladder. Update Ladder to change it.")
                return
            }
            do {
                try store.append(events, for: state.person)
            } catch {
                state.message = .error("Not saved: \(error.message)")
                return
            }
            for event in events { state.record.apply(event) }
            state.message = .info(success)
            if let open {
                state.back = state.record.skillOrder.isEmpty ? [] : [.dashboard]
                state.screen = open
                state.skill = SkillViewState()
            }
        case .switchPerson(let id, let name):
            do {
                var (record, journal) = try store.record(for: id)
                if let name, record.lastChange == nil {
                    let event = JournalEvent(.person, name: name)
                    try store.append([event], for: id)
                    record.apply(event)
                }
                state.person = id
                state.record = record
                state.journalProblems = journal.problems
                state.readOnly = journal.readOnly
                state.back = []
                state.dashboard = ListState()
                state.screen = record.skillOrder.isEmpty ? .browser : .dashboard
                state.message = .info("Showing \(record.name).")
            } catch {
                state.message = .error(error.message)
            }
        case .loadPeople:
            // Others from the checked summaries cache (a journal is read only when it changed).
            state.people = PeopleSummaries.load(store).summaries.map { summary in
                guard summary.id != state.person else {
                    let record = state.record
                    return PersonSummary(id: record.id, name: record.name, skills: record.skillOrder.count, lastChange: record.lastChange)
                }
                return PersonSummary(id: summary.id, name: summary.name, skills: summary.skills, lastChange: summary.lastChange)
            }
            if let index = state.people.firstIndex(where: { $0.id == state.person }) { state.peopleList.selection = index }
        }
    }
}
