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
    /// A save that waits for another Ladder's lock: tried again before every event.
    private var waiting: (events: [JournalEvent], person: PersonID, intent: SaveIntent)?
    /// The shown journal's stamp when it was last read or written by this app.
    private var seen: JournalStamp?
    /// A sync asked for: run on the next event, once the frame saying "Syncing…" is drawn.
    private var pendingSync: AfterSync?
    /// A note to write in the user's editor: run on the next event, in the terminal lent to it.
    private var pendingEditor: (skill: String, expectation: String, template: String)?
    /// The editor can run: the app is in a real terminal (not `ladder snapshot` or a test).
    private let canLendTerminal: Bool
    /// Where `$VISUAL`/`$EDITOR` are read.
    private let environment: [String: String]
    /// Where the shown person's journal is, worked out once per load, so a key costs
    /// one `stat` (not a read of `owner.json` and the sharing folders too).
    private var shownJournal: (person: PersonID, path: String)?

    /// Opens the UI on a person's record. `environment` gives `LADDER_STALE_DAYS`;
    /// `clock` gives the time (fixed in tests). `askOwnerName`: the first run, which
    /// starts by asking the user's name.
    public init(store: Store, library: ProfileLibrary, person: PersonID, unicode: Bool = true,
                askOwnerName: Bool = false, environment: [String: String] = DataFolder.currentEnvironment(),
                canLendTerminal: Bool = false, clock: @escaping @Sendable () -> String = { JournalEvent.now() }) {
        // Saves never wait inside a key: a held lock is tried again on the next event.
        var store = store
        store.lockTimeout = 0
        self.store = store
        self.clock = clock
        self.environment = environment
        self.canLendTerminal = canLendTerminal
        let owner = store.owner()
        let person = person == .me ? (owner?.id ?? .me) : person  // `me` is the owner
        state = AppState(library: library, person: person, record: PersonRecord(id: person), unicode: unicode, now: clock())
        state.staleDays = Staleness.days(environment: environment)
        state.reviewDays = TeamSettings(environment: environment, now: Date()).reviewDays
        state.owner = owner?.id ?? .me
        if let owner { state.reviewer = owner.reviewer }
        if askOwnerName { Walkthrough.askName(&state) }
        run(.loadPerson(person, create: nil), switched: false)
        // No owner yet: `me` signs under its record's name (`Store.reviewer()`), just read
        // when `me` is the one shown.
        if owner == nil { state.reviewer = person == .me ? Reviewer(.me, name: state.record.name) : store.reviewer() }
    }

    public var isFinished: Bool { state.finished }

    /// True while a sync waits to run: the runner draws, then sends `.idle` at once.
    public var hasWorkPending: Bool { pendingSync != nil || pendingEditor != nil }

    /// The pending work is the editor, which needs the terminal itself.
    public var workNeedsTerminal: Bool { pendingEditor != nil }

    /// The current frame, drawn at the size of the last resize.
    public var frame: Canvas { view(state) }

    public func handle(_ event: InputEvent) {
        let now = clock()
        if now != state.now { send(.clock(now)) }
        if let waiting { write(waiting.events, for: waiting.person, waiting.intent) }
        if let then = pendingSync {
            pendingSync = nil
            syncShownRecord(then: then)
        }
        if let note = pendingEditor {
            pendingEditor = nil
            let result: Result<String, EditorFailure>
            do throws(TextEditor.Failure) {
                result = .success(try TextEditor.edit(note.template, environment: environment))
            } catch {
                result = .failure(EditorFailure(error.message))
            }
            send(.edited(skill: note.skill, expectation: note.expectation, result))
        }
        noticeChangesOnDisk()
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
            write(JournalEvent.stamp(changes, at: clock()), for: state.person, intent)
        case .giveUpSave:
            guard let given = waiting else { return }
            waiting = nil
            send(.notSaved(reason: "you gave up waiting for the lock; nothing of that change was written", given.intent))
        case .loadPerson(let id, let name):
            do {
                shownJournal = nil
                let stamp = journalStamp(for: id)
                var (record, journal) = try store.record(for: id)
                if let name, record.lastChange == nil {
                    let events = JournalEvent.stamp([.person(name: name, mentee: id != .me)], at: clock())
                    try store.append(events, for: id)
                    for event in events { record.apply(event) }
                }
                seen = name == nil ? stamp : journalStamp(for: id)
                send(.loaded(loaded(id, record, journal), switched: switched))
            } catch {
                send(.notLoaded(reason: error.message))
            }
        case .nameOwner(let name):
            do {
                shownJournal = nil // naming the owner can tell where `me`'s journal is
                send(.ownerNamed(try store.nameOwner(name)))
            } catch {
                send(.notLoaded(reason: "Not saved: " + error.message))
            }
        case .sync(let then):
            pendingSync = then
        case .editNote(let skill, let expectation, let template):
            if canLendTerminal {
                pendingEditor = (skill, expectation, template)
            } else {
                send(.edited(skill: skill, expectation: expectation,
                             .failure(EditorFailure("the editor opens only in the terminal UI; type the note on the line instead"))))
            }
        case .loadPeople:
            // From the checked summaries cache: a journal is read only when it changed.
            send(.peopleLoaded(PeopleSummaries.load(store).summaries))
        }
    }

    /// Appends events; when another Ladder holds the lock, keeps them to try again
    /// and says so once.
    private func write(_ events: [JournalEvent], for person: PersonID, _ intent: SaveIntent) {
        do {
            let before = journalStamp(for: person)
            try store.append(events, for: person)
            waiting = nil
            // Our own write: the new stamp is expected, unless someone else wrote in between.
            if before == seen { seen = journalStamp(for: person) }
            send(.saved(events, intent))
        } catch let error where error.heldLock != nil {
            if waiting == nil { send(.waitingForLock(path: error.heldLock ?? "")) }
            waiting = (events, person, intent)
        } catch {
            waiting = nil
            send(.notSaved(reason: error.message, intent))
        }
    }

    /// Reads the shown journal again when another process changed it since this app
    /// last read or wrote it: one `stat` per event, a read only when it changed.
    private func noticeChangesOnDisk() {
        let person = state.person
        var stamp = journalStamp(for: person)
        guard let seen, stamp != seen else { return }
        // Changed: maybe moved too (a record shared by another Ladder); look again.
        shownJournal = nil
        stamp = journalStamp(for: person)
        self.seen = stamp
        guard let (record, journal) = try? store.record(for: person) else { return }
        send(.changedOnDisk(loaded(person, record, journal)))
    }

    /// A record as read, with whether it is shared through git and when it last synced.
    private func loaded(_ id: PersonID, _ record: PersonRecord, _ journal: Journal) -> LoadedPerson {
        let sharing = LastSync.repository(of: id, in: store).map { Sharing(lastSynced: LastSync.time(in: $0)) }
        return LoadedPerson(id: id, record: record, problems: journal.problems, readOnly: journal.readOnly, sharing: sharing)
    }

    /// Syncs the shown record through git, reads it again and says how it went.
    private func syncShownRecord(then: AfterSync) {
        do throws(SyncError) {
            let report = try GitSync.run(recordOf: state.person, in: store)
            noticeChangesOnDisk()
            let words = report.map { $0.counts + ($0.warnings.isEmpty ? "" : "; " + $0.warnings.joined(separator: "; ")) }
            send(.synced(words ?? "this record is not shared through git", failed: report == nil, then: then))
        } catch {
            send(.synced(error.message, failed: true, then: then))
        }
    }

    /// The stamp of a person's journal, at the place worked out when it was loaded.
    private func journalStamp(for person: PersonID) -> JournalStamp {
        if let shownJournal, shownJournal.person == person { return JournalStamp(ofJournal: shownJournal.path) }
        let path = store.journalPath(for: person)
        shownJournal = (person, path)
        return JournalStamp(ofJournal: path)
    }
}
