import CellGrid
import Foundation
import LadderKit

/// Everything the UI shows, as one value: `update` makes a new one from an event,
/// `view` draws it. Nothing here touches the disk; saving is an `Effect`.
public struct AppState: Sendable {
    public var library: ProfileLibrary
    public var person: PersonID
    public var record: PersonRecord
    /// Problems found loading the person's journal (torn lines, bad merges).
    public var journalProblems: [FileProblem] = []
    /// A journal written by a newer Ladder: shown, not changed.
    public var readOnly = false
    /// Everyone in the store, for the people screen.
    public var people: [PersonSummary] = []

    /// The screen shown; `back` holds where Esc returns to.
    public var screen: Screen
    public var back: [Screen] = []
    public var dashboard = ListState()
    public var browser = BrowserState()
    public var picker = ListState()
    public var skill = SkillViewState()
    public var peopleList = ListState()
    public var historyList = ListState()

    /// A line of text being typed (a note, a search, a name) or a yes/no question.
    public var prompt: Prompt?
    /// The last outcome to tell the user; errors stay until the next key.
    public var message: Message?
    public var showingHelp = false
    public var finished = false
    /// The current time (ISO), set by the runtime: relative dates and stale evidence.
    public var now: String = JournalEvent.now()
    /// Who signs reviews: the name of `me` in this store.
    public var reviewer = "Me"
    /// Evidence older than this many days is stale.
    public var staleDays: Int = Staleness.defaultDays
    /// Inverse events of this session's changes, newest last, for `u`.
    public var undo: [[JournalEvent]] = []
    public var review = ListState()
    /// Which list item each screen row showed in the last frame, for mouse clicks.
    public var clickRows: [Int: Int] = [:]
    /// Terminal abilities: Unicode symbols or ASCII ones.
    public var unicode: Bool

    public init(library: ProfileLibrary, person: PersonID, record: PersonRecord, unicode: Bool = true) {
        self.library = library
        self.person = person
        self.record = record
        self.unicode = unicode
        screen = record.skillOrder.isEmpty ? .browser : .dashboard
    }

    /// The time before which evidence is stale.
    public var staleCutoff: String {
        Staleness.cutoff(days: staleDays, now: JournalEvent.date(now) ?? Date())
    }

    /// The person's standing in a skill, when the skill and its role/level exist.
    public func standing(_ skill: String) -> Standing? {
        guard let profile = library.profile(skill), let tracked = record.skills[profile.id] else { return nil }
        return Standing(profile: profile, tracked: tracked)
    }

    /// Shows a new screen; Esc comes back to the current one.
    mutating func open(_ next: Screen) {
        back.append(screen)
        screen = next
    }

    /// Returns to the previous screen, or to the dashboard/browser when there is none.
    mutating func goBack() {
        if let previous = back.popLast() {
            screen = previous
        } else if screen != .dashboard && !record.skillOrder.isEmpty {
            screen = .dashboard
        }
    }
}

/// The screens of the UI.
public enum Screen: Equatable, Sendable {
    /// Every tracked skill with progress.
    case dashboard
    /// Every available profile, with search.
    case browser
    /// Choosing a role in a skill before tracking it.
    case pickRole(skill: String)
    /// Choosing the current level, after the role.
    case pickLevel(skill: String, role: String)
    /// A tracked skill: the matrix and a level's checklist.
    case skill(String)
    /// Everyone in the store; switch person or add one.
    case people
    /// Growth over time per tracked skill: progress sparkline, time at each level, pace.
    case history
    /// A 1:1 review of the shown person: what changed since the last one, the
    /// reviewer's confirmations and questions, notes, the agenda.
    case review
}

/// A selection in a list and how far the list is scrolled.
public struct ListState: Equatable, Sendable {
    public var selection = 0
    public var scroll = 0

    /// Moves the selection by `delta`, clamped to `count` items.
    mutating func move(_ delta: Int, count: Int) {
        selection = count == 0 ? 0 : min(max(0, selection + delta), count - 1)
    }

    /// Clamps the selection after the list changed size.
    mutating func clamp(_ count: Int) { move(0, count: count) }

    /// Handles the keys every list shares (arrows, vi keys, paging); true if handled.
    mutating func navigate(_ key: Key, count: Int, page: Int = 10) -> Bool {
        switch key {
        case .up, .character("k"): move(-1, count: count)
        case .down, .character("j"): move(1, count: count)
        case .pageUp, .control("b"): move(-page, count: count)
        case .pageDown, .control("f"): move(page, count: count)
        case .home, .character("g"): move(-count, count: count)
        case .end, .character("G"): move(count, count: count)
        default: return false
        }
        return true
    }
}

public struct BrowserState: Equatable, Sendable {
    public var query = ""
    public var list = ListState()
}

public struct SkillViewState: Equatable, Sendable {
    /// The level whose checklist is shown; nil means the next level (or the top one).
    public var level: String?
    public var list = ListState()
}

/// Text being typed at the bottom of the screen, or a yes/no question.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case note(skill: String, item: String)
        case search
        case newPerson
        case confirmStep(skill: String)
        case notApplicable(skill: String, item: String)
        case question(skill: String, item: String)
        case answer(skill: String, item: String)
        case reviewNote
    }

    public var purpose: Purpose
    public var label: String
    public var text: String
}

/// What the last action did, or why it could not.
public struct Message: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public static func info(_ text: String) -> Message { Message(text: text, isError: false) }
    public static func error(_ text: String) -> Message { Message(text: text, isError: true) }
}

/// A person as the people screen lists them.
public typealias PersonSummary = JournalSummary

/// Work for the runtime: `update` asks, `LadderApp` does it and reports back.
public enum Effect: Equatable, Sendable {
    /// Append events to the current person's journal; applied to the state only
    /// once saved, then `open` (if any) is shown with the dashboard behind it.
    case save([JournalEvent], success: String, open: Screen? = nil)
    /// Load another person's record and show their dashboard.
    case switchPerson(PersonID, name: String?)
    /// Read everyone's summary for the people screen.
    case loadPeople
    /// Take back the last change of this session (as new events).
    case undo
}
