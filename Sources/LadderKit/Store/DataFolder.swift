import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where Ladder keeps a user's data: `$LADDER_HOME`, else `$XDG_DATA_HOME/ladder`
/// (only when absolute), else `~/.local/share/ladder`.
///
/// Layout: `profiles/` (the user's own profiles), `people/<id>.jsonl` (journals),
/// `.lock` (held while writing). Folders are 0700 and files 0600.
public struct DataFolder: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The folder the environment names; not created yet.
    public static func locate(environment: [String: String]) throws(StoreError) -> DataFolder {
        if let home = environment["LADDER_HOME"], !home.isEmpty {
            return DataFolder(path: home)
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return DataFolder(path: xdg + "/ladder")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw StoreError("cannot find the data folder: HOME is not set; set LADDER_HOME to a folder for Ladder's data")
        }
        return DataFolder(path: home + "/.local/share/ladder")
    }

    /// The folder for this process's environment, created (0700) when missing,
    /// with stale temp files removed.
    public static func resolve(environment: [String: String] = currentEnvironment()) throws(StoreError) -> DataFolder {
        let folder = try locate(environment: environment)
        try folder.prepare()
        return folder
    }

    /// The user's own profiles: `profiles/`, or the shared profiles' repository's
    /// `profiles/` once the team's profiles are shared (`ladder share profiles URL`).
    public var profilesPath: String {
        Self.isRepository(sharedProfiles.path) ? sharedProfiles.profilesPath : path + "/profiles"
    }
    public var peoplePath: String { path + "/people" }
    public var lockPath: String { path + "/.lock" }

    /// Creates the folders and removes stale temp files. Refuses `people/`,
    /// `profiles/` or `cache/` when it is a symbolic link (the data folder itself may be
    /// one: the user chose where it lives).
    public func prepare() throws(StoreError) {
        try SafeFile.makeFolder(path, allowLink: true)
        try SafeFile.makeFolder(profilesPath)
        try SafeFile.makeFolder(peoplePath)
        try refuseLinkedFolders()
        // The profiles folder is swept when the library lists it (a thousand entries, once).
        for folder in [path, peoplePath] { SafeFile.removeStaleTemps(in: folder) }
    }

    /// Refuses when `people/`, `profiles/` or `cache/` is a symbolic link: everything
    /// Ladder reads and writes stays inside the data folder.
    public func refuseLinkedFolders() throws(StoreError) {
        for folder in [peoplePath, profilesPath, CacheFolder.path(in: self)] { try SafeFile.refuseLinkedFolder(folder) }
    }

    /// A warning when others can read the data folder, else nil.
    public func permissionWarning() -> String? {
        var stats = stat()
        guard stat(path, &stats) == 0 else { return nil }
        if stats.st_mode & 0o077 != 0 {
            return "warning: \(Safe.text(path)) can be read by other users; run: chmod 700 '\(Safe.text(path))'"
        }
        return nil
    }

    /// The journal file of a person.
    public func journalPath(for person: PersonID) -> String {
        "\(peoplePath)/\(person.rawValue).jsonl"
    }

    /// Every person with a journal, sorted by id. A `.jsonl` entry that is a folder
    /// (or a FIFO, a socket…) is no person: see `strayEntries()`. A symbolic link is
    /// listed, so that opening it says why it is refused.
    public func people() -> [PersonID] {
        journalEntries().compactMap { $0.usable ? $0.id : nil }.sorted { $0.rawValue < $1.rawValue }
    }

    /// True when `people/` holds at least one journal; stops at the first one found.
    public func hasPeople() -> Bool {
        var found = false
        visitJournalEntries { entry in
            found = entry.usable
            return !found
        }
        return found
    }

    /// One warning for each `people/*.jsonl` that is neither a journal file nor a link
    /// (a folder named `zed.jsonl`, a FIFO): such an entry is not shown as a person.
    public func strayEntries() -> [String] {
        journalEntries().filter { !$0.usable }.map { entry in
            "\(Safe.text(peoplePath + "/" + entry.name)) is \(entry.what), not a journal; it is not shown as a person. Move it out of \(Safe.text(peoplePath))"
        }.sorted()
    }

    /// The `.jsonl` entries of `people/` with a valid id, and whether each is a file
    /// (or link) Ladder can try to read.
    private func journalEntries() -> [JournalEntry] {
        var entries: [JournalEntry] = []
        visitJournalEntries { entry in
            entries.append(entry)
            return true
        }
        return entries
    }

    private typealias JournalEntry = (name: String, id: PersonID, usable: Bool, what: String)

    /// Calls `visit` with each `.jsonl` entry of `people/` until it returns false.
    private func visitJournalEntries(_ visit: (JournalEntry) -> Bool) {
        guard let dir = opendir(peoplePath) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasSuffix(".jsonl"), let id = PersonID(String(name.dropLast(6))) else { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {  // some file systems do not say: ask
                var stats = stat()
                guard lstat(peoplePath + "/" + name, &stats) == 0 else { continue }
                switch stats.st_mode & mode_t(S_IFMT) {
                case mode_t(S_IFREG): type = UInt8(DT_REG)
                case mode_t(S_IFLNK): type = UInt8(DT_LNK)
                case mode_t(S_IFDIR): type = UInt8(DT_DIR)
                default: type = UInt8(DT_FIFO)
                }
            }
            let usable = type == UInt8(DT_REG) || type == UInt8(DT_LNK)
            guard visit((name, id, usable, type == UInt8(DT_DIR) ? "a folder" : "not a regular file")) else { return }
        }
    }

    /// The process's environment variables, split at each one's first `=` on its bytes
    /// (by `Character` it was a tenth of a millisecond of every start).
    public static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = UnsafeRawBufferPointer(start: entry, count: strlen(entry))
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                result[String(decoding: pair[..<equals], as: UTF8.self)] = String(decoding: pair[(equals + 1)...], as: UTF8.self)
            }
            pointer += 1
        }
        return result
    }
}

