import ArgumentParser
import CellGrid
import Foundation
import LadderKit

/// `ladder sync`: commit, pull and push the data folder when it is a git repository,
/// and every record shared on its own.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share through git: commit, pull (merge) and push the data folder and every shared record.",
        discussion: """
        Syncs the data folder when it is a git repository (the whole folder shared), and \
        each record shared on its own (ladder share, ladder join), reporting per record; one \
        record's failure does not stop the others. A repository's branch must track a remote \
        branch (clone the shared repository into $LADDER_HOME, or git init, git remote add origin \
        URL and git push -u origin HEAD). Sync makes sure .gitattributes merges journals \
        line by line (people/*.jsonl merge=union) and .gitignore keeps caches, the lock, \
        owner.json, shared/ and temp files out; commits people/ and profiles/; merges what the \
        remote has; checks that the merge removed no journal line and brought in no link, submodule \
        or file outside people/ and profiles/ (a shared record: nothing but its journal), else it \
        is undone; and pushes. A remote history unrelated to this folder's is joined only on its \
        first sync or with --allow-unrelated. A rejected push is retried once after pulling again; \
        a merge conflict is aborted, leaving the files as they were.
        """
    )

    @Option(help: "A message for the commit; the counted changes follow it.")
    var message: String?

    @Flag(name: .customLong("allow-unrelated"),
          help: "Join a remote history that shares no commit with this folder's (only the first sync does so by itself).")
    var allowUnrelated = false

    func validate() throws {
        if let message, message.utf8.count > 10_000 || message.contains("\0") {
            throw ValidationError("--message must be text of at most 10,000 bytes")
        }
    }

    func run() throws {
        let folder = try report { try DataFolder.locate(environment: DataFolder.currentEnvironment()) }
        let records = folder.sharedPeople()
        let profiles = DataFolder.isRepository(folder.sharedProfiles.path)
        var failed = 0
        // The whole folder: when it is a repository, or when nothing else is shared (so
        // the error says how to connect it).
        if (records.isEmpty && !profiles) || DataFolder.isRepository(folder.path) {
            do {
                let outcome = try sync(folder, record: nil)
                for line in outcome.lines { print(line) }
            } catch let error as CLIError {
                if records.isEmpty && !profiles { throw error }
                printError("ladder: the data folder: \(error.description)")
                failed += 1
            }
        }
        for id in records {
            do {
                print("\(id): \(try sync(folder.sharedRecord(id), record: id).counts).")
            } catch let error as CLIError {
                printError("\(id): not synced: \(error.description)")
                printError("\(id): the others went on; fix this and run ladder sync again")
                failed += 1
            }
        }
        if profiles {
            do {
                let outcome = try sync(folder.sharedProfiles, record: nil, profiles: true)
                print("profiles: \(outcome.pulled.map { "pulled \($0.words())" } ?? "nothing new")\(outcome.pushed ? ", pushed" : "").")
            } catch let error as CLIError {
                printError("profiles: not synced: \(error.description)")
                failed += 1
            }
        }
        if let warning = folder.permissionWarning() { printError(warning) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Syncs one repository, printing its warnings; records the time on success.
    func sync(_ repository: DataFolder, record: PersonID?, profiles: Bool = false) throws -> SyncReport {
        let outcome: SyncReport
        do throws(SyncError) {
            outcome = try GitSync.run(repository, record: record, profiles: profiles, allowUnrelated: allowUnrelated,
                                      message: message, progress: { printError($0) })
        } catch {
            throw CLIError(error.message)
        }
        for warning in outcome.warnings { printError("warning: \(record.map { "\($0): " } ?? "")\(warning)") }
        return outcome
    }
}
