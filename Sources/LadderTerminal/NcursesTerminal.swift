import CellGrid
import CNcursesw
import Foundation

/// The ncurses backend: owns the terminal from `start()` to `stop()`, copies a `Canvas`
/// to the screen and turns keys, mouse and resizes into `InputEvent`s.
///
/// Curses is not thread-safe, so this class is not `Sendable`: create it, use it and
/// stop it on one thread. It is the only code in Ladder that calls curses.
///
/// Input is read in raw mode: Ctrl-C arrives as `.key(.control("c"))` and Ctrl-Z as
/// `.key(.control("z"))` (the runner suspends on it); SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT sent from elsewhere set `pendingQuitSignal` for the run loop.
public final class NcursesTerminal: Terminal {
    /// The locale is UTF-8: non-ASCII text and box drawing reach the screen.
    public private(set) var unicode = false
    /// Colour pairs are set up: the terminal has colours and `NO_COLOR` is unset or empty.
    public private(set) var colour = false
    /// Both, for the app to choose ASCII or Unicode borders and colour or attributes.
    public var capabilities: Capabilities { Capabilities(unicode: unicode, colour: colour) }
    /// True between a successful `start()` and `stop()`.
    public var isActive: Bool { screen != nil }

    /// How long one read of `nextEvent()` waits for input before returning nil, so the
    /// caller (and `nextInput(timeout:)`) can look at signals in between.
    public var inputTimeoutMilliseconds: Int32 = 250 {
        didSet { if let window { wtimeout(window, inputTimeoutMilliseconds) } }
    }

    private let environment: [String: String]
    private let inputFD: Int32
    let outputFD: Int32
    private var screen: OpaquePointer?
    /// `stdscr` of our screen, nil when stopped.
    private(set) var window: UnsafeMutablePointer<WINDOW>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private(set) var outputFile: UnsafeMutablePointer<FILE>?
    /// Links are sent as OSC 8 hyperlinks: on, unless `LADDER_HYPERLINKS=0` or a
    /// terminal known to print them as junk (the Linux console, vt100-likes).
    private(set) var hyperlinks = false
    /// Our signal handlers are installed (between `start()` and `stop()`, not headless).
    private(set) var ownsSignals = false
    private var mouse = false
    /// The colour pair of each colour role; a role without one draws in the default colours.
    private(set) var pairs: [Style.Colour: Int16] = [:]
    /// The foreground colour number of each colour pair (for links written as SGR).
    private(set) var pairForegrounds: [Int16: Int16] = [:]
    /// `muted` is drawn dim rather than grey (fewer than 16 colours, or none).
    private(set) var mutedIsDim = true
    /// Each style's curses attributes and colour pair (`cursesStyles()`), made when colours are set up.
    private(set) var styles: [(attr_t, Int16)] = []
    /// The canvas `draw` last copied to curses, and the screen's size then; nil when
    /// curses holds something else (just started).
    var drawn: (canvas: Canvas, screen: (width: Int, height: Int))?
    /// Reused for every cell `draw` writes.
    var cell = cchar_t()

