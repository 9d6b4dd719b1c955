import CellGrid
import Foundation
import LadderKit

/// Everything the UI shows, as one value: `update` makes a new one from a message,
/// `view` draws it. Nothing here touches the disk or the clock: saving is an
/// `Effect`, and the time arrives as a message.
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
    public var review = ListState()

    /// A line of text being typed (a note, a search, a name) or a yes/no question.
    public var prompt: Prompt?
    /// The last outcome to tell the user; errors stay until the next key.
    public var notice: Notice?
    public var showingHelp = false
    public var finished = false
    /// The terminal's size, from the last resize: every frame is drawn at it.
    public var width = 80
    public var height = 24
    /// The current time (ISO), from the runtime: relative dates and stale evidence.
    public var now: String
    /// Who signs reviews: the data folder's owner.
    public var reviewer: Reviewer = "me"
    /// The data folder's owner (`me` until they name themself): nobody reviews their own ticks.
    public var owner: PersonID = .me
    /// Evidence older than this many days is stale.
    public var staleDays: Int = Staleness.defaultDays
    /// The changes that take back this session's changes, newest last, for `u`.
    public var undo: [[Change]] = []
    /// Which list item each screen row shows, for mouse clicks (worked out by `update`).
    public var clickRows: [Int: Int] = [:]
    /// Terminal abilities: Unicode symbols or ASCII ones.
    public var unicode: Bool

    public init(library: ProfileLibrary, person: PersonID, record: PersonRecord = PersonRecord(id: .me),
                unicode: Bool = true, now: String) {
        self.library = library
        self.person = person
        self.record = record
        self.unicode = unicode
        self.now = now
        screen = record.skillOrder.isEmpty ? .browser : .dashboard
    }

    /// The time before which evidence is stale.
    public var staleCutoff: String {
        Staleness.cutoff(days: staleDays, now: JournalEvent.date(now) ?? Date(timeIntervalSince1970: 0))
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

    /// The rows screens may draw in: all but the title, message and key lines.
    var body: Body { Body(top: 1, height: height - 3, width: width) }
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

    /// Where the screen keeps its list's selection and scroll.
    var list: WritableKeyPath<AppState, ListState> {
        switch self {
        case .dashboard: return \.dashboard
        case .browser: return \.browser.list
        case .pickRole, .pickLevel: return \.picker
        case .skill: return \.skill.list
        case .people: return \.peopleList
        case .history: return \.historyList
        case .review: return \.review
        }
    }
}

/// The rows a screen may draw in.
struct Body {
    let top: Int
    let height: Int
    let width: Int
    var bottom: Int { top + height }
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
