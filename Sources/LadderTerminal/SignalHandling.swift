#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal handlers of the terminal backend and the memory they share with it.
///
/// Handlers may only make async-signal-safe calls, so they never touch curses or
/// Swift objects: the quit/suspend/continue handlers store a number in `flags`, which
/// the run loop reads between events; the crash handler writes bytes prepared at start
/// (`exitBytes`) and the termios saved at start with `write` and `tcsetattr`, lets the
/// previous handler (Swift's backtracer) report the crash, then dies of the signal.
///
/// Every signal whose default action ends the process is one or the other, so none
/// can leave the terminal raw: those that can wait for the write in progress are quit
/// signals (`quitSignals`); faults, and signals that say the program is broken, are
/// crash signals (`crashSignals`). SIGXFSZ is left alone: the store ignores it so a
/// file-size limit fails the write instead of killing the process.
///
/// The shared state lives in memory allocated once and reached through
/// `nonisolated(unsafe)` static pointers. That is deliberate: the pointers never
/// change after their first use (`prepare()` forces it before any handler is
/// installed), and the handlers only do plain loads and stores through them, which
/// is what C code does with `volatile sig_atomic_t` globals. Everything else here runs
/// on the thread that owns the terminal.
enum SignalHandling {
    /// Written by handlers, read and cleared by the run loop.
    struct Flags {
        /// The first quit signal received (one of `quitSignals`), or 0.
        var quit: Int32 = 0
        /// Nonzero after SIGTSTP (sent with `kill`; Ctrl-Z arrives as a key in raw mode).
        var suspend: Int32 = 0
        /// Nonzero after SIGCONT: the screen may have been overwritten while stopped.
        var continued: Int32 = 0
        /// Nonzero while the crash/exit restore should run; it runs at most once.
        var restoreArmed: Int32 = 0
        var restoreFD: Int32 = -1
        var hasTermios: Int32 = 0
        var exitLength: Int = 0
        /// While the screen is up, stderr goes to an unlinked temporary file (`capture`)
        /// and the real stderr waits in `stderrCopy`; both -1 when not capturing.
        var stderrCopy: Int32 = -1
        var capture: Int32 = -1
    }

    static let exitCapacity = 1024
    static let signalSlots = 65

