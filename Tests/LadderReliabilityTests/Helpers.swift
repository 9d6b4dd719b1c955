import Foundation
import LadderKit
import LadderTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Shared by the reliability tests: running `ladder` as a child we can kill and
/// measure, fixtures, and small checks.
enum R {
    // MARK: Children

    /// A running child process whose output goes to files.
    struct Child {
        let pid: pid_t
        let stdoutPath: String
        let stderrPath: String
    }

    /// How a child ended.
    struct Ended {
        /// The exit status, or 128 + the signal that killed it.
        var status: Int32
        var signalled: Bool
        /// Peak resident memory in kilobytes.
        var maxRSSKB: Int
        var seconds: Double
        var stdout: String
        var stderr: String
    }

    /// The environment every `ladder` child gets: its own data folder, no backtracer.
    static func environment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ["LADDER_HOME": home, "HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "SWIFT_BACKTRACE": "enable=no"]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Starts `program` with stdin from /dev/null and stdout/stderr into files in `scratch`.
    static func spawn(_ program: String, _ arguments: [String], environment: [String: String], scratch: String) throws -> Child {
        let tag = "\(UInt32.random(in: 0...UInt32.max))"
        let out = scratch + "/child-\(tag).out", err = scratch + "/child-\(tag).err"
        let pid = try Tmux.spawn(program, arguments, environment: environment, stdout: out, stderr: err)
        return Child(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits for a child and collects what it left.
    static func wait(_ child: Child, started: Date = Date()) -> Ended {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child.pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let out = (try? String(contentsOfFile: child.stdoutPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: child.stderrPath, encoding: .utf8)) ?? ""
        unlink(child.stdoutPath)
        unlink(child.stderrPath)
        return Ended(status: code, signalled: signal != 0, maxRSSKB: Int(usage.ru_maxrss), seconds: seconds, stdout: out, stderr: err)
    }

    /// Runs `ladder` to the end, measuring its time and peak memory.
    static func ladder(_ arguments: [String], home: String, scratch: String, _ extra: [String: String] = [:]) throws -> Ended {
        let started = Date()
        let child = try spawn(TestSupport.ladderBinary, arguments, environment: environment(home: home, extra), scratch: scratch)
        return wait(child, started: started)
    }

    /// Runs a shell command line with `sh -c` (for `ulimit`, `umask`, `unshare`).
    static func shell(_ script: String, home: String, scratch: String, _ extra: [String: String] = [:]) throws -> Ended {
        let started = Date()
        var env = environment(home: home, extra)
        env["LADDER"] = TestSupport.ladderBinary
        let child = try spawn("/bin/sh", ["-c", script], environment: env, scratch: scratch)
        return wait(child, started: started)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: Files

    static func bytes(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Array(data)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func mode(_ path: String) -> mode_t {
        var stats = stat()
        guard lstat(path, &stats) == 0 else { return 0 }
        return stats.st_mode & 0o7777
    }

    /// Every path under a folder (recursively), the folder included.
    static func walk(_ folder: String) -> [String] {
        var paths = [folder]
        if let names = FileManager.default.subpaths(atPath: folder) {
            paths += names.map { folder + "/" + $0 }
        }
        return paths
    }

    /// A fresh data folder (prepared) inside a fresh scratch folder; remove `scratch` after.
    static func dataFolder(_ label: String) throws -> (scratch: String, home: String) {
        let scratch = try TestSupport.makeTempFolder("ladder-rel-\(label)")
        let home = scratch + "/data"
        try DataFolder(path: home).prepare()
        return (scratch, home)
    }

    // MARK: Terminal

    /// The environment for `ladder` in a tmux pane.
    static func paneEnvironment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ["LADDER_HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Polls until `condition` holds or `timeout` seconds pass.
    @discardableResult
    static func eventually(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    static func isAlive(_ pid: pid_t) -> Bool { pid > 0 && kill(pid, 0) == 0 }

    // MARK: Text checks

    /// Bytes that must never reach a terminal from a file: ESC, other C0 controls but
    /// tab and newline, DEL, C1 (as UTF-8), bidi and zero-width controls.
    static func unsafeCharacters(in text: String) -> [String] {
        var found: [String] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x0A && value != 0x09) || value == 0x7F || (0x80..<0xA0).contains(value)
                || [0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x2028, 0x2029, 0x2060, 0xFEFF].contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || (0xE0000...0xE007F).contains(value) {
                found.append(String(format: "U+%04X", value))
            }
        }
        return found
    }

    // MARK: Fixtures

    /// A small real profile: comments, quotes, a block scalar, Unicode.
    static let smallProfile = """
    # A small profile for the reliability tests.
    schema: 1
    id: small-skill
    name: "Small skill — été"
    keywords: [tests, "crash safety"]
    domain: Engineering
    group: Testing
    updated: 2026-03-17
    levels: [Junior, Middle]
    roles:
      - id: tester
        name: Tester
        levels:
          - level: Junior
            required: true
            expectations:
              - id: t1
                text: Writes a test that fails first.
              - id: t2
                text: >
                  Explains what a test proves,
                  in two lines.
          - level: Middle
            required: false
            expectations:
              - id: t3
                text: 'Keeps the suite under two minutes: "fast".'
      - id: writer
        name: Rédacteur 漢字
        levels:
          - level: Junior
            required: false
            expectations:
              - id: w1
                text: Writes clear notes.
          - level: Middle
            required: true
            expectations:
              - id: w2
                text: Reviews others' notes.

    """

    /// The profile shipped with Ladder (read from the repository).
    static var bundledProfile: [UInt8] {
        bytes(TestSupport.repoRoot.appendingPathComponent("Profiles/serverless-functions.yaml").path) ?? []
    }

    /// A journal with every kind of event, from the store itself.
    static func sampleJournal() throws -> [UInt8] {
        let (scratch, home) = try dataFolder("journal")
        defer { TestSupport.removeFolder(scratch) }
        let store = Store(folder: DataFolder(path: home))
        let events = [
            JournalEvent(.person(name: "Ада 👩‍💻", mentee: nil), at: "2026-01-01T09:00:00Z"),
            JournalEvent(.track(skill: "small-skill", role: "tester", level: "Junior"), at: "2026-01-01T09:01:00Z"),
            JournalEvent(.tick(skill: "small-skill", level: "Junior", expectation: "t1", text: "Writes a test that fails first."), at: "2026-01-02T10:00:00Z"),
            JournalEvent(.note(skill: "small-skill", level: nil, expectation: "t1", text: "Writes", note: "PR #1, \"quoted\"\nnext"), at: "2026-01-02T10:01:00Z"),
            JournalEvent(.untick(skill: "small-skill", level: "Junior", expectation: "t1", text: ""), at: "2026-01-02T10:02:00Z"),
            JournalEvent(.step(skill: "small-skill", level: "Middle"), at: "2026-01-03T10:00:00Z"),
        ]
        try store.append(events, for: .me)
        return bytes(DataFolder(path: home).journalPath(for: .me)) ?? []
    }

    /// Byte offsets just after each newline (where a line starts).
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    }
}

