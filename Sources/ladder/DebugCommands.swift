import ArgumentParser
import Foundation
import LadderKit

/// `ladder debug …`: hidden commands the reliability tests drive. Each goes through
/// the same store code as the real commands, so a test of them is a test of Ladder's
/// writes: many appends from one process (kill -9 and concurrent-writer tests, where
/// starting a process per event would take minutes), holding the lock.
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Commands for Ladder's own tests.",
        shouldDisplay: false,
        subcommands: [WriteLoop.self, HoldLock.self]
    )

    /// `ladder debug write-loop --count N`: appends N tick events, one write and fsync
    /// each, printing `saved I` after each one is on disk. With `--rewrite`, also
    /// rewrites `profiles/debug-loop.yaml` atomically before each event.
    struct WriteLoop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write-loop", abstract: "Append N events in a loop.")

        @Option(help: "How many events to append.") var count: Int = 1000
        @Option(help: "A label put in each event, to tell writers apart.") var label: String = "w"
        @Flag(help: "Also rewrite profiles/debug-loop.yaml (atomically) before each event.") var rewrite = false
        @OptionGroup var person: PersonOption

        func run() throws {
            let folder = try report { try DataFolder.resolve() }
            let store = Store(folder: folder)
            let id = try person.id()
            for index in 1...max(1, count) {
                if rewrite {
                    let yaml = try ProfileFile.encode(Self.profile(index))
                    try report { try ProfileFile.write(yaml, id: "debug-loop", to: ProfileFile.path(for: "debug-loop", in: folder), replacing: true) }
                }
                let event = JournalEvent(.tick(skill: "debug-loop", level: "One", expectation: "\(label)-\(index)", text: "\(label) \(index)"),
                                         at: JournalEvent.now())
                try report { try store.append([event], for: id) }
                FileHandle.standardOutput.write(Data("saved \(index)\n".utf8))
            }
        }

        static func profile(_ index: Int) -> Profile {
            let expectations = (1...20).map { Expectation(id: "e\($0)", text: "Expectation \($0) of rewrite \(index).") }
            return Profile(id: "debug-loop", name: "Debug loop \(index)", keywords: ["debug"], domain: "Debug", group: "Debug",
                           updated: "2026-01-01", levels: ["One"],
                           roles: [Role(id: "tester", name: "Tester", levels: [RoleLevel(level: "One", required: true, expectations: expectations)])])
        }
    }

    /// `ladder debug hold-lock --seconds S`: takes the data folder's lock, prints
    /// `holding PATH`, and keeps it for S seconds (or until killed).
    struct HoldLock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hold-lock", abstract: "Hold the data folder's lock.")

        @Option(help: "How long to hold it.") var seconds: Double = 60

        func run() throws {
            let folder = try report { try DataFolder.resolve() }
            try report {
                try FileLock.withLock(folder.lockPath) { () throws(StoreError) in
                    FileHandle.standardOutput.write(Data("holding \(folder.lockPath)\n".utf8))
                    usleep(UInt32(max(0, min(seconds, 3600)) * 1_000_000))
                }
            }
        }
    }
}
