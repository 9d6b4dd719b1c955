import Foundation

/// Maps over items on every core, keeping their order: rebuilding a cache parses
/// many independent files (1,000 profiles take seconds on one core).
enum Parallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Results<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }

    private final class Results<R>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [R?]

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.lock()
            items[index] = value
            lock.unlock()
        }

        var values: [R] {
            lock.lock()
            defer { lock.unlock() }
            return items.compactMap { $0 }
        }
    }
}

/// Work begun on a thread of its own and waited for once, so that a start overlaps
/// the kernel's part (listing a folder of a thousand profiles and asking each one's
/// stamp) with its own (reading the index), and the UI loads the library while the
/// terminal starts. When no thread can be made, the work is done at once, on the
/// caller's.
public final class Started<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private var value: Value?
    private var thread = pthread_t()
    private var running = false

    public init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        start()
    }

    private func start() {
        let job = Unmanaged.passRetained(StartedJob { self.value = self.work() })
        running = pthread_create(&thread, nil, runJob, job.toOpaque()) == 0
        if !running {
            job.release()
            value = work()
        }
    }

    /// The work's result, once it is done.
    public func wait() -> Value {
        if running {
            pthread_join(thread, nil)
            running = false
        }
        if let value { return value }
        let made = work() // not reached: the thread set it before it ended
        value = made
        return made
    }
}

/// A thread's start: runs the `StartedJob` it was given (and releases it).
private func runJob(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    raw.map { Unmanaged<StartedJob>.fromOpaque($0).takeRetainedValue().run() }
    return nil
}

private final class StartedJob {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
