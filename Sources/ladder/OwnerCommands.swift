import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder init --name NAME`: name this data folder's owner (you).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Name yourself, the owner of this data folder; your person id is made from your name.",
        discussion: """
        Who you are belongs to this machine: it is kept in owner.json in the data folder, \
        which sync never shares. In a folder used before, the record kept as `me` becomes \
        yours (nothing is rewritten); `me` stays a name for you in every command.
        """)

    @Option(help: "Your name, e.g. \"Olga Petrova\".") var name: String

    func run() throws {
        let context = try Context.load()
        let name = try report { try Owner.checkedName(self.name) }
        let id = PersonID(name: name)
        if let owner = try report({ try Owner.load(from: context.folder) }), owner.id != id {
            throw CLIError("this data folder's owner is \(Safe.text(owner.name)) (id \(owner.id)); a folder has one owner. To be someone else, use another data folder: LADDER_HOME=FOLDER ladder init --name \"\(Safe.text(name))\"")
        }
        if context.store.owner() == nil, context.folder.people().contains(id), context.store.canonical(.me) == .me,
           (try? context.store.record(for: id))?.record.mentee == true {
            throw CLIError("\(Safe.text(name)) (id \(id)) is a mentee in this folder; name yourself by your own name")
        }
        let owner = try report { try context.store.nameOwner(name) }
        let legacy = owner.journal != owner.id ? " Your record so far (kept as me) is yours; me still names you." : ""
        print("You are \(Safe.text(owner.name)) (id \(owner.id)) in \(Safe.text(context.folder.path)).\(legacy)")
    }
}

/// `ladder whoami [--json]`: the owner's id and name.
struct WhoAmI: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Who you are in this data folder: your person id and name.")

    @Flag(help: "Print JSON: {\"id\": …, \"name\": …}.") var json = false

    struct Entry: Encodable { var id, name: String }

    func run() throws {
        let context = try Context.load()
        guard let owner = try report({ try Owner.load(from: context.folder) }) else {
            throw CLIError("nobody has named themself in this data folder yet; run: ladder init --name \"Your Name\"")
        }
        if json { return try printJSON(Entry(id: owner.id.rawValue, name: owner.name)) }
        print("\(owner.id) (\(Safe.text(owner.name)))")
    }
}
