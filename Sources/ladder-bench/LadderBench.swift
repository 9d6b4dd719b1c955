import ArgumentParser
import Foundation
import LadderKit

struct LadderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder-bench",
        abstract: "Generate organisation-scale data folders and measure Ladder on them.",
        subcommands: [Generate.self, Run.self])
}

/// `ladder-bench generate DIR [--scale N]`.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic data folder: 1,000×N profiles and 200×N people with 1,000 events each.")

    @Argument(help: "The folder to write; it becomes a data folder (LADDER_HOME=DIR ladder …). Must be empty or absent.")
    var directory: String
    @Option(help: "Multiply the profile and people counts: 1, 2 or 4.")
    var scale: Int = 1

    func validate() throws {
        guard [1, 2, 4].contains(scale) else { throw ValidationError("--scale must be 1, 2 or 4") }
    }

    func run() throws {
        let summary = try Fixture.generate(at: directory, scale: scale, log: { print($0) })
        print("wrote \(directory): \(summary.profiles) profiles (\(megabytes(summary.profileBytes)) of YAML), "
              + "\(summary.people) people, \(summary.events) events (\(megabytes(summary.journalBytes)) of journals)")
    }
}

extension Fixture {
    /// Writes the fixture, refusing a folder that already holds files.
    static func generate(at directory: String, scale: Int, log: (String) -> Void) throws -> Summary {
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: directory), !contents.isEmpty {
            throw BenchError("\(directory) is not empty; give a new folder (the generator never overwrites data)")
        }
        return try Fixture(scale: scale).write(to: directory, log: log)
    }
}

func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_000_000)
}
