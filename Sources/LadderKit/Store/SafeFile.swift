import CellGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File writes that cannot leave a half-written or world-readable file behind.
///
/// Whole files: temp file (O_EXCL, 0600) in the same folder → write → fsync →
/// rename over the target → fsync the folder. Journal lines: one `write` of the
/// whole record on an O_APPEND descriptor, then fsync; a failed write is undone.
///
/// Every write first makes sure SIGXFSZ is ignored, so a file-size limit
/// (`ulimit -f`) turns into an `EFBIG` error the user is shown instead of killing
/// the process.
public enum SafeFile {
    /// Prefix of temp files, so stale ones can be found and removed at start.
    public static let tempPrefix = ".ladder-tmp-"
    /// A temp file older than this is removed at start even if its writer still runs.
    static let staleTempAge: time_t = 3600

    /// Ignores SIGXFSZ once per process (see the type's note).
    static let fileSizeSignalIgnored: Bool = {
        signal(SIGXFSZ, SIG_IGN)
        return true
    }()

    /// Refuses a target that is a symbolic link (the rename would replace the link,
    /// but a link where Ladder keeps its files is a sign of tampering).
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StoreError) {
        _ = fileSizeSignalIgnored
        if let link = linkRefusal(path) { throw StoreError("could not write \(Safe.text(path)): \(link)") }
        let folder = parentFolder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let temp = "\(folder)/\(tempPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("create a temporary file in", folder, errno: errno) }
        _ = fchmod(fd, 0o600) // 0600 whatever the umask (a umask of 0277 would make it 0400)
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        do throws(StoreError) {
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw StoreError.system("flush", path, errno: errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw .system("close", temp, errno: errno) }
        guard rename(temp, path) == 0 else { throw .system("replace", path, errno: errno) }
        renamed = true
        syncFolder(folder)
    }

    /// Appends one line (a newline is added) with a single write, then fsyncs.
    public static func appendLine(_ line: [UInt8], to path: String) throws(StoreError) {
        try appendLines([line], to: path)
    }

    /// Appends lines (each gets a newline) as one record: a single `write`, then fsync.
    /// Creates the file (0600) when missing. Call it holding the data folder's lock.
    /// All or nothing: a failed or short write (full disk, file-size limit) is undone
    /// by truncating back to the old length, so the file is as it was, and the error
    /// says why.
    public static func appendLines(_ lines: [[UInt8]], to path: String) throws(StoreError) {
        _ = fileSizeSignalIgnored
        guard !lines.isEmpty else { return }
        var created = false
        var fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if fd < 0 && errno == ENOENT {
            fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            created = fd >= 0
            if created { _ = fchmod(fd, 0o600) } // whatever the umask, so later opens can write
        }
        guard fd >= 0 else { throw openError("open", path, errno: errno) }
        defer { close(fd) }
        var done = false
        // A file this call created and could not fill is removed: the folder stays as it was.
        defer { if created && !done { unlink(path) } }
        var stats = stat()
        guard fstat(fd, &stats) == 0 else { throw .system("read the size of", path, errno: errno) }
        guard isRegular(stats) else { throw StoreError("could not write to \(Safe.text(path)): it is not a regular file") }
        let before = stats.st_size
        var record: [UInt8] = []
        if before > 0 {
            // A torn last line (a crash mid-write) has no newline: start on a fresh
            // line so the new event is not glued to it.
            var last: UInt8 = 0
            if pread(fd, &last, 1, before - 1) == 1 && last != 0x0A { record.append(0x0A) }
        }
        for line in lines {
            record.append(contentsOf: line)
            record.append(0x0A)
        }
        // One write carries the whole record. A regular file only writes short when
        // it cannot take more (full disk, size limit): then finish, or learn why.
        var offset = 0
        while offset < record.count {
            let written = record.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = written < 0 ? errno : ENOSPC
            if code == EINTR { continue }
            _ = ftruncate(fd, before)
            throw .system("write to", path, errno: code)
        }
        guard fsync(fd) == 0 else {
            let code = errno
            _ = ftruncate(fd, before)
            _ = fsync(fd)
            throw .system("flush", path, errno: code)
        }
        done = true
        if created { syncFolder(parentFolder(of: path)) } // the new file's name is durable too
    }

    /// The whole file, or nil when it does not exist. Refuses anything but a regular
    /// file (a FIFO or a device would block or never end) and, with `limit`, a file
    /// larger than `limit` bytes, before reading it.
    /// A symbolic link is refused (see `linkRefusal`).
    public static func contents(of path: String, limit: Int? = nil) throws(StoreError) -> [UInt8]? {
        guard let (fd, stats) = try openForReading(path) else { return nil }
        defer { close(fd) }
        if let limit, stats.st_size > limit {
            throw StoreError("could not read \(Safe.text(path)): it is \(stats.st_size) bytes, more than the \(limit) allowed")
        }
        var result: [UInt8] = []
        if stats.st_size > 0 { result.reserveCapacity(Int(stats.st_size)) }
        try readChunks(fd, path: path) { (chunk) throws(StoreError) in
            result.append(contentsOf: chunk)
            if let limit, result.count > limit { // grew while we read it
                throw StoreError("could not read \(Safe.text(path)): it is more than the \(limit) bytes allowed")
            }
        }
        return result
    }

    /// Reads `fd` to its end through one 64 KB buffer, handing `body` each chunk.
    /// With `limit`, stops after that many bytes.
    static func readChunks(_ fd: Int32, path: String, limit: Int? = nil,
                           _ body: (ArraySlice<UInt8>) throws(StoreError) -> Void) throws(StoreError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var left = limit ?? Int.max
        while left > 0 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, left)) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .system("read", path, errno: errno)
            }
            if count == 0 { break }
            left -= count
            try body(buffer[0..<count])
        }
    }

    /// Opens a regular file for reading, or nil when it does not exist. Refuses a
    /// symbolic link (naming it and its target), a folder, a FIFO or a device (which
    /// would block or never end) before reading a byte.
    static func openForReading(_ path: String) throws(StoreError) -> (fd: Int32, stats: stat)? {
        // O_NONBLOCK so that opening a FIFO cannot hang; it is refused just below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw openError("open", path, errno: code)
        }
        var stats = stat()
        guard fstat(fd, &stats) == 0 else {
            let code = errno
            close(fd)
            throw .system("read the size of", path, errno: code)
        }
        guard isRegular(stats) else {
            close(fd)
            throw StoreError("could not read \(Safe.text(path)): it is \(isFolder(stats) ? "a folder" : "not a regular file")")
        }
        return (fd, stats)
    }

    /// The names of a folder's entries (not `.` and `..`); none when it cannot be read.
    /// With `sweeping`, stale temp files met on the way are removed (and not named).
    static func entryNames(in folder: String, sweeping: Bool = false) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            if sweeping, removeIfStaleTemp(entry, in: folder) { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates a folder (and its parents) with mode 0700 when missing. A folder it
    /// creates is 0700 whatever the umask. The folder itself must not be a symbolic
    /// link unless `allowLink` (the data folder may live wherever the user points it).
    public static func makeFolder(_ path: String, allowLink: Bool = false) throws(StoreError) {
        if !allowLink { try refuseLinkedFolder(path) }
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) == 0 {
                _ = chmod(partial, 0o700)
            } else if errno != EEXIST {
                throw .system("create the folder", partial, errno: errno)
            }
        }
        var stats = stat()
        guard stat(path, &stats) == 0 else { throw .system("open the folder", path, errno: errno) }
        guard isFolder(stats) else { throw StoreError("\(Safe.text(path)) is not a folder") }
    }

    /// Removes temp files left in a folder by a crash during a whole-file write: those
    /// of processes that no longer run, and any older than an hour. A temp file of a
    /// Ladder still writing it is left alone.
    public static func removeStaleTemps(in folder: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) { removeIfStaleTemp(entry, in: folder) }
    }

    private static let tempPrefixBytes = Array(tempPrefix.utf8)

    /// Removes this entry of `folder` when it is a stale temp file (see
    /// `removeStaleTemps`), so a walk of a folder made for another reason sweeps it on
    /// the way; true when the entry is a temp file, stale or not.
    @discardableResult
    static func removeIfStaleTemp(_ entry: UnsafeMutablePointer<dirent>, in folder: String) -> Bool {
        // Told by its first bytes: a start walks a folder of a thousand profiles.
        guard entry.pointee.d_name.0 == CChar(UInt8(ascii: ".")) else { return false }
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
            guard raw.starts(with: tempPrefixBytes) else { return nil }
            return String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        guard let name else { return false }
        let path = "\(folder)/\(name)"
        if let pid = writerPID(ofTemp: name), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM {
            var stats = stat()
            if lstat(path, &stats) == 0 && time(nil) - modified(stats) < staleTempAge { return true }
        }
        unlink(path)
        return true
    }

    /// The process id written into a temp file's name by `writeAtomically`.
    static func writerPID(ofTemp name: String) -> pid_t? {
        let rest = name.dropFirst(tempPrefix.count)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("write", path, errno: errno)
            }
            if count == 0 { throw .system("write", path, errno: ENOSPC) }
            offset += count
        }
    }

    static func isRegular(_ stats: stat) -> Bool { stats.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) }
    static func isFolder(_ stats: stat) -> Bool { stats.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) }

    static func modified(_ stats: stat) -> time_t {
        #if os(Linux)
        return stats.st_mtim.tv_sec
        #else
        return stats.st_mtimespec.tv_sec
        #endif
    }

    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
