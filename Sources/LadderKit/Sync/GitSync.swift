import CellGrid
import Foundation

/// Shares a data folder that is a git work tree: commits the journals and profiles,
/// merges what the other side pushed (journals with git's `union` driver, so both
/// sides' new lines are kept), and pushes. A mentor and a mentee keep one repository
/// of the same people this way.
///
/// Everything that can be refused (no git, not a repository, no upstream, a merge
/// left half done) is checked before anything is written. The data folder's lock is
/// held while committing and merging, so no Ladder writes a journal mid-merge; it is
/// not held while talking to the remote, which can take long.
public struct GitSync: Sendable {
    public let folder: DataFolder
    public var git: Git
    /// How long to wait for another Ladder holding the data folder's lock.
    public var lockTimeout: Double = FileLock.defaultTimeout
    /// Join a remote history that shares no commit with the local one
    /// (`ladder sync --allow-unrelated`); without it only a folder's first sync may.
    public var allowUnrelated = false
    /// A shared record's repository: it may hold this person's journal and nothing
    /// else (besides Ladder's `.gitattributes` and `.gitignore`).
    public var onlyRecord: PersonID?
    /// The shared profiles' repository: it may hold `profiles/` and nothing else.
    public var onlyProfiles = false

    /// The line `.gitattributes` must have: journals merge by keeping both sides' lines.
    public static let attributeLine = "people/*.jsonl merge=union"
    /// The lines `.gitignore` must have: derived caches, the lock, Ladder's temp files.
    /// `owner.json` (who this machine's user is) and `shared/` (records shared one
    /// person at a time, each a repository of its own) never go into a shared folder.
    public static let ignoreLines = ["cache/", ".lock", SafeFile.tempPrefix + "*", "owner.json", "shared/"]

    public init(folder: DataFolder, git: Git) {
        self.folder = folder
        self.git = git
    }

    /// Sync for a data folder, with git found on the environment's PATH.
    public init(folder: DataFolder, environment: [String: String] = DataFolder.currentEnvironment()) throws(SyncError) {
        try self.init(folder: folder, git: Git(folder: folder.path, environment: environment))
    }

    /// Where the branch pulls from and pushes to, found before anything is written.
    struct Upstream {
        var branch: String
        var remote: String
        /// The remote's branch, `refs/heads/main`.
        var mergeRef: String
        var remoteBranch: String { mergeRef.hasPrefix("refs/heads/") ? String(mergeRef.dropFirst(11)) : mergeRef }
    }

    /// Commits, pulls (merging), checks the journals and pushes. `progress` hears
    /// what is going on (waiting for the lock, fetching, pushing).
    public func sync(message: String? = nil, progress: (String) -> Void = { _ in }) throws(SyncError) -> SyncReport {
        var git = self.git
        let upstream = try inspect(&git)
        var sync = GitSync(folder: folder, git: git, lockTimeout: lockTimeout)
        sync.allowUnrelated = allowUnrelated
        sync.onlyRecord = onlyRecord
        sync.onlyProfiles = onlyProfiles
        var report = SyncReport(remote: upstream.remote, branch: upstream.remoteBranch)
        progress("fetching from \(Safe.text(upstream.remote))…")
        var tracking = try sync.fetch(upstream)
        let started = try sync.head()
        try sync.locked(progress) { () throws(SyncError) in
            do throws(StoreError) { try folder.prepare() } catch { throw .store(error.message) }
            report.setupCommitted = try sync.commitGitFiles()
            if let commit = try sync.commitData(message) { report.add(commit) }
            report.warnings += try sync.ignoredJournals()
            defer { sync.keepPrivate() }
            try sync.merge(tracking, from: upstream, started: started, into: &report)
            SyncedLines.recordAll(in: folder)
            sync.noteMovedRecords(&report)
        }
        for attempt in 1...2 {
            try sync.refuseConflictMarkers(since: tracking)
            guard try sync.hasCommitsToPush(since: tracking) else { return report }
            progress("pushing to \(Safe.text(upstream.remote))…")
            let push = try sync.push(upstream)
            if push.succeeded {
                report.pushed = true
                return report
            }
            guard attempt == 1 else {
                throw .pushRejected(folder.path, remote: Safe.text(upstream.remote), branch: Safe.text(upstream.remoteBranch),
                                    detail: push.problem)
            }
            // Someone pushed since the fetch: pull again, then retry once.
            report.retriedPush = true
            progress("the push was rejected; pulling again…")
            tracking = try sync.fetch(upstream)
            try sync.locked(progress) { () throws(SyncError) in
                if let commit = try sync.commitData(nil) { report.add(commit) }
                defer { sync.keepPrivate() }
                try sync.merge(tracking, from: upstream, started: started, into: &report)
                SyncedLines.recordAll(in: folder)
                sync.noteMovedRecords(&report)
            }
        }
        return report
    }

