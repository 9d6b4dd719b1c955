import CellGrid
import Foundation
import LadderKit

/// The running UI: the one step every caller drives — the terminal, `ladder
/// snapshot`, the tests and the bench. It holds the state, feeds each message to
/// `update`, performs the effects `update` asks for against the store and feeds
/// their outcomes back as messages. It never edits the state itself.
public final class LadderApp: TerminalProgram {
    public private(set) var state: AppState
    let store: Store
    let clock: @Sendable () -> String

    /// Opens the UI on a person's record. `environment` gives `LADDER_STALE_DAYS`;
    /// `clock` gives the time (fixed in tests). `askOwnerName`: the first run, which
    /// starts by asking the user's name.
    public init(store: Store, library: ProfileLibrary, person: PersonID, unicode: Bool = true,
                askOwnerName: Bool = false, environment: [String: String] = DataFolder.currentEnvironment(),
                clock: @escaping @Sendable () -> String = { JournalEvent.now() }) {
        self.store = store
        self.clock = clock
        let person = store.canonical(person)  // `me` is the owner
        state = AppState(library: library, person: person, record: PersonRecord(id: person), unicode: unicode, now: clock())
        state.staleDays = Staleness.days(environment: environment)
        state.reviewer = store.reviewer()
        state.owner = store.ownerID
        if askOwnerName { Walkthrough.askName(&state) }
        run(.loadPerson(person, create: nil), switched: false)
    }

    public var isFinished: Bool { state.finished }

    /// The current frame, drawn at the size of the last resize.
    public var frame: Canvas { view(state) }

    public func handle(_ event: InputEvent) {
        let now = clock()
        if now != state.now { send(.clock(now)) }
        send(.input(event))
    }

    /// Feeds a message to `update`, then runs the effects it asked for, each of
    /// whose outcome is fed back the same way.
    func send(_ message: Message) {
        let (next, effects) = update(state, message)
        state = next
        for effect in effects { run(effect, switched: true) }
    }

    func run(_ effect: Effect, switched: Bool) {
        switch effect {
        case .save(let changes, let intent):
            let events = JournalEvent.stamp(changes, at: clock())
            do {
                try store.append(events, for: state.person)
                send(.saved(events, intent))
            } catch {
                send(.notSaved(reason: error.message, intent))
            }
        case .loadPerson(let id, let name):
            do {
                var (record, journal) = try store.record(for: id)
                if let name, record.lastChange == nil {
                    let events = JournalEvent.stamp([.person(name: name, mentee: id != .me)], at: clock())
                    try store.append(events, for: id)
                    for event in events { record.apply(event) }
                }
                send(.loaded(LoadedPerson(id: id, record: record, problems: journal.problems, readOnly: journal.readOnly),
                             switched: switched))
            } catch {
                send(.notLoaded(reason: error.message))
            }
        case .nameOwner(let name):
            do {
                send(.ownerNamed(try store.nameOwner(name)))
            } catch {
                send(.notLoaded(reason: "Not saved: " + error.message))
            }
        case .loadPeople:
            // From the checked summaries cache: a journal is read only when it changed.
            send(.peopleLoaded(PeopleSummaries.load(store).summaries))
        }
    }
}
