import CellGrid
import Foundation
import LadderKit

/// Everything the UI shows, as one value: `update` makes a new one from a message,
/// `view` draws it. Nothing here touches the disk or the clock: saving is an
/// `Effect`, and the time arrives as a message.
public struct AppState: Sendable {
    public var library: ProfileLibrary { didSet { pathInputs &+= 1 } }
    public var person: PersonID
    public var record: PersonRecord { didSet { pathInputs &+= 1 } }
    /// Problems found loading the person's journal (torn lines, bad merges).
    public var journalProblems: [FileProblem] = []
    /// A journal written by a newer Ladder: shown, not changed.
    public var readOnly = false
    /// Whether the shown record is shared through git, and when it last synced.
    public var sharing: Sharing?
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
    /// The thread screen's scroll.
    public var thread = ListState()
    /// The learning path's order, filter and selection.
    public var path = PathViewState()
    public var diffList = ListState()
    /// The team screen: its rows, order, filter and selection.
    public var team = TeamViewState()

    /// A line of text being typed (a note, a search, a name) or a yes/no question.
    public var prompt: Prompt?
    /// The last outcome to tell the user; errors stay until the next key.
    public var notice: Notice?
    /// The lock file another Ladder holds while a save waits for it; nil when none waits.
    public var waitingForLock: String?
    /// The last key asked to quit while a save waited: a second q quits without it.
    var quitWhileWaiting = false
    public var showingHelp = false
    /// The first help row shown, when help scrolls on a small terminal.
    public var helpScroll = 0
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
    /// A review older than this many days puts a person on the team's attention list.
    public var reviewDays: Int = TeamSettings.defaultReviewDays
    /// This session's changes, newest last, for `u`: each undone by naming its events.
    public var undo: [UndoEntry] = []
    /// The history screen's series, worked out once per change (see `HistoryCache`).
    var histories: HistoryCache?
    /// The path screen's learning path, worked out by `settle` while it shows and
    /// only when the record or the library changed since (`pathInputs` counts their
    /// changes), not once per use or per key.
    var shownPath: LearningPath?
    var pathInputs = 0
    var shownPathInputs: Int?
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
        screen = .dashboard
        screen = home
    }

    /// Where the UI opens and Esc ends: the path once a role is set, the first-run
    /// walkthrough before anything is set, else the dashboard.
    public var home: Screen {
        if record.role != nil { return .path }
        return record.skillOrder.isEmpty ? .pickPathRole : .dashboard
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

    /// Returns to the previous screen, or home when there is none.
    mutating func goBack() {
        if let previous = back.popLast() {
            screen = previous
        } else if screen != home && (record.role != nil || !record.skillOrder.isEmpty) {
            screen = home
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
    /// The learning path: every skill of the person's role toward the next level.
    case path
    /// Choosing the person's role across skills (the first-run walkthrough starts here).
    case pickPathRole
    /// Choosing the person's level, after the role.
    case pickPathLevel(role: String)
    /// What the next level adds over the person's in a skill.
    case diff(skill: String, from: String, to: String)
    /// Every mentee at a glance, and who needs a 1:1.
    case team
    /// One expectation's evidence and question thread, from the review.
    case thread(skill: String, expectation: String)

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
        case .path: return \.path.list
        case .pickPathRole, .pickPathLevel: return \.picker
        case .diff: return \.diffList
        case .team: return \.team.list
        case .thread: return \.thread
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

/// The path screen's view: its order, its filter by name and its selection.
public struct PathViewState: Equatable, Sendable {
    public var order = PathOrder.path
    public var filter = ""
    public var list = ListState()
}

public struct SkillViewState: Equatable, Sendable {
    /// The level whose checklist is shown; nil means the next level (or the top one).
    public var level: String?
    public var list = ListState()
}

/// One change of this session that `u` can take back: its events, and what it was
/// in words ("ticked (Senior): Optimizes cost and performance.").
public struct UndoEntry: Equatable, Sendable {
    public var events: [String]
    public var words: String

    /// The first event as a report words it, and how many more came with it.
    static func words(_ events: [JournalEvent], _ library: ProfileLibrary) -> String {
        guard let first = events.first else { return "nothing" }
        let summary = ChangeReport(first, profile: first.skill.flatMap { library.profile($0) }).summary
        return events.count == 1 ? summary : "\(summary) (and \(events.count - 1) more)"
    }
}
