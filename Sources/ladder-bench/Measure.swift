import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic nanoseconds.
func clockNanos() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Milliseconds between two `clockNanos()` readings.
func millis(_ start: UInt64, _ end: UInt64) -> Double { Double(end - start) / 1_000_000 }

/// Order statistics of a sample of durations in milliseconds.
struct Stats: Codable {
    var count: Int
    var median: Double
    var p99: Double
    var max: Double
    var min: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func at(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            // Nearest rank: the smallest value with at least q of the sample at or below it.
            let rank = Int((q * Double(sorted.count)).rounded(.up))
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
        }
        median = at(0.5)
        p99 = at(0.99)
        max = sorted.last ?? 0
        min = sorted.first ?? 0
    }
}

/// What one run of a child process cost.
struct ChildRun {
    var millis: Double
    /// Peak resident set of the child, KB (getrusage ru_maxrss of that child, via wait4).
    var maxRSS: Int
    var status: Int32
    var stdout: String
}

/// Runs a program to completion, timing from just before spawn until it has exited
/// and its output has been read; the child's own peak memory comes from `wait4`.
func runChild(_ program: String, _ arguments: [String], environment: [String: String]) throws -> ChildRun {
    var pipe: [Int32] = [0, 0]
    guard Glibc.pipe(&pipe) == 0 else { throw BenchError("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipe[0])
    posix_spawn_file_actions_addclose(&actions, pipe[1])
    let start = clockNanos()
    let spawned = spawn(program, arguments, environment: environment, actions: &actions)
    close(pipe[1])
    let pid: pid_t
    switch spawned {
    case .success(let spawnedID): pid = spawnedID
    case .failure(let error):
        close(pipe[0])
        throw error
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        output += buffer[0..<count]
    }
    close(pipe[0])
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let end = clockNanos()
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ChildRun(millis: millis(start, end), maxRSS: usage.ru_maxrss, status: exit,
                    stdout: String(decoding: output, as: UTF8.self))
}

/// `posix_spawn` of `program` with `arguments` and exactly `environment`.
func spawn(
    _ program: String, _ arguments: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t
) -> Result<pid_t, BenchError> {
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
    guard spawned == 0 else { return .failure(BenchError("cannot run \(program): \(String(cString: strerror(spawned)))")) }
    return .success(pid)
}
