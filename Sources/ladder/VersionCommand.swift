import ArgumentParser
import LadderKit

/// `ladder version [--json]`: the program's version and the file formats it reads.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print Ladder's version and the journal and profile formats it reads.")

    @Flag(help: "Print JSON: version, journal_format, profile_schema.") var json = false

    struct Output: Encodable {
        var version: String
        var journal_format: Int
        var profile_schema: Int
    }

    func run() throws {
        let output = Output(version: LadderVersion.current, journal_format: LadderVersion.journalFormat,
                            profile_schema: LadderVersion.profileSchema)
        if json { return try printJSON(output) }
        print("ladder \(output.version) (journal format \(output.journal_format), profile schema \(output.profile_schema))")
    }
}
