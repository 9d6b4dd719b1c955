#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Derived caches in `<data>/cache/`: the profile index (`ProfileIndex`), the
/// people summaries (`PeopleSummaries`) and each long journal's folded record
/// (`RecordSnapshot`, in `records/`). Every cache is checked against its sources
/// before use and rebuilt when stale, unreadable, from another format or missing;
/// the sources (profiles, journals) stay the truth, and deleting the folder is
/// always safe. Files are written atomically, 0600, and carry a format version.
/// A failure to write a cache is not an error: Ladder just parses the sources.
public enum CacheFolder {
    /// Name of the folder inside the data folder.
    public static let name = "cache"

    public static func path(in folder: DataFolder) -> String { folder.path + "/" + name }

    /// Creates the folder (0700) with a `.gitignore` so a data folder kept in git
    /// never commits it, and removes temp files a crash left behind.
    static func prepare(in folder: DataFolder) throws(StoreError) -> String {
        let path = path(in: folder)
        try SafeFile.makeFolder(path)
        let ignore = path + "/.gitignore"
        if access(ignore, F_OK) != 0 {
            try SafeFile.writeAtomically(Array("# Derived caches: rebuilt from profiles/ and people/ when missing.\n*\n".utf8), to: ignore)
        }
        SafeFile.removeStaleTemps(in: path)
        return path
    }

    /// The bytes of a cache file, or nil when it is missing or unreadable.
    static func read(_ file: String, in folder: DataFolder) -> [UInt8]? {
        (try? SafeFile.contents(of: path(in: folder) + "/" + file)) ?? nil
    }
}
