/// What a person is working on across their tracked skills: each focus with its skill,
/// soonest target day first (undated ones last, oldest first). The path's "Next up",
/// the dashboard, the agenda, the report and `ladder focus` all list it this way.
public struct WorkingOn: Equatable, Sendable {
    /// One focused expectation and the skill it belongs to.
    public struct Item: Equatable, Sendable {
        public var skill: String
        public var focus: Focus
    }

    public var items: [Item]

    /// The focused expectations of a record, or of one skill when `skill` is given.
    public init(_ record: PersonRecord, skill: String? = nil) {
        self.init(skill.map { record.skills[$0].map { [$0] } ?? [] } ?? record.trackedSkills)
    }

    /// The focused expectations of these tracked skills.
    public init(_ skills: [TrackedSkill]) {
        items = skills.flatMap { tracked in tracked.focus.values.map { Item(skill: tracked.skill, focus: $0) } }
            .sorted(by: Self.order)
    }

    /// Dated before undated, earlier target first, then the older focus, then by id.
    static func order(_ a: Item, _ b: Item) -> Bool {
        switch (a.focus.due, b.focus.due) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.focus.since, a.skill, a.focus.expectation) < (b.focus.since, b.skill, b.focus.expectation)
        }
    }

    public var count: Int { items.count }

    /// How many target days have passed; `today` is `YYYY-MM-DD`.
    public func overdue(today: String) -> Int { items.count { $0.focus.isOverdue(today: today) } }

    /// "Working on 3 · 1 overdue" (nil when nothing is in focus).
    public func summary(today: String, dot: String = "·") -> String? {
        guard !items.isEmpty else { return nil }
        let late = overdue(today: today)
        return "Working on \(items.count)" + (late > 0 ? " \(dot) \(late) overdue" : "")
    }
}

extension Focus {
    /// "since 2026-05-02, by 2026-07-01 (overdue)": the dates, in words.
    public func dates(today: String) -> String {
        "since \(since.prefix(10))" + (due.map { ", by \($0)" + (isOverdue(today: today) ? " (overdue)" : "") } ?? "")
    }
}