/// A person's id: a slug of their name, safe as a file name: no `/`, no `.`, no
/// control characters, NFC-normalised (so names differing only in normalisation
/// or case share one id and one file), at most 64 characters and 128 bytes.
public struct PersonID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Longest id in UTF-8 bytes, well under the 255 bytes a file name may have.
    public static let maxBytes = 128

    /// Accepts an id only if it is already a valid slug, byte for byte.
    public init?(_ raw: String) {
        guard Self.isValid(raw) else { return nil }
        rawValue = raw
    }

    /// An id known to be valid (a constant); skips the check `init?(_:)` makes.
    private init(valid raw: String) {
        rawValue = raw
    }

    /// The id for a person's name. Always a valid id (`PersonID(id.rawValue)` accepts it).
    /// A name with no letter or digit (`!!!`) gets `person-` and a hash of the name, so
    /// two such names never share an id (nor take the id of someone named "Person").
    public init(name: String) {
        var id = Identifier.slug(name.precomposedStringWithCanonicalMapping, fallback: "")
        id = id.isEmpty ? "" : Self.capped(id.precomposedStringWithCanonicalMapping)
        if id.isEmpty || !Self.isValid(id) {
            // No letter or digit, or rare Unicode where slugging and normalising disagree:
            // a stable ASCII id made from the whole name.
            let hash = String(Identifier.fnv1a64(name.precomposedStringWithCanonicalMapping) & 0xFFFF_FFFF, radix: 16)
            id = "person-" + String(repeating: "0", count: 8 - hash.count) + hash
        }
        rawValue = id
    }

    static func isValid(_ raw: String) -> Bool {
        guard !raw.isEmpty, raw.utf8.count <= maxBytes else { return false }
        guard raw.precomposedStringWithCanonicalMapping.utf8.elementsEqual(raw.utf8) else { return false }
        return Identifier.slug(raw, fallback: "").utf8.elementsEqual(raw.utf8)
    }

    /// At most 64 characters and `maxBytes` bytes, cut between scalars, no dash at the end.
    static func capped(_ id: String) -> String {
        var out = String.UnicodeScalarView()
        var bytes = 0
        var characters = 0
        for character in id {
            let size = character.utf8.count
            if characters + 1 > 64 || bytes + size > maxBytes { break }
            out.append(contentsOf: character.unicodeScalars)
            bytes += size
            characters += 1
        }
        var result = String(out)
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "person" : result
    }

    public static let me = PersonID(valid: "me")
    public var description: String { rawValue }
    public static func < (a: PersonID, b: PersonID) -> Bool { a.rawValue < b.rawValue }
}
