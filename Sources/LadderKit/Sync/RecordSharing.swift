import CellGrid
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sharing one person's record with that person alone: `ladder share PERSON URL`
/// (the mentor) makes `<data>/shared/people/<id>/` a git repository of its own,
/// moves the journal into it and pushes; `ladder join URL --name NAME` (the mentee)
/// clones such a repository into a new data folder and makes her its owner. Every
/// sync of it keeps `GitSync`'s guards, and more: it may hold that journal only.
public struct RecordSharing: Sendable {
    public let store: Store
    public var environment: [String: String]

    public init(store: Store, environment: [String: String] = DataFolder.currentEnvironment()) {
        self.store = store
        self.environment = environment
    }

    var folder: DataFolder { store.folder }

    /// Connects a person's record to `url` (an empty bare repository, or one holding
    /// that record: the two are merged) and pushes it. From then on the journal lives
    /// in the record's repository and `ladder sync` syncs it. `keptCopy`: the data folder
    /// is itself shared through git, and keeps its copy of the journal as it was.
    public func share(_ person: PersonID, url: String,
                      progress: (String) -> Void = { _ in }) throws(SyncError) -> (report: SyncReport, keptCopy: Bool) {
        try Self.checkURL(url)
        let id = store.canonical(person)
        let record = folder.sharedRecord(id)
        guard !folder.isShared(id) else {
            throw .store("\(id)'s record is already shared (its remote: git -C '\(Safe.text(record.path))' remote -v); sync it with: ladder sync")
        }
        let (home, file) = try Self.store { () throws(StoreError) in try store.location(of: id) }
        guard home == folder, file == id else {
            throw .store("your record is kept as me in this folder (from before you named yourself), so it cannot be shared on its own; share the whole folder instead (see README, Sharing through git)")
        }
        let staging = folder.sharedPeoplePath + "/" + id.rawValue + ".new"
        let keepsCopy = inFolderRepository(id)
        try prepareSharing(id)
        try newRepository(at: staging, url: url)
        try Self.store { () throws(StoreError) in
            try SafeFile.makeFolder(staging + "/people")
            // Moved under the data folder's lock: a writer decides where the journal is
            // while holding it, so no change lands in the old place afterwards.
            try FileLock.withLock(folder.lockPath, timeout: store.lockTimeout) { () throws(StoreError) in
                let from = folder.journalPath(for: id), to = staging + "/people/" + id.rawValue + ".jsonl"
                var moved = access(from, F_OK) == 0
                if moved, keepsCopy {
                    try SafeFile.writeAtomically(try SafeFile.contents(of: from) ?? [], to: to)
                    moved = false  // the folder's copy stays where it is
                } else if moved, rename(from, to) != 0 {
                    throw StoreError.system("move", from, errno: errno)
                }
                if rename(staging, record.path) != 0 {
                    let code = errno
                    if moved { _ = rename(to, from) }
                    throw StoreError.system("create", record.path, errno: code)
                }
            }
        }
        return (try firstSync(record, record: id, message: "Share \(id)'s record", progress: progress), keepsCopy)
    }

    /// True when the data folder is itself shared through git and holds this
    /// person's journal in its history. Sharing the record on its own then copies the
    /// journal and leaves the folder's copy where it is, as of now: removing it would
    /// be a journal that shrinks, which everyone else's `ladder sync` refuses.
    func inFolderRepository(_ person: PersonID) -> Bool {
        guard DataFolder.isRepository(folder.path), let git = try? Git(folder: folder.path, environment: environment) else { return false }
        return (try? git.run(["ls-files", "--error-unmatch", "--", "people/" + person.rawValue + ".jsonl"]))?.succeeded == true
    }

    /// Fetches the record at `url` into this (new) data folder and makes its person,
    /// named `name`, the folder's owner. The repository must hold one journal and
    /// nothing else but Ladder's git files.
    public func join(url: String, name: String) throws(SyncError) -> Owner {
        try Self.checkURL(url)
        let existing = store.people().filter { (try? store.journal(for: $0).events.isEmpty) == false }
        guard store.owner() == nil, existing.isEmpty, folder.sharedPeople().isEmpty else {
            throw .store("this data folder already has records (\(existing.map(\.rawValue).joined(separator: ", "))); join into a new one, e.g.: LADDER_HOME=~/ladder-mine ladder join URL --name \"\(Safe.text(name))\"")
        }
        let staging = folder.sharedPeoplePath + "/join.new"
        try prepareSharing()
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let repo = try clone(url, into: staging, empty: "holds no record yet; ask your mentor to run: ladder share YOUR-ID \(Safe.text(url))")
        let id = try Self.onlyJournal(in: repo, url: url)
        try place(repo, at: folder.sharedRecord(id))
        let owner = Owner(id: id, name: name)
        try Self.store { () throws(StoreError) in try owner.save(to: folder) }
        return owner
    }

