import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder role ROLE --level LEVEL`: the person's role and level across skills.
struct RoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Set your role and level across skills: what `ladder path` and `ladder track SKILL` use.",
        discussion: "Roles are matched by id across profiles; `ladder role` lists them with how many skills name each.")

    @Argument(help: "The role's id or name (none: list the roles).") var role: String?
    @Option(help: "Your current level.") var level: String?
    @OptionGroup var person: PersonOption

    func run() throws {
        let context = try Context.load()
        let catalog = RoleCatalog(context.library)
        guard let role else {
            let table = TextTable(header: ["ROLE", "ID", "SKILLS", "LEVELS"])
            for entry in catalog.roles { table.add([entry.name, entry.id, "\(entry.skills)", entry.levels.joined(separator: ", ")]) }
            return print(table.render())
        }
        guard let level else {
            let levels = catalog.role(named: role)?.levels ?? catalog.roles.first?.levels ?? []
            throw CLIError("give your level with --level (one of: \(levels.joined(separator: ", ")))")
        }
        let change = try report { try Changes.role(role, level: level, catalog: catalog) }
        let id = try context.person(person)
        let (record, journal) = try context.record(id)
        try context.save([change], for: id, journal: journal)
        let entry = catalog.role(named: role)
        print("\(Safe.text(record.name)): \(Safe.text(entry?.name ?? role)), level \(Safe.text(change.level ?? level)) (\(entry?.skills ?? 0) skill\(entry?.skills == 1 ? "" : "s") name\(entry?.skills == 1 ? "s" : "") this role). See your path: ladder path")
    }
}

/// `ladder path`: readiness for the next level across every skill of the person's role.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Your learning path: every skill of your role toward the next level, readiness and what to learn next.",
        discussion: """
        Readiness counts the Required skills: expectations done of total (not-applicable \
        ones left out) and Required skills complete. A conversation aid, not a promotion guarantee.

        JSON keys: person, role {id, name}, level, next_level, readiness {required_skills, \
        required_skills_complete, done, total, percent}, skills[] {skill, name, required, \
        tracked, done, total, level, own_level}, next_up[] {skill, id, text, level, focus, \
        since, by, overdue, resources[] {title, url}}: what you work on (ladder focus) first, \
        soonest target first, each with where to learn it.
        """)

    @Flag(help: "Print JSON (keys above).") var json = false
    @OptionGroup var person: PersonOption

    struct Output: Encodable {
        struct RoleName: Encodable { var id, name: String }
        struct ReadinessJSON: Encodable { var required_skills, required_skills_complete, done, total, percent: Int }
        struct Skill: Encodable {
            var skill, name: String
            var required, tracked: Bool
            var done, total: Int
            var level, own_level: String?
        }
        struct Item: Encodable {
            var skill, id, text, level: String
            var focus: Bool
            var since, by: String?
            var overdue: Bool
            var resources: [Resource]
        }
        var person: String
        var role: RoleName
        var level: String
        var next_level: String?
        var readiness: ReadinessJSON
        var skills: [Skill]
        var next_up: [Item]
    }

    func run() throws {
        let context = try Context.load()
        let id = try context.person(person)
        let record = try context.record(id).record
        let path = try learningPath(record, library: context.library)
        let today = String(JournalEvent.now().prefix(10))
        if json {
            let r = path.readiness
            return try printJSON(Output(
                person: id.rawValue, role: .init(id: path.role.id, name: path.role.name), level: path.level,
                next_level: path.nextLevel,
                readiness: .init(required_skills: r.requiredSkills, required_skills_complete: r.requiredSkillsComplete,
                                 done: r.done, total: r.total, percent: r.percent),
                skills: path.skills.map { .init(skill: $0.skill, name: $0.name, required: $0.required, tracked: $0.tracked,
                                                done: $0.done, total: $0.total, level: $0.level, own_level: $0.ownLevel) },
                next_up: path.nextUp.map { .init(skill: $0.skill, id: $0.expectation, text: $0.text, level: $0.level,
                                                 focus: $0.isFocused, since: $0.focusSince, by: $0.due,
                                                 overdue: $0.isOverdue(today: today), resources: context.library.resources(of: $0)) }))
        }
        print("\(Safe.text(record.name)) · \(Safe.text(path.role.name)) · level \(Safe.text(path.level))")
        print(Safe.text(path.readiness.line(toward: path.nextLevel)))
        print("(a conversation aid, not a promotion guarantee)")
        for (title, skills) in [("Required", path.requiredSkills), ("Optional", path.optionalSkills)] where !skills.isEmpty {
            print("")
            let table = TextTable(header: [title.uppercased(), "LEVEL", "TRACKED", "PROGRESS"])
            for skill in skills {
                let progress = skill.level == nil ? "no next level" : "\(skill.done) of \(skill.total) · \(skill.percent)%"
                table.add([skill.name, skill.level ?? "—", skill.tracked ? (skill.ownLevel.map { "yes (own level \($0))" } ?? "yes") : "no", progress])
            }
            print(table.render())
        }
        if !path.nextUp.isEmpty {
            print("\nNext up:")
            for item in path.nextUp {
                let focus = !item.isFocused ? "" : "  [working on" + (item.due.map { ", by \($0)" } ?? "")
                    + (item.isOverdue(today: today) ? ", overdue]" : "]")
                print("  \(item.expectation)  \(Safe.text(item.skillName)): \(Safe.text(item.text))\(focus)")
                for resource in context.library.resources(of: item) {
                    print("      learn: \(Safe.text(resource.title)) <\(Safe.text(resource.url))>")
                }
            }
        }
        if !path.untracked.isEmpty {
            print("\n\(path.untracked.count) skill\(path.untracked.count == 1 ? "" : "s") of your role not tracked yet; track one with: ladder track SKILL")
        }
    }
}

/// The person's learning path, or an error saying how to set a role.
func learningPath(_ record: PersonRecord, library: ProfileLibrary) throws -> LearningPath {
    let catalog = RoleCatalog(library)
    guard let role = record.role, let level = record.level else {
        throw CLIError("\(record.name) has no role yet; set it with: ladder role ROLE --level LEVEL (roles: \(catalog.roles.map(\.name).joined(separator: ", ")))")
    }
    guard let path = LearningPath.make(record: record, library: library, role: role, level: level) else {
        throw CLIError("no profile names the role '\(role)' any more; choose again with: ladder role ROLE --level LEVEL (roles: \(catalog.roles.map(\.name).joined(separator: ", ")))")
    }
    return path
}

/// `ladder diff SKILL`: what the next level adds over yours.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a level adds over another in a skill: new expectations, and those that grow.")

    @Argument(help: "The skill's id or name.") var skill: String
    @Option(help: "The lower level (default: your level in the skill, else your level).") var from: String?
    @Option(help: "The higher level (default: the one after --from).") var to: String?
    @Option(help: "The role (default: your role in the skill, else your role).") var role: String?
    @OptionGroup var person: PersonOption

    func run() throws {
        let context = try Context.load()
        let profile = try report { try context.library.requireProfile(skill) }
        let record = try context.record(context.person(person)).record
        let diff = try report { try Changes.diff(profile, role: role, from: from, to: to, record: record) }
        print("\(Safe.text(profile.name)) · \(Safe.text(diff.role.name)): \(Safe.text(diff.from)) → \(Safe.text(diff.to))\(diff.required ? " (Required)" : " (optional)")")
        if !diff.grows.isEmpty {
            print("\nGrows:")
            for pair in diff.grows {
                print("  \(Safe.text(diff.from)): \(Safe.text(pair.from?.text ?? ""))")
                print("  \(Safe.text(diff.to)):\(String(repeating: " ", count: max(0, TextWidth.of(diff.from) - TextWidth.of(diff.to)))) \(Safe.text(pair.to.text))  [\(pair.to.id)]")
            }
        }
        if !diff.new.isEmpty {
            print("\nNew at \(Safe.text(diff.to)):")
            for expectation in diff.new { print("  + \(Safe.text(expectation.text))  [\(expectation.id)]") }
        }
    }
}
