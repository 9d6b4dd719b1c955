import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder history PERSON [--json]`: progress over time, time at each level, pace.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Growth over time per skill: a sparkline of progress, time at each level, pace.",
        discussion: """
        Progress toward the next level is recomputed after every change (after a step up, toward \
        the new next level) against the profile as it is now. Pace: at the rate of ticks over the \
        last \(LadderKit.History.paceWindowDays) days (ticks on the first day of tracking are the \
        starting point, not progress), roughly when every expectation of the next level is ticked: \
        an estimate to talk about, not a promise. The sparkline uses ASCII when the locale is not UTF-8.

        JSON keys (snake_case; times UTC; keys with no value left out):
          person {id, name, mentee}, generated, window_days,
          skills[] {skill, name, role, level, next_level, since,
            points[] {at, level, toward, done, total, percent},
            levels[] {level, from, to, days, stepped_up},
            pace {status: in-reach|no-recent-progress|too-early|ready|
              top-level, toward, weeks, ticks, remaining, window_days, summary},
            problem},
          readiness (with a role and level set) {role, role_name, level,
            next_level, required_skills, required_skills_complete,
            required_at_zero, done, total, percent, line, at_period_start,
            trend, history[] {date, level, toward, required_skills,
            required_skills_complete, done, total, percent}}

        Readiness: the learning path's line toward the next level, and its value at the \
        end of each day a change moved it, replayed against the profiles as they are now.
        """)

    @Argument(help: ArgumentHelp("Whose history: an id or name, e.g. ana (default: the owner, or --person).", valueName: "person"), completion: LadderCompletion.people)
    var who: String?
    @OptionGroup var person: PersonOption
    @Flag(help: "Print JSON (keys above).") var json = false

    struct Output: Encodable {
        var person: PersonInfo
        var generated: String
        var windowDays: Int
        var skills: [SkillHistory]
        var readiness: ReadinessReport?
    }

    func run() throws {
        let context = try Context.load()
        let record = try context.record(context.existingPerson(positional: who, option: person)).record
        let now = Date()
        let skills = LadderKit.History.of(record, library: context.library, now: now)
        let readiness = ReadinessReport(record: record, library: context.library, periodStart: nil)
        if json {
            let output = Output(person: PersonInfo(record), generated: JournalEvent.timestamp(now),
                                windowDays: LadderKit.History.paceWindowDays, skills: skills, readiness: readiness)
            return try printJSON(output, keys: .snakeCase)
        }
        guard !skills.isEmpty else {
            print("\(Safe.text(record.name)) tracks no skills yet. Start with: ladder track SKILL --role ROLE --level LEVEL --person \(record.id)")
            return
        }
        let unicode = Sparkline.localeIsUTF8(ProcessInfo.processInfo.environment)
        print(Self.render(skills, readiness: readiness, now: now, unicode: unicode), terminator: "")
    }

    /// The plain-text form: readiness over time, then per skill a sparkline, the levels
    /// held, the pace and the dated series.
    static func render(_ skills: [SkillHistory], readiness: ReadinessReport? = nil, now: Date, unicode: Bool) -> String {
        let dot = unicode ? "·" : "-", arrow = unicode ? "→" : "->"
        var lines: [String] = []
        if let readiness {
            let next = readiness.nextLevel.map { " \(arrow) \(Safe.text($0))" } ?? " (top level)"
            lines.append("Readiness \(dot) \(Safe.text(readiness.roleName)) \(dot) \(Safe.text(readiness.level))\(next)")
            let chart = Sparkline.render(readiness.history.map(\.percent), unicode: unicode)
            let line = readiness.line.replacingOccurrences(of: "·", with: dot)
            lines.append("  readiness \(chart.isEmpty ? "" : chart + "  ")\(Safe.text(line))" + (readiness.trend.map { " (\($0))" } ?? ""))
            for (index, point) in readiness.history.enumerated() {
                let toward = point.toward.map { "toward \(Safe.text($0)): \(point.done) of \(point.total) \(dot) \(point.percent)%" } ?? "top level"
                lines.append("  \(index == 0 ? "changes " : "        ")  \(point.date)  at \(Safe.text(point.level)), \(toward)")
            }
        }
        for skill in skills {
            if !lines.isEmpty { lines.append("") }
            let next = skill.nextLevel.map { " \(arrow) \(Safe.text($0))" } ?? " (top level)"
            lines.append("\(Safe.text(skill.name)) \(dot) \(Safe.text(skill.role)) \(dot) \(Safe.text(skill.level))\(next)")
            if let problem = skill.problem {
                lines.append("  \(Safe.text(problem))")
                continue
            }
            if let last = skill.points.last {
                let current = last.toward.map { "\(Safe.text($0)): \(last.done) of \(last.total) \(dot) \(last.percent)%" } ?? "top level"
                lines.append("  progress  \(Sparkline.render(skill.samples(40, now: now), unicode: unicode))  \(current)  (from \(skill.since.prefix(10)))")
            }
            let levels = skill.levels.map { span in
                let when = span.to == nil ? "since \(span.from.prefix(10))" : "from \(span.from.prefix(10))"
                return "\(Safe.text(span.level)) \(LadderKit.History.duration(days: span.days)) (\(when)\(span.steppedUp ? ", stepped up" : ""))"
            }
            if !levels.isEmpty { lines.append("  levels    " + levels.joined(separator: ", ")) }
            if let pace = skill.pace { lines.append("  pace      " + Safe.text(pace.summary)) }
            for (index, point) in skill.points.enumerated() {
                let progress = point.toward.map { "\(Safe.text($0)): \(point.done) of \(point.total) \(dot) \(point.percent)%" } ?? "top level"
                lines.append("  \(index == 0 ? "changes " : "        ")  \(point.at.prefix(10))  at \(Safe.text(point.level)), \(progress)")
            }
        }
        lines.append("")
        lines.append("Progress is a conversation aid, not a promotion guarantee; pace is an estimate from recent ticks.")
        return lines.joined(separator: "\n") + "\n"
    }
}