    /// Creates the data folder and `shared/people/` (0700) when missing, refusing links
    /// on the way (and to `person`'s record, when given).
    func prepareSharing(_ person: PersonID? = nil) throws(SyncError) {
        try Self.store { () throws(StoreError) in
            try folder.prepare()
            try folder.refuseLinkedSharing(person)
            try SafeFile.makeFolder(folder.sharedPath)
            try SafeFile.makeFolder(folder.sharedPeoplePath)
        }
    }

    /// A new repository at `staging` (0700) whose branch `main` pulls from and
    /// pushes to `url`. Anything left there by an interrupted attempt is removed first.
    func newRepository(at staging: String, url: String) throws(SyncError) {
        try? FileManager.default.removeItem(atPath: staging)
        let git = try Git(folder: SafeFile.parentFolder(of: staging), environment: environment)
        try git.require(["init", "-q", "-b", "main", staging])
        _ = chmod(staging, 0o700)
        let repo = try Git(folder: staging, environment: environment)
        for command in [["remote", "add", "origin", url], ["config", "branch.main.remote", "origin"],
                        ["config", "branch.main.merge", "refs/heads/main"]] {
            try repo.require(command)
        }
    }

    /// The first sync of a repository just made: joins what the remote holds (the user
    /// named it), pushes, and records the time.
    func firstSync(_ repository: DataFolder, record: PersonID?, message: String,
                   progress: (String) -> Void) throws(SyncError) -> SyncReport {
        var sync = try GitSync(folder: repository, environment: environment)
        sync.allowUnrelated = true
        sync.onlyRecord = record
        sync.onlyProfiles = record == nil
        let report = try sync.sync(message: message, progress: progress)
        LastSync.record(in: repository)
        return report
    }

    /// Clones `url` into `staging` without checking anything out; `empty` says what
    /// to do when the remote has no commit.
    func clone(_ url: String, into staging: String, empty: String) throws(SyncError) -> Git {
        try? FileManager.default.removeItem(atPath: staging)
        let git = try Git(folder: SafeFile.parentFolder(of: staging), environment: environment)
        let cloned = try git.run(["clone", "--quiet", "--no-checkout", "--", url, staging])
        guard cloned.succeeded else { throw .fetchFailed(folder.path, remote: Safe.text(url), detail: cloned.problem) }
        let repo = try Git(folder: staging, environment: environment)
        guard try repo.run(["rev-parse", "-q", "--verify", "HEAD^{commit}"]).succeeded else {
            throw .store("\(Safe.text(url)) \(empty)")
        }
        return repo
    }

    /// Checks out a checked clone and moves it to its place, private, its lines and
    /// time recorded as synced.
    func place(_ repo: Git, at target: DataFolder) throws(SyncError) {
        try repo.require(["reset", "--quiet", "--hard", "HEAD"])
        guard rename(repo.folder, target.path) == 0 else {
            throw .store(StoreError.system("create", target.path, errno: errno).message)
        }
        _ = chmod(target.path, 0o700)
        try GitSync(folder: target, environment: environment).keepPrivate()
        SyncedLines.recordAll(in: target)
        LastSync.record(in: target)
    }

    /// The paths of a clone's tree with their modes.
    static func tree(of repo: Git) throws(SyncError) -> [(mode: Substring, path: String)] {
        try repo.require(["ls-tree", "-r", "-z", "--full-tree", "HEAD"]).fields.filter { !$0.isEmpty }.map { entry in
            let parts = entry.split(separator: "\t", maxSplits: 1)
            return (parts.first?.split(separator: " ").first ?? "", parts.count == 2 ? String(parts[1]) : "")
        }
    }

    /// The person whose journal the cloned repository holds; refuses anything else in it.
    static func onlyJournal(in repo: Git, url: String) throws(SyncError) -> PersonID {
        var journals: [PersonID] = []
        for (mode, path) in try tree(of: repo) {
            if GitSync.ownFiles.contains(path), mode.hasPrefix("100") { continue }
            if let id = ChangeSummary.personID(ofPath: path).flatMap({ PersonID($0) }), mode.hasPrefix("100"),
               path == "people/\(id.rawValue).jsonl" {
                journals.append(id)
                continue
            }
            throw .store("\(Safe.text(url)) is not one person's shared record: it holds \(Safe.text(path)); nothing was joined. A mentor shares a record with: ladder share PERSON URL")
        }
        guard journals.count == 1, let id = journals.first else {
            throw .store(journals.isEmpty
                ? "\(Safe.text(url)) holds no record yet; ask your mentor to run: ladder share YOUR-ID \(Safe.text(url))"
                : "\(Safe.text(url)) holds the records of \(journals.map(\.rawValue).joined(separator: ", ")), not one person's; nothing was joined")
        }
        return id
    }

    /// A URL that git would take for an option is refused.
    static func checkURL(_ url: String) throws(SyncError) {
        guard !url.isEmpty, !url.hasPrefix("-"), !url.contains("\0"), url.utf8.count <= 4_096 else {
            throw .store("'\(Safe.text(url))' is not a git URL or path")
        }
    }

    static func store<T>(_ body: () throws(StoreError) -> T) throws(SyncError) -> T {
        do throws(StoreError) { return try body() } catch { throw .store(error.message) }
    }
}
