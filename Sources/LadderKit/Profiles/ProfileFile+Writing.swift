import CellGrid
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a profile file: atomically and private (0600, through
/// `SafeFile.writeAtomically`), never over a folder, and over an existing file
/// only when asked.
extension ProfileFile {
    /// Where a profile with this id goes in the user's profiles folder.
    public static func path(for id: String, in folder: DataFolder) -> String {
        folder.profilesPath + "/\(id).yaml"
    }

    /// Writes a profile's YAML text to `path`. An existing file is kept (and the
    /// error says so) unless `replacing` is true; a folder at `path` is always refused.
    /// `id` is the profile's id, for the folder case's suggestion.
    public static func write(_ yaml: String, id: String, to path: String, replacing: Bool) throws(StoreError) {
        try write(text: yaml, to: path, replacing: replacing, suggestedName: "\(id).yaml")
    }

    /// Writes any text made from a profile (YAML, CSV, Markdown) to `path`, as
    /// `write(_:id:to:replacing:)` does; `suggestedName` is the file name the
    /// folder case suggests.
    public static func write(text: String, to path: String, replacing: Bool, suggestedName: String) throws(StoreError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            let shown = Safe.text(path)
            if SafeFile.isFolder(info) {
                throw StoreError("\(shown) is a folder; pass -o with a file name, e.g. -o \(shown)/\(Safe.text(suggestedName))")
            }
            if !replacing {
                throw StoreError("\(shown) already exists; pass --force to overwrite it, or -o to write elsewhere")
            }
        }
        try SafeFile.writeAtomically(Array(text.utf8), to: path)
    }
}
