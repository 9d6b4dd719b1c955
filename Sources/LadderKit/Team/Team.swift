import Foundation

/// The team view: one row per person, with how ready they are for their next level,
/// what waits in their record and why they may need a 1:1 soon.
///
/// Built from the people summaries cache (`PeopleSummaries`): per person it reads the
/// summary and its `TeamFacts`, and the profiles of the skills they track (as the
/// learning path does), never their journal.
public enum Team {
    /// The rows for these summaries, in their order: mentees only unless `everyone`.
    public static func members(_ summaries: [PersonSummary], library: ProfileLibrary, settings: TeamSettings,
                               everyone: Bool = false) -> [TeamMember] {
        var plans = Plans()
        return members(summaries, library: library, settings: settings, everyone: everyone, plans: &plans)
    }

    /// The rows, with the plans they were laid out on kept (for each role's skills).
    public static func members(_ summaries: [PersonSummary], library: ProfileLibrary, settings: TeamSettings,
                               everyone: Bool, plans: inout Plans) -> [TeamMember] {
        people(summaries, everyone: everyone).map { member($0, library: library, settings: settings, plans: &plans) }
    }

    /// The people the team view counts: mentees only unless `everyone`.
    public static func people(_ summaries: [PersonSummary], everyone: Bool) -> [PersonSummary] {
        summaries.filter { everyone || $0.mentee }
    }

    /// Path plans by role and level, made once for the whole team from each role's
    /// profiles, looked up once per role.
    public struct Plans {
        var profiles: [String: PathPlan.Profiles?] = [:]
        var plans: [String: PathPlan?] = [:]
        public init() {}

        mutating func plan(role: String, level: String, library: ProfileLibrary) -> PathPlan? {
            let key = role + "\n" + level.lowercased()
            if let plan = plans[key] { return plan }
            if profiles[role] == nil { profiles[role] = .some(PathPlan.Profiles(naming: role, in: library)) }
            let plan = (profiles[role] ?? nil).map { PathPlan($0, level: level, library: library) }
            plans[key] = .some(plan)
            return plan
        }

        /// The skills of each role planned for (every profile that names it), by role id.
        public var roleSkills: [String: Set<String>] {
            profiles.compactMapValues { $0.map { Set($0.sources.map(\.summary.id)) } }
        }
    }

    /// One person's row. Reads profiles only for a summary without its `PathFigure`.
    public static func member(_ summary: PersonSummary, library: ProfileLibrary, settings: TeamSettings,
                              plans: inout Plans) -> TeamMember {
        let facts = summary.team ?? TeamFacts()
        let figure = summary.pathFigure ?? PathFigure(summary, library: library)
        var member = TeamMember(id: summary.id, name: summary.name)
        member.role = facts.role
        member.level = facts.level
        member.openQuestions = summary.openQuestions
        member.answersWaiting = facts.answered
        if let role = facts.role, let level = facts.level, let plan = plans.plan(role: role, level: level, library: library) {
            var record = PersonRecord(id: summary.id, name: summary.name)
            record.role = role
            record.level = level
            for brief in summary.tracked {
                // Without its ticks where the figure counts them (every tracked skill of the role, normally).
                record.skills[brief.skill] = figure.counts[brief.skill] != nil
                    ? TrackedSkill(skill: brief.skill, role: brief.role, level: brief.level, since: "")
                    : PersonSummary.trackedSkill(brief)
                record.skillOrder.append(brief.skill)
            }
            let tracked = plan.tracked(by: record, library: library, counts: figure.counts)
            member.roleName = plan.role.name
            member.nextLevel = plan.nextLevel
            member.readiness = plan.readiness(with: tracked)
            member.skills = tracked.sorted { $0.key < $1.key }.map(\.value)
        }
        let cutoff = Staleness.cutoff(days: settings.staleDays, now: settings.now)
        member.staleTicks = facts.evidence.count { $0.at < cutoff }
        member.staleRequired = figure.requiredEvidence.count { $0 < cutoff }
        member.daysSinceReview = days(since: summary.lastReview, settings.now)
        member.daysSinceChange = days(since: summary.lastChange, settings.now)
        member.daysSinceProgress = days(since: facts.lastProgress ?? (summary.tracked.isEmpty ? nil : facts.since), settings.now)
        member.attention = attention(member, since: days(since: facts.since, settings.now), tracks: !summary.tracked.isEmpty,
                                     settings: settings)
        return member
    }

