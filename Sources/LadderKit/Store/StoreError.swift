import CellGrid

/// Something went wrong reading or writing Ladder's data folder. Messages say what
/// happened to which file and what the user can do; nothing on disk was changed.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// The lock file another Ladder held, when that is why nothing was written:
    /// the same write can be tried again once it lets go.
    public var heldLock: String?
    public init(_ message: String, heldLock: String? = nil) {
        self.message = message
        self.heldLock = heldLock
    }
    public var description: String { message }

    /// An error for a failed system call on a path, with the system's reason.
    static func system(_ action: String, _ path: String, errno code: Int32) -> StoreError {
        let reason: String
        switch code {
        case ENOSPC: reason = "the disk is full"
        case EDQUOT: reason = "the disk quota is exhausted"
        case EFBIG: reason = "the file is larger than allowed (file size limit)"
        case EACCES, EPERM: reason = "permission denied"
        case EROFS: reason = "the file system is read-only"
        case ENOENT: reason = "no such file or folder"
        default: reason = String(cString: strerror(code))
        }
        return StoreError("could not \(action) \(Safe.text(path)): \(reason)")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
