/// Why the full-screen interface could not start. Each message names the problem and
/// what to do instead, so the CLI can print it as it is and exit.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The named stream ("stdin", "stdout", or "file descriptor N") is not a terminal.
    case notATerminal(stream: String)
    /// `TERM` is unset or empty.
    case termNotSet
    /// `TERM=dumb`, or a terminal type that cannot move the cursor.
    case tooLimited(term: String)
    /// No terminfo entry for this `TERM`.
    case unknownTerminal(term: String)

    /// Where to go instead of the full-screen interface.
    public static let cliHint = "Use the CLI commands instead (ladder --help lists them, e.g. ladder status, ladder show)."

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "ladder needs a terminal: \(stream) is not a TTY. \(Self.cliHint)"
        case .termNotSet:
            return "ladder needs a terminal: the TERM environment variable is not set "
                + "(set it, e.g. TERM=xterm-256color). \(Self.cliHint)"
        case .tooLimited(let term):
            return "ladder needs a full-screen terminal: TERM=\(Self.shown(term)) cannot move the cursor. \(Self.cliHint)"
        case .unknownTerminal(let term):
            return "ladder does not know the terminal type TERM=\(Self.shown(term)) (no terminfo entry; "
                + "try TERM=xterm-256color). \(Self.cliHint)"
        }
    }

    /// A TERM value as it may be printed: printable ASCII only, cut short.
    static func shown(_ term: String) -> String {
        let safe = term.unicodeScalars.prefix(64).map { scalar in
            (0x21...0x7E).contains(scalar.value) ? Character(scalar) : "?"
        }
        return String(safe) + (term.unicodeScalars.count > 64 ? "…" : "")
    }
}
