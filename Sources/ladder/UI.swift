import ArgumentParser
import LadderKit
import LadderTerminal
import LadderTUI

/// Opens the terminal UI on a person's record; returns when they quit. A terminal
/// that cannot show it (not a TTY, TERM unset or unknown) gets a clear message.
func openUI(person: PersonID) throws {
    let context = try Context.load()
    // A new data folder: nobody named, no record here or shared.
    let firstRun = context.store.owner() == nil && !context.folder.hasPeople() && context.folder.sharedPeople().isEmpty
    let outcome: RunOutcome
    do {
        outcome = try TerminalRunner.run { capabilities in
            LadderApp(store: context.store, library: context.library, person: person, unicode: capabilities.unicode,
                      askOwnerName: firstRun, canLendTerminal: true)
        }
    } catch let error as TerminalError {
        printError("\(error)")
        throw ExitCode(2)
    }
    if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
}
