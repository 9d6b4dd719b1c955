import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder people add|list`: the people in this store (you and your mentees).
struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Add people (mentees) to this store, or list everyone.",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person by name.")
        @Argument(help: "Their name, e.g. \"Ana Silva\"; their id is made from it.") var name: String
        @Flag(help: "Someone you mentor.") var mentee = false

        func run() throws {
            let context = try Context.load()
            let trimmed = try report { try Owner.checkedName(name) }
            let id = PersonID(name: trimmed)
            guard !(mentee && context.store.isOwner(id)) else {
                throw CLIError("'\(Safe.text(trimmed))' has the id me, which is you, the owner of this data folder: you cannot be your own mentee. Add your mentee by their own name, e.g. ladder people add \"Ana Silva\" --mentee")
            }
            let (record, journal) = try context.record(id)
            guard record.lastChange == nil else {
                throw CLIError("\(Safe.text(record.name)) is already here (id \(id)); see: ladder people list")
            }
            try context.save([.person(name: trimmed, mentee: mentee)], for: id, journal: journal)
            print("Added \(Safe.text(trimmed)) (id \(id))\(mentee ? " as a mentee" : ""). Track a skill for them: ladder track SKILL --role R --level L --person \(id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Everyone, with skills, last change, last review and open questions.")
        @Flag(help: "Print JSON: id, name, mentee, skills, last_change, last_review, open_questions.") var json = false

        struct Entry: Encodable {
            var id, name: String
            var mentee: Bool
            var skills: Int
            var last_change, last_review: String?
            var open_questions: Int
        }

        func run() throws {
            let context = try Context.load()
            for stray in context.folder.strayEntries() { printError("warning: \(stray)") }
            let entries = PeopleSummaries.load(context.store).summaries.map {
                Entry(id: $0.id.rawValue, name: $0.name, mentee: $0.mentee, skills: $0.skills, last_change: $0.lastChange,
                      last_review: $0.lastReview, open_questions: $0.openQuestions)
            }
            if json { return try printJSON(entries) }
            let table = TextTable(header: ["ID", "NAME", "MENTEE", "SKILLS", "LAST CHANGE", "LAST REVIEW", "OPEN QUESTIONS"])
            for e in entries {
                table.add([e.id, e.name, e.mentee ? "yes" : "", "\(e.skills)", e.last_change.map { String($0.prefix(10)) } ?? "never",
                           e.last_review.map { String($0.prefix(10)) } ?? "never", "\(e.open_questions)"])
            }
            print(table.render())
        }
    }
}

extension Context {
    /// The person named by a command's positional PERSON or by `--person` (they must
    /// agree when both are given), else the owner.
    func existingPerson(positional: String?, option: PersonOption) throws -> PersonID {
        if let positional, let named = option.person, positional != named {
            throw CLIError("two people named: '\(Safe.text(positional))' and --person '\(Safe.text(named))'; name one")
        }
        guard let query = positional ?? option.person else { return try person(option) }
        return try existingPerson(query)
    }
}
