import Foundation

/// A tmux session running a command in a real terminal, for end-to-end tests:
/// type keys, read the screen, wait for text with a deadline.
public final class Tmux {
    public let name: String
    public let socket: String

    /// Whether tmux is installed. Tests that need it fail when `LADDER_REQUIRE_TMUX=1`
    /// and otherwise skip, saying so.
    public static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["LADDER_REQUIRE_TMUX"] == "1" }

    static var binary: String {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tmux"
    }

    /// Starts a detached session of the given size running `command` through `sh -c`.
    /// The session uses its own server socket so tests never touch the user's tmux.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        name = "ladder-test"
        socket = NSTemporaryDirectory() + "ladder-tmux-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let exports = environment.sorted { $0.key < $1.key }
            .map { "export \($0.key)='\($0.value.replacingOccurrences(of: "'", with: "'\\''"))'; " }.joined()
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "sh -c \"\(exports.replacingOccurrences(of: "\"", with: "\\\""))\(command)\"; exec sh"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> TestSupport.Output {
        try TestSupport.run(Tmux.binary, ["-S", socket] + arguments,
                            environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "HOME": NSTemporaryDirectory()])
    }

    /// Types keys, named as tmux names them (`Enter`, `Space`, `Down`, `C-c`, or literal text).
    public func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// The screen as plain text.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name]).stdout
    }

    /// A tmux format value, e.g. `#{alternate_on}` or `#{pane_pid}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display", "-p", "-t", name, format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
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
