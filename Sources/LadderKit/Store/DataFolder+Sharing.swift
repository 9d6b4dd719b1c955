import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Records shared one person at a time: each is a git repository of its own,
/// `<data>/shared/people/<id>/`, holding only `people/<id>.jsonl`; the data folder
/// reads and writes that person's journal there. The team's profiles can be shared
/// the same way in `<data>/shared/profiles/`.
extension DataFolder {
    public var sharedPath: String { path + "/shared" }
    public var sharedPeoplePath: String { sharedPath + "/people" }

    /// The repository of a person's shared record (whether or not it exists).
    public func sharedRecord(_ person: PersonID) -> DataFolder {
        DataFolder(path: sharedPeoplePath + "/" + person.rawValue)
    }

    /// The repository of the team's shared profiles (whether or not it exists).
    public var sharedProfiles: DataFolder { DataFolder(path: sharedPath + "/profiles") }

    /// True when the person's record is shared on its own: its repository exists.
    public func isShared(_ person: PersonID) -> Bool {
        Self.isRepository(sharedRecord(person).path)
    }

    /// Every person whose record is shared on its own, sorted by id.
    public func sharedPeople() -> [PersonID] {
        let ids = SafeFile.entryNames(in: sharedPeoplePath).compactMap { name in
            PersonID(name).flatMap { Self.isRepository(sharedPeoplePath + "/" + name) ? $0 : nil }
        }
        return ids.sorted()
    }

    /// Refuses when `shared/`, `shared/people/` or a record's repository is a
    /// symbolic link: nothing is read or written through one.
    public func refuseLinkedSharing(_ person: PersonID? = nil) throws(StoreError) {
        var folders = [sharedPath, sharedPeoplePath]
        if let person { folders.append(sharedRecord(person).path) }
        for folder in folders { try SafeFile.refuseLinkedFolder(folder) }
    }

    /// True when `path` is a real folder (not a link) holding a `.git` folder.
    public static func isRepository(_ path: String) -> Bool {
        var stats = stat()
        guard lstat(path, &stats) == 0, SafeFile.isFolder(stats) else { return false }
        guard lstat(path + "/.git", &stats) == 0 else { return false }
        return SafeFile.isFolder(stats)
    }
}
