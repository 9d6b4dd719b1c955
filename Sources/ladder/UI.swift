import ArgumentParser
import LadderKit
import LadderTerminal
import LadderTUI

/// Opens the terminal UI on a person's record; returns when they quit. A terminal
/// that cannot show it (not a TTY, TERM unset or unknown) gets a clear message.
func openUI(person: PersonID) throws {
    let folder = try Context.dataFolder()
    // The library loads on another core while the terminal starts: reading the profile
    // index and asking a thousand files for their stamps overlaps curses reading terminfo.
    let library = Started { ProfileLibrary.load(from: folder) }
    defer { _ = library.wait() }
    let store = Store(folder: folder)
    // A new data folder: nobody named, no record here or shared.
    let firstRun = store.owner() == nil && !folder.hasPeople() && folder.sharedPeople().isEmpty
    let outcome: RunOutcome
    do {
        outcome = try TerminalRunner.run { capabilities in
            LadderApp(store: store, library: library.wait(), person: person, unicode: capabilities.unicode,
                      askOwnerName: firstRun, canLendTerminal: true)
        }
    } catch let error as TerminalError {
        printError("\(error)")
        throw ExitCode(2)
    }
    if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
}