    nonisolated(unsafe) static let flags: UnsafeMutablePointer<Flags> = {
        let pointer = UnsafeMutablePointer<Flags>.allocate(capacity: 1)
        pointer.initialize(to: Flags())
        return pointer
    }()
    nonisolated(unsafe) static let exitBytes: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: exitCapacity)
        pointer.initialize(repeating: 0, count: exitCapacity)
        return pointer
    }()
    nonisolated(unsafe) static let savedTermios: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()
    /// The action each signal had before ours, indexed by signal number.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        pointer.initialize(repeating: sigaction(), count: signalSlots)
        return pointer
    }()
    /// Which signals currently carry our handler (1) and so need restoring.
    nonisolated(unsafe) static let replaced: UnsafeMutablePointer<Int32> = {
        let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: signalSlots)
        pointer.initialize(repeating: 0, count: signalSlots)
        return pointer
    }()
    static let replayCapacity = 4096
    /// Where the captured stderr is copied through on its way back to the terminal.
    nonisolated(unsafe) static let replayBuffer: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: replayCapacity)
        pointer.initialize(repeating: 0, count: replayCapacity)
        return pointer
    }()
    nonisolated(unsafe) static var atexitRegistered = false

    /// Signals that end the process by default and can wait for the run loop: it
    /// finishes the event in progress (a write), restores the terminal and exits with
    /// 128 + the signal. On Linux also SIGSTKFLT, SIGPWR and the real-time signals.
    static let quitSignals: [Int32] = {
        var signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF,
                       SIGXCPU, SIGIO]
        #if os(Linux)
        signals += [SIGSTKFLT, SIGPWR]
        let realTime = __libc_current_sigrtmin()...__libc_current_sigrtmax()
        signals += realTime.filter { $0 > 0 && Int($0) < signalSlots }
        #endif
        return signals
    }()
    /// Faults, and signals that say the program is broken: the terminal is restored at
    /// once, the previous handler reports, and the process dies of the signal.
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGSYS]

    /// Forces the lazy statics into existence so handlers never run their initialisers.
    static func prepare() {
        _ = (flags, exitBytes, savedTermios, previous, replaced, replayBuffer, quitSignals, crashSignals)
    }

    // MARK: The run loop's signals

    /// Catches the quit signals, SIGTSTP and SIGCONT. Call before `newterm`, so that
    /// ncurses sees non-default handlers and leaves these signals to us. A signal that
    /// was ignored when we started (`nohup`, background jobs) stays ignored.
    static func installRunHandlers() {
        prepare()
        flags.pointee.quit = 0
        flags.pointee.suspend = 0
        flags.pointee.continued = 0
        setRunHandlers(fresh: true)
        // A parent may start us with these signals blocked (a test runner's thread,
        // some launchers): then they would never arrive. Unblock the ones we handle.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in quitSignals + [SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Puts our handlers back where something replaced them. ncurses does, in a process
    /// where it once installed its own SIGTSTP handler (an earlier screen opened before
    /// ours were in place): each later `newterm` restores the action it saved then.
    static func reassertRunHandlers() {
        setRunHandlers(fresh: false)
    }

    private static func setRunHandlers(fresh: Bool) {
        for signal in quitSignals {
            install(signal, flags: SA_RESTART, keepIgnored: true, fresh: fresh, handler: .plain({ signal in
                if SignalHandling.flags.pointee.quit == 0 { SignalHandling.flags.pointee.quit = signal }
            }))
        }
        install(SIGTSTP, flags: SA_RESTART, keepIgnored: true, fresh: fresh, handler: .plain({ _ in
            SignalHandling.flags.pointee.suspend = 1
        }))
        install(SIGCONT, flags: SA_RESTART, keepIgnored: false, fresh: fresh, handler: .plain({ _ in
            SignalHandling.flags.pointee.continued = 1
        }))
    }

    static func uninstallRunHandlers() {
        for signal in quitSignals + [SIGTSTP, SIGCONT] { restore(signal) }
    }

    /// SIGTSTP carries our handler: it was not ignored when we started.
    static var canSuspend: Bool { replaced[Int(SIGTSTP)] != 0 }

    /// Stops the process the way the default SIGTSTP action does; returns once it is
    /// continued. The caller has already handed the terminal back (`endwin`).
    static func stopProcess() {
        var defaultAction = sigaction()
        setHandler(&defaultAction, .plain(nil))
        var ours = sigaction()
        sigaction(SIGTSTP, &defaultAction, &ours)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        raise(SIGTSTP) // the process stops here until SIGCONT
        sigaction(SIGTSTP, &ours, nil)
        flags.pointee.suspend = 0
        flags.pointee.continued = 0
    }

    // MARK: Crashes and exit()

    /// Arms the restore: on a crash signal, or at `exit()` while the screen is still
    /// up, write `bytes` to `fd` and put back `termios`.
    static func armRestore(fd: Int32, bytes: [UInt8], termios saved: termios?) {
        prepare()
        let count = min(bytes.count, exitCapacity)
        for index in 0..<count { exitBytes[index] = bytes[index] }
        flags.pointee.exitLength = count
        flags.pointee.restoreFD = fd
        if let saved {
            savedTermios.pointee = saved
            flags.pointee.hasTermios = 1
        } else {
            flags.pointee.hasTermios = 0
        }
        flags.pointee.restoreArmed = 1
        for signal in crashSignals {
            // SA_ONSTACK: on a thread with an alternate signal stack, a stack overflow
            // can still restore the terminal.
            install(signal, flags: SA_SIGINFO | SA_ONSTACK, keepIgnored: false, fresh: true, handler: .withInfo({ signal, info, context in
                SignalHandling.crashed(signal, info: info, context: context)
            }))
        }
        if !atexitRegistered {
            atexitRegistered = true
            atexit { SignalHandling.restoreTerminal() }
        }
    }

    /// The crash handler: restores the terminal, hands the signal to whoever had it
    /// before (Swift's backtracer prints its report on the restored terminal), then
    /// dies of the signal with its default action. Dying is not left to the fault
    /// happening again: a signal sent with `kill` would not, and the process would run
    /// on with its terminal given back. Async-signal-safe.
    static func crashed(_ signal: Int32, info: UnsafeMutablePointer<siginfo_t>?, context: UnsafeMutableRawPointer?) {
        let index = Int(signal)
        let before = previous[index]
        let sent = info.map { $0.pointee.si_code <= 0 } ?? true
        if sent && isIgnored(before) { return } // ignored before we came: still ignored
        restoreTerminal()
        _ = sigaction(signal, previous + index, nil)
        replaced[index] = 0
        if !isIgnored(before) {
            if before.sa_flags & SA_SIGINFO != 0 {
                handlerWithInfo(of: before)?(signal, info, context)
            } else {
                plainHandler(of: before)?(signal)
            }
        }
        var defaultAction = sigaction()
        setHandler(&defaultAction, .plain(nil))
        sigemptyset(&defaultAction.sa_mask)
        _ = sigaction(signal, &defaultAction, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signal)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        _ = raise(signal)
        _exit(128 + signal) // not reached: the default action of every crash signal ends the process
    }

    static func disarmRestore() {
        flags.pointee.restoreArmed = 0
        for signal in crashSignals { restore(signal) }
    }

    /// Async-signal-safe: `write` and `tcsetattr` on memory prepared in advance.
    static func restoreTerminal() {
        let state = flags
        guard state.pointee.restoreArmed != 0 else { return }
        state.pointee.restoreArmed = 0
        let fd = state.pointee.restoreFD
        var offset = 0
        var attempts = 0
        while offset < state.pointee.exitLength && attempts < 64 {
            attempts += 1
            let written = write(fd, exitBytes + offset, state.pointee.exitLength - offset)
            if written > 0 { offset += written } else if written < 0 && errno != EINTR { break }
        }
        if state.pointee.hasTermios != 0 { _ = tcsetattr(fd, TCSANOW, savedTermios) }
        releaseStandardError()
    }

    // MARK: stderr while the screen is up

    /// Sends stderr to a temporary file while the screen is up, when stderr is the
    /// terminal `fd`: anything written there (a library's warning, Swift's "Fatal
    /// error: …" line before a crash) would land on the alternate screen and vanish
    /// with it. `releaseStandardError` plays it back once the terminal is restored.
    static func captureStandardError(sameTerminalAs fd: Int32) {
        prepare()
        guard flags.pointee.capture < 0, isatty(STDERR_FILENO) == 1 else { return }
        var terminal = stat()
        var standardError = stat()
        guard fstat(fd, &terminal) == 0, fstat(STDERR_FILENO, &standardError) == 0,
              terminal.st_rdev == standardError.st_rdev else { return }
        guard let file = tmpfile() else { return } // already unlinked; mode 0600
        let capture = dup(fileno(file))
        fclose(file)
        let copy = dup(STDERR_FILENO)
        guard capture >= 0, copy >= 0, dup2(capture, STDERR_FILENO) >= 0 else {
            if capture >= 0 { close(capture) }
            if copy >= 0 { close(copy) }
            return
        }
        flags.pointee.capture = capture
        flags.pointee.stderrCopy = copy
    }

    /// Async-signal-safe: puts stderr back and copies what was captured to it.
    static func releaseStandardError() {
        let state = flags
        let capture = state.pointee.capture
        let copy = state.pointee.stderrCopy
        guard capture >= 0, copy >= 0 else { return }
        state.pointee.capture = -1
        state.pointee.stderrCopy = -1
        _ = dup2(copy, STDERR_FILENO)
        close(copy)
        if lseek(capture, 0, SEEK_SET) == 0 {
            var total = 0
            while total < 1 << 20 { // a megabyte is plenty of warnings
                let count = read(capture, replayBuffer, replayCapacity)
                if count <= 0 { break }
                var offset = 0
                while offset < count {
                    let written = write(STDERR_FILENO, replayBuffer + offset, count - offset)
                    if written <= 0 { break }
                    offset += written
                }
                total += count
            }
        }
        close(capture)
    }

    // MARK: sigaction plumbing

    enum Handler {
        case plain((@convention(c) (Int32) -> Void)?)
        case withInfo(@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void)
    }

    /// `fresh`: install where we have not yet, remembering the previous action;
    /// otherwise set our handler again only where we already did.
    private static func install(_ signal: Int32, flags actionFlags: Int32, keepIgnored: Bool, fresh: Bool, handler: Handler) {
        guard (replaced[Int(signal)] == 0) == fresh else { return }
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return }
        if fresh && keepIgnored && isIgnored(current) { return }
        var action = sigaction()
        setHandler(&action, handler)
        sigemptyset(&action.sa_mask)
        action.sa_flags = actionFlags
        if fresh {
            if sigaction(signal, &action, previous + Int(signal)) == 0 { replaced[Int(signal)] = 1 }
        } else {
            sigaction(signal, &action, nil)
        }
    }

    private static func restore(_ signal: Int32) {
        guard replaced[Int(signal)] != 0 else { return }
        sigaction(signal, previous + Int(signal), nil)
        replaced[Int(signal)] = 0
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard action.sa_flags & SA_SIGINFO == 0 else { return false }
        return unsafeBitCast(plainHandler(of: action), to: Int.self) == 1 // SIG_IGN
    }

    /// The action's handler when it is a function (not SIG_DFL, nor SIG_IGN) taking
    /// only the signal.
    private static func plainHandler(of action: sigaction) -> (@convention(c) (Int32) -> Void)? {
        #if os(Linux)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == 1 ? nil : handler
    }

    /// The action's handler when it was installed with SA_SIGINFO.
    private static func handlerWithInfo(
        of action: sigaction
    ) -> (@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void)? {
        #if os(Linux)
        return action.__sigaction_handler.sa_sigaction
        #else
        return action.__sigaction_u.__sa_sigaction
        #endif
    }

    private static func setHandler(_ action: inout sigaction, _ handler: Handler) {
        #if os(Linux)
        switch handler {
        case .plain(let function): action.__sigaction_handler.sa_handler = function
        case .withInfo(let function): action.__sigaction_handler.sa_sigaction = function
        }
        #else
        switch handler {
        case .plain(let function): action.__sigaction_u.__sa_handler = function
        case .withInfo(let function): action.__sigaction_u.__sa_sigaction = function
        }
        #endif
    }
}
