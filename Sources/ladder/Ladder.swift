import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// The `ladder` command: with no subcommand it opens the terminal UI.
@main
struct Ladder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Grow along a skill framework: track skills, tick expectations, see your progress.",
        discussion: """
        With no command, opens the terminal UI. Data lives in $LADDER_HOME, else \
        $XDG_DATA_HOME/ladder, else ~/.local/share/ladder.
        """,
        version: LadderVersion.current,
        subcommands: [
            Profiles.self, Show.self, Validate.self, Import.self,
            RoleCommand.self, PathCommand.self, DiffCommand.self,
            Init.self, WhoAmI.self, Share.self, Join.self,
            Track.self, TickCommand.self, UntickCommand.self, NoteCommand.self, FocusCommand.self, Step.self, Status.self,
            NotApplicable.self, People.self, ReviewCommand.self, Answer.self,
            Report.self, HistoryCommand.self, TeamCommand.self,
            Sync.self, Snapshot.self, Debug.self,
            Export.self, VersionCommand.self,
        ]
    )

    @OptionGroup var person: PersonOption

    func run() throws {
        try openUI(person: Context.load().person(person))
    }

    /// `ladder` alone opens the UI without building the argument parser's tree of
    /// every command (about a sixth of a first frame's instructions, measured with
    /// callgrind); anything else is parsed as usual.
    static func main() {
        guard CommandLine.arguments.count == 1 else {
            main(nil)
            return
        }
        do {
            try openUI(person: .me)
        } catch {
            exit(withError: error)
        }
    }
}

/// `--person P`, shared by every command that reads or changes a person.
struct PersonOption: ParsableArguments {
    @Option(name: .long, help: "Whose record to use (an id or name, or the start of one; default: you, the owner).", completion: LadderCompletion.people)
    var person: String?

    /// The id as typed (a new person's id when it names none): for `ladder debug`.
    /// Every other command names an existing person: `Context.person(_:)`.
    func id() throws -> PersonID {
        guard let person else { return .me }
        guard person.count <= 200, !person.contains("\0") else {
            throw CLIError("--person must be a name or id of at most 200 characters")
        }
        return PersonID(person) ?? PersonID(name: person)
    }
}

/// An error the CLI reports as `ladder: message` with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = Safe.lines(message).joined(separator: "\n") }
}

/// What every command needs: the data folder, the profiles and the store.
struct Context {
    let folder: DataFolder
    let library: ProfileLibrary
    let store: Store

    static func load() throws -> Context {
        let folder = try dataFolder()
        return Context(folder: folder, library: ProfileLibrary.load(from: folder), store: Store(folder: folder))
    }

    /// The data folder, with a warning printed when others can read it.
    static func dataFolder() throws -> DataFolder {
        let folder = try report { try DataFolder.resolve() }
        if let warning = folder.permissionWarning() { printError(warning) }
        return folder
    }

    /// The person's record, with any journal problems printed as warnings.
    func record(_ person: PersonID) throws -> (record: PersonRecord, journal: Journal) {
        let loaded = try report { try store.record(for: person) }
        for problem in loaded.journal.problems { printError("warning: \(problem)") }
        return loaded
    }

    /// Appends events for a person, refusing when their journal is read-only.
    /// Writes changes to a person's journal, stamped now; returns the events written.
    @discardableResult
    func save(_ changes: [Change], for person: PersonID, journal: Journal) throws -> [JournalEvent] {
        guard !journal.readOnly else {
            throw CLIError("\(person)'s journal was written by a newer Ladder; update Ladder to change it")
        }
        let events = JournalEvent.stamp(changes, at: JournalEvent.now())
        guard !events.isEmpty else { return [] }
        try report {
            try store.append(events, for: person, waiting: { printError($0) })
        }
        return events
    }
}

/// Turns library errors into CLI errors with their message.
func report<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIError(error.message)
    } catch let error as InputError {
        throw CLIError(error.message)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Pretty, key-sorted JSON on stdout, written as it is made (`PrettyJSON`).
func printJSON<T: Encodable>(_ value: T, keys: PrettyJSON.Keys = .asWritten) throws {
    fflush(nil) // anything printed before goes first
    var output = TextOutput(fileDescriptor: STDOUT_FILENO, name: "standard output")
    try PrettyJSON.write(value, keys: keys, to: &output)
    try report { try output.finish() }
}