    /// Lines pulled into the data folder's copy of a journal whose record is now shared
    /// on its own (`ladder share` in a folder shared as a whole keeps that copy as it
    /// was): Ladder reads the record's own repository, so they would not be shown.
    func noteMovedRecords(_ report: inout SyncReport) {
        guard onlyRecord == nil, !onlyProfiles else { return }
        for person in report.pulled?.people ?? [] where person.addedCount > 0 {
            guard let id = PersonID(person.id), folder.isShared(id) else { continue }
            let warning = "\(person.id): \(person.addedCount) new line\(person.addedCount == 1 ? "" : "s") came into this folder's copy of the journal, "
                + "but the record is shared on its own here (shared/people/\(person.id)/) and that copy is no longer read; "
                + "whoever wrote them should join the record's own repository (ladder join URL --name NAME) and make the change there"
            if !report.warnings.contains(warning) { report.warnings.append(warning) }
        }
    }

    init(folder: DataFolder, git: Git, lockTimeout: Double) {
        self.folder = folder
        self.git = git
        self.lockTimeout = lockTimeout
    }

    /// Checks that the folder is a repository of its own on a branch that tracks a
    /// remote branch, with nothing half done; adds the fallback identity when git
    /// has none. Writes nothing.
    func inspect(_ git: inout Git) throws(SyncError) -> Upstream {
        let data = folder.path
        var stats = stat()
        guard stat(data, &stats) == 0 else {
            if errno == ENOENT { throw .noFolder(data) }
            throw .store("could not read the data folder \(Safe.text(data)): \(String(cString: strerror(errno)))")
        }
        let top = try git.run(["rev-parse", "--show-toplevel"])
        guard top.succeeded else {
            let said = top.problem
            throw .notARepository(data, detail: said.contains("not a git repository") ? nil : said)
        }
        guard Self.samePlace(top.text, data) else { throw .insideAnotherRepository(data, top: Safe.text(top.text)) }

        let paths = try git.require(["rev-parse", "--git-path", "MERGE_HEAD", "--git-path", "rebase-merge",
                                     "--git-path", "rebase-apply", "--git-path", "CHERRY_PICK_HEAD", "--git-path", "REVERT_HEAD"])
        let operations = ["merge", "rebase", "rebase", "cherry-pick", "revert"]
        for (path, operation) in zip(paths.text.split(separator: "\n"), operations) {
            let full = path.hasPrefix("/") ? String(path) : data + "/" + path
            if access(full, F_OK) == 0 { throw .operationInProgress(data, operation: operation) }
        }

        let head = try git.run(["symbolic-ref", "-q", "--short", "HEAD"])
        guard head.succeeded, !head.text.isEmpty else { throw .detachedHead(data) }
        let branch = head.text
        let unborn = !(try git.run(["rev-parse", "-q", "--verify", "HEAD"])).succeeded
        let remote = try git.run(["config", "--get", "branch.\(branch).remote"]).text
        let mergeRef = try git.run(["config", "--get", "branch.\(branch).merge"]).text
        if remote.isEmpty || mergeRef.isEmpty {
            let remotes = try git.require(["remote"]).text.split(separator: "\n").map(String.init)
            if remotes.isEmpty { throw .noRemote(data, branch: Safe.text(branch), unborn: unborn) }
            throw .noUpstream(data, branch: Safe.text(branch), remotes: remotes.map(Safe.text), unborn: unborn)
        }
        if try git.run(["config", "user.email"]).text.isEmpty {
            git.options = ["-c", "user.name=ladder", "-c", "user.email=ladder@localhost"]
        }
        return Upstream(branch: branch, remote: remote, mergeRef: mergeRef)
    }

