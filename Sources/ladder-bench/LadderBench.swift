import ArgumentParser
import Foundation
import LadderKit

struct LadderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder-bench",
        abstract: "Generate organisation-scale data folders and measure Ladder on them.",
        subcommands: [Generate.self, Run.self, Compare.self, Keys.self, FixtureCommand.self])
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

/// `ladder-bench fixture [--scale N]`: the path of the fixture `run` uses, made when missing.
struct FixtureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixture",
        abstract: "Print the data folder of the fixture at a scale, generating it when missing (as run does).")

    @Option(help: "Where the fixtures live.")
    var fixtures: String = "/tmp/ladder-bench"
    @Option(help: "1, 2 or 4.")
    var scale: Int = 1

    func validate() throws {
        guard [1, 2, 4].contains(scale) else { throw ValidationError("--scale must be 1, 2 or 4") }
    }

    func run() throws {
        try SafeFile.makeFolder(fixtures)
        _ = try Fixture.ensure(in: fixtures, scale: scale, log: log)
        print(Fixture.path(in: fixtures, scale: scale))
    }
}

/// A line of progress on stderr.
func log(_ text: String) {
    FileHandle.standardError.write(Data(("ladder-bench: " + text + "\n").utf8))
}

/// `ladder-bench keys`: only the key-to-frame table of `run`, in a minute rather than ten.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure key to frame in process on the x1 fixture (the table run prints), nothing else.")

    @Option(help: "Where the fixtures live (made when missing).")
    var fixtures: String = "/tmp/ladder-bench"
    @Option(help: "Keys pressed on the skill screen (a fifth as many on each other screen).")
    var keys: Int = 5_000

    func validate() throws {
        guard keys >= 100 else { throw ValidationError("--keys at least 100") }
    }

    func run() throws {
        try SafeFile.makeFolder(fixtures)
        let summary = try Fixture.ensure(in: fixtures, scale: 1, log: { log($0) })
        let scratch = fixtures + "/key-scratch-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let table = try InProcess.keyToFrame(folder: DataFolder(path: Fixture.path(in: fixtures, scale: 1)), scratch: scratch,
                                             width: Run.width, height: Run.height, keys: keys)
        print(Report.keyTable(table, profiles: summary.profiles).joined(separator: "\n"))
    }
}

extension Fixture {
    static func path(in fixtures: String, scale: Int) -> String { "\(fixtures)/scale-\(scale)" }

    /// The fixture at this scale under `fixtures`, generated when missing or made by
    /// another generator version (a marker file beside it says which).
    static func ensure(in fixtures: String, scale: Int, log: (String) -> Void) throws -> Summary {
        let path = path(in: fixtures, scale: scale)
        return try ensureMarked(path, marker: "\(fixtures)/scale-\(scale).fixture.json", version: version) {
            log("generating the ×\(scale) fixture in \(path)")
            return try generate(at: path, scale: scale, log: log)
        }
    }

    /// A generated folder and the marker beside it that names the generator version
    /// and the folder's summary: reused when the marker names `version`, else made
    /// anew by `make`. Only a folder this tool made (it has a marker) is replaced.
    static func ensureMarked(_ path: String, marker: String, version: Int, make: () throws -> Summary) throws -> Summary {
        struct Marker: Codable { var generator: Int; var summary: Summary }
        if let data = FileManager.default.contents(atPath: marker),
           let found = try? JSONDecoder().decode(Marker.self, from: data), found.generator == version,
           FileManager.default.fileExists(atPath: path) {
            return found.summary
        }
        if FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.fileExists(atPath: marker) else {
                throw BenchError("\(path) exists but was not made by ladder-bench; move it or pass another --fixtures")
            }
            try FileManager.default.removeItem(atPath: path)
        }
        let summary = try make()
        try JSONEncoder().encode(Marker(generator: version, summary: summary)).write(to: URL(fileURLWithPath: marker))
        return summary
    }

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
