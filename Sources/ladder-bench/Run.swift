import ArgumentParser
import Foundation
import LadderKit
#if canImport(Glibc)
import Glibc
#endif

/// `ladder-bench run`: measures the release `ladder` beside this binary on the
/// generated fixtures (made when missing) and prints a table; `--json` also writes
/// every number.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure first frame, screen opens, key to frame, tick persisted and memory at ×1, ×2, ×4.")

    @Option(help: "Write every number as JSON to this file.")
    var json: String?
    @Option(help: "Where the fixtures live (made when missing); keep it outside the repository.")
    var fixtures: String = "/tmp/ladder-bench"
    @Option(help: "The ladder binary (default: the one beside ladder-bench).")
    var ladder: String?
    @Option(help: "Scales to measure, comma-separated.")
    var scales: String = "1,2,4"
    @Option(help: "Warm first-frame runs per scale.")
    var runs: Int = 15
    @Option(help: "Runs of each screen open per scale.")
    var openRuns: Int = 7
    @Option(help: "Cold first-frame runs (cache deleted before each) per scale.")
    var coldRuns: Int = 5
    @Option(help: "Keys for the key-to-frame measure.")
    var keys: Int = 5_000
    @Option(help: "Appends for the tick-persisted measure.")
    var ticks: Int = 500
    @Flag(inversion: .prefixedNo, help: "Measure one person with a 250,000-event journal too.")
    var longJournal = true

    static let width = 200
    /// Profiles every data folder has besides the fixture's: the bundled ones.
    static let bundled = ProfileLibrary.bundled().summaries.count
    static let height = 50

    struct ScaleResult: Codable {
        var scale: Int
        var profiles: Int
        var peopleCount: Int
        var events: Int
        var profileMB: Double
        var journalMB: Double
        /// First run with no cache (parses every profile and writes the cache): the
        /// median of `coldRuns` runs, the cache deleted before each.
        var firstFrameCold: Double
        var firstFrameColdMaxRSSKB: Int
        var firstFrame: Stats
        /// `ladder` itself on a pseudo-terminal of the same size, until the dashboard's last row is drawn.
        var firstFrameInTerminal: Stats
        var firstFrameMaxRSSKB: Int
        /// First people screen with no people cache: reads every journal.
        var peopleCold: Double
        var skillScreen: Stats
        var browser: Stats
        var peopleScreen: Stats
        /// The learning path (`p`), the team view of the mentees (`T`) and its matrix (`T m`).
        var pathScreen: Stats?
        var teamScreen: Stats?
        var matrix: Stats?
        var phases: InProcess.Phases
    }

    struct Results: Codable {
        var machine: String
        var ladder: String
        var size: String
        var scales: [ScaleResult]
        var keyToFrame: InProcess.KeyToFrame
        var tickPersisted: Stats
        var tickFileSystem: String
        var longJournal: LongJournal.Result?
        var targets: [Target]
    }

    struct Target: Codable {
        var what: String
        var target: String
        var measured: String
        var met: Bool
    }

    func validate() throws {
        let list = scales.split(separator: ",").compactMap { Int($0) }
        guard !list.isEmpty, list.allSatisfy({ [1, 2, 4].contains($0) }), list.contains(1) else {
            throw ValidationError("--scales must list 1, 2 or 4 and include 1, e.g. 1,2,4")
        }
        guard runs >= 3, openRuns >= 3, coldRuns >= 1, keys >= 100, ticks >= 20 else {
            throw ValidationError("--runs and --open-runs at least 3, --cold-runs at least 1, --keys at least 100, --ticks at least 20")
        }
    }

    func run() throws {
        let binary = try locateLadder()
        let list = scales.split(separator: ",").compactMap { Int($0) }.sorted()
        try SafeFile.makeFolder(fixtures)
        var results: [ScaleResult] = []
        for scale in list {
            results.append(try measure(scale: scale, binary: binary))
        }
        let base = DataFolder(path: fixturePath(1))
        log("key to frame: \(keys) keys on the skill screen at \(Self.width)x\(Self.height)")
        let keyScratch = fixtures + "/key-scratch-\(getpid())"
        let keyToFrame = try InProcess.keyToFrame(folder: base, scratch: keyScratch, width: Self.width, height: Self.height, keys: keys)
        try? FileManager.default.removeItem(atPath: keyScratch)
        let scratch = fixtures + "/tick-scratch-\(getpid())"
        log("tick persisted: \(ticks) appends in \(scratch)")
        let tick = try InProcess.tickPersisted(from: base, scratch: scratch, count: ticks)
        let fileSystem = fileSystemName(fixtures)
        try? FileManager.default.removeItem(atPath: scratch)
        let long = longJournal ? try measureLongJournal(binary: binary) : nil
        var all = Results(machine: machineDescription(), ladder: binary, size: "\(Self.width)x\(Self.height)",
                          scales: results, keyToFrame: keyToFrame, tickPersisted: tick, tickFileSystem: fileSystem,
                          longJournal: long, targets: [])
        all.targets = targets(all)
        print(Report.markdown(all))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try Data(encoder.encode(all)).write(to: URL(fileURLWithPath: json))
            log("wrote \(json)")
        }
    }

    func fixturePath(_ scale: Int) -> String { Fixture.path(in: fixtures, scale: scale) }

    func fixture(_ scale: Int) throws -> Fixture.Summary {
        try Fixture.ensure(in: fixtures, scale: scale, log: { log($0) })
    }

    func measure(scale: Int, binary: String) throws -> ScaleResult {
        let summary = try fixture(scale)
        let path = fixturePath(scale)
        let environment = ["LADDER_HOME": path, "HOME": path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        let size = "\(Self.width)x\(Self.height)"
        // A mentee, whose first frame is their learning path (they have a role).
        let mentee = DataFolder(path: path).people().first { $0 != .me }?.rawValue ?? "me"
        func snapshot(_ keys: String?, person: String? = nil, expect: String, measuringMemory: Bool = false) throws -> ChildRun {
            var arguments = ["snapshot", "--size", size]
            if let keys { arguments += ["--keys", keys] }
            if let person { arguments += ["--person", person] }
            let run = measuringMemory ? try runMeasuringMemory(binary, arguments, environment: environment)
                                      : try runChild(binary, arguments, environment: environment)
            guard run.status == 0, run.stdout.contains(expect) else {
                throw BenchError("ladder snapshot \(keys ?? "") at ×\(scale) exited \(run.status) without \"\(expect)\":\n\(run.stdout.prefix(2000))")
            }
            return run
        }
        log("×\(scale): \(coldRuns) cold first frames (no cache)")
        var colds: [ChildRun] = []
        for _ in 0..<coldRuns {
            try? FileManager.default.removeItem(atPath: CacheFolder.path(in: DataFolder(path: path)))
            colds.append(try snapshot(nil, expect: "PROGRESS TO NEXT LEVEL", measuringMemory: true))
        }
        let peopleCold = try snapshot("P", expect: "QUESTIONS")
        log("×\(scale): \(runs) warm first frames")
        _ = try snapshot(nil, expect: "PROGRESS TO NEXT LEVEL")
        var firstFrames: [ChildRun] = []
        for _ in 0..<runs { firstFrames.append(try snapshot(nil, expect: "PROGRESS TO NEXT LEVEL")) }
        var inTerminal: [Double] = []
        for _ in 0..<runs {
            let run = try runInTerminal(binary, [], environment: environment, width: Self.width, height: Self.height,
                                        until: Compare.dashboardLastRow)
            guard run.status == 0 else { throw BenchError("ladder on a pseudo-terminal at ×\(scale) exited \(run.status)") }
            inTerminal.append(run.millis)
        }
        var memory: [Int] = []
        for _ in 0..<3 { memory.append(try snapshot(nil, expect: "PROGRESS TO NEXT LEVEL", measuringMemory: true).maxRSS) }
        log("×\(scale): \(openRuns) opens of each screen")
        var skill: [Double] = [], browser: [Double] = [], people: [Double] = []
        var paths: [Double] = [], team: [Double] = [], matrix: [Double] = []
        for _ in 0..<openRuns {
            skill.append(try snapshot("Enter", expect: "level").millis)
            browser.append(try snapshot("a", expect: "\(summary.profiles + Self.bundled) profiles").millis)
            people.append(try snapshot("P", expect: "QUESTIONS").millis)
            paths.append(try snapshot(nil, person: mentee, expect: "TRACKED").millis)
            team.append(try snapshot("T", expect: "· Team").millis)
            matrix.append(try snapshot("T m", expect: "Each skill toward the next level").millis)
        }
        let phases = InProcess.phases(folder: DataFolder(path: path), width: Self.width, height: Self.height, passes: 5)
        guard phases.peopleListed == summary.people, phases.profilesListed == summary.profiles + Self.bundled else {
            throw BenchError("×\(scale): listed \(phases.peopleListed) people and \(phases.profilesListed) profiles; expected \(summary.people) and \(summary.profiles + Self.bundled)")
        }
        return ScaleResult(scale: scale, profiles: summary.profiles, peopleCount: summary.people, events: summary.events,
                           profileMB: Double(summary.profileBytes) / 1_000_000, journalMB: Double(summary.journalBytes) / 1_000_000,
                           firstFrameCold: Stats(colds.map(\.millis)).median, firstFrameColdMaxRSSKB: colds.map(\.maxRSS).max() ?? 0,
                           firstFrame: Stats(firstFrames.map(\.millis)), firstFrameInTerminal: Stats(inTerminal),
                           firstFrameMaxRSSKB: memory.max() ?? 0,
                           peopleCold: peopleCold.millis, skillScreen: Stats(skill), browser: Stats(browser), peopleScreen: Stats(people),
                           pathScreen: Stats(paths), teamScreen: Stats(team), matrix: Stats(matrix),
                           phases: phases)
    }

    /// Runs the program under GNU time, which forks it from its own small process:
    /// `wait4` on a child spawned straight from this (large) process counts this
    /// process's memory too, as `posix_spawn` shares it until exec.
    func runMeasuringMemory(_ program: String, _ arguments: [String], environment: [String: String]) throws -> ChildRun {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else {
            throw BenchError("peak memory needs GNU time at \(time) (apt-get install time)")
        }
        let out = fixtures + "/.maxrss-\(getpid())"
        defer { unlink(out) }
        var run = try runChild(time, ["-f", "%M", "-o", out, program] + arguments, environment: environment)
        guard let text = try? String(contentsOfFile: out, encoding: .utf8),
              let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw BenchError("GNU time wrote no peak memory for \(program)")
        }
        run.maxRSS = kilobytes
        return run
    }

    func locateLadder() throws -> String { try locateLadderBinary(ladder) }

    /// The type of the file system holding `path`, from the longest matching mount point.
    func fileSystemName(_ path: String) -> String {
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return "unknown file system" }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var best: (point: String, type: String) = ("", "unknown file system")
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1])
            let inside = point == "/" || resolved == point || resolved.hasPrefix(point + "/")
            if inside && point.count >= best.point.count { best = (point, String(fields[2])) }
        }
        return best.type
    }

    func machineDescription() -> String {
        var cpu = "unknown CPU"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu)"
    }

    func targets(_ all: Results) -> [Target] {
        guard let one = all.scales.first(where: { $0.scale == 1 }) else { return [] }
        func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
        var list = [
            Target(what: "first frame, median (×1)", target: "≤ 100 ms", measured: ms(one.firstFrame.median), met: one.firstFrame.median <= 100),
            Target(what: "first frame in a terminal (`ladder` on a pseudo-terminal), median (×1)", target: "≤ 100 ms",
                   measured: ms(one.firstFrameInTerminal.median), met: one.firstFrameInTerminal.median <= 100),
            Target(what: "first frame with no cache (builds the profile index), median (×1)", target: "≤ 1 s",
                   measured: ms(one.firstFrameCold), met: one.firstFrameCold <= 1_000),
            Target(what: "skill screen (×1)", target: "≤ 100 ms", measured: ms(one.skillScreen.median), met: one.skillScreen.median <= 100),
            Target(what: "profile browser, \(one.profiles + Self.bundled) profiles (×1)", target: "≤ 250 ms", measured: ms(one.browser.median), met: one.browser.median <= 250),
            Target(what: "people screen, \(one.peopleCount) people (×1)", target: "≤ 250 ms", measured: ms(one.peopleScreen.median), met: one.peopleScreen.median <= 250),
            Target(what: "path screen (×1)", target: "≤ 100 ms", measured: ms(one.pathScreen?.median ?? .nan),
                   met: (one.pathScreen?.median ?? .infinity) <= 100),
            // The team view's target is the first frame's (issue "The team view", item 6).
            Target(what: "team screen and matrix, \(one.peopleCount - 1) mentees (×1)", target: "≤ 100 ms",
                   measured: "\(ms(one.teamScreen?.median ?? .nan)), \(ms(one.matrix?.median ?? .nan))",
                   met: max(one.teamScreen?.median ?? .infinity, one.matrix?.median ?? .infinity) <= 100),
            Target(what: "key to frame, p99", target: "≤ 2 ms", measured: String(format: "%.3f ms", all.keyToFrame.all.p99), met: all.keyToFrame.all.p99 <= 2),
            Target(what: "key to frame p99, path screen and team matrix", target: "≤ 2 ms",
                   measured: String(format: "%.3f ms, %.3f ms", all.keyToFrame.path?.p99 ?? .nan, all.keyToFrame.team?.p99 ?? .nan),
                   met: max(all.keyToFrame.path?.p99 ?? .infinity, all.keyToFrame.team?.p99 ?? .infinity) <= 2),
            Target(what: "tick persisted, p99", target: "≤ 3 ms", measured: String(format: "%.3f ms", all.tickPersisted.p99), met: all.tickPersisted.p99 <= 3),
            Target(what: "peak memory, first frame (×1)", target: "≤ 150 MB", measured: String(format: "%.1f MB", Double(one.firstFrameMaxRSSKB) / 1024),
                   met: one.firstFrameMaxRSSKB <= 150 * 1024),
        ]
        if let long = all.longJournal {
            let events = "\(long.events / 1000)k events"
            list += [
                Target(what: "status, one person, \(events)", target: "≤ 100 ms", measured: ms(long.status.median), met: long.status.median <= 100),
                Target(what: "first frame, one person, \(events)", target: "≤ 100 ms", measured: ms(long.firstFrame.median), met: long.firstFrame.median <= 100),
                Target(what: "tick persisted p99, one person, \(events)", target: "≤ 5 ms", measured: String(format: "%.3f ms", long.tickPersisted.p99),
                       met: long.tickPersisted.p99 <= 5),
                Target(what: "peak memory, status and first frame, \(events)", target: "≤ 100 MB",
                       measured: String(format: "%.1f MB", Double(max(long.statusMaxRSSKB, long.firstFrameMaxRSSKB)) / 1024),
                       met: max(long.statusMaxRSSKB, long.firstFrameMaxRSSKB) <= 100 * 1024),
                Target(what: "report and history, one person, \(events)", target: "≤ 1 s",
                       measured: "\(ms(long.report.median)), \(ms(long.history.median))", met: max(long.report.median, long.history.median) <= 1000),
            ]
        }
        if let four = all.scales.first(where: { $0.scale == 4 }) {
            let time = four.firstFrame.median / one.firstFrame.median
            let memory = Double(four.firstFrameMaxRSSKB) / Double(one.firstFrameMaxRSSKB)
            let opens = [four.skillScreen.median / one.skillScreen.median, four.browser.median / one.browser.median,
                         four.peopleScreen.median / one.peopleScreen.median]
                + [(four.pathScreen, one.pathScreen), (four.teamScreen, one.teamScreen), (four.matrix, one.matrix)].compactMap { pair in
                    pair.0.flatMap { four in pair.1.map { four.median / $0.median } }
                }
            let slowest = opens.max() ?? 0
            list.append(Target(what: "×4 data: first frame time, memory; slowest open", target: "≤ ×4",
                               measured: String(format: "×%.2f, ×%.2f; ×%.2f", time, memory, slowest), met: time <= 4 && memory <= 4 && slowest <= 4))
        }
        return list
    }
}

/// `given`, else the `ladder` beside this ladder-bench binary.
func locateLadderBinary(_ given: String?) throws -> String {
    if let given { return given }
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let me = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    let candidate = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("ladder").path
    guard FileManager.default.isExecutableFile(atPath: candidate) else {
        throw BenchError("no ladder binary beside \(me); build it: swift build -c release --product ladder (or pass --ladder PATH)")
    }
    return candidate
}