    /// Runs `body` holding the data folder's lock; `waiting` hears once if another
    /// Ladder holds it.
    func locked(_ waiting: (String) -> Void, _ body: () throws(SyncError) -> Void) throws(SyncError) {
        let result: Result<Void, SyncError>
        do throws(StoreError) {
            result = try FileLock.withLock(folder.lockPath, timeout: lockTimeout, waiting: waiting) { () throws(StoreError) in
                do throws(SyncError) { try body(); return .success(()) } catch { return .failure(error) }
            }
        } catch {
            throw .store(error.message)
        }
        try result.get()
    }

    /// Gives the files git wrote (a merge, an abort) Ladder's private modes again:
    /// files 0600 and folders 0700 in `people/` and `profiles/`, and the git files.
    /// Git records no such modes, so this changes nothing git sees.
    func keepPrivate() {
        func fix(_ path: String, folder: Bool) {
            var stats = stat()
            guard lstat(path, &stats) == 0, stats.st_uid == geteuid() else { return }
            let isFolder = stats.st_mode & S_IFMT == S_IFDIR
            guard isFolder == folder, isFolder || stats.st_mode & S_IFMT == S_IFREG else { return }
            let mode: mode_t = folder ? 0o700 : 0o600
            if stats.st_mode & 0o777 != mode { _ = chmod(path, mode) }
        }
        for name in [".gitattributes", ".gitignore"] { fix(self.folder.path + "/" + name, folder: false) }
        for sub in [self.folder.peoplePath, self.folder.profilesPath] {
            fix(sub, folder: true)
            guard let dir = opendir(sub) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { fix(sub + "/" + name, folder: false) }
            }
        }
    }

    /// True when two paths name the same folder (after resolving links).
    static func samePlace(_ a: String, _ b: String) -> Bool {
        func real(_ path: String) -> String {
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return real(a) == real(b)
    }
}

/// What a sync did, for the user.
public struct SyncReport: Sendable {
    public var remote: String
    /// The remote branch, e.g. `main`.
    public var branch: String
    /// True when `.gitattributes`/`.gitignore` were written or changed and committed.
    public var setupCommitted = false
    /// The messages of the commits made of local changes (none when there were none).
    public var commits: [String] = []
    /// Journal lines those commits added.
    public var committedLines = 0
    /// What the merge brought in, when it brought anything.
    public var pulled: ChangeSummary?
    /// True when nothing had to be merged (the remote had nothing new).
    public var upToDate = true
    public var pushed = false
    /// True when the first push was rejected and sync pulled again before retrying.
    public var retriedPush = false
    /// Journal problems the merge brought in, and journals git ignores.
    public var warnings: [String] = []

    public init(remote: String, branch: String) {
        self.remote = remote
        self.branch = branch
    }

    mutating func add(_ commit: (message: String, added: Int)) {
        commits.append(commit.message)
        committedLines += commit.added
    }

    /// Journal lines the merge brought in.
    public var pulledLines: Int { pulled?.people.reduce(0) { $0 + $1.addedCount } ?? 0 }

    /// `+3 pulled, +1 pushed` (lines of the journal), or what else happened.
    public var counts: String {
        let pushedLines = pushed ? committedLines : 0
        if pulledLines == 0 && pushedLines == 0 { return pushed ? "pushed" : "up to date" }
        return "+\(pulledLines) pulled, +\(pushedLines) pushed"
    }

    /// One line for each thing that happened.
    public var lines: [String] {
        let upstream = Safe.text("\(remote)/\(branch)")
        var lines: [String] = []
        if setupCommitted { lines.append("Committed .gitattributes and .gitignore: journals merge line by line; caches, the lock and temp files stay out of git.") }
        if commits.isEmpty {
            lines.append("Nothing new to commit.")
        } else {
            for commit in commits { lines.append("Committed: \(Safe.text(commit.split(separator: "\n").first.map(String.init) ?? commit))") }
        }
        if let pulled {
            lines.append("Pulled from \(upstream): \(Safe.text(pulled.words(limit: 5))).")
        } else {
            lines.append(upToDate ? "Nothing new on \(upstream)." : "Merged \(upstream).")
        }
        if pushed {
            lines.append(retriedPush ? "Pushed to \(upstream) (after pulling again: someone pushed meanwhile)." : "Pushed to \(upstream).")
        } else {
            lines.append("Nothing to push: \(upstream) has everything.")
        }
        return lines
    }
}
