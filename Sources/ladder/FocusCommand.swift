import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder focus SKILL ID [--by DATE]`, `--drop`, and `ladder focus [--json]`: what
/// you are working on, with an optional target day.
struct FocusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "focus",
        abstract: "Mark an expectation you are working on (with a target day), drop it, or list what you work on.",
        discussion: """
        Ticking a focused expectation ends its focus. With no expectation, lists what you \
        work on, soonest target first. JSON: [{skill, name, id, text, level, since, by, overdue}].
        """)

    @Argument(help: "The skill's id or name (none: list every skill's).", completion: LadderCompletion.skills) var skill: String?
    @Argument(help: "The expectation id (none: list this skill's).", completion: LadderCompletion.expectations) var id: String?
    @Option(name: .customLong("by"), help: "Target day, YYYY-MM-DD (from today on).") var due: String?
    @Flag(help: "Stop working on the expectation (without ticking it).") var drop = false
    @Flag(help: "Print the list as JSON.") var json = false
    @OptionGroup var person: PersonOption

    struct Entry: Encodable {
        var skill, name, id, text, level, since: String
        var by: String?
        var overdue: Bool
    }

    func validate() throws {
        if id == nil && (due != nil || drop) { throw ValidationError("name the expectation: ladder focus SKILL ID \(drop ? "--drop" : "--by YYYY-MM-DD")") }
        if id != nil && json { throw ValidationError("--json lists what you work on; leave out the expectation id") }
        if drop && due != nil { throw ValidationError("--drop and --by do not go together: drop the focus, or give it a target day") }
    }

    func run() throws {
        let today = String(JournalEvent.now().prefix(10))
        guard let skill, let id else { return try list(today: today) }
        try change(skill, person: person) { standing in
            [drop ? try Changes.unfocus(id, in: standing) : try Changes.focus(id, due: due, today: today, in: standing)]
        }
        print(drop ? "Stopped working on \(id.lowercased())." : "Working on \(id.lowercased())" + (due.map { " by \(Safe.text($0))" } ?? "") + ".")
    }

    func list(today: String) throws {
        let context = try Context.load()
        let record = try context.record(try person.id()).record
        var only: String?
        if let skill { only = try report { try Changes.tracked(skill, in: record, library: context.library) }.profile.id }
        let entries = WorkingOn(record, skill: only).items.map { item in
            Entry(skill: item.skill, name: context.library.profile(item.skill)?.name ?? item.skill, id: item.focus.expectation,
                  text: item.focus.text, level: item.focus.level, since: String(item.focus.since.prefix(10)),
                  by: item.focus.due, overdue: item.focus.isOverdue(today: today))
        }
        if json { return try printJSON(entries) }
        guard !entries.isEmpty else {
            return print("\(Safe.text(record.name)) is working on nothing yet. Start with: ladder focus SKILL ID [--by YYYY-MM-DD]")
        }
        let table = TextTable(header: ["SKILL", "ID", "SINCE", "BY", "EXPECTATION"])
        for e in entries {
            table.add([e.name, e.id, e.since, e.by.map { $0 + (e.overdue ? " overdue" : "") } ?? "—", e.text])
        }
        print(table.render())
    }
}
