import ArgumentParser
import CellGrid
import Foundation
import LadderKit

extension ProfileExport.Format: ExpressibleByArgument {}

/// `ladder export SKILL --format csv|yaml|markdown [-o FILE]`: a profile for a
/// spreadsheet, a file or a wiki.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a profile as CSV (for a spreadsheet), YAML or Markdown (for a wiki).",
        discussion: """
        CSV: a header block (name, id, keywords one per cell, domain, group, updated), a blank \
        row, then one row per expectation with the columns role, level, required, id, \
        expectation; RFC 4180 quoting, UTF-8. `ladder import FILE.csv` reads it back, keeping \
        the ids, so ticks stay attached. Without -o the text is printed.
        """)

    @Argument(help: ArgumentHelp("The skill's id or name (see: ladder profiles).", valueName: "skill"),
              completion: LadderCompletion.skills)
    var skill: String
    @Option(help: "csv, yaml or markdown.") var format: ProfileExport.Format = .csv
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of printing.", valueName: "file"))
    var output: String?
    @Flag(help: "Overwrite the output file if it exists.") var force = false

    func run() throws {
        let context = try Context.load()
        let profile = try report { try context.library.requireProfile(skill) }
        let text = try report { try ProfileExport.text(profile, format: format) }
        guard let output, output != "-" else { return print(text, terminator: "") }
        try report {
            try ProfileFile.write(text: text, to: output, replacing: force,
                                  suggestedName: "\(profile.id).\(format.fileExtension)")
        }
        print("Wrote \(Safe.text(output)) (\(Safe.text(profile.name)) as \(format.rawValue))")
    }
}
