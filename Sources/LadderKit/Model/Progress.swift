/// How far a person is toward a level of a skill: the share of that level's
/// expectations, for their role, that they ticked.
public struct Progress: Equatable, Sendable {
    /// The level measured (usually the next one).
    public var level: String
    public var done: Int
    public var total: Int
    /// Whether the level is Required for the role (optional levels still count).
    public var required: Bool

    /// Whole percent, rounded down so 100 means every expectation is ticked.
    public var percent: Int { total == 0 ? 0 : done * 100 / total }
    public var isComplete: Bool { total > 0 && done == total }

    /// "Senior: 3 of 9 · 33%"
    public var summary: String { "\(level): \(done) of \(total) · \(percent)%" }
}

/// A tracked skill read against its profile: what the person's role and level are,
/// what the next level is and how far they are toward it.
public struct Standing: Equatable, Sendable {
    public var profile: Profile
    public var tracked: TrackedSkill
    public var role: Role
    public var levelIndex: Int

    /// Nil when the tracked role or level is no longer in the profile.
    public init?(profile: Profile, tracked: TrackedSkill) {
        guard let role = profile.role(named: tracked.role),
              let index = profile.levelIndex(named: tracked.level) else { return nil }
        self.profile = profile
        self.tracked = tracked
        self.role = role
        levelIndex = index
    }

    public var level: String { profile.levels[levelIndex] }
    /// The level after the current one; nil at the top.
    public var nextLevel: String? {
        levelIndex + 1 < profile.levels.count ? profile.levels[levelIndex + 1] : nil
    }

    /// Progress toward any level of the role.
    public func progress(toward level: String) -> Progress? {
        guard let cell = role.level(level) else { return nil }
        let done = cell.expectations.reduce(0) { $0 + (tracked.ticks[$1.id] != nil ? 1 : 0) }
        return Progress(level: level, done: done, total: cell.expectations.count, required: cell.required)
    }

    /// Progress toward the next level; nil at the top level.
    public var next: Progress? { nextLevel.flatMap { progress(toward: $0) } }

    /// Ticks whose expectation is no longer in the profile: shown, never dropped.
    public var orphanTicks: [Tick] {
        let known = Set(profile.allExpectations().map(\.expectation.id))
        return tracked.ticks.values.filter { !known.contains($0.item) }.sorted { $0.at < $1.at }
    }

    /// Ticks whose expectation is still there but worded differently than when ticked.
    public func reworded(_ expectation: Expectation) -> Tick? {
        guard let tick = tracked.ticks[expectation.id], !tick.text.isEmpty, tick.text != expectation.text else { return nil }
        return tick
    }
}
