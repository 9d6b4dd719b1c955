import ArgumentParser
import Foundation
import LadderKit

/// `ladder report PERSON [--format markdown|json] [--since last-review|DATE]`.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A person's standing, changes, agenda and reviews: Markdown for a 1:1 document, JSON for scripts.",
        discussion: """
        Per tracked skill: role, level, progress toward the next level (a conversation aid, not a \
        promotion guarantee), time at the level and pace; what is done with its evidence, the \
        reviewer's confirmation or question, and a stale mark when the evidence is older than \
        $LADDER_STALE_DAYS days (default 182); what is open; what is not applicable and why; ticks \
        whose expectation was reworded or left the profile. Then the changes of the period by \
        skill, the agenda for the next 1:1 and every review with its calibration.

        JSON keys (snake_case; times are UTC YYYY-MM-DDTHH:MM:SSZ; keys with no
        value are left out):
          person {id, name, mentee}, generated, note, stale_days, stale_before,
          open_questions, period {basis: last-review|all|date, since,
          description},
          skills[] {skill, name, role, role_id, level, next_level,
            progress {level, done, total, percent, required, not_applicable},
            ready_to_step, tracked_since, level_since, days_at_level,
            steps[] {from, to, at},
            pace {status: in-reach|no-recent-progress|too-early|ready|
              top-level, toward, weeks, ticks, remaining, window_days, summary},
            done[], open[], not_applicable[], removed[] (items, below),
            reviewer_view {confirmed, questioned_open, questioned_closed,
              not_reviewed},
            problem},
          item {id, text, level, role (a tick made under another role),
            ticked_at, ticked_text (the words when ticked, if reworded since),
            note {text, at} (the newest), evidence[] {text, at} (every note,
            newest first, when there are several), evidence_date, stale,
            assessment {verdict: confirmed|questioned, comment, by, at, open,
              state: open|answered|accepted|confirmed|withdrawn, answer,
              withdrawn, closed_at, thread[] {step: question|answer|ask-again|
              accept|withdraw|confirm, text, by, at}},
            reason, marked_at},
          changes[] {skill, name,
            changes[] {at, kind, item, text, level, note, summary}},
          agenda[] {skill, name, questions[], answered[] (waiting for the
            reviewer; detail is the answer), stale[], gaps[]
            (each {item, text, detail})},
          reviews[] {start, end, by, notes[] {text, at, by}, confirmed,
            questioned, open_at_end, agreement_percent},
          readiness (with a role and level set) {role, role_name, level,
            next_level, required_skills, required_skills_complete,
            required_at_zero, done, total, percent, line, at_period_start,
            trend, history[] {date, level, toward, required_skills,
            required_skills_complete, done, total, percent}}

        Readiness is the learning path's: Required skills complete, expectations done of \
        total across the role's Required skills toward the next level; at_period_start is \
        where it stood before the period began, trend says how it moved since, history has \
        a point for each day a change moved it.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @Argument(help: ArgumentHelp("Whose report: an id or name, e.g. ana (default: the owner, or --person).", valueName: "person"), completion: LadderCompletion.people)
    var who: String?
    @OptionGroup var person: PersonOption
    @Option(help: "markdown (for a 1:1 document) or json (for scripts).") var format: Format = .markdown
    @Option(help: "List changes since: last-review (the last ended review; every change when there was none) or a date YYYY-MM-DD (UTC).")
    var since: String = "last-review"

    func validate() throws {
        do { _ = try ReportPeriod.parse(since) } catch { throw ValidationError(error.message) }
    }

    func run() throws {
        let period = try report { try ReportPeriod.parse(since) }
        let context = try Context.load()
        let record = try context.record(context.existingPerson(positional: who, option: person)).record
        let staleDays = Staleness.days(environment: ProcessInfo.processInfo.environment)
        let built = PersonReport(record: record, library: context.library, now: Date(), staleDays: staleDays, period: period)
        switch format {
        case .markdown:
            var output = TextOutput(fileDescriptor: STDOUT_FILENO, name: "standard output")
            MarkdownReport.render(built, into: &output)
            try report { try output.finish() }
        case .json: try printJSON(built, keys: .snakeCase)
        }
    }
}