    /// - Parameters:
    ///   - environment: where `TERM` and `NO_COLOR` are read (the process's by default).
    ///   - input, output: the terminal's file descriptors (stdin and stdout by default).
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO
    ) {
        self.environment = environment
        inputFD = input
        outputFD = output
    }

    deinit { stop() }

    // MARK: Start and stop

    /// Takes over the terminal: alternate screen, raw input, no echo, hidden cursor,
    /// keypad and mouse, colours. Throws `TerminalError` when there is no usable
    /// terminal; then nothing has changed. Calling it again while active does nothing.
    public func start() throws {
        guard screen == nil else { return }
        guard isatty(inputFD) == 1 else { throw TerminalError.notATerminal(stream: Self.streamName(inputFD)) }
        guard isatty(outputFD) == 1 else { throw TerminalError.notATerminal(stream: Self.streamName(outputFD)) }
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        guard term != "dumb" else { throw TerminalError.tooLimited(term: term) }

        setlocale(LC_ALL, "")
        var saved = termios()
        let hasTermios = tcgetattr(outputFD, &saved) == 0

        // Ours before newterm: ncurses only installs its own SIGINT/SIGTERM/SIGTSTP
        // handlers (which exit without saving) when it finds the defaults.
        SignalHandling.installRunHandlers()
        ownsSignals = true
        do {
            try open(term: term, input: fdopen(dup(inputFD), "r"), output: fdopen(dup(outputFD), "w"))
            SignalHandling.reassertRunHandlers()
            guard ladder_tigetstr("cup") != nil else { throw TerminalError.tooLimited(term: term) }
        } catch {
            close()
            throw error
        }
        configure(mouse: true, colour: (environment["NO_COLOR"] ?? "").isEmpty)
        hyperlinks = Self.wantsHyperlinks(term: term, setting: environment["LADDER_HYPERLINKS"])
        let exit = ExitSequence.bytes(mouse: mouse) { name in ladder_tigetstr(name).map { String(cString: $0) } }
        SignalHandling.armRestore(fd: outputFD, bytes: exit, termios: hasTermios ? saved : nil)
        SignalHandling.captureStandardError(sameTerminalAs: outputFD)
    }

    /// Gives the terminal back as it was (`endwin`), and our signal handlers with it;
    /// then shows what was written to stderr meanwhile.
    /// Safe to call more than once, and when `start()` failed.
    public func stop() {
        guard screen != nil else { return }
        endwin()
        SignalHandling.disarmRestore()
        SignalHandling.releaseStandardError()
        close()
    }

    /// Whether to send OSC 8 hyperlinks to this terminal.
    static func wantsHyperlinks(term: String, setting: String?) -> Bool {
        switch setting {
        case "0": return false
        case "1": return true
        default: return !(term == "linux" || term.hasPrefix("vt") || term.hasPrefix("cons") || term == "ansi")
        }
    }

    private func open(term: String, input: UnsafeMutablePointer<FILE>?, output: UnsafeMutablePointer<FILE>?) throws {
        inputFile = input
        outputFile = output
        guard let input, let output else { throw TerminalError.notATerminal(stream: Self.streamName(inputFD)) }
        guard let screen = newterm(term, output, input) else { throw TerminalError.unknownTerminal(term: term) }
        self.screen = screen
        guard let window = ladder_stdscr() else { throw TerminalError.unknownTerminal(term: term) }
        self.window = window
        drawn = nil
    }

    /// Undoes `open` and the signal handlers; used by `stop()` and by a failed `start()`.
    private func close() {
        if let screen {
            if isendwin() == false { endwin() }
            delscreen(screen)
        }
        screen = nil
        window = nil
        if let outputFile { fclose(outputFile) }
        if let inputFile { fclose(inputFile) }
        outputFile = nil
        inputFile = nil
        if ownsSignals { SignalHandling.uninstallRunHandlers() }
        ownsSignals = false
        unicode = false
        colour = false
    }

    private func configure(mouse wantsMouse: Bool, colour allowColour: Bool) {
        guard let window else { return }
        unicode = ladder_locale_is_utf8() != 0
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true) // the cursor is hidden: an update need not put it back anywhere
        wtimeout(window, inputTimeoutMilliseconds)
        defineCommonKeySequences()
        if wantsMouse {
            let wanted = ladder_button1_pressed() | ladder_button4_pressed() | ladder_button5_pressed()
            mouse = mousemask(wanted, nil) != 0
            mouseinterval(0) // report presses at once, without waiting to see a click
        }
        pairs = [:]
        pairForegrounds = [:]
        mutedIsDim = true
        colour = false
        if allowColour && has_colors() && start_color() != ERR && use_default_colors() != ERR {
            let roles: [(Style.Colour, Int32)] = [
                (.accent, COLOR_CYAN), (.good, COLOR_GREEN), (.warning, COLOR_YELLOW), (.bad, COLOR_RED),
            ]
            var number: Int16 = 1
            for (role, foreground) in roles where init_pair(number, Int16(foreground), -1) != ERR {
                pairs[role] = number
                pairForegrounds[number] = Int16(foreground)
                number += 1
            }
            if tigetnum("colors") >= 16, init_pair(number, 8, -1) != ERR { // bright black: grey
                pairs[.muted] = number
                pairForegrounds[number] = 8
                mutedIsDim = false
            }
            colour = !pairs.isEmpty
        }
        styles = cursesStyles()
    }

    /// Teaches curses the other spellings of Home, End and the arrows. Terminfo lists one
    /// per key, but terminals differ (tmux sends `ESC [1~` for Home whatever `TERM` says,
    /// and a terminal that ignores keypad mode sends `ESC [A` rather than `ESC OA`);
    /// unrecognised, each would arrive as Escape followed by letters.
    private func defineCommonKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
            ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[Z", KEY_BTAB),
            ("\u{1B}OP", ladder_key_f(1)), ("\u{1B}OQ", ladder_key_f(2)), ("\u{1B}OR", ladder_key_f(3)),
            ("\u{1B}OS", ladder_key_f(4)),
        ]
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// For tests and the benchmark: curses on `/dev/null` at a fixed size, without a TTY
    /// or signal handlers, in a UTF-8 or a plain C locale. Drawing does all a real
    /// terminal's does (curses works out and writes what changed), into /dev/null.
    public init(headlessWidth width: Int, height: Int, term: String = "xterm-256color", colour: Bool = true, utf8: Bool = true) throws {
        environment = [:]
        inputFD = -1
        outputFD = -1
        setlocale(LC_ALL, utf8 ? "C.UTF-8" : "C")
        try open(term: term, input: fopen("/dev/null", "r"), output: fopen("/dev/null", "w"))
        configure(mouse: false, colour: colour)
        resize(width: width, height: height)
    }

    /// For tests: the size curses draws at, as if the terminal had been resized.
    func resize(width: Int, height: Int) {
        resizeterm(Int32(max(1, height)), Int32(max(1, width)))
    }

    // MARK: Size

    /// The screen's size in cells; zero before `start()`.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(max(0, ladder_getmaxx(window))), Int(max(0, ladder_getmaxy(window))))
    }

    private static func streamName(_ fd: Int32) -> String {
        switch fd {
        case STDIN_FILENO: return "stdin"
        case STDOUT_FILENO: return "stdout"
        case STDERR_FILENO: return "stderr"
        default: return "file descriptor \(fd)"
        }
    }
}
