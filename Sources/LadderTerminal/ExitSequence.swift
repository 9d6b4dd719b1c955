/// The bytes that take a terminal out of full-screen mode, prepared at start for the
/// crash handler, which cannot ask curses or terminfo: reset attributes (`sgr0`),
/// show the cursor (`cnorm`), keypad off (`rmkx`), mouse reporting off, leave the
/// alternate screen (`rmcup`).
enum ExitSequence {
    /// - Parameter capability: the terminfo string for a name, or nil when absent.
    static func bytes(mouse: Bool, capability: (String) -> String?) -> [UInt8] {
        var text = ""
        for name in ["sgr0", "cnorm", "rmkx"] {
            text += capability(name).map(withoutPadding) ?? ""
        }
        if mouse { text += "\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l" }
        text += capability("rmcup").map(withoutPadding) ?? ""
        return Array(text.utf8)
    }

    /// Removes terminfo delay markers (`$<5>`, `$<2*/>`), which `tputs` would turn into
    /// waits and which are not meant for the terminal.
    static func withoutPadding(_ value: String) -> String {
        var out = ""
        var rest = Substring(value)
        while let start = rest.firstRange(of: "$<") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            out += rest[..<start.lowerBound]
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
