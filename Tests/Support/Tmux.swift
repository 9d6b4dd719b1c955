import Foundation

/// A tmux session running a command in a real terminal, for end-to-end tests:
/// type keys, read the screen, wait for text with a deadline.
public final class Tmux {
    public let name: String
    public let socket: String

    /// Whether tmux is installed. Tests that need it (`@Test(.needsTmux)`) fail when
    /// `LADDER_REQUIRE_TMUX=1` and otherwise skip, saying so.
    public static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["LADDER_REQUIRE_TMUX"] == "1" }

    static var binary: String {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"
    }

    /// Starts a detached session of the given size running `command` through `sh -c`.
    /// The session uses its own server socket so tests never touch the user's tmux.
    /// Throws `Missing` when tmux is not installed.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        guard Tmux.isAvailable else { throw Missing() }
        name = "ladder-test"
        socket = NSTemporaryDirectory() + "ladder-tmux-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let exports = environment.sorted { $0.key < $1.key }
            .map { "export \($0.key)='\($0.value.replacingOccurrences(of: "'", with: "'\\''"))'; " }.joined()
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "sh -c \"\(exports.replacingOccurrences(of: "\"", with: "\\\""))\(command)\"; exec sh"])
    }

    /// The built `ladder` in a session of this size, on the data folder `home`, in a
    /// UTF-8 xterm, with Swift's interactive crash backtrace off (a crash ends the test).
    public static func ladder(home: String, width: Int = 100, height: Int = 30) throws -> Tmux {
        try Tmux(command: TestSupport.ladderBinary, width: width, height: height,
                 environment: ["LADDER_HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no"])
    }

    /// tmux is not installed, where a test needs it (`LADDER_REQUIRE_TMUX=1`).
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "tmux is not installed but LADDER_REQUIRE_TMUX=1: install tmux (apt-get install tmux)"
        }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> TestSupport.Output {
        try Tmux.run(Tmux.binary, ["-S", socket] + arguments,
                     environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "HOME": NSTemporaryDirectory()])
    }

    /// Runs a program to its end without Foundation's `Process`, which learns that a
    /// child ended when a socket it hands the child is closed: the tmux server that
    /// `new-session` forks keeps every inherited descriptor, so `Process` would wait
    /// for it forever. Here the child gets only stdin (/dev/null) and stdout/stderr
    /// (temp files); every other descriptor is closed; `wait4` reaps it.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]) throws -> TestSupport.Output {
        let base = NSTemporaryDirectory() + "ladder-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let pid = try spawn(program, arguments, environment: environment, stdout: outPath, stderr: errPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let signal = status & 0x7F
        return TestSupport.Output(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, stdout: out, stderr: err)
    }

    /// Starts `program` with stdin from /dev/null and stdout and stderr into the given
    /// files, no other inherited descriptor and a clean signal state; returns its pid.
    public static func spawn(_ program: String, _ arguments: [String], environment: [String: String],
                             stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        resetSignals(&attributes)
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(program): \(String(cString: strerror(result)))"])
        }
        return pid
    }

    /// Makes a spawned child start with no signal blocked and every signal at its
    /// default action. Without it the child inherits the spawning thread's mask (a
    /// Swift concurrency thread blocks nearly all signals) and the test process's
    /// ignored signals: a tmux server started so passes SIGINT, SIGTERM, SIGHUP and
    /// SIGWINCH blocked to every program in its panes.
    public static func resetSignals(_ attributes: inout posix_spawnattr_t) {
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    }

    /// Adds "close every descriptor above 2" to spawn actions (glibc 2.34+ has it as
    /// one action; otherwise each descriptor open now is closed).
    public static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 && fcntl(fd, F_GETFD) >= 0 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// Types keys, named as tmux names them (`Enter`, `Space`, `Down`, `C-c`, or literal text).
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// The screen as plain text.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name]).stdout
    }

    /// The scrollback and the screen as plain text.
    public func history() throws -> String {
        try tmux(["capture-pane", "-p", "-S", "-", "-t", name]).stdout
    }

    /// The screen with its attributes and colours as escape sequences (`capture-pane -e`).
    public func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name]).stdout
    }

    /// The screen for a failure message (never throws).
    public var shown: String { (try? screen()) ?? "<the screen could not be read>" }

    /// A tmux format value, e.g. `#{alternate_on}` or `#{pane_pid}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display", "-p", "-t", name, format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls until the program has left the alternate screen (it quit and restored
    /// the terminal), so keys typed next reach the shell, not the exiting program.
    public func waitForShell(timeout: Double = 10) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try display("#{alternate_on}") == "0" { return true }
            usleep(50_000)
        }
        return false
    }

    /// Polls the screen until it contains `text`; returns the screen, or nil after `timeout` seconds.
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let screen = try screen()
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        return nil
    }
}
