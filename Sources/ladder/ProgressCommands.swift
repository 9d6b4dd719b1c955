import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder track SKILL [--role R] [--level L]`: start tracking a skill, or change role or level.
struct Track: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "track", abstract: "Track a skill at your role and level (set with: ladder role), or at a role and level of its own.")

    @Argument(help: "The skill's id or name.", completion: LadderCompletion.skills) var skill: String
    @Option(help: "Your role in this skill (id or name; default: your role).", completion: LadderCompletion.roles) var role: String?
    @Option(help: "Your current level in this skill (default: your level).", completion: LadderCompletion.levels) var level: String?
    @OptionGroup var person: PersonOption

    func run() throws {
        let context = try Context.load()
        let id = try context.person(person)
        let profile = try report { try context.library.requireProfile(skill) }
        let (record, journal) = try context.record(id)
        let change = try report { try Changes.track(profile, role: role, level: level, record: record) }
        let changes = [change]
        try context.save(changes, for: id, journal: journal)
        let roleName: String = if case .track(_, let chosen, _) = change { profile.role(named: chosen)?.name ?? chosen } else { "" }
        print("\(Safe.text(record.name)) tracks \(Safe.text(profile.name)) as \(Safe.text(roleName)), level \(Safe.text(change.level ?? "")).")
    }
}

/// `ladder tick SKILL ID…`: tick expectations.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Tick expectations you meet (ids from: ladder show SKILL).")

    @Argument(help: "The skill's id or name.", completion: LadderCompletion.skills) var skill: String
    @Argument(help: "Expectation ids.", completion: LadderCompletion.expectations) var ids: [String]
    @Option(help: "A note of evidence to attach to each ticked expectation.") var note: String?
    @OptionGroup var person: PersonOption

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one expectation id (see: ladder show \(skill))") }
    }

    func run() throws {
        try change(skill, person: person) { standing in
            var changes = try Changes.tick(ids, in: standing)
            if let note {
                for id in ids { changes.append(try Changes.note(note, on: id, in: standing)) }
            }
            return changes
        }
    }
}

/// `ladder untick SKILL ID…`.
struct UntickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untick", abstract: "Untick expectations.")

    @Argument(help: "The skill's id or name.", completion: LadderCompletion.skills) var skill: String
    @Argument(help: "Expectation ids.", completion: LadderCompletion.expectations) var ids: [String]
    @OptionGroup var person: PersonOption

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one expectation id (see: ladder show \(skill))") }
    }

    func run() throws {
        try change(skill, person: person) { standing in try Changes.untick(ids, in: standing) }
    }
}

/// `ladder note SKILL ID [TEXT] [--entry N [--remove]] [--list]`.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a dated note of evidence to an expectation; correct or remove one; list them.",
        discussion: """
        Each note is an entry of the expectation's evidence log. Without TEXT, the note is \
        written in your editor ($VISUAL, else $EDITOR, else vi), as git commit does: lines \
        starting with # are left out, lines are joined into one paragraph, and an empty \
        note writes nothing. --list shows the entries, newest first and numbered; --entry N \
        corrects entry N with TEXT (or in your editor, starting from its words) and \
        --entry N --remove removes it; the journal keeps what it said. Empty TEXT ("") \
        clears the whole log.
        """)

    @Argument(help: "The skill's id or name.", completion: LadderCompletion.skills) var skill: String
    @Argument(help: "Expectation id.", completion: LadderCompletion.expectations) var id: String
    @Argument(help: "The note; without it, your editor opens.") var text: String?
    @Option(help: "Correct this entry of the log (1 is the newest; see --list) instead of adding one.") var entry: Int?
    @Flag(help: "With --entry: remove that entry.") var remove = false
    @Flag(help: "List the expectation's evidence, newest first, numbered.") var list = false
    @OptionGroup var person: PersonOption

    func validate() throws {
        if remove && entry == nil { throw ValidationError("--remove needs --entry N: which entry to remove (see --list)") }
        if remove && text != nil { throw ValidationError("--remove takes no TEXT; to correct the entry, leave out --remove") }
        if list && (entry != nil || text != nil) { throw ValidationError("--list only lists; leave out TEXT and --entry") }
    }

    func run() throws {
        if list { return try printLog() }
        try change(skill, person: person) { standing in
            if let entry {
                let words = remove ? "" : try text ?? edit(for: standing, starting: standing.tracked.log(id).dropFirst(entry - 1).first?.text)
                if !remove && words.isEmpty { throw CLIError("nothing changed: the note was empty (to remove the entry, add --remove)") }
                return [try Changes.fixNote(entry, to: words, on: id, in: standing)]
            }
            guard let text else {
                let written = try edit(for: standing)
                guard !written.isEmpty else { throw CLIError("no note written: the note was empty") }
                return [try Changes.note(written, on: id, in: standing)]
            }
            return [try Changes.note(text, on: id, in: standing)]
        }
    }

    /// The log, newest first: `1  2026-07-01  Led the cold-start work…`.
    func printLog() throws {
        let context = try Context.load()
        let (record, _) = try context.record(try context.person(person))
        let standing = try report { try Changes.tracked(skill, in: record, library: context.library) }
        let key = try report { try Changes.note("-", on: id, in: standing) }.expectation ?? id
        let log = standing.tracked.log(key)
        if log.isEmpty { print("No evidence for \(Safe.text(key)) yet; add some with: ladder note \(standing.profile.id) \(Safe.text(key)) TEXT") }
        for (index, note) in log.enumerated() {
            print("\(index + 1)  \(note.at.prefix(10))  \(Safe.text(note.text))")
        }
    }

    /// The note, written in the user's editor on a template that says what it is
    /// about, starting from `words` when correcting an entry.
    func edit(for standing: Standing, starting words: String? = nil) throws -> String {
        _ = try report { try Changes.note("-", on: id, in: standing) }  // an unknown id is refused before the editor opens
        guard let expectation = standing.profile.place(of: id, preferring: standing.role.id) else {
            throw CLIError("unknown expectation id '\(Safe.text(id))' (see: ladder show \(standing.profile.id))")
        }
        let template = TextEditor.noteTemplate(words ?? "", expectation: expectation.expectation.text,
                                               skill: standing.profile.name, level: expectation.level.level)
        do throws(TextEditor.Failure) {
            return try TextEditor.edit(template, environment: DataFolder.currentEnvironment())
        } catch {
            throw CLIError(error.message)
        }
    }
}

/// `ladder step SKILL`: record the step up to the next level.
struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "step", abstract: "Record your step up to the next level (every expectation ticked).")

    @Argument(help: "The skill's id or name.", completion: LadderCompletion.skills) var skill: String
    @OptionGroup var person: PersonOption

    func run() throws {
        try change(skill, person: person) { standing in [try Changes.step(standing)] }
    }
}

/// Loads the person's standing in a skill, saves the changes `make` returns and
/// prints the progress afterwards.
func change(_ skill: String, person: PersonOption,
            _ make: (Standing) throws -> [Change]) throws {
    let context = try Context.load()
    let id = try context.person(person)
    let (record, journal) = try context.record(id)
    let standing = try report { try Changes.tracked(skill, in: record, library: context.library) }
    let changes = try report { try make(standing) }
    var after = record
    for event in try context.save(changes, for: id, journal: journal) { after.apply(event) }
    if let updated = after.skills[standing.profile.id], let now = Standing(profile: standing.profile, tracked: updated) {
        print("\(Safe.text(now.profile.name)) · \(Safe.text(now.role.name)) · \(Safe.text(now.level)): \(Safe.text(now.next?.summary ?? "top level reached"))")
    }
}

/// `ladder status`: every tracked skill with progress toward the next level.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show every skill you track, with progress toward the next level.")

    @Flag(help: "Print JSON: per tracked skill, skill, role, level, next_level, done, total, percent.")
    var json = false
    @OptionGroup var person: PersonOption

    struct Entry: Encodable {
        var person, skill, name, role, level: String
        var next_level: String?
        var done, total, percent: Int
        var problem: String?
    }

    func run() throws {
        let context = try Context.load()
        let id = try context.person(person)
        let record = try context.record(id).record
        let entries: [Entry] = record.trackedSkills.map { tracked in
            guard let profile = context.library.profile(tracked.skill) else {
                return Entry(person: id.rawValue, skill: tracked.skill, name: tracked.skill, role: tracked.role, level: tracked.level,
                             done: 0, total: 0, percent: 0, problem: "profile not found")
            }
            guard let standing = Standing(profile: profile, tracked: tracked) else {
                return Entry(person: id.rawValue, skill: tracked.skill, name: profile.name, role: tracked.role, level: tracked.level,
                             done: 0, total: 0, percent: 0, problem: "role or level no longer in the profile")
            }
            let next = standing.next
            return Entry(person: id.rawValue, skill: profile.id, name: profile.name, role: standing.role.name, level: standing.level,
                         next_level: standing.nextLevel, done: next?.done ?? 0, total: next?.total ?? 0, percent: next?.percent ?? 100)
        }
        if json { return try printJSON(entries) }
        guard !entries.isEmpty else {
            print("\(Safe.text(record.name)) tracks no skills yet. Start with: ladder track SKILL --role ROLE --level LEVEL (skills: ladder profiles)")
            return
        }
        let table = TextTable(header: ["SKILL", "ROLE", "LEVEL", "NEXT", "PROGRESS"])
        for e in entries {
            let progress = e.problem ?? (e.next_level == nil ? "top level" : "\(e.done) of \(e.total) · \(e.percent)%")
            table.add([e.name, e.role, e.level, e.next_level ?? "—", progress])
        }
        print(table.render())
        if record.role != nil, let path = try? learningPath(record, library: context.library) {
            print("\n\(Safe.text(path.role.name)) · \(Safe.text(path.readiness.line(toward: path.nextLevel))) (ladder path)")
        }
    }
}
