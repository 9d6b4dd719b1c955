#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CellGrid

/// A terminal with no screen, for tests of the run loop: it plays a script of inputs
/// and signals and records every canvas drawn, with the size of the screen then.
///
///     let terminal = HeadlessTerminal(width: 40, height: 10, script: [
///         .event(.resize(width: 30, height: 8)), .event(.key(.character("q"))),
///     ])
///     let outcome = try TerminalRunner.run(terminal: terminal) { _ in program }
///
/// When the script runs out the terminal hangs up (as if SIGHUP arrived), so a test
/// whose program never finishes still ends.
public final class HeadlessTerminal: Terminal {
    /// One step of the script, taken by one wait for input.
    public enum Step: Equatable, Sendable {
        /// Input arrives. A `.resize` changes the screen's size first.
        case event(InputEvent)
        /// Nothing arrives: the wait times out.
        case silence
        /// A quit signal arrives, as if sent with `kill` (e.g. `SIGTERM`).
        case signal(Int32)
        /// SIGTSTP arrives, as if sent with `kill`.
        case suspendSignal
        /// SIGCONT arrives after someone else stopped the process (SIGSTOP).
        case continued
    }

    /// A canvas as it was drawn, with the screen's size at the time.
    public struct Drawn: Equatable, Sendable {
        public let canvas: Canvas
        public let width: Int
        public let height: Int
    }

    public let capabilities: Capabilities
    public private(set) var size: (width: Int, height: Int)
    /// The steps not yet taken.
    public private(set) var script: [Step]
    /// Every canvas drawn, in order.
    public private(set) var drawn: [Drawn] = []
    /// The timeout of every wait for input, in order.
    public private(set) var waits: [Duration] = []
    /// How often the terminal was handed back and taken again (`suspend()`), and
    /// taken back after someone else stopped the process (`recover()`).
    public private(set) var suspensions = 0
    public private(set) var recoveries = 0
    /// True between `start()` and `stop()`.
    public private(set) var isActive = false
    /// `stop()` was called after a `start()`.
    public private(set) var wasStopped = false
    public private(set) var pendingQuitSignal: Int32?
    private var suspendRequested = false
    private var continuedPending = false
    private let startError: TerminalError?

    /// - Parameters:
    ///   - startError: what `start()` throws, to test a terminal that cannot run the UI.
    public init(width: Int = 80, height: Int = 24, capabilities: Capabilities = Capabilities(unicode: true, colour: false),
                script: [Step], startError: TerminalError? = nil) {
        size = (width, height)
        self.capabilities = capabilities
        self.script = script
        self.startError = startError
    }

    public func start() throws {
        if let startError { throw startError }
        isActive = true
    }

    public func stop() {
        if isActive { wasStopped = true }
        isActive = false
    }

    public func draw(_ canvas: Canvas) {
        drawn.append(Drawn(canvas: canvas, width: size.width, height: size.height))
    }

    public func nextInput(timeout: Duration) -> TerminalInput {
        waits.append(timeout)
        guard !script.isEmpty else {
            receive(signal: SIGHUP)
            return .interrupted
        }
        switch script.removeFirst() {
        case .event(let event):
            if case .resize(let width, let height) = event { size = (width, height) }
            return .event(event)
        case .silence:
            return .timedOut
        case .signal(let signal):
            receive(signal: signal)
            return .interrupted
        case .suspendSignal:
            suspendRequested = true
            return .interrupted
        case .continued:
            continuedPending = true
            return .interrupted
        }
    }

    /// A quit signal arrives now, e.g. while the program handles an event. The first
    /// one is kept, as `NcursesTerminal` does.
    public func receive(signal: Int32) {
        if pendingQuitSignal == nil { pendingQuitSignal = signal }
    }

    public func takeSuspendRequest() -> Bool {
        defer { suspendRequested = false }
        return suspendRequested
    }

    public func suspend() { suspensions += 1 }

    public func takeContinued() -> Bool {
        defer { continuedPending = false }
        return continuedPending
    }

    public func recover() { recoveries += 1 }

    /// How many times the terminal was lent to another program.
    public private(set) var lendings = 0

    public func lend(_ work: () -> Void) {
        lendings += 1
        work()
    }
}
