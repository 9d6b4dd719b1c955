#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File writes that cannot leave a half-written or world-readable file behind.
///
/// Whole files: temp file (O_EXCL, 0600) in the same folder → write → fsync →
/// rename over the target → fsync the folder. Journal lines: one `write` of the
/// whole line on an O_APPEND descriptor, then fsync.
public enum SafeFile {
    /// Prefix of temp files, so stale ones can be found and removed at start.
    public static let tempPrefix = ".ladder-tmp-"

    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let folder = parentFolder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let temp = "\(folder)/\(tempPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("create a temporary file in", folder, errno: errno) }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do throws(StoreError) {
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw StoreError.system("flush", path, errno: errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw .system("close", temp, errno: errno) }
        guard rename(temp, path) == 0 else { throw .system("replace", path, errno: errno) }
        ok = true
        syncFolder(folder)
    }

    /// Appends one line (a newline is added) with a single write, then fsyncs.
    /// Creates the file (0600) when missing. Call it holding the data folder's lock. A failed or short write is undone by
    /// truncating back to the old length, so the file is as it was.
    public static func appendLine(_ line: [UInt8], to path: String) throws(StoreError) {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("open", path, errno: errno) }
        defer { close(fd) }
        var stats = stat()
        guard fstat(fd, &stats) == 0 else { throw .system("read the size of", path, errno: errno) }
        let before = stats.st_size
        var record: [UInt8] = []
        if before > 0 {
            // A torn last line (a crash mid-write) has no newline: start on a fresh
            // line so the new event is not glued to it.
            var last: UInt8 = 0
            if pread(fd, &last, 1, before - 1) == 1 && last != 0x0A { record.append(0x0A) }
        }
        record.append(contentsOf: line)
        record.append(0x0A)
        let written = record.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written != record.count {
            let code = written < 0 ? errno : ENOSPC
            _ = ftruncate(fd, before)
            throw .system("write to", path, errno: code)
        }
        guard fsync(fd) == 0 else {
            let code = errno
            _ = ftruncate(fd, before)
            throw .system("flush", path, errno: code)
        }
    }

    /// The whole file, or nil when it does not exist.
    public static func contents(of path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .system("open", path, errno: errno)
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var stats = stat()
        if fstat(fd, &stats) == 0, stats.st_size > 0 { result.reserveCapacity(Int(stats.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("read", path, errno: errno)
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// Creates a folder (and its parents) with mode 0700 when missing.
    public static func makeFolder(_ path: String) throws(StoreError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                throw .system("create the folder", partial, errno: errno)
            }
        }
    }

    /// Removes temp files left in a folder by a crash during a whole-file write.
    public static func removeStaleTemps(in folder: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(tempPrefix) { unlink("\(folder)/\(name)") }
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("write", path, errno: errno)
            }
            offset += count
        }
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
