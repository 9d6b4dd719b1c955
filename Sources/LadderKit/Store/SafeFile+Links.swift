import CellGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Symbolic links in the data folder: Ladder's files (journals, the lock, caches,
/// profiles) are regular files, and `people/`, `profiles/` and `cache/` real folders,
/// inside the data folder. A link there could make Ladder write into, or print, a file
/// outside it, so every open refuses one (`O_NOFOLLOW`) and says where it points.
extension SafeFile {
    /// Why `path` is refused when it is a symbolic link (dangling or not), else nil.
    /// `what` names what Ladder expected there: "a regular file" or "a folder".
    public static func linkRefusal(_ path: String, expected what: String = "a regular file") -> String? {
        var stats = stat()
        guard lstat(path, &stats) == 0, stats.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK) else { return nil }
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        let target = count >= 0 ? String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        var targetStats = stat()
        let dangling = stat(path, &targetStats) != 0
        let link = dangling
            ? "it is a dangling symbolic link (to \(Safe.text(target)), which does not exist)"
            : "it is a symbolic link (to \(Safe.text(target)))"
        return """
        \(link); Ladder only uses \(what) here, inside its data folder, so it read and wrote nothing \
        through it. Replace the link with \(what) of its own (or remove it)
        """
    }

    /// The error for a failed open of `path`: a symbolic link is named as one (with
    /// its target), anything else is the system's reason.
    static func openError(_ action: String, _ path: String, errno code: Int32) -> StoreError {
        if let link = linkRefusal(path) { return StoreError("could not \(action) \(Safe.text(path)): \(link)") }
        return .system(action, path, errno: code)
    }

    /// Refuses a folder of the data folder (`people/`, `profiles/`, `cache/`) that is a
    /// symbolic link. A missing folder is fine (it is created as a real one).
    public static func refuseLinkedFolder(_ path: String) throws(StoreError) {
        if let link = linkRefusal(path, expected: "a folder") {
            throw StoreError("Ladder will not use \(Safe.text(path)): \(link)")
        }
    }
}
