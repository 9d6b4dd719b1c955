import CellGrid
import LadderKit

/// What `update` reacts to: input from the terminal, the time, and the outcome of
/// every effect it asked for. The runner feeds each outcome back, so what happens
/// after a save (navigation, undo, the status line) is decided in one place.
public enum Message: Equatable, Sendable {
    case input(InputEvent)
    /// The current time, sent by the runtime when it changes.
    case clock(String)
    /// The changes are on disk as these events.
    case saved([JournalEvent], SaveIntent)
    /// The changes could not be written; nothing changed on disk.
    case notSaved(reason: String, SaveIntent)
    /// Another Ladder holds the lock: the save waits and is tried again on every key
    /// and every idle second, until it lands or the user gives it up.
    case waitingForLock(path: String)
    /// A person's record was read (on start, or after switching person).
    case loaded(LoadedPerson, switched: Bool)
    /// The shown person's journal was changed by another process (the CLI, a sync,
    /// another window): here it is as read again.
    case changedOnDisk(LoadedPerson)
    /// A person's record could not be read.
    case notLoaded(reason: String)
    /// Everyone's summary, for the people screen.
    case peopleLoaded([PersonSummary])
    /// The user named themself on the first run: the folder's owner.
    case ownerNamed(Owner)
    /// The shown person's record was synced through git (`.sync`): what came of it,
    /// in words, and whether it failed; the record is read again before this comes.
    case synced(String, failed: Bool, then: AfterSync)
    /// The editor asked for with `.editNote` closed: the note written, or why there is none.
    case edited(skill: String, expectation: String, Result<String, EditorFailure>)
}

/// Why no note came back from the editor.
public struct EditorFailure: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// What to do once a sync asked for by `update` is done.
public enum AfterSync: Equatable, Sendable {
    case nothing
    case startReview
}

/// A person's record as read from the store.
public struct LoadedPerson: Equatable, Sendable {
    public var id: PersonID
    public var record: PersonRecord
    public var problems: [FileProblem]
    public var readOnly: Bool
    /// Whether the record is shared through git and when it last synced here.
    public var sharing: Sharing?

    public init(id: PersonID, record: PersonRecord, problems: [FileProblem], readOnly: Bool, sharing: Sharing? = nil) {
        self.id = id
        self.record = record
        self.problems = problems
        self.readOnly = readOnly
        self.sharing = sharing
    }
}

/// A record shared through git (its own repository, or the whole data folder).
public struct Sharing: Equatable, Sendable {
    /// The last sync's time (ISO); nil when it never synced here.
    public var lastSynced: String?

    public init(lastSynced: String?) { self.lastSynced = lastSynced }
}

/// Work for the runtime: `update` asks, the runner does it and answers with a message.
public enum Effect: Equatable, Sendable {
    /// Write changes to the current person's journal, stamped with the time.
    case save([Change], SaveIntent)
    /// Read a person's record; `create` names a new person, written before it is read.
    case loadPerson(PersonID, create: String?)
    /// Read everyone's summary for the people screen.
    case loadPeople
    /// Drop the save that waits for the lock; nothing of it is written.
    case giveUpSave
    /// Make the user, by this name, the data folder's owner (the first run).
    case nameOwner(String)
    /// Write a note of evidence in the user's editor, which opens on `template`: the
    /// terminal is lent to the editor once the frame is drawn; `.edited` comes back.
    case editNote(skill: String, expectation: String, template: String)
    /// Sync the shown person's record through git. It runs after the frame that says
    /// "Syncing…" is drawn (`LadderApp.hasWorkPending`), then `.synced` comes.
    case sync(then: AfterSync)
}

/// What a save is for: what to say once it is on disk, where to go, and whether it
/// takes back an earlier change (`u`).
public struct SaveIntent: Equatable, Sendable {
    public var outcome: Outcome
    public var open: Screen?
    public var isUndo: Bool

    public init(_ outcome: Outcome, open: Screen? = nil, isUndo: Bool = false) {
        self.outcome = outcome
        self.open = open
        self.isUndo = isUndo
    }

    /// The words for the status line, worded from the record after the save.
    public enum Outcome: Equatable, Sendable {
        case text(String)
        /// "Ticked. Senior: 2 of 3 · 66%", or the step-up hint when the level is complete.
        case ticked(skill: String)
        case unticked(skill: String)
    }
}

/// Text being typed at the bottom of the screen, or a yes/no question.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case note(skill: String, expectation: String)
        case search
        /// Filtering the path's skills by name, as you type.
        case pathFilter
        /// Filtering the team screen's people by name, as you type.
        case teamFilter
        case newPerson
        /// The first run: the user's own name.
        case ownerName
        case confirmStep(skill: String)
        /// Starting a review of a record shared through git: sync first (y) or not (n)?
        case syncFirst
        case notApplicable(skill: String, expectation: String)
        /// The target day of a focus (`f`); empty for none.
        case focus(skill: String, expectation: String)
        case question(skill: String, expectation: String)
        case answer(skill: String, expectation: String)
        case reviewNote
    }

    public var purpose: Purpose
    public var label: String
    public var text: String

    /// A question answered with y or n, not typed text.
    public var isYesNo: Bool {
        switch purpose {
        case .confirmStep, .syncFirst: return true
        default: return false
        }
    }
}

/// What the last action did, or why it could not: the message line.
public struct Notice: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public static func info(_ text: String) -> Notice { Notice(text: text, isError: false) }
    public static func error(_ text: String) -> Notice { Notice(text: text, isError: true) }
}
