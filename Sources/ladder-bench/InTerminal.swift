import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one start of the UI in a pseudo-terminal cost.
struct TerminalRun {
    /// From just before spawn until `until` had been written to the screen.
    var millis: Double
    var status: Int32
}

/// Starts `program` on a pseudo-terminal of `width`×`height`, as a person starts the
/// UI, and times it until its output holds `until` (text of the first frame's last
/// row: curses draws top to bottom, so the frame is then on the screen). Then types
/// `quit` and waits for the program to exit. Throws when the text does not come
/// within `timeout` seconds, with what the screen showed by then.
func runInTerminal(
    _ program: String, _ arguments: [String], environment: [String: String],
    width: Int, height: Int, until marker: String, quit: String = "q", timeout: Int32 = 30
) throws -> TerminalRun {
    let controller = posix_openpt(O_RDWR | O_NOCTTY)
    guard controller >= 0 else { throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
    defer { close(controller) }
    var name = [CChar](repeating: 0, count: 128)
    guard grantpt(controller) == 0, unlockpt(controller) == 0, ptsname_r(controller, &name, name.count) == 0 else {
        throw BenchError("cannot set up the pseudo-terminal: \(String(cString: strerror(errno)))")
    }
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let terminal = open(path, O_RDWR | O_NOCTTY)
    guard terminal >= 0 else { throw BenchError("cannot open \(path): \(String(cString: strerror(errno)))") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor in 0...2 { posix_spawn_file_actions_adddup2(&actions, terminal, Int32(descriptor)) }
    posix_spawn_file_actions_addclose(&actions, terminal)
    posix_spawn_file_actions_addclose(&actions, controller)
    let start = clockNanos()
    let spawned = spawn(program, arguments, environment: environment, actions: &actions)
    close(terminal)
    let pid = try spawned.get()

    let wanted = Array(marker.utf8)
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var shown: UInt64?
    while true { // after the frame, read on until the program closes the terminal
        var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, shown == nil ? timeout * 1000 : 10_000)
        if ready < 0 && errno == EINTR { continue }
        guard ready > 0 else { break }
        let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break } // EIO: the program closed the terminal
        if shown == nil {
            output += buffer[0..<count]
            if output.count >= wanted.count, output.firstRange(of: wanted) != nil {
                shown = clockNanos()
                _ = quit.withCString { write(controller, $0, strlen($0)) }
            }
        }
    }
    if shown == nil { kill(pid, SIGKILL) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard let shown else {
        let tail = String(decoding: output.suffix(300), as: UTF8.self).unicodeScalars
            .map { $0.value < 0x20 || $0.value == 0x7F ? "·" : String($0) }.joined()
        throw BenchError("\(program) \(arguments.joined(separator: " ")) did not show \"\(marker)\" within \(timeout) s; its last output: \(tail)")
    }
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return TerminalRun(millis: millis(start, shown), status: exit)
}

// glibc declares these only under _XOPEN_SOURCE, which Swift's Glibc module does not set;
// they are plain C functions in libc (the tests' PseudoTerminal declares them the same way).
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname_r") private func ptsname_r(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int32
