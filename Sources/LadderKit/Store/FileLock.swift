import CellGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a lock file, held while one change is written, so two
/// Ladder processes on the same data folder never interleave their writes. The
/// kernel drops it when a process dies, so no stale lock is ever left behind.
public enum FileLock {
    /// Seconds a writer waits for the lock before refusing; writers hold it for
    /// milliseconds, so reaching this means another Ladder is stuck (or stopped).
    public static let defaultTimeout = 5.0

    /// Runs `body` holding the lock; waits up to `timeout` seconds for another
    /// process to release it, telling `waiting` once, then gives up with an error
    /// that names the lock file (`heldLock`). A timeout of 0 tries once.
    public static func withLock<T>(_ path: String, timeout: Double = defaultTimeout, waiting: (String) -> Void = { _ in },
                                   _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        // O_NOFOLLOW: a lock file that is a link is refused, never created or opened through.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { throw SafeFile.openError("open the lock file", path, errno: errno) }
        defer { close(fd) }  // closing releases the lock
        var stats = stat()
        guard fstat(fd, &stats) == 0, SafeFile.isRegular(stats) else {
            throw StoreError("could not use the lock file \(Safe.text(path)): it is not a regular file; remove it and try again")
        }
        if stats.st_mode & 0o777 != 0o600 && stats.st_uid == geteuid() { _ = fchmod(fd, 0o600) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw .system("lock", path, errno: errno) }
            waiting("waiting for lock on \(Safe.text(path)) (another ladder is writing)")
            var waited = 0.0
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if waited >= timeout {
                    throw StoreError("another ladder holds the lock on \(Safe.text(path)); close it or try again", heldLock: path)
                }
                usleep(20_000)
                waited += 0.02
            }
        }
        return try body()
    }
}
