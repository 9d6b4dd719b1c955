import ArgumentParser
import Foundation
import LadderKit

/// `ladder sync`: commit, pull and push the data folder when it is a git repository.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Share the data folder through git: commit, pull (merge) and push.",
        discussion: """
        The data folder must be a git repository whose branch tracks a remote branch \
        (clone the shared repository into $LADDER_HOME, or git init, git remote add origin \
        URL and git push -u origin HEAD). Sync makes sure .gitattributes merges journals \
        line by line (people/*.jsonl merge=union) and .gitignore keeps caches, the lock and \
        temp files out; commits people/ and profiles/; merges what the remote has; checks \
        that the merge removed no journal line and brought in no link, submodule or file \
        outside people/ and profiles/ (else it is undone); and pushes. A remote history \
        unrelated to this folder's is joined only on its first sync or with --allow-unrelated. A rejected push is retried once \
        after pulling again; a merge conflict is aborted, leaving the files as they were.
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
        let outcome: SyncReport
        do throws(SyncError) {
            var sync = try GitSync(folder: folder)
            sync.allowUnrelated = allowUnrelated
            outcome = try sync.sync(message: message, progress: { printError($0) })
        } catch {
            throw CLIError(error.message)
        }
        for warning in outcome.warnings { printError("warning: \(warning)") }
        for line in outcome.lines { print(line) }
        if let warning = folder.permissionWarning() { printError(warning) }
    }
}
