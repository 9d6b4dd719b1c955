#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pseudo-terminal pair for tests: the program side (`terminal`) is a real TTY that
/// `NcursesTerminal.start()` accepts; the test plays the terminal emulator on `controller`,
/// typing bytes in and reading what the program drew.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let controller: Int32
    let terminal: Int32

    init(width: Int = 40, height: Int = 12) throws {
        controller = posix_openpt(O_RDWR | O_NOCTTY)
        guard controller >= 0, grantpt(controller) == 0, unlockpt(controller) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: errno \(errno)")
        }
        var name = [CChar](repeating: 0, count: 128)
        guard ptsname_r(controller, &name, name.count) == 0 else { throw Failure(description: "ptsname_r failed") }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        terminal = open(path, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw Failure(description: "cannot open \(path): errno \(errno)") }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
        let flags = fcntl(controller, F_GETFL)
        _ = fcntl(controller, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        closeDescriptor(terminal)
        closeDescriptor(controller)
    }

    /// Types `text` as if on a keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// Everything the program has written so far.
    func drain() -> String {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(controller, &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer.prefix(count)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The line discipline settings that matter for "the shell gets its terminal back".
    func modes() -> [UInt32] {
        var settings = termios()
        tcgetattr(terminal, &settings)
        return [settings.c_iflag, settings.c_oflag, settings.c_cflag, settings.c_lflag]
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

// glibc declares these only under _XOPEN_SOURCE, which Swift's Glibc module does not set;
// they are plain C functions in libc.
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname_r") private func ptsname_r(_ fd: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int32
