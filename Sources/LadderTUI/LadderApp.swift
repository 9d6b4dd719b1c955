import CellGrid
import LadderKit

/// The running UI: holds the state, feeds events to `update`, runs the effects
/// it asks for against the store, and draws with `view`.
public final class LadderApp: TerminalProgram {
    public private(set) var state: AppState
    let store: Store
    /// The size of the last `.resize`: what `frame` is drawn at.
    public private(set) var size = (width: 80, height: 24)

    /// Opens the UI on a person's record. `environment` gives `LADDER_STALE_DAYS`.
    public init(store: Store, library: ProfileLibrary, person: PersonID, unicode: Bool = true,
                environment: [String: String] = DataFolder.currentEnvironment()) {
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
        state.staleDays = Staleness.days(environment: environment)
        state.reviewer = person == .me ? record.name : ((try? store.record(for: .me))?.record.name ?? "Me")
        if let failure { state.message = .error(failure) }
        if state.readOnly {
            state.message = .error("This journal was written by a newer Ladder: shown read-only. Update Ladder to change it.")
        }
    }

    public var isFinished: Bool { state.finished }

    public func handle(_ event: InputEvent) {
        switch event {
        case .idle: return
        case .resize(let width, let height): size = (width, height)
        default: break
        }
        state.now = JournalEvent.now()
        let (next, effects) = update(state, event)
        state = next
        for effect in effects { run(effect) }
    }

    /// The current state drawn at the size of the last `.resize`.
    public var frame: Canvas { render(width: size.width, height: size.height) }

    /// The current state drawn at the given size.
    public func render(width: Int, height: Int) -> Canvas {
        let frame = view(state, width: width, height: height)
        state.clickRows = frame.listRows
        return frame.canvas
    }

    func run(_ effect: Effect) {
        switch effect {
        case .save(let events, let success, let open):
            let before = state.record
            guard save(events) else { return }
            let inverse = Changes.inverse(of: events, before: before)
            if !inverse.isEmpty { state.undo.append(inverse) }
            state.message = .info(success + (inverse.isEmpty ? "" : "  (u undoes)"))
            if let open {
                state.back = state.record.skillOrder.isEmpty ? [] : [.dashboard]
                state.screen = open
                state.skill = SkillViewState()
            }
        case .undo:
            guard let inverse = state.undo.popLast() else { return }
            if save(inverse) {
                state.message = .info("Undone (\(inverse.count) change\(inverse.count == 1 ? "" : "s") written to the journal).")
            } else {
                state.undo.append(inverse)
            }
        case .switchPerson(let id, let name):
            do {
                var (record, journal) = try store.record(for: id)
                if let name, record.lastChange == nil {
                    let event = JournalEvent(.person, name: name, mentee: id != .me)
                    try store.append([event], for: id)
                    record.apply(event)
                }
                state.person = id
                state.record = record
                state.journalProblems = journal.problems
                state.readOnly = journal.readOnly
                state.back = []
                state.undo = []
                state.dashboard = ListState()
                state.screen = record.skillOrder.isEmpty ? .browser : .dashboard
                state.message = .info("Showing \(record.name).")
            } catch {
                state.message = .error(error.message)
            }
        case .loadPeople:
            // Others from the checked summaries cache (a journal is read only when it changed).
            let record = state.record
            state.people = PeopleSummaries.load(store).summaries.map { summary in
                summary.id == record.id ? JournalSummary(record, journal: Journal()) : summary
            }
            if let index = state.people.firstIndex(where: { $0.id == state.person }) { state.peopleList.selection = index }
        }
    }

    /// Appends events and applies them once on disk; false (with the reason shown) when not saved.
    private func save(_ events: [JournalEvent]) -> Bool {
        guard !state.readOnly else {
            state.message = .error("Not saved: this journal was written by a newer Ladder. Update Ladder to change it.")
            return false
        }
        do {
            try store.append(events, for: state.person)
        } catch {
            state.message = .error("Not saved: \(error.message)")
            return false
        }
        for event in events { state.record.apply(event) }
        return true
    }
}
