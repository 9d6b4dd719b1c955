import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder team [--json | --format markdown] [--all] [--attention]`: every mentee at a glance.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Every mentee at a glance: readiness, what waits, and who needs a 1:1.",
        discussion: """
        One row per person you mentor (--all: everyone in this store): role, level and the \
        next, readiness toward the next level (the learning path's Required skills), open \
        questions, answered questions waiting for you, stale ticks, days since the last \
        review and since the last change.

        Who needs a 1:1: no review for more than $LADDER_REVIEW_DAYS days (default 28; \
        never reviewed counts from the person's first change), answered questions waiting \
        for you, stale evidence ($LADDER_STALE_DAYS, default 182) on a Required \
        expectation, no tick or step for 90 days, a level complete with no step recorded.

        JSON keys: review_days, stale_days, progress_days, people[] {id, name, role, \
        role_name, level, next_level, readiness {done, total, percent, required_skills, \
        required_skills_complete}, open_questions, answers_waiting, stale_ticks, \
        stale_required, days_since_review, days_since_change, days_since_progress, \
        attention[] {kind, text}}, attention[] {id, name, kind, text}, coverage {role, \
        role_name, level, people, expectations, nobody, only_one, skills[] {skill, name, \
        expectations[] {id, text, ticked, confirmed, ticked_by[], nobody, only_one}}}. \
        Kinds: no_review, answers_waiting, stale_required, no_progress, level_complete.

        Coverage: each Required expectation of a role's skills at a level, with how many \
        of the people listed have it ticked (confirmed: ticks a reviewer confirmed), so \
        you see what nobody on the team can do yet and where one person is the only one. \
        The role is the team's most common one and the level their most common next \
        level, unless --role and --level say otherwise. It is in --json and --format \
        markdown; the text output ends with its counts. Absent when no profile names a role.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Flag(help: "Print JSON (keys above); the same as --format json.") var json = false
    @Option(help: "text (default), markdown (for a team document) or json.") var format: Format = .text
    @Flag(help: "Everyone in this store, not only your mentees.") var all = false
    @Flag(help: "Only who needs a 1:1, and why.") var attention = false
    @Option(help: ArgumentHelp("Coverage of this role (an id or name); default: the team's most common.", valueName: "role"))
    var role: String?
    @Option(help: ArgumentHelp("Coverage at this level; default: the team's most common next level.", valueName: "level"))
    var level: String?

    func run() throws {
        let context = try Context.load()
        let settings = TeamSettings(environment: DataFolder.currentEnvironment(), now: Date())
        let summaries = PeopleSummaries.load(context.store).summaries
        let members = TeamOrder.name.sorted(Team.members(summaries, library: context.library, settings: settings, everyone: all))
        let shown = attention ? members.filter { !$0.attention.isEmpty } : members
        let people = Team.people(summaries, everyone: all)
        let coverage = attention ? nil : try coverage(people, members, library: context.library)
        switch json ? .json : format {
        case .json:
            try printJSON(TeamReport.output(shown, settings: settings, coverage: coverage))
        case .markdown:
            print(Safe.lines(TeamReport.markdown(shown, settings: settings, coverage: coverage)).joined(separator: "\n"))
        case .text:
            if members.isEmpty {
                return print(all ? "Nobody here yet; add a mentee with: ladder people add \"Ana Silva\" --mentee"
                                 : "No mentees here; add one with: ladder people add \"Ana Silva\" --mentee (or see everyone: ladder team --all)")
            }
            let lines = TeamReport.attentionLines(members)
            if attention {
                return print(lines.isEmpty ? "Nobody needs a 1:1 now." : lines.map { Safe.text($0) }.joined(separator: "\n"))
            }
            let table = TextTable(header: ["NAME", "ROLE", "LEVEL", "READY", "OPEN", "ANSWERED", "STALE", "REVIEWED", "CHANGED"])
            for m in members {
                table.add([m.name, m.roleName ?? m.role ?? "—", TeamReport.levels(m), TeamReport.readiness(m), "\(m.openQuestions)",
                           "\(m.answersWaiting)", "\(m.staleTicks)", TeamReport.days(m.daysSinceReview), TeamReport.days(m.daysSinceChange)])
            }
            print(table.render())
            print("")
            print(lines.isEmpty ? "Nobody needs a 1:1 now." : "Who needs a 1:1:\n" + lines.map { "  " + Safe.text($0) }.joined(separator: "\n"))
            if let coverage, !coverage.items.isEmpty {
                print("")
                print(Safe.text("Coverage of \(coverage.role.name), \(coverage.level): of \(coverage.items.count) Required expectations, "
                    + "nobody has \(coverage.nobodyCount) yet and one person alone has \(coverage.onlyOneCount) (ladder team --format markdown lists them)."))
            }
        }
    }

    /// The coverage of --role and --level, or of the team's most common role and next level.
    func coverage(_ people: [PersonSummary], _ members: [TeamMember], library: ProfileLibrary) throws -> TeamCoverage? {
        let catalog = RoleCatalog(library)
        if let role, catalog.role(named: role) == nil {
            _ = try report { try Changes.role(role, level: level ?? "", catalog: catalog) } // says which roles there are
        }
        guard let choice = TeamCoverage.defaultChoice(members, catalog: catalog, role: role.flatMap { catalog.role(named: $0)?.id }) else {
            return nil
        }
        guard case .role(let id, let name) = try report({ try Changes.role(choice.role, level: level ?? choice.level, catalog: catalog) }) else {
            return nil
        }
        return TeamCoverage.make(people, library: library, role: id, level: name)
    }
}
