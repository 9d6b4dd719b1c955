import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The team's profiles, shared the way a record is: `<data>/shared/profiles/` is a
/// git repository holding `profiles/*.yaml` and nothing else, and the data folder
/// reads and writes its own profiles there (`DataFolder.profilesPath`), so mentor
/// and mentees see the same framework.
extension RecordSharing {
    /// `ladder share profiles URL`: moves this folder's own profiles into a new
    /// repository connected to `url` and pushes them.
    public func shareProfiles(url: String, progress: (String) -> Void = { _ in }) throws(SyncError) -> SyncReport {
        try Self.checkURL(url)
        let target = folder.sharedProfiles
        guard !DataFolder.isRepository(target.path) else {
            throw .store("the profiles are already shared (their remote: git -C '\(Safe.text(target.path))' remote -v); sync them with: ladder sync")
        }
        let own = folder.path + "/profiles", staging = folder.sharedPath + "/profiles.new"
        try prepareSharing()
        try newRepository(at: staging, url: url)
        try Self.store { () throws(StoreError) in
            try SafeFile.makeFolder(staging + "/profiles")
            try FileLock.withLock(folder.lockPath, timeout: store.lockTimeout) { () throws(StoreError) in
                for file in ProfileLibrary.yamlFiles(in: own) where rename(own + "/" + file, staging + "/profiles/" + file) != 0 {
                    throw StoreError.system("move", own + "/" + file, errno: errno)
                }
                guard rename(staging, target.path) == 0 else { throw StoreError.system("create", target.path, errno: errno) }
            }
        }
        return try firstSync(target, record: nil, message: "Share the team's profiles", progress: progress)
    }

    /// `ladder join URL --profiles`: fetches the team's profiles into this folder.
    /// Refused when the folder has profiles of its own (they would be hidden).
    public func joinProfiles(url: String) throws(SyncError) -> Int {
        try Self.checkURL(url)
        let target = folder.sharedProfiles
        guard !DataFolder.isRepository(target.path) else {
            throw .store("this folder already has shared profiles (git -C '\(Safe.text(target.path))' remote -v)")
        }
        let own = ProfileLibrary.yamlFiles(in: folder.path + "/profiles")
        guard own.isEmpty else {
            throw .store("this folder has profiles of its own (\(own.map(Safe.text).joined(separator: ", "))); move them out of \(Safe.text(folder.path))/profiles first, or ask for them to be added to the team's profiles")
        }
        let staging = folder.sharedPath + "/profiles.new"
        try prepareSharing()
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let repo = try clone(url, into: staging, empty: "holds no profiles yet; ask your mentor to run: ladder share profiles \(Safe.text(url))")
        var count = 0
        for (mode, path) in try Self.tree(of: repo) {
            if GitSync.ownFiles.contains(path), mode.hasPrefix("100") { continue }
            guard path.hasPrefix("profiles/"), mode.hasPrefix("100") else {
                throw .store("\(Safe.text(url)) is not a team's shared profiles: it holds \(Safe.text(path)); nothing was joined")
            }
            count += 1
        }
        try place(repo, at: target)
        return count
    }
}
