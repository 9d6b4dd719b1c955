#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file, enough to tell that it changed: size, change and
/// modification times (nanoseconds) and inode. A file rewritten within the clock's
/// resolution of being read can keep its stamp, so an entry made from a file that
/// changed less than `racyWindow` before is "racy" and checked by content next time.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var mtime: Int64
    var ctime: Int64
    var inode: UInt64

    static let racyWindow: Int64 = 2_000_000_000

    static func of(_ path: String) -> FileStamp? { path.withCString { of($0, in: AT_FDCWD) } }

    /// The stamp of `name` in the folder open as `folder` (a file descriptor): the
    /// kernel walks one name instead of the whole path, a quarter off a thousand.
    /// Nil when it is gone or not a regular file.
    static func of(_ name: UnsafePointer<CChar>, in folder: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        mtime = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        ctime = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        ctime = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }

    init(size: Int64, mtime: Int64, ctime: Int64, inode: UInt64) {
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
    }

    /// True when the file changed too recently for its stamp to prove it unchanged later.
    func isRacy(now: Int64 = FileStamp.now()) -> Bool {
        now - max(mtime, ctime) < Self.racyWindow
    }

    /// The wall clock in nanoseconds, as file times are kept.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
