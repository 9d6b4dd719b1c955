import Foundation

/// The team view as JSON (snake_case keys) and as Markdown for a team document.
public enum TeamReport {
    /// The JSON shape of `ladder team --json`.
    public struct Output: Encodable, Equatable {
        public struct ReadinessJSON: Encodable, Equatable {
            var done, total, percent, required_skills, required_skills_complete: Int
        }
        public struct Reason: Encodable, Equatable { var kind, text: String }
        public struct Person: Encodable, Equatable {
            var id, name: String
            var role, role_name, level, next_level: String?
            var readiness: ReadinessJSON?
            var open_questions, answers_waiting, stale_ticks, stale_required: Int
            var days_since_review, days_since_change, days_since_progress: Int?
            var attention: [Reason]
        }
        public struct Entry: Encodable, Equatable { var id, name, kind, text: String }
        var review_days, stale_days, progress_days: Int
        var people: [Person]
        var attention: [Entry]
        var coverage: CoverageJSON?
    }

    /// The JSON value for these members.
    public static func output(_ members: [TeamMember], settings: TeamSettings, coverage: TeamCoverage? = nil) -> Output {
        let people = members.map { m in
            Output.Person(
                id: m.id.rawValue, name: m.name, role: m.role, role_name: m.roleName, level: m.level, next_level: m.nextLevel,
                readiness: m.readiness.map { .init(done: $0.done, total: $0.total, percent: $0.percent, required_skills: $0.requiredSkills,
                                                   required_skills_complete: $0.requiredSkillsComplete) },
                open_questions: m.openQuestions, answers_waiting: m.answersWaiting, stale_ticks: m.staleTicks,
                stale_required: m.staleRequired, days_since_review: m.daysSinceReview, days_since_change: m.daysSinceChange,
                days_since_progress: m.daysSinceProgress, attention: m.attention.map { .init(kind: $0.kind.rawValue, text: $0.text) })
        }
        let attention = members.flatMap { m in m.attention.map { Output.Entry(id: m.id.rawValue, name: m.name, kind: $0.kind.rawValue, text: $0.text) } }
        return Output(review_days: settings.reviewDays, stale_days: settings.staleDays, progress_days: settings.progressDays,
                      people: people, attention: attention, coverage: coverage.map(coverageJSON))
    }

    /// "Senior → Lead", "Senior", or "—".
    public static func levels(_ member: TeamMember, arrow: String = "→") -> String {
        guard let level = member.level else { return "—" }
        return member.nextLevel.map { "\(level) \(arrow) \($0)" } ?? level
    }

    /// "8/30 26%", or "—" without a path.
    public static func readiness(_ member: TeamMember) -> String {
        guard let r = member.readiness, member.nextLevel != nil, r.total > 0 else { return "—" }
        return "\(r.done)/\(r.total) \(r.percent)%"
    }

    /// "12d", or "never".
    public static func days(_ days: Int?) -> String { days.map { "\($0)d" } ?? "never" }

    /// Every member's reason on one line: "Ana Silva: no review for 40 days; …".
    public static func attentionLines(_ members: [TeamMember]) -> [String] {
        members.filter { !$0.attention.isEmpty }.map { "\($0.name): " + $0.attention.map(\.text).joined(separator: "; ") }
    }

    /// One table and the attention list, for pasting into a team document.
    public static func markdown(_ members: [TeamMember], settings: TeamSettings, coverage: TeamCoverage? = nil) -> String {
        var lines = ["# Team", "",
                     "| Name | Role | Level | Readiness | Open questions | Answers waiting | Stale ticks | Last review | Last change |",
                     "|---|---|---|---|--:|--:|--:|--:|--:|"]
        for m in members {
            let row = [m.name, m.roleName ?? m.role ?? "—", levels(m), readiness(m), "\(m.openQuestions)", "\(m.answersWaiting)",
                       "\(m.staleTicks)", days(m.daysSinceReview), days(m.daysSinceChange)]
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        lines += ["", "## Who needs a 1:1", ""]
        let needing = members.filter { !$0.attention.isEmpty }
        if needing.isEmpty { lines.append("Nobody: no one has gone \(settings.reviewDays) days without a 1:1 and nothing waits.") }
        for m in needing {
            lines.append("- **\(cell(m.name))**: " + m.attention.map { cell($0.text) }.joined(separator: "; "))
        }
        if let coverage { lines += [""] + coverageMarkdown(coverage) }
        return lines.joined(separator: "\n")
    }

    /// Text made safe for a Markdown table cell.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x7C || $0 == 0x0A }) else { return text } // most text
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\n": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
