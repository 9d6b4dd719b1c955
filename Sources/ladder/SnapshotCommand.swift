import ArgumentParser
import CellGrid
import LadderKit
import Foundation
import LadderTUI

/// `ladder snapshot --size WxH --keys "…"`: the UI run headless on the same data.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Run the UI headless, type keys, print the final screen as text.",
        discussion: """
        KEYS are space-separated, named as tmux send-keys names them: Enter, Space, Escape, Up, Down, \
        Left, Right, Tab, BSpace, C-c; any other word is typed character by character. \
        Changes the keys make are saved, as in the UI.
        """)

    @Option(help: "Screen size, columns x rows, e.g. 100x30.")
    var size: String = "100x30"
    @Option(help: "Keys to type, e.g. \"Enter Down Space\".")
    var keys: String = ""
    @Flag(help: "Draw with ASCII symbols, as on a terminal without Unicode.")
    var ascii = false
    @OptionGroup var person: PersonOption

    func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--size must be COLUMNSxROWS between 1x1 and 1000x1000, e.g. 100x30; got '\(Safe.text(size))'")
        }
        return (width, height)
    }

    func validate() throws { _ = try parsedSize() }

    func run() throws {
        let (width, height) = try parsedSize()
        let context = try Context.load()
        let app = LadderApp(store: context.store, library: context.library, person: try context.person(person), unicode: !ascii)
        app.handle(.resize(width: width, height: height))
        for event in KeyNames.parse(keys) {
            if app.isFinished { break }
            app.handle(event)
            while app.hasWorkPending { app.handle(.idle) }  // as the terminal does: draw "Syncing…", then sync
        }
        // Written as bytes: `print` casts its argument dynamically, a tenth of a millisecond here.
        FileHandle.standardOutput.write(Data((app.frame.text + "\n").utf8))
    }
}
