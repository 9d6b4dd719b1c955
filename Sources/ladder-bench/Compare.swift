import ArgumentParser
import Foundation
import LadderKit
#if canImport(Glibc)
import Glibc
#endif

/// `ladder-bench compare`: the ratios that matter, measured in one run on this
/// machine, alternating so that a busy machine slows every command alike:
/// `ladder --help` (the floor: starting the process), the first frame, the people
/// screen and the team screen on the ×1 fixture, and taskwarrior's `task list` over 10,000 tasks when
/// `task` is installed. Prints medians, maxima and ratios.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time ladder --help, the first frame, the people and team screens and task list, alternating; print medians and ratios.")

    @Option(help: "Where the fixtures live (made when missing).")
    var fixtures: String = "/tmp/ladder-bench"
    @Option(help: "The ladder binary (default: the one beside ladder-bench).")
    var ladder: String?
    @Option(help: "Rounds; each runs every command once.")
    var runs: Int = 15
    @Option(help: "Pending tasks to import into taskwarrior.")
    var tasks: Int = 10_000
    @Flag(inversion: .prefixedNo, help: "Include taskwarrior's task list when task is on PATH.")
    var taskwarrior = true
    @Flag(help: "Also count each ladder command's instructions, once, under valgrind's callgrind (when valgrind is on PATH): ratios a busy machine does not move.")
    var instructions = false

    func validate() throws {
        guard runs >= 3, tasks >= 1 else { throw ValidationError("--runs at least 3, --tasks at least 1") }
    }

    struct Command {
        var label: String
        /// What the ratio lines call it: the label up to its first comma.
        var name: String { label.components(separatedBy: ",").first ?? label }
        var program: String
        var arguments: [String]
        var environment: [String: String]
        /// Run on a 200×50 pseudo-terminal and timed until this text of the first
        /// frame's last row is on the screen; nil: run to exit with output to a pipe.
        var untilShown: String? = nil
        var times: [Double] = []
    }

    func run() throws {
        let binary = try locateLadderBinary(ladder)
        try SafeFile.makeFolder(fixtures)
        _ = try Fixture.ensure(in: fixtures, scale: 1, log: { log($0) })
        let home = Fixture.path(in: fixtures, scale: 1)
        let environment = ["LADDER_HOME": home, "HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        var commands = [
            Command(label: "`ladder --help` (the floor)", program: binary, arguments: ["--help"], environment: environment),
            Command(label: "first frame in a terminal, `ladder` on a 200×50 pseudo-terminal until its last row is drawn", program: binary,
                    arguments: [], environment: environment, untilShown: Self.dashboardLastRow),
            Command(label: "first frame, `ladder snapshot --size 200x50`", program: binary,
                    arguments: ["snapshot", "--size", "200x50"], environment: environment),
            Command(label: "people screen, `ladder snapshot --size 200x50 --keys P`", program: binary,
                    arguments: ["snapshot", "--size", "200x50", "--keys", "P"], environment: environment),
            Command(label: "team screen, `ladder snapshot --size 200x50 --keys T`", program: binary,
                    arguments: ["snapshot", "--size", "200x50", "--keys", "T"], environment: environment),
        ]
        let screens = commands.count - 1 // after the floor; task list, if any, comes last
        var work: String?
        defer { if let work { try? FileManager.default.removeItem(atPath: work) } }
        if taskwarrior, let task = findOnPath("task") {
            let folder = NSTemporaryDirectory() + "ladder-compare-\(getpid())"
            work = folder
            let taskEnvironment = try setUpTaskwarrior(task, in: folder)
            let version = (try? runChild(task, ["--version"], environment: taskEnvironment).stdout)?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            commands.append(Command(label: "`task list`, taskwarrior \(version), \(tasks) pending tasks", program: task,
                                    arguments: ["list"], environment: taskEnvironment))
        } else {
            log(taskwarrior ? "task not on PATH: taskwarrior left out (scripts/compare-taskwarrior.sh installs it)" : "taskwarrior left out")
        }
        log("warming up (caches, page cache), then \(runs) rounds of \(commands.count) commands, alternating")
        for _ in 0..<2 { for command in commands { _ = try timed(command) } }
        for _ in 0..<runs {
            for index in commands.indices { commands[index].times.append(try timed(commands[index])) }
        }
        print(report(commands, screens: screens))
        if instructions { try countInstructions(Array(commands[...screens])) }
    }

    /// Each ladder command's instruction count under callgrind (one run: the count
    /// hardly varies), with each screen's ratio to the floor's.
    func countInstructions(_ commands: [Command]) throws {
        guard let valgrind = findOnPath("valgrind") else {
            log("valgrind not on PATH: instructions not counted (apt-get install valgrind)")
            return
        }
        let out = NSTemporaryDirectory() + "ladder-compare-\(getpid()).callgrind"
        // Valgrind cannot read the debug info Swift writes: it runs a copy without it.
        let copy = NSTemporaryDirectory() + "ladder-compare-\(getpid())-ladder"
        defer { unlink(out); unlink(copy) }
        guard let strip = findOnPath("strip") else {
            log("strip not on PATH: instructions not counted (valgrind needs the binary without debug info; apt-get install binutils)")
            return
        }
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: commands[0].program, toPath: copy)
        let stripped = try runChild(strip, ["-g", copy], environment: ["PATH": "/usr/bin:/bin"])
        guard stripped.status == 0 else { throw BenchError("strip -g \(copy) exited \(stripped.status)") }
        log("counting instructions under callgrind (a few seconds a command)")
        var counts: [Int] = []
        for command in commands {
            let arguments = ["-q", "--tool=callgrind", "--callgrind-out-file=" + out, copy] + command.arguments
            let status = try command.untilShown.map { marker in
                try runInTerminal(valgrind, arguments, environment: command.environment, width: 200, height: 50, until: marker).status
            } ?? runChild(valgrind, arguments, environment: command.environment).status
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            // callgrind's file ends with `totals: N` (older ones write `summary: N`).
            let total = text.split(separator: "\n").last { $0.hasPrefix("totals:") || $0.hasPrefix("summary:") }
                .flatMap { Int($0.split(separator: " ").last ?? "") }
            guard status == 0, let total else { throw BenchError("\(command.label) under callgrind: exit \(status), no count") }
            counts.append(total)
        }
        var lines = ["", "| command, under callgrind | instructions | / floor |", "| --- | --- | --- |"]
        for (command, count) in zip(commands, counts) {
            lines.append("| \(command.label) | " + String(format: "%.1fM", Double(count) / 1e6) + " | "
                         + String(format: "%.2f", Double(count) / Double(max(counts[0], 1))) + " |")
        }
        print(lines.joined(separator: "\n"))
    }

    /// The end of the dashboard's key line, the last row of `me`'s first frame on the fixture.
    static let dashboardLastRow = " quit"

    func timed(_ command: Command) throws -> Double {
        if let marker = command.untilShown {
            let run = try runInTerminal(command.program, command.arguments, environment: command.environment,
                                        width: 200, height: 50, until: marker)
            guard run.status == 0 else { throw BenchError("\(command.label) exited \(run.status)") }
            return run.millis
        }
        let run = try runChild(command.program, command.arguments, environment: command.environment)
        guard run.status == 0 else { throw BenchError("\(command.label) exited \(run.status)") }
        return run.millis
    }

    /// The table, then each screen's ratio to the floor and to `task list` (the
    /// issue's targets: the first frame ≤ 1.5× the floor and ≤ 0.15× `task list`).
    func report(_ commands: [Command], screens: Int) -> String {
        let stats = commands.map { Stats($0.times) }
        func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
        var lines = ["| command (\(runs) runs each, alternating) | median | max |", "| --- | --- | --- |"]
        for (command, stat) in zip(commands, stats) { lines.append("| \(command.label) | \(ms(stat.median)) | \(ms(stat.max)) |") }
        lines.append("")
        let floor = stats[0].median
        let task = stats.count > screens + 1 ? stats[screens + 1].median : nil
        for index in 1...screens {
            let name = commands[index].name
            let median = stats[index].median
            var line = name + String(format: " / floor: %.2f (%.1f ms above the floor)", median / floor, median - floor)
            if let task { line += String(format: "; / task list: %.2f", median / task) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A TASKRC and TASKDATA under `folder` holding `tasks` pending tasks, imported
    /// with one `task import`; returns the environment that uses them.
    func setUpTaskwarrior(_ task: String, in folder: String) throws -> [String: String] {
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let rc = folder + "/taskrc"
        try "data.location=\(data)\nconfirmation=off\nnews.version=9.9.9\ngc=on\n".write(toFile: rc, atomically: true, encoding: .utf8)
        let projects = ["home", "work", "garden", "ladder", "reading", "errands", "finance", "health", "travel", "music"]
        var lines: [String] = []
        for i in 1...tasks {
            let project = projects[i % 10]
            var fields = [
                "\"uuid\":\"\(hex(i, 8))-0000-4000-8000-\(hex(i, 12))\"", "\"status\":\"pending\"",
                "\"entry\":\"2025\(two(1 + i % 12))\(two(1 + i % 28))T\(two(i % 24))\(two(i % 60))00Z\"",
                "\"description\":\"Task \(i): review the \(project) notes and follow up\"", "\"project\":\"\(project)\"",
            ]
            if i % 3 == 0 { fields.append("\"priority\":\"\(["H", "M", "L"][i % 3])\"") }
            if i % 4 == 0 { fields.append("\"tags\":[\"next\",\"t\(i % 7)\"]") }
            if i % 5 == 0 { fields.append("\"due\":\"2026\(two(1 + i % 12))\(two(1 + i % 28))T120000Z\"") }
            lines.append("{" + fields.joined(separator: ",") + "}")
        }
        let file = folder + "/tasks.json"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let environment = ["TASKRC": rc, "TASKDATA": data, "HOME": folder, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        log("importing \(tasks) tasks into \(data)")
        _ = try runChild(task, ["import", file], environment: environment)
        let count = try runChild(task, ["count", "status:pending"], environment: environment).stdout
        guard Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) == tasks else {
            throw BenchError("taskwarrior holds \(count.trimmingCharacters(in: .whitespacesAndNewlines)) tasks after the import, expected \(tasks)")
        }
        return environment
    }

    func hex(_ value: Int, _ digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
