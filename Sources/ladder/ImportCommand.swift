import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder import PAGE…`: turns skill pages' text (or sheets saved as CSV) into profile
/// files, each on its own; with several (or a folder of `*.txt` pages) a summary table follows.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn skill pages' text into profile files.",
        discussion: """
        PAGE is the page's text as a browser shows it (select all, copy, save to a file), \
        or - to read it from standard input. The page's own counts (roles, levels, \
        mandatory and optional cells) are checked; whatever the page does not decide \
        for sure is refused with a message saying what to pass. By default the profile \
        is written to your profiles folder as <id>.yaml; an existing file is kept \
        unless you pass --force. Several pages, or a folder of *.txt pages, are each \
        imported or refused on their own, then listed in a summary table; one bad page \
        stops none of the others.

        A file ending in .csv is a profile kept in a spreadsheet, in the layout \
        `ladder export SKILL --format csv` writes (see the README's Spreadsheets section); \
        its levels and roles are the sheet's, and ids left empty are made.
        """)

    @Argument(help: "Skill pages' text: files, folders of *.txt pages, or - for standard input.")
    var pages: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the profile; - prints it (default: <data>/profiles/<id>.yaml).", valueName: "file"))
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("The level names, lowest first, separated by commas (needed unless the page has the usual five levels from Junior to Principal).", valueName: "names"))
    var levels: String?

    @Option(name: .customLong("role"), help: ArgumentHelp("A role's exact name, for rows whose name the page does not decide. Repeat it: every role in row order, or only the unclear ones.", valueName: "name"))
    var roles: [String] = []

    func validate() throws {
        if pages.isEmpty { throw ValidationError("name at least one page (a file, a folder of *.txt pages, or -)") }
    }

    func run() throws {
        let all = pages.flatMap(PageFile.expand)
        guard all.count > 1 || all != pages else {
            return try importOne(pages[0])
        }
        guard output == nil || output == "-" else {
            try fail("-o names one file; with several pages each is written to your profiles folder as <id>.yaml")
        }
        let table = TextTable(header: ["PAGE", "SKILL", "ROLES", "LEVELS", "CELLS", "RESULT"])
        var failed = 0
        for page in all {
            do {
                let profile = try importPage(page)
                let cells = profile.roles.flatMap(\.levels)
                table.add([PageFile.displayName(page), profile.id, "\(profile.roles.count)", "\(profile.levels.count)",
                           "\(cells.count(where: \.required))* of \(cells.count)", "imported"])
            } catch {
                failed += 1
                let message = (error as? PageImportError)?.description ?? (error as? StoreError)?.message ?? "\(error)"
                printError("ladder import: \(message)")
                table.add([PageFile.displayName(page), "—", "", "", "", "refused: " + (Safe.lines(message).first ?? "")])
            }
            print("")
        }
        print(table.render())
        print("\(all.count - failed) of \(all.count) pages imported\(failed > 0 ? "; \(failed) refused (see above)" : "").")
        if failed > 0 { throw ExitCode(1) }
    }

    private func importOne(_ page: String) throws {
        do {
            _ = try importPage(page)
        } catch let error as PageImportError {
            try fail(error.description)
        } catch let error as StoreError {
            try fail(error.message)
        }
    }

    /// Prints the message to standard error and ends with exit code 1.
    private func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("ladder import: \(message)\n".utf8))
        throw ExitCode(1)
    }

    /// Imports one page and prints its summary; throws what refused it.
    private func importPage(_ page: String) throws -> Profile {
        let source = PageFile.displayName(page)
        let isSheet = page.lowercased().hasSuffix(".csv")
        if isSheet, levels != nil || !roles.isEmpty {
            try fail("--levels and --role are for pages; a sheet names its own levels and roles")
        }
        let bytes = try PageFile.read(page, kind: isSheet ? .sheet : .page)
        let profile = try isSheet ? CSVImporter.import(bytes: bytes, file: source)
            : PageImporter.import(bytes: bytes, file: source, levels: levels.map(LevelNames.split), roles: roles)
        let yaml = try PageImporter.yaml(for: profile, file: source)
        if output == "-" {
            print(yaml, terminator: "")
            FileHandle.standardError.write(Data((ImportSummary.render(profile, source: source, destination: nil) + "\n").utf8))
            return profile
        }
        let destination = try output ?? ProfileFile.path(for: profile.id, in: DataFolder.resolve())
        try ProfileFile.write(yaml, id: profile.id, to: destination, replacing: force)
        print(ImportSummary.render(profile, source: source, destination: destination))
        guard output == nil else { return profile }
        if ProfileLibrary.bundled().profiles.contains(where: { $0.id == profile.id }) {
            print("It takes the place of the bundled profile with the same id.")
        }
        if let role = profile.roles.first, let level = profile.levels.first {
            let shown = Safe.text(level)
            print("Track it: ladder track \(profile.id) --role \(role.id) --level \(shown.contains(" ") ? "\"\(shown)\"" : shown)")
        }
        return profile
    }
}
