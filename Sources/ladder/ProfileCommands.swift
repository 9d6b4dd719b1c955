import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder profiles`: every available profile.
struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "List every available profile (bundled and your own).")

    @Flag(help: """
        Print JSON: id, name, domain, group, keywords, updated, roles, levels, source. A profile \
        from a newer Ladder has only id, name, source, schema, needs_newer_ladder (true) and message.
        """)
    var json = false

    struct Entry: Encodable {
        var id, name, source: String
        var domain, group, updated: String?
        var keywords, roles, levels: [String]?
        var schema: Int?
        var needs_newer_ladder: Bool?
        var message: String?
    }

    func run() throws {
        let context = try Context.load()
        // Every problem, with its place, on stderr; a newer Ladder's profiles are also listed below.
        for problem in context.library.problems { printError("warning: \(problem)") }
        var entries = context.library.summaries.map { p in
            Entry(id: p.id, name: p.name, source: context.library.sources[p.id] ?? "", domain: p.domain, group: p.group,
                  updated: p.updated, keywords: p.keywords, roles: p.roles.map(\.name), levels: p.levels)
        }
        for problem in context.library.newerProfiles {
            let newer = problem.newer ?? NewerSchema(schema: 0)
            entries.append(Entry(id: newer.id ?? Self.fileID(problem.file), name: newer.name ?? "", source: problem.file,
                                 schema: newer.schema, needs_newer_ladder: true, message: problem.message))
        }
        if json { return try printJSON(entries) }
        let table = TextTable(header: ["ID", "NAME", "DOMAIN / GROUP", "ROLES", "LEVELS", "UPDATED"])
        for e in entries {
            if let schema = e.schema {
                table.add([e.id, e.name, "schema \(schema): update Ladder to read it", "-", "-", "-"])
            } else {
                table.add([e.id, e.name, "\(e.domain ?? "") / \(e.group ?? "")", "\(e.roles?.count ?? 0)", "\(e.levels?.count ?? 0)", e.updated ?? ""])
            }
        }
        print(table.render())
    }

    /// A file's name without its folder and `.yaml`: the id a profile file usually has.
    static func fileID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}

/// `ladder show SKILL`: a profile's roles, levels and expectations.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a profile: its role × level matrix and every expectation with its id.")

    @Argument(help: "The skill's id or name (see: ladder profiles).", completion: LadderCompletion.skills)
    var skill: String
    @Option(help: "Only this role (id or name).", completion: LadderCompletion.roles)
    var role: String?
    @Option(help: "Only this level.", completion: LadderCompletion.levels)
    var level: String?
    @Flag(help: "Print JSON: roles[].levels[] with level, required and expectations[] of {id, text}.")
    var json = false
    @OptionGroup var person: PersonOption

    func run() throws {
        let context = try Context.load()
        var profile = try report { try context.library.requireProfile(skill) }
        if let role {
            guard let found = profile.role(named: role) else {
                throw CLIError(profile.unknownRole(role).message)
            }
            profile.roles = [found]
        }
        if let level {
            guard let index = profile.levelIndex(named: level) else {
                throw CLIError(profile.unknownLevel(level).message)
            }
            let name = profile.levels[index]
            profile.roles = profile.roles.map { Role(id: $0.id, name: $0.name, levels: $0.levels.filter { $0.level == name }) }
        }
        if json { return try printJSON(profile) }
        let ticks = try context.record(context.person(person)).record.skills[profile.id]?.ticks
        print(ProfileText.render(profile, full: context.library.profile(profile.id) ?? profile, ticks: ticks))
    }
}

/// `ladder validate FILE…`: lint profile files.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check profile files; print each problem as file:line:column: message.")

    @Argument(help: "Profile YAML files.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one profile file, e.g. ladder validate my-skill.yaml") }
    }

    func run() throws {
        var failed = 0
        for file in files {
            do {
                guard let bytes = try ProfileFile.read(path: file) else {
                    printError("\(Safe.text(file)): no such file")
                    failed += 1
                    continue
                }
                let profile = try ProfileFile.decode(bytes, file: file)
                let count = profile.allExpectations().count
                print("\(Safe.text(file)): ok (\(Safe.text(profile.id)): \(profile.roles.count) roles, \(profile.levels.count) levels, \(count) expectations)")
            } catch { // a FileProblem: ProfileFile.read reports unreadable files as problems too
                printError(error.description)
                failed += 1
            }
        }
        if failed > 0 {
            printError("\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") failed")
            throw ExitCode(1)
        }
    }
}

extension ProfileLibrary {
    /// The profile, or an error listing the available ids.
    func requireProfile(_ query: String) throws(InputError) -> Profile {
        guard let profile = profile(query) else {
            if let newer = newerProfiles.first(where: { $0.newer?.id == query || $0.newer?.name?.lowercased() == query.lowercased() }) {
                throw InputError("\(newer.file): \(newer.message)")
            }
            throw unknownSkill(query)
        }
        return profile
    }
}
