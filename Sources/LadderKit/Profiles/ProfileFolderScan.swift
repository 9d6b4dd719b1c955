#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The profile files of a folder, each with its stamp: what a start compares with
/// the index's lines, and what the builder goes by when they differ. Made on a thread
/// of its own (`started`) while the index is read. Stale temporary files are swept
/// on the way, once.
struct ProfileFolderScan: Sendable {
    /// The names' bytes, one after another; `ends[i]` is where name `i` ends.
    private var names: [UInt8] = []
    private var ends: [Int] = []
    /// Each name's stamp; nil when it is gone or not a regular file.
    private(set) var stamps: [FileStamp?] = []
    /// False when the folder could not be listed.
    private(set) var listed = false

    var count: Int { ends.count }

    static func started(_ path: String) -> Started<ProfileFolderScan> {
        Started { ProfileFolderScan(path) }
    }

    init(_ path: String) {
        guard let dir = opendir(path) else { return }
        defer { closedir(dir) }
        listed = true
        let folder = dirfd(dir)
        while let entry = readdir(dir) {
            if SafeFile.removeIfStaleTemp(entry, in: path) { continue }
            withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { name in
                    let raw = UnsafeRawBufferPointer(start: name, count: strlen(name))
                    guard ProfileLibrary.isProfileFileName(raw) else { return }
                    names.append(contentsOf: raw)
                    ends.append(names.count)
                    stamps.append(FileStamp.of(name, in: folder))
                }
            }
        }
    }

    /// Calls `body` with the bytes of name `index`.
    func withName<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        names.withUnsafeBytes { bytes in
            body(UnsafeRawBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]))
        }
    }
}