    /// Why a person may need a 1:1, most pressing first.
    static func attention(_ member: TeamMember, since: Int?, tracks: Bool, settings: TeamSettings) -> [Attention] {
        var reasons: [Attention] = []
        if let days = member.daysSinceReview {
            if days > settings.reviewDays { reasons.append(Attention(.noReview, "no review for \(days) days")) }
        } else if let since, since > settings.reviewDays {
            reasons.append(Attention(.noReview, "never reviewed, here for \(since) days"))
        }
        if member.answersWaiting > 0 {
            let n = member.answersWaiting
            reasons.append(Attention(.answersWaiting, "\(n) answered question\(n == 1 ? "" : "s") wait\(n == 1 ? "s" : "") for you"))
        }
        if member.staleRequired > 0 {
            let n = member.staleRequired
            reasons.append(Attention(.staleRequired, "stale evidence on \(n) Required expectation\(n == 1 ? "" : "s")"))
        }
        if tracks, let days = member.daysSinceProgress, days > settings.progressDays {
            reasons.append(Attention(.noProgress, "no progress for \(days) days"))
        }
        if member.levelComplete, let next = member.nextLevel {
            reasons.append(Attention(.levelComplete, "\(next) complete, no step recorded"))
        }
        return reasons
    }

    /// Whole days from an ISO time to now; nil when there is none.
    static func days(since moment: String?, _ now: Date) -> Int? {
        guard let moment, let then = JournalEvent.date(moment) else { return nil }
        return max(0, Int(now.timeIntervalSince(then) / 86_400))
    }
}

/// The thresholds the team view measures against, and the time it is now.
public struct TeamSettings: Equatable, Sendable {
    /// A review older than this many days needs a 1:1: `LADDER_REVIEW_DAYS`, else 28.
    public var reviewDays: Int
    /// Evidence older than this is stale: `LADDER_STALE_DAYS`, else 182.
    public var staleDays: Int
    /// No tick or step in this many days is "no progress".
    public var progressDays: Int
    public var now: Date

    public static let defaultReviewDays = 28

    public init(environment: [String: String], now: Date) {
        if let text = environment["LADDER_REVIEW_DAYS"], let days = Int(text), days > 0, days < 100_000 {
            reviewDays = days
        } else {
            reviewDays = Self.defaultReviewDays
        }
        staleDays = Staleness.days(environment: environment)
        progressDays = History.paceWindowDays
        self.now = now
    }
}

/// One person on the team view.
public struct TeamMember: Equatable, Sendable {
    public var id: PersonID
    public var name: String
    /// The path's role (an id) and its name, the person's level and the next one.
    public var role: String?
    public var roleName: String?
    public var level: String?
    public var nextLevel: String?
    /// Readiness toward the next level across the role's Required skills.
    public var readiness: Readiness?
    public var openQuestions = 0
    /// Answered questions waiting for the reviewer.
    public var answersWaiting = 0
    public var staleTicks = 0
    /// Stale ticks of Required expectations.
    public var staleRequired = 0
    public var daysSinceReview: Int?
    public var daysSinceChange: Int?
    public var daysSinceProgress: Int?
    /// Why they may need a 1:1; empty when nothing calls for one.
    public var attention: [Attention] = []
    /// The skills of their role they track, toward the next level (the path's), in
    /// path order; the role's other skills are untracked (`Team.Plans.roleSkills`).
    public var skills: [PathSkill] = []

    public init(id: PersonID, name: String) {
        self.id = id
        self.name = name
    }

    /// Every Required expectation of the next level is done: time to record the step.
    public var levelComplete: Bool {
        guard let readiness, nextLevel != nil else { return false }
        return readiness.total > 0 && readiness.done == readiness.total
    }
}

/// One reason a person may need a 1:1, in words.
public struct Attention: Equatable, Sendable {
    /// The kinds of reason, with their JSON names.
    public enum Kind: String, Sendable, CaseIterable {
        case noReview = "no_review", answersWaiting = "answers_waiting", staleRequired = "stale_required"
        case noProgress = "no_progress", levelComplete = "level_complete"
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

extension TeamSettings {
    /// Settings with these thresholds (the UI reads them from the environment once).
    public init(reviewDays: Int, staleDays: Int, now: Date) {
        self.init(environment: [:], now: now)
        self.reviewDays = reviewDays
        self.staleDays = staleDays
    }
}
